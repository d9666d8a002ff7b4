/**
 * LinkedIn extraction: pure, over an injected Document and URL.
 *
 * Each field is read from the most trustworthy signal present, and its origin
 * is recorded (reference: ../shared/reference/linkedin-and-profile-pages.md §1):
 * URL → JSON-LD whose url names this profile → embedded page data whose
 * publicIdentifier matches the URL → link targets → ARIA → structure around the
 * name's heading → `<title>` → legacy class names. Every DOM query is scoped to
 * the top card (the section holding the name), because sidebars such as
 * "People also viewed" carry other people's names, degrees and photos.
 *
 * Fixtures: tests/fixtures/linkedin/*.html, expectations in tests/unit/corpus.test.ts.
 */
import {
  LIMITS,
  type Degree,
  type MutualConnections,
  type Position,
  type Source,
} from '../domain/schemas';
import { canonicalProfileUrl, isMemberIdUrl, linkedInPage, linkedInProfileId } from '../core/canonical-url';
import { createPicker } from './fields';
import { jsonLdPersons, ldAddress, ldImage, ldString, type JsonObject } from './structured-data';
import { cleanText, splitName } from '../core/text';
import { acceptName, httpsUrlOrNull, visibleText } from './text';
import { finish, NO_NAME, type ReadResult } from './result';
import { embeddedProfile, type EmbeddedProfile } from './voyager';

export type { ReadResult } from './result';

/** Legacy (2021–2024) and public-page class hooks: brittle, used last. */
const LEGACY = {
  name: 'h1.text-heading-xlarge',
  publicName: '.top-card-layout__title',
  headline: '.text-body-medium.break-words, .top-card-layout__headline',
  location:
    '.text-body-small.inline.t-black--light.break-words, .top-card__subline-item, .top-card-layout__first-subline > div',
  degree: '.dist-value',
  photo: 'img.pv-top-card-profile-picture__image, img.top-card__profile-image',
} as const;

/**
 * A degree badge in any UI language: "· 2nd", "3rd+", "2º", "2e", "2.", "2ème",
 * "1er", "2°", "2nd degree connection". A bare digit needs the leading bullet.
 */
const DEGREE_TEXT =
  /^(?:[·•]\s*([123])(?:st|nd|rd|th|º|ª|°|e|er|re|ère|ème|次|\.)?\+?|([123])(?:st|nd|rd|th|º|ª|°|e|er|re|ère|ème|次|\.)\+?)(?:\s+\p{L}+(?:\s+\p{L}+)?)?$/iu;
/** "(She/Her)", "he/him" */
const PRONOUNS = /^\(?\p{L}+\/\p{L}+\)?$/u;
/** "500+ connections", "1,234 followers": a number and a word, in any language. */
const COUNTER = /^\d[\d,.\s]*\+?\s+\p{L}+$/u;
const EXPERIENCE_HEADINGS =
  /^(?:experience|expérience|berufserfahrung|experiencia|esperienza|ervaring|experiência|doświadczenie|erfarenhet|経歴|经历|經歷|الخبرة)$/i;
/** "Jan 2021 - Present", "janv. 2021 – aujourd’hui", "2019 - 2021": a range between a year and anything. */
const DATE_RANGE = /\b(?:1[89]|20)\d{2}\b[^–—-]*\s[–—-]\s*([^·]*)/;
const YEAR = /\b(?:1[89]|20)\d{2}\b/;

export function readLinkedInProfile(doc: Document, url: string): ReadResult {
  const page = linkedInPage(url);
  if (page === null) return { status: 'not-profile' };
  try {
    return page.kind === 'profile' ? readMember(doc, url, page.key) : readSalesOrRecruiter(doc, url, page.kind, page.key);
  } catch (error) {
    // A page we cannot parse must never break the page or the extension.
    return { status: 'unreadable', profileUrl: page.key, reason: `The page could not be read (${String(error)}).` };
  }
}

// --- Member profiles (/in/…) ---------------------------------------------------------

function readMember(doc: Document, pageUrl: string, urlKey: string): ReadResult {
  const { pick, sources } = createPicker();

  // A member-id URL (/in/ACoAA…) is an alias: the page names the vanity URL.
  const vanityUrl = isMemberIdUrl(pageUrl) ? vanityFromPage(doc, pageUrl, urlKey) : null;
  const profileUrl = vanityUrl ?? urlKey;
  const aliases = vanityUrl ? [urlKey] : [];
  sources.profileUrl = vanityUrl ? 'link' : 'url';
  const matches = (href: string | null) => sameProfile(href, pageUrl, profileUrl, urlKey);

  const ld = jsonLdPersons(doc).find((p) => matches(ldString(p.url)));
  const profileId = linkedInProfileId(profileUrl) ?? '';
  const embedded = embeddedProfile(doc, profileId);
  const heading = findNameHeading(doc, matches);
  const card = heading ? topCardOf(heading) : null;

  const name = pick(
    'name',
    ['json-ld', () => acceptName(ldString(ld?.name), LIMITS.name)],
    ['embedded-data', () => acceptName(joinName(embedded), LIMITS.name)],
    ['heading', () => acceptName(visibleText(heading, LIMITS.name), LIMITS.name)],
    ['title', () => acceptName(nameFromTitle(doc.title), LIMITS.name)],
  );
  if (!name) return { status: 'unreadable', profileUrl, reason: NO_NAME };

  const split = splitName(name);
  const firstName = pick(
    'firstName',
    ['json-ld', () => acceptName(ldString(ld?.givenName), LIMITS.name)],
    ['embedded-data', () => acceptName(embedded?.firstName ?? null, LIMITS.name)],
    ['structure', () => split.first],
  );
  const lastName = pick(
    'lastName',
    ['json-ld', () => acceptName(ldString(ld?.familyName), LIMITS.name)],
    ['embedded-data', () => acceptName(embedded?.lastName ?? null, LIMITS.name)],
    // A structured first name with no family name means there is none to guess.
    ['structure', () => (sources.firstName === 'structure' ? split.last : null)],
  );

  const blocks = heading && card ? proseBlocks(card, heading, name) : [];
  const headline = pick(
    'headline',
    ['embedded-data', () => cleanText(embedded?.headline, LIMITS.headline)],
    ['structure', () => cleanText(blocks[0]?.text, LIMITS.headline)],
    ['class', () => legacyText(card, LEGACY.headline, LIMITS.headline)],
  );
  const location = pick(
    'location',
    ['json-ld', () => cleanText(ldAddress(ld?.address), LIMITS.short)],
    ['structure', () => locationFromBlocks(blocks, card)],
    ['class', () => legacyText(card, LEGACY.location, LIMITS.short)],
  );

  const ldPositions = positionsFromLd(ld);
  const embeddedPositions = embedded?.positions.filter((p) => p.title || p.company) ?? [];
  const experience = currentExperience(doc);
  const positions = ldPositions.length > 0 ? ldPositions : embeddedPositions.length > 0 ? embeddedPositions : experience;
  const fromHeadline = roleAtCompany(headline);
  const role = pick(
    'role',
    ['json-ld', () => ldPositions[0]?.title],
    ['embedded-data', () => embeddedPositions[0]?.title],
    ['structure', () => experience[0]?.title ?? fromHeadline?.role],
  );
  const company = pick(
    'company',
    ['json-ld', () => ldPositions[0]?.company],
    ['embedded-data', () => embeddedPositions[0]?.company],
    ['link', () => companyFromLinks(card)],
    ['aria', () => companyFromAria(card)],
    ['structure', () => experience[0]?.company ?? fromHeadline?.company],
  );

  const photoUrl = pick(
    'photoUrl',
    ['json-ld', () => usablePhoto(ldImage(ld?.image), pageUrl)],
    ['structure', () => photoInCard(card, name, pageUrl)],
    ['class', () => usablePhoto(card?.querySelector(LEGACY.photo)?.getAttribute('src'), pageUrl)],
    ['opengraph', () => usablePhoto(metaContent(doc, 'og:image'), pageUrl)],
  );
  const degree = pick('degree', ['structure', () => (card ? degreeOf(card) : null)]);
  const mutuals = pick<MutualConnections>('mutualConnections', ['link', () => (card ? mutualConnections(card) : null)]) ?? {
    count: 0,
    names: [],
  };

  const confirmed =
    Boolean(ld) || Boolean(embedded) || (card !== null && Array.from(card.querySelectorAll('a[href]')).some((a) => matches(a.getAttribute('href'))));

  return finish(
    {
      profileUrl,
      name,
      firstName,
      lastName,
      headline,
      role,
      company,
      location,
      photoUrl,
      degree,
      mutualConnections: mutuals,
      source: 'linkedin',
      positions,
      aliases,
      fieldSources: sources,
    },
    confirmed,
  );
}

function joinName(embedded: EmbeddedProfile | null): string | null {
  if (!embedded) return null;
  const parts = [embedded.firstName, embedded.lastName].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** For /in/ACoAA… pages: the vanity URL the page names (rel=canonical, og:url, the name's self-link). */
function vanityFromPage(doc: Document, pageUrl: string, memberKey: string): string | null {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    metaContent(doc, 'og:url'),
    ...Array.from(doc.querySelectorAll('main a[href] h1, main a[href] h2')).map((h) => h.closest('a')?.getAttribute('href')),
  ];
  for (const href of candidates) {
    const url = resolve(href, pageUrl);
    const canonical = url ? canonicalProfileUrl(url) : null;
    if (canonical && canonical !== memberKey && !isMemberIdUrl(canonical)) return canonical;
  }
  return null;
}

function resolve(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function sameProfile(href: string | null, base: string, ...keys: string[]): boolean {
  const url = resolve(href, base);
  const canonical = url ? canonicalProfileUrl(url) : null;
  return canonical !== null && keys.includes(canonical);
}

function metaContent(doc: Document, property: string): string | null {
  return doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content') ?? null;
}

// --- Name and top card -------------------------------------------------------

/**
 * The heading that shows the person's name. Current layouts wrap it in a link to
 * the profile itself (the level flips between h1 and h2, so never depend on it).
 */
function findNameHeading(doc: Document, isSelf: (href: string | null) => boolean): Element | null {
  const scope = doc.querySelector('main') ?? doc.body;
  if (!scope) return null;
  for (const link of Array.from(scope.querySelectorAll('a[href]'))) {
    if (!isSelf(link.getAttribute('href'))) continue;
    const heading = link.querySelector('h1, h2') ?? link.closest('h1, h2');
    if (heading && visibleText(heading)) return heading;
  }
  return scope.querySelector(LEGACY.name) ?? scope.querySelector(LEGACY.publicName) ?? scope.querySelector('h1') ?? null;
}

/** The section that holds the name: the only place degree, headline and mutuals are read. */
function topCardOf(heading: Element): Element {
  return heading.closest('section') ?? heading.closest('main') ?? heading.parentElement ?? heading;
}

/** `Name | LinkedIn`, `(3) Name | LinkedIn`, `Name - Company | LinkedIn`. */
function nameFromTitle(title: string): string | null {
  const match = /^(?:\(\d+\+?\)\s*)?(.+?)\s*\|\s*LinkedIn\s*$/i.exec(title.trim());
  if (!match?.[1]) return null;
  return match[1].split(' - ')[0] ?? null;
}

// --- Text blocks ---------------------------------------------------------------

interface Block {
  el: Element;
  text: string;
}

const BLOCK_EXCLUDED_INSIDE = 'button, figure, [role="button"], select, textarea, input, label';

/**
 * Runs of visible text in `root`, outermost element first, in page order: each
 * element holding its own text node counts once (with its descendants' text).
 */
function textBlocks(root: Element, options: { after?: Element; skipLinks: boolean }): Block[] {
  const blocks: Block[] = [];
  const taken = new Set<Element>();
  const { after } = options;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (after && (after === el || after.contains(el))) continue;
    if (after && !(after.compareDocumentPosition(el) & 4 /* FOLLOWING */)) continue;
    if (!hasOwnText(el)) continue;
    if (el.closest(BLOCK_EXCLUDED_INSIDE) || (options.skipLinks && el.closest('a'))) continue;
    if (hasTakenAncestor(el, root, taken)) continue;
    const text = visibleText(el);
    if (!text) continue;
    taken.add(el);
    blocks.push({ el, text });
  }
  return blocks;
}

function hasOwnText(el: Element): boolean {
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3 && (child.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

function hasTakenAncestor(el: Element, root: Element, taken: Set<Element>): boolean {
  for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
    if (taken.has(p)) return true;
  }
  return false;
}

/** Blocks after the name that are the headline or location: not the name, a degree badge, pronouns or a counter. */
function proseBlocks(card: Element, heading: Element, name: string): Block[] {
  return textBlocks(card, { after: heading, skipLinks: true }).filter(({ text }) => {
    const t = text.replace(/^[·•]\s*/, '');
    return t !== '' && text !== name && !DEGREE_TEXT.test(text) && !PRONOUNS.test(t) && !COUNTER.test(t) && t !== '·';
  });
}

function locationFromBlocks(blocks: Block[], card: Element | null): string | null {
  // The location sits just before the "Contact info" link when there is one.
  const contact = card?.querySelector('a[href*="/overlay/contact-info"]');
  if (contact) {
    const before = blocks.filter((b) => b.el.compareDocumentPosition(contact) & 4);
    if (before.length >= 2) return cleanText(before[before.length - 1]?.text, LIMITS.short);
  }
  return cleanText(blocks[1]?.text, LIMITS.short);
}

function legacyText(card: Element | null, selector: string, max: number): string | null {
  const el = card?.querySelector(selector);
  return el ? visibleText(el, max) : null;
}

// --- Role and company -----------------------------------------------------------

function positionsFromLd(ld: JsonObject | undefined): Position[] {
  if (!ld) return [];
  const titles = (Array.isArray(ld.jobTitle) ? ld.jobTitle : [ld.jobTitle]).map((t) => cleanText(ldString(t), LIMITS.short));
  const companies = (Array.isArray(ld.worksFor) ? ld.worksFor : [ld.worksFor]).map((c) => cleanText(ldString(c), LIMITS.short));
  const count = Math.min(Math.max(titles.length, companies.length), 20);
  const positions: Position[] = [];
  for (let i = 0; i < count; i++) {
    const title = titles[i] ?? null;
    const company = companies[i] ?? null;
    if (title || company) positions.push({ title, company });
  }
  return positions;
}

function companyFromLinks(card: Element | null): string | null {
  const link = card?.querySelector('a[href*="/company/"]');
  return link ? visibleText(link, LIMITS.short) : null;
}

/** Older layout: `button[aria-label="Current company: Acme. Click to skip to experience card"]` (English only). */
function companyFromAria(card: Element | null): string | null {
  const label = card?.querySelector('[aria-label^="Current company:"]')?.getAttribute('aria-label');
  if (!label) return null;
  return cleanText(label.replace(/^Current company:\s*/, '').replace(/\.\s*Click to skip.*$/i, ''), LIMITS.short);
}

/** "Principal Engineer at Analytical Engines | Mentor" → role and company. */
function roleAtCompany(headline: string | null): { role: string; company: string } | null {
  if (!headline) return null;
  const first = headline.split(/\s[|•·]\s/)[0] ?? '';
  const match = /^(.+?)\s+(?:at|@|chez|bei|en|presso|bij|na)\s+(.+)$/i.exec(first);
  if (!match?.[1] || !match[2]) return null;
  const role = cleanText(match[1], LIMITS.short);
  const company = cleanText(match[2], LIMITS.short);
  return role && company ? { role, company } : null;
}

/** A date range whose end is not a year ("Present", "heute", "aujourd’hui", "現在"). */
function isOngoing(text: string): boolean {
  const range = DATE_RANGE.exec(text);
  return range !== null && !YEAR.test(range[1] ?? '');
}

function isDateText(text: string): boolean {
  return DATE_RANGE.test(text) || /^\s*(?:\p{L}+\.?\s+)?(?:1[89]|20)\d{2}\s*$/u.test(text);
}

/**
 * Every current position in the Experience section, in page order: entries
 * whose date range has no end, in any language. A company with several roles
 * shows the company first and the roles in a nested list.
 */
function currentExperience(doc: Document): Position[] {
  const section = experienceSection(doc);
  if (!section) return [];
  const positions: Position[] = [];
  const entries = Array.from(section.querySelectorAll('li, [role="listitem"]')).filter(
    (li) => !li.parentElement?.closest('li, [role="listitem"]'),
  );
  for (const entry of entries.slice(0, 50)) {
    const nested = Array.from(entry.querySelectorAll('li, [role="listitem"]'));
    const outer = textBlocks(entry, { skipLinks: false }).filter((b) => !nested.some((n) => n.contains(b.el)));
    if (nested.length > 0) {
      const company = cleanText(outer[0]?.text.split(' · ')[0], LIMITS.short);
      for (const role of nested) {
        const blocks = textBlocks(role, { skipLinks: false });
        if (blocks.some((b) => isOngoing(b.text))) positions.push({ title: cleanText(blocks[0]?.text, LIMITS.short), company });
      }
    } else if (outer.some((b) => isOngoing(b.text))) {
      const [title, second] = outer;
      positions.push({
        title: cleanText(title?.text, LIMITS.short),
        // "Analytical Engines · Full-time"; a missing company line is the date line.
        company: second && !isDateText(second.text) ? cleanText(second.text.split(' · ')[0], LIMITS.short) : null,
      });
    }
  }
  return positions.slice(0, 20);
}

function experienceSection(doc: Document): Element | null {
  const anchor = doc.getElementById('experience');
  if (anchor) return anchor.closest('section');
  for (const heading of Array.from(doc.querySelectorAll('h2, h3'))) {
    if (EXPERIENCE_HEADINGS.test(visibleText(heading) ?? '')) return heading.closest('section');
  }
  return null;
}

// --- Degree, mutual connections, photo ------------------------------------------

/** The first degree badge in the top card; sidebars are outside it. */
function degreeOf(card: Element): Degree | null {
  for (const el of Array.from(card.querySelectorAll(`${LEGACY.degree}, span, p, div`))) {
    if (!hasOwnText(el) || el.closest('a, aside')) continue;
    const match = DEGREE_TEXT.exec(visibleText(el) ?? '');
    const digit = match?.[1] ?? match?.[2];
    if (digit) return Number(digit) as Degree;
  }
  return null;
}

function isMutualLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return false;
  }
  if (!/connectionof/i.test(url.search)) return false;
  const network = url.searchParams.get('network') ?? url.searchParams.get('facetNetwork') ?? '';
  return /"F"/.test(network);
}

/**
 * Names come from the link's `<strong>` elements, which no UI language changes;
 * the count is the named people plus the number that stands outside them
 * ("A, B and 3 other mutual connections" → 5). Returns null without the link.
 */
function mutualConnections(card: Element): MutualConnections | null {
  const link = Array.from(card.querySelectorAll('a[href]')).find((a) => isMutualLink(a.getAttribute('href') ?? ''));
  if (!link) return null;
  const names = Array.from(link.querySelectorAll('strong'))
    .map((s) => acceptName(visibleText(s, LIMITS.name), LIMITS.name))
    .filter((n): n is string => n !== null)
    .slice(0, LIMITS.mutualNames);
  const rest = visibleTextWithout(link, 'strong, ul, figure, img') ?? '';
  const number = /(\d[\d,.\s]*)/.exec(rest)?.[1];
  const others = number ? Number.parseInt(number.replace(/[,.\s]/g, ''), 10) : 0;
  if (names.length > 0 || others > 0) {
    return { count: Math.min(names.length + (Number.isFinite(others) ? others : 0), 100_000), names };
  }
  return namesFromSentence(rest);
}

/** Fallback when names are not in `<strong>`: "A and B are mutual connections", "A et B sont des relations en commun". */
function namesFromSentence(text: string): { count: number; names: string[] } {
  const match =
    /^(.+?)\s+(?:is a mutual connection|are mutual connections|est une relation en commun|sont des relations en commun|ist ein gemeinsamer Kontakt|sind gemeinsame Kontakte)$/i.exec(
      text,
    );
  if (!match?.[1]) return { count: 0, names: [] };
  const names = match[1]
    .split(/,\s*|\s+(?:and|et|und|y|e)\s+/)
    .map((n) => acceptName(n, LIMITS.name))
    .filter((n): n is string => n !== null);
  return { count: names.length, names };
}

function visibleTextWithout(el: Element, selector: string): string | null {
  const clone = el.cloneNode(true) as Element;
  for (const drop of Array.from(clone.querySelectorAll(selector))) drop.remove();
  return visibleText(clone);
}

/** LinkedIn's default avatars are inline SVG/data: or live on static.licdn.com. */
function usablePhoto(src: string | null | undefined, base: string): string | null {
  const url = httpsUrlOrNull(src, base);
  if (!url || url.includes('static.licdn.com') || /\/ghost|default-avatar/i.test(url) || url.includes('_100_100')) return null;
  return url;
}

function photoInCard(card: Element | null, name: string, base: string): string | null {
  if (!card) return null;
  const usable = Array.from(card.querySelectorAll('img'))
    // Mutual-connection avatars and logos sit in lists; the person's photo does not.
    .filter((img) => !img.closest('li, a[href*="connectionOf"], a[href*="connectionof"]'))
    .filter((img) => img.getAttribute('alt')?.trim() === name || /profile-(?:display|framed)photo/.test(img.getAttribute('src') ?? ''))
    .map((img) => usablePhoto(img.getAttribute('src'), base))
    .filter((src): src is string => src !== null);
  usable.sort((a, b) => shrinkSize(b) - shrinkSize(a));
  return usable[0] ?? null;
}

function shrinkSize(src: string): number {
  const match = /shrink_(\d+)_\d+/.exec(src);
  return match?.[1] ? Number(match[1]) : 0;
}

// --- Sales Navigator and Recruiter ------------------------------------------------

/**
 * Sales Navigator lead pages mark fields with `data-anonymize` (person-name,
 * headline, job-title, company-name, location). Recruiter has no public hooks:
 * its top card is read like any page, by structure. Both are keyed by the
 * member's canonical URL when the page links to it; otherwise by their own
 * (alias) URL.
 */
function readSalesOrRecruiter(doc: Document, pageUrl: string, kind: 'sales-lead' | 'recruiter', key: string): ReadResult {
  const { pick, sources } = createPicker();
  const anon = (what: string) => {
    const el = doc.querySelector(`[data-anonymize="${what}"]`);
    return el ? visibleText(el, LIMITS.headline) : null;
  };
  const scope = doc.querySelector('main') ?? doc.body;
  const heading =
    doc.querySelector('[data-anonymize="person-name"]')?.closest('h1, h2, h3') ??
    scope?.querySelector('h1') ??
    scope?.querySelector('h2') ??
    null;
  const card = heading ? topCardOf(heading) : null;

  const member = memberLinkIn(card ?? scope, pageUrl);
  const profileUrl = member ?? key;
  sources.profileUrl = member ? 'link' : 'url';

  const name = pick(
    'name',
    ['data-attribute', () => acceptName(anon('person-name'), LIMITS.name)],
    ['heading', () => acceptName(visibleText(heading, LIMITS.name), LIMITS.name)],
  );
  if (!name) return { status: 'unreadable', profileUrl, reason: NO_NAME };
  const split = splitName(name);
  const blocks = heading && card ? proseBlocks(card, heading, name) : [];
  const experience = currentExperience(doc);
  const source: Source = kind === 'sales-lead' ? 'linkedin-sales-navigator' : 'linkedin-recruiter';
  const role = pick(
    'role',
    ['data-attribute', () => cleanText(anon('job-title'), LIMITS.short)],
    ['structure', () => experience[0]?.title],
  );
  const company = pick(
    'company',
    ['data-attribute', () => cleanText(anon('company-name'), LIMITS.short)],
    ['link', () => companyFromLinks(card)],
    ['structure', () => experience[0]?.company],
  );
  return finish(
    {
      profileUrl,
      name,
      firstName: pick('firstName', ['structure', () => split.first]),
      lastName: pick('lastName', ['structure', () => split.last]),
      headline: pick(
        'headline',
        ['data-attribute', () => cleanText(anon('headline'), LIMITS.headline)],
        ['structure', () => cleanText(blocks[0]?.text, LIMITS.headline)],
      ),
      role,
      company,
      location: pick(
        'location',
        ['data-attribute', () => cleanText(anon('location'), LIMITS.short)],
        ['structure', () => cleanText(blocks[1]?.text, LIMITS.short)],
      ),
      photoUrl: pick(
        'photoUrl',
        ['data-attribute', () => usablePhoto(doc.querySelector('img[data-anonymize="headshot-photo"]')?.getAttribute('src'), pageUrl)],
        ['structure', () => photoInCard(card, name, pageUrl)],
      ),
      degree: pick('degree', ['structure', () => (card ? degreeOf(card) : null)]),
      mutualConnections: { count: 0, names: [] },
      source,
      positions: role || company ? [{ title: role, company }, ...experience.slice(1)] : experience,
      aliases: member ? [key] : [],
      fieldSources: sources,
    },
    true,
  );
}

/** The member profile a Sales Navigator or Recruiter page links to ("View LinkedIn profile"). */
function memberLinkIn(scope: Element | null | undefined, base: string): string | null {
  if (!scope) return null;
  for (const a of Array.from(scope.querySelectorAll('a[href]'))) {
    const url = resolve(a.getAttribute('href'), base);
    const canonical = url ? canonicalProfileUrl(url) : null;
    if (canonical && !isMemberIdUrl(canonical)) return canonical;
  }
  return null;
}

/** Where the in-page Save button goes: beside the name's heading. */
export function linkedInNameHeading(doc: Document, url: string): Element | null {
  const page = linkedInPage(url);
  if (!page) return null;
  if (page.kind !== 'profile') {
    return doc.querySelector('[data-anonymize="person-name"]') ?? (doc.querySelector('main') ?? doc.body)?.querySelector('h1') ?? null;
  }
  const vanity = isMemberIdUrl(url) ? vanityFromPage(doc, url, page.key) : null;
  return findNameHeading(doc, (href) => sameProfile(href, url, page.key, ...(vanity ? [vanity] : [])));
}
