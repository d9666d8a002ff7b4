/**
 * What a GitHub user page looks like, as data (reference §12): an mf2 h-card
 * combined with schema.org Person microdata. Each list is an ordered fallback.
 * Read by ../github.ts; fixtures in tests/fixtures/github/.
 */
export const GITHUB = {
  /** The person's card; organisations and repositories have none. */
  personCard: '.h-card[itemtype$="schema.org/Person"], [itemscope][itemtype$="schema.org/Person"], .h-card.vcard',
  /** The display name (may be empty: then the login is what GitHub shows). */
  name: { microdata: '[itemprop="name"]', hCard: '.p-name' },
  login: { microdata: '[itemprop="additionalName"]', hCard: '.p-nickname' },
  /** `login (Full Name) · GitHub` */
  title: /^\S+ \((.+)\)\s*·\s*GitHub$/,
  company: { microdata: '[itemprop="worksFor"]', hCard: '.p-org' },
  bio: { hCard: '.p-note, [data-bio-text]', microdata: '[itemprop="description"]' },
  location: { microdata: '[itemprop="homeLocation"]', hCard: '.p-label, .p-locality' },
  avatar: 'img.avatar-user, img.avatar, img.u-photo, [itemprop="image"] img, img[itemprop="image"]',
} as const;
