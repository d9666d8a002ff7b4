/**
 * How any page may describe a person, as data: schema.org microdata, the two
 * h-card dialects (microformats2 and classic vCard) and OpenGraph profile
 * tags. Each property lists its class names in fallback order. Read by
 * ../generic.ts; fixtures in tests/fixtures/generic/.
 */
export const MICRODATA_PERSON = '[itemscope][itemtype$="schema.org/Person"]';

export interface HCardDialect {
  root: string;
  name: readonly string[];
  given: readonly string[];
  family: readonly string[];
  title: readonly string[];
  org: readonly string[];
  locality: readonly string[];
  photo: readonly string[];
  url: readonly string[];
  note: readonly string[];
}

export const H_CARDS: readonly HCardDialect[] = [
  {
    root: '.h-card',
    name: ['p-name'],
    given: ['p-given-name'],
    family: ['p-family-name'],
    title: ['p-job-title', 'p-role'],
    org: ['p-org'],
    locality: ['p-locality', 'p-adr', 'p-region', 'p-country-name'],
    photo: ['u-photo'],
    url: ['u-url', 'u-uid'],
    note: ['p-note'],
  },
  {
    root: '.vcard',
    name: ['fn'],
    given: ['given-name'],
    family: ['family-name'],
    title: ['title', 'role'],
    org: ['org'],
    locality: ['locality', 'adr', 'region', 'country-name'],
    photo: ['photo'],
    url: ['url', 'uid'],
    note: ['note'],
  },
];

/** og:title without a site suffix: "Ada Lovelace | Site", "Ada Lovelace - Site", "Ada Lovelace · Site". */
export const SITE_SUFFIX = /\s+[|·–—-]\s+/;
