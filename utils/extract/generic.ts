/**
 * People on any page: schema.org Person (JSON-LD as object, array or @graph;
 * microdata), microformats h-card (mf2 and classic vCard) and OpenGraph
 * `profile:*` tags. Pure, over an injected Document and URL.
 *
 * A page can hold several people (a team page). The person is the one whose
 * `url` is this page, the `mainEntity` of a ProfilePage, the only one there
 * is, or the one whose name the user selected; otherwise Introbook asks the
 * user to select a name rather than guess.
 */
import { LIMITS } from '../domain/limits';
import type { FieldOrigin, ProfileCapture } from '../domain/schemas';
import { completeConfidence, createPicker, keepName, splitConfidence } from './fields';
import { H_CARDS, MICRODATA_PERSON, SITE_SUFFIX } from './layouts/generic';
import { canonicalPageUrl } from '../core/canonical-url';
import { jsonLdPeople, ldAddress, ldImage, ldString } from './structured-data';
import { cleanText, splitName } from '../core/text';
import { acceptName, httpsUrlOrNull, PageTooComplex, visibleText } from './text';
import { finish, type ReadResult } from './result';

/** Names are read generously, then cut at a word if they pass LIMITS.name. */
const NAME_READ = LIMITS.name * 4;

export const SEVERAL_PEOPLE = 'This page shows several people. Select the name of the one you want, then try again.';

interface PersonData {
  origin: Extract<FieldOrigin, 'json-ld' | 'microdata' | 'h-card' | 'opengraph'>;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  jobTitle: string | null;
  org: string | null;
  location: string | null;
  photo: string | null;
  url: string | null;
  note: string | null;
  /** The schema.org mainEntity of a ProfilePage. */
  main?: boolean;
}

export function readGenericPerson(doc: Document, pageUrl: string, selection = ''): ReadResult {
  const key = canonicalPageUrl(pageUrl);
  if (key === null) return { status: 'not-profile' };
  let people: PersonData[];
  try {
    people = [...fromJsonLd(doc), ...fromMicrodata(doc, pageUrl), ...fromHCards(doc, pageUrl), ...fromOpenGraph(doc)].filter(
      (p) => acceptName(p.name, NAME_READ) !== null,
    );
  } catch (error) {
    if (error instanceof PageTooComplex) throw error;
    return { status: 'unreadable', profileUrl: key, reason: `The page could not be read (${String(error)}).`, code: 'error', settled: true };
  }
  if (people.length === 0) return { status: 'not-profile' };
  const person = choose(people, key, pageUrl, selection);
  if (!person) return { status: 'unreadable', profileUrl: key, reason: SEVERAL_PEOPLE, code: 'several-people', settled: true };
  return toCapture(person, key, pageUrl);
}

function samePage(url: string | null, key: string, base: string): boolean {
  const resolved = httpsUrlOrNull(url, base);
  return resolved !== null && canonicalPageUrl(resolved) === key;
}

function choose(people: PersonData[], key: string, base: string, selection: string): PersonData | null {
  const byUrl = people.find((p) => samePage(p.url, key, base));
  if (byUrl) return byUrl;
  const main = people.find((p) => p.main);
  if (main) return main;
  // The same person described in several formats counts once.
  const distinct = new Map<string, PersonData>();
  for (const p of people) {
    const name = (acceptName(p.name, NAME_READ) ?? '').toLowerCase();
    if (!distinct.has(name)) distinct.set(name, p);
  }
  if (distinct.size === 1) return people[0] ?? null;
  const selected = cleanText(selection, 1000)?.toLowerCase();
  if (selected) {
    const hits = Array.from(distinct.entries()).filter(([name]) => selected.includes(name) || name.includes(selected));
    if (hits.length === 1) return hits[0]?.[1] ?? null;
  }
  return null;
}

function toCapture(p: PersonData, key: string, base: string): ReadResult {
  const { sources, confidence, notes } = createPicker();
  const name = keepName(acceptName(p.name, NAME_READ)!, confidence, notes);
  const split = splitName(name);
  const origin = p.origin;
  sources.profileUrl = 'url';
  sources.name = origin;
  const given = acceptName(p.givenName, LIMITS.name);
  const family = acceptName(p.familyName, LIMITS.name);
  const firstName = given ?? split.first;
  const lastName = given ? family : (family ?? split.last);
  if (firstName) sources.firstName = given ? origin : 'structure';
  if (lastName) sources.lastName = family ? origin : 'structure';
  const role = cleanText(p.jobTitle, LIMITS.short);
  const company = cleanText(p.org, LIMITS.short);
  const headline = cleanText(p.note, LIMITS.headline);
  const location = cleanText(p.location, LIMITS.short);
  const photoUrl = httpsUrlOrNull(p.photo, base);
  for (const [field, value] of [
    ['role', role],
    ['company', company],
    ['headline', headline],
    ['location', location],
    ['photoUrl', photoUrl],
  ] as const) {
    if (value) sources[field] = origin;
  }
  const capture: ProfileCapture = {
    profileUrl: key,
    name,
    firstName,
    lastName,
    headline,
    role,
    company,
    location,
    photoUrl,
    degree: null,
    mutualConnections: { count: 0, names: [] },
    source: origin === 'json-ld' || origin === 'microdata' ? 'schema-org' : origin,
    positions: role || company ? [{ title: role, company }] : [],
    aliases: [],
    fieldSources: sources,
  };
  splitConfidence(name, sources, confidence);
  capture.fieldConfidence = completeConfidence(sources, confidence);
  if (Object.keys(notes).length > 0) capture.fieldNotes = notes;
  return finish(capture, true);
}

// --- JSON-LD ------------------------------------------------------------------------

function fromJsonLd(doc: Document): PersonData[] {
  return jsonLdPeople(doc).map(({ person: p, main }) => ({
    origin: 'json-ld' as const,
    name: ldString(p.name) ?? joinParts(ldString(p.givenName), ldString(p.familyName)),
    givenName: ldString(p.givenName),
    familyName: ldString(p.familyName),
    jobTitle: ldString(p.jobTitle),
    org: ldString(p.worksFor) ?? ldString(p.affiliation),
    location: ldAddress(p.address) ?? ldAddress(p.homeLocation),
    photo: ldImage(p.image),
    url: ldString(p.url),
    note: ldString(p.description),
    main,
  }));
}

function joinParts(...parts: (string | null)[]): string | null {
  const present = parts.filter((x): x is string => Boolean(x));
  return present.length > 0 ? present.join(' ') : null;
}

// --- Microdata ----------------------------------------------------------------------

/** The value of one `itemprop` element (WHATWG HTML, "Microdata": values). */
function itemValue(el: Element, base: string): string | null {
  if (el.hasAttribute('itemscope')) {
    const name = el.querySelector('[itemprop~="name"]');
    return name ? itemValue(name, base) : visibleText(el);
  }
  const tag = el.tagName.toLowerCase();
  if (tag === 'meta') return el.getAttribute('content');
  if (tag === 'img' || tag === 'source') return httpsUrlOrNull(el.getAttribute('src'), base);
  if (tag === 'a' || tag === 'link' || tag === 'area') return httpsUrlOrNull(el.getAttribute('href'), base);
  if (tag === 'time') return el.getAttribute('datetime') ?? visibleText(el);
  return visibleText(el);
}

/** The first property `name` of the item rooted at `root`, skipping nested items' own properties. */
function itemProp(root: Element, name: string, base: string): string | null {
  for (const el of Array.from(root.querySelectorAll(`[itemprop~="${name}"]`))) {
    const owner = el.parentElement?.closest('[itemscope]');
    if (owner === root) return itemValue(el, base);
  }
  return null;
}

function fromMicrodata(doc: Document, base: string): PersonData[] {
  return Array.from(doc.querySelectorAll(MICRODATA_PERSON))
    .slice(0, 50)
    .map((root) => ({
      origin: 'microdata' as const,
      name: itemProp(root, 'name', base) ?? joinParts(itemProp(root, 'givenName', base), itemProp(root, 'familyName', base)),
      givenName: itemProp(root, 'givenName', base),
      familyName: itemProp(root, 'familyName', base),
      jobTitle: itemProp(root, 'jobTitle', base),
      org: itemProp(root, 'worksFor', base) ?? itemProp(root, 'affiliation', base),
      location: itemProp(root, 'address', base) ?? itemProp(root, 'homeLocation', base),
      photo: itemProp(root, 'image', base),
      url: itemProp(root, 'url', base),
      note: itemProp(root, 'description', base),
    }));
}

// --- Microformats -------------------------------------------------------------------

/** The first element with `className` that belongs to `root` itself, not to a nested card. */
function mfProp(root: Element, classNames: string[], cardSelector: string): Element | null {
  for (const cls of classNames) {
    for (const el of Array.from(root.querySelectorAll(`.${cls}`))) {
      const owner = el.parentElement?.closest(cardSelector);
      if (owner === root) return el;
    }
  }
  return null;
}

function mfText(el: Element | null): string | null {
  if (!el) return null;
  if (el.matches('.h-card, .vcard')) {
    const inner = el.querySelector('.p-name, .fn');
    if (inner) return visibleText(inner);
  }
  const tag = el.tagName.toLowerCase();
  if (tag === 'img' || tag === 'area') return el.getAttribute('alt');
  if (tag === 'abbr' && el.hasAttribute('title')) return el.getAttribute('title');
  if (tag === 'data' || tag === 'input') return el.getAttribute('value');
  return visibleText(el);
}

function mfUrl(el: Element | null, base: string): string | null {
  if (!el) return null;
  const raw = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('data') ?? el.getAttribute('value');
  return httpsUrlOrNull(raw, base);
}

function fromHCards(doc: Document, base: string): PersonData[] {
  const cards: PersonData[] = [];
  for (const v of H_CARDS) {
    const selector = v.root;
    // Top-level cards only: a card nested in another is an org or an author, not the page's person.
    const roots = Array.from(doc.querySelectorAll(selector)).filter((el) => !el.parentElement?.closest('.h-card, .vcard'));
    for (const root of roots.slice(0, 50)) {
      const prop = (names: readonly string[]) => mfProp(root, [...names], selector);
      const implied = root.matches('img, area') ? root.getAttribute('alt') : null;
      cards.push({
        origin: 'h-card',
        name: mfText(prop(v.name)) ?? implied ?? joinParts(mfText(prop(v.given)), mfText(prop(v.family))),
        givenName: mfText(prop(v.given)),
        familyName: mfText(prop(v.family)),
        jobTitle: mfText(prop(v.title)),
        org: mfText(prop(v.org)),
        location: mfText(prop(v.locality)),
        photo: mfUrl(prop(v.photo), base),
        url: mfUrl(prop(v.url), base),
        note: mfText(prop(v.note)),
      });
    }
  }
  return cards;
}

// --- OpenGraph ----------------------------------------------------------------------

function meta(doc: Document, property: string): string | null {
  return doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content') ?? null;
}

/** og:title without a site suffix: "Ada Lovelace | Site", "Ada Lovelace - Site", "Ada Lovelace · Site". */
function stripSiteSuffix(title: string | null): string | null {
  if (!title) return null;
  return title.split(SITE_SUFFIX)[0] ?? null;
}

function fromOpenGraph(doc: Document): PersonData[] {
  if ((meta(doc, 'og:type') ?? '').toLowerCase() !== 'profile') return [];
  const given = meta(doc, 'profile:first_name');
  const family = meta(doc, 'profile:last_name');
  return [
    {
      origin: 'opengraph',
      name: joinParts(given, family) ?? stripSiteSuffix(meta(doc, 'og:title')) ?? meta(doc, 'profile:username'),
      givenName: given,
      familyName: family,
      jobTitle: null,
      org: null,
      location: null,
      photo: meta(doc, 'og:image'),
      url: meta(doc, 'og:url'),
      note: meta(doc, 'og:description'),
    },
  ];
}
