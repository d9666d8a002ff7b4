/**
 * LinkedIn profile extraction: pure, over an injected Document and URL.
 *
 * Signals are read from the most stable to the most brittle (reference:
 * ../shared/reference/linkedin-and-profile-pages.md §1): URL → JSON-LD whose url
 * names this profile → link targets and ARIA → page structure around the name's
 * heading → `<title>` → legacy class names. Every DOM query is scoped to the top
 * card (the section holding the name), because sidebars such as "People also
 * viewed" carry other people's names, degrees and photos.
 *
 * Fixtures: tests/fixtures/linkedin/*.html, expectations in linkedin.test.ts.
 */
import { LIMITS, profileCaptureSchema, type Degree, type ProfileCapture } from '../domain/schemas';
import { canonicalProfileUrl } from './canonical-url';
import { jsonLdPersons, ldAddress, ldImage, ldString, type JsonObject } from './structured-data';
import { acceptName, cleanText, httpsUrlOrNull, splitName, visibleText } from './text';

export type ReadResult =
  | {
      status: 'ok';
      capture: ProfileCapture;
      /**
       * True when the page itself ties what is shown to the URL's profile (a
       * self-link in the top card, or JSON-LD naming this URL). After in-app
       * navigation the DOM can still show the previous person until this holds.
       */
      confirmed: boolean;
    }
  | { status: 'not-profile' }
  | { status: 'unreadable'; profileUrl: string; reason: string };

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

/** "· 2nd", "2nd", "3rd+", "1st degree connection". Localised forms come with the variants issue. */
const DEGREE_TEXT = /^[·•]?\s*([123])(?:st|nd|rd|th)\+?(?:\s+degree(?:\s+connection)?)?$/i;
/** "(She/Her)", "he/him" */
const PRONOUNS = /^\(?\p{L}+\/\p{L}+\)?$/u;
/** "500+ connections", "1,234 followers": a number and a word, in any language. */
const COUNTER = /^\d[\d,.\s]*\+?\s+\p{L}+$/u;
const EXPERIENCE_HEADINGS = /^(?:experience|expérience|berufserfahrung|experiencia|esperienza|ervaring|experiência)$/i;

export function readLinkedInProfile(doc: Document, url: string): ReadResult {
  const profileUrl = canonicalProfileUrl(url);
  if (profileUrl === null) return { status: 'not-profile' };
  try {
    return read(doc, url, profileUrl);
  } catch (error) {
    // A page we cannot parse must never break the page or the extension.
    return { status: 'unreadable', profileUrl, reason: `the page could not be read (${String(error)})` };
  }
}

function read(doc: Document, pageUrl: string, profileUrl: string): ReadResult {
  const ld = jsonLdPersons(doc).find((p) => canonicalProfileUrl(ldString(p.url) ?? '') === profileUrl);
  const heading = findNameHeading(doc, profileUrl, pageUrl);
  const card = heading ? topCardOf(heading) : null;

  const name =
    acceptName(ldString(ld?.name), LIMITS.name) ??
    acceptName(visibleText(heading, LIMITS.name), LIMITS.name) ??
    acceptName(nameFromTitle(doc.title), LIMITS.name);
  if (!name) {
    return { status: 'unreadable', profileUrl, reason: "Introbook couldn't find this person's name on the page." };
  }

  const blocks = heading && card ? textBlocks(card, { after: heading, skipLinks: true }).filter((b) => isProse(b.text, name)) : [];
  const headline = cleanText(blocks[0]?.text, LIMITS.headline) ?? legacyText(card, LEGACY.headline, LIMITS.headline);
  const location =
    cleanText(ldAddress(ld?.address), LIMITS.short) ??
    locationFromBlocks(blocks, card) ??
    legacyText(card, LEGACY.location, LIMITS.short);

  const experience = firstExperience(doc);
  const fromHeadline = roleAtCompany(headline);
  const company =
    cleanText(ldString(ld?.worksFor), LIMITS.short) ??
    companyFromLinks(card) ??
    companyFromAria(card) ??
    experience?.company ??
    fromHeadline?.company ??
    null;
  const role =
    cleanText(ldString(ld?.jobTitle), LIMITS.short) ??
    experience?.role ??
    fromHeadline?.role ??
    null;

  const structuredFirst = acceptName(ldString(ld?.givenName), LIMITS.name);
  const structuredLast = acceptName(ldString(ld?.familyName), LIMITS.name);
  const split = splitName(name);

  const candidate: ProfileCapture = {
    profileUrl,
    name,
    firstName: structuredFirst ?? split.first,
    lastName: structuredLast ?? (structuredFirst ? null : split.last),
    headline,
    role,
    company,
    location,
    photoUrl: photoUrl(ld, card, name, pageUrl),
    degree: card ? degreeOf(card) : null,
    mutualConnections: card ? mutualConnections(card) : { count: 0, names: [] },
    source: 'linkedin',
  };
  const parsed = profileCaptureSchema.safeParse(candidate);
  if (!parsed.success) {
    return { status: 'unreadable', profileUrl, reason: 'The page gave values Introbook could not use.' };
  }
  const confirmed = Boolean(ld) || (card !== null && hasSelfLink(card, profileUrl, pageUrl));
  return { status: 'ok', capture: parsed.data, confirmed };
}

// --- Name and top card -------------------------------------------------------

function sameProfile(href: string | null, profileUrl: string, base: string): boolean {
  if (!href) return false;
  try {
    return canonicalProfileUrl(new URL(href, base).href) === profileUrl;
  } catch {
    return false;
  }
}

/**
 * The heading that shows the person's name. Current layouts wrap it in a link to
 * the profile itself (the level flips between h1 and h2, so never depend on it).
 */
function findNameHeading(doc: Document, profileUrl: string, base: string): Element | null {
  const scope = doc.querySelector('main') ?? doc.body;
  if (!scope) return null;
  for (const link of Array.from(scope.querySelectorAll('a[href]'))) {
    if (!sameProfile(link.getAttribute('href'), profileUrl, base)) continue;
    const heading = link.querySelector('h1, h2') ?? link.closest('h1, h2');
    if (heading && visibleText(heading)) return heading;
  }
  return (
    scope.querySelector(LEGACY.name) ??
    scope.querySelector(LEGACY.publicName) ??
    scope.querySelector('h1') ??
    null
  );
}

/** The section that holds the name: the only place degree, headline and mutuals are read. */
function topCardOf(heading: Element): Element {
  return heading.closest('section') ?? heading.closest('main') ?? heading.parentElement ?? heading;
}

function hasSelfLink(card: Element, profileUrl: string, base: string): boolean {
  return Array.from(card.querySelectorAll('a[href]')).some((a) => sameProfile(a.getAttribute('href'), profileUrl, base));
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

/** A block that is the headline or location, not the name, a degree badge, pronouns or a counter. */
function isProse(text: string, name: string): boolean {
  const t = text.replace(/^[·•]\s*/, '');
  return t !== '' && text !== name && !DEGREE_TEXT.test(text) && !PRONOUNS.test(t) && !COUNTER.test(t) && t !== '·';
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

function companyFromLinks(card: Element | null): string | null {
  const link = card?.querySelector('a[href*="/company/"]');
  return link ? visibleText(link, LIMITS.short) : null;
}

/** Older layout: `button[aria-label="Current company: Acme. Click to skip to experience card"]`. */
function companyFromAria(card: Element | null): string | null {
  const label = card?.querySelector('[aria-label^="Current company:"]')?.getAttribute('aria-label');
  if (!label) return null;
  return cleanText(label.replace(/^Current company:\s*/, '').replace(/\.\s*Click to skip.*$/i, ''), LIMITS.short);
}

/** "Principal Engineer at Analytical Engines | Mentor" → role and company. */
function roleAtCompany(headline: string | null): { role: string; company: string } | null {
  if (!headline) return null;
  const first = headline.split(/\s[|•·]\s/)[0] ?? '';
  const match = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(first);
  if (!match?.[1] || !match[2]) return null;
  const role = cleanText(match[1], LIMITS.short);
  const company = cleanText(match[2], LIMITS.short);
  return role && company ? { role, company } : null;
}

/**
 * The first entry of the Experience section. A company with several roles shows
 * the company first and the roles in a nested list.
 */
function firstExperience(doc: Document): { role: string | null; company: string | null } | null {
  const section = experienceSection(doc);
  if (!section) return null;
  const entry = section.querySelector('li, [role="listitem"]');
  if (!entry) return null;
  const nested = entry.querySelector('li, [role="listitem"]');
  const outer = textBlocks(entry, { skipLinks: false }).filter((b) => !nested?.contains(b.el));
  if (nested) {
    const inner = textBlocks(nested, { skipLinks: false });
    return {
      company: cleanText(outer[0]?.text, LIMITS.short),
      role: cleanText(inner[0]?.text, LIMITS.short),
    };
  }
  return {
    role: cleanText(outer[0]?.text, LIMITS.short),
    // "Analytical Engines · Full-time"
    company: cleanText(outer[1]?.text.split(' · ')[0], LIMITS.short),
  };
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
    if (!hasOwnText(el)) continue;
    const match = DEGREE_TEXT.exec(visibleText(el) ?? '');
    if (match?.[1]) return Number(match[1]) as Degree;
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
 * ("A, B and 3 other mutual connections" → 5).
 */
function mutualConnections(card: Element): { count: number; names: string[] } {
  const link = Array.from(card.querySelectorAll('a[href]')).find((a) => isMutualLink(a.getAttribute('href') ?? ''));
  if (!link) return { count: 0, names: [] };
  const names = Array.from(link.querySelectorAll('strong'))
    .map((s) => acceptName(visibleText(s, LIMITS.name), LIMITS.name))
    .filter((n): n is string => n !== null)
    .slice(0, LIMITS.mutualNames);
  const rest = visibleTextWithout(link, 'strong, ul, figure, img') ?? '';
  const number = /(\d[\d,.]*)/.exec(rest)?.[1];
  const others = number ? Number.parseInt(number.replace(/[,.]/g, ''), 10) : 0;
  if (names.length > 0 || others > 0) {
    return { count: Math.min(names.length + (Number.isFinite(others) ? others : 0), 100_000), names };
  }
  return englishMutuals(rest);
}

/** Fallback when names are not in `<strong>`: "A and B are mutual connections". */
function englishMutuals(text: string): { count: number; names: string[] } {
  const match = /^(.+?)\s+(?:is a mutual connection|are mutual connections)$/i.exec(text);
  if (!match?.[1]) return { count: 0, names: [] };
  const names = match[1]
    .split(/,\s*|\s+and\s+/)
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
function isPlaceholder(src: string): boolean {
  return src.includes('static.licdn.com') || /\/ghost|default-avatar/i.test(src);
}

function photoUrl(ld: JsonObject | undefined, card: Element | null, name: string, base: string): string | null {
  const fromLd = httpsUrlOrNull(ldImage(ld?.image), base);
  if (fromLd && !isPlaceholder(fromLd)) return fromLd;
  if (!card) return null;
  const legacy = card.querySelector(LEGACY.photo)?.getAttribute('src');
  const candidates = [
    ...(legacy ? [legacy] : []),
    ...Array.from(card.querySelectorAll('img'))
      // Mutual-connection avatars sit in lists; the person's photo does not.
      .filter((img) => !img.closest('li, a[href*="connectionOf"], a[href*="connectionof"]'))
      .filter((img) => {
        const src = img.getAttribute('src') ?? '';
        return img.getAttribute('alt')?.trim() === name || /profile-(?:display|framed)photo/.test(src);
      })
      .map((img) => img.getAttribute('src') ?? ''),
  ];
  const usable = candidates
    .map((src) => httpsUrlOrNull(src, base))
    .filter((src): src is string => src !== null && !isPlaceholder(src) && !src.includes('_100_100'));
  usable.sort((a, b) => shrinkSize(b) - shrinkSize(a));
  return usable[0] ?? null;
}

function shrinkSize(src: string): number {
  const match = /shrink_(\d+)_\d+/.exec(src);
  return match?.[1] ? Number(match[1]) : 0;
}

/** Where the in-page Save button goes: beside the name's heading. */
export function linkedInNameHeading(doc: Document, url: string): Element | null {
  const profileUrl = canonicalProfileUrl(url);
  return profileUrl ? findNameHeading(doc, profileUrl, url) : null;
}
