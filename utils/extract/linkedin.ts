/**
 * LinkedIn extraction: pure, over an injected Document and URL.
 *
 * Each field is read from the most trustworthy signal present, and its origin
 * is recorded (reference: ../shared/reference/linkedin-and-profile-pages.md §1):
 * URL → JSON-LD whose url names this profile → embedded page data whose
 * publicIdentifier matches the URL → link targets → ARIA → structure around the
 * name's heading → `<title>` → legacy class names. Every DOM query is scoped to
 * the top card (the container holding the name), because sidebars such as
 * "People also viewed" carry other people's names, degrees and photos.
 *
 * What the user can't see is never read (./text.ts), and where the page gives a
 * value only by its position, the capture says so: `fieldConfidence` marks it
 * `low` and the user is asked to check it.
 *
 * The layouts' hooks (selectors, text patterns) are data: ./layouts/linkedin.ts.
 * Fixtures: tests/fixtures/linkedin/*.html, expectations in tests/fixtures/corpus.ts.
 */
import { LIMITS } from '../domain/limits';
import type { Degree, MutualConnections, Position, ProfileCapture, Source } from '../domain/schemas';
import { canonicalProfileUrl, isMemberIdUrl, linkedInPage, linkedInProfileId } from '../core/canonical-url';
import { cleanText, foldText, splitName } from '../core/text';
import { completeConfidence, createPicker, keepName, splitConfidence } from './fields';
import {
  ACTION_CONTAINER,
  AT_COMPANY,
  COMPANY_LINK,
  CONNECT_ACTION,
  COUNTER,
  CURRENT_COMPANY_LABEL,
  DATE_LINE,
  DATE_LINE_MAX,
  DEGREE_TEXT,
  EXPERIENCE,
  LOGIN_FORM,
  MESSAGE_LINK,
  MUTUALS,
  PROFILE_SUBPAGE,
  PRONOUNS,
  SALES_NAVIGATOR,
  SCHOOL_LINK,
  VIEW_PROFILE_LABELS,
  YEAR,
  hooks,
} from './layouts/linkedin';
import { DIALOG_SELECTOR, LOADING_CLASS, LOADING_SELECTOR, NOT_LOADING_CLASS, NOT_LOADING_TAGS, PAGE_FURNITURE } from './layouts/common';
import { finish, NO_NAME, TOO_COMPLEX, type ReadResult } from './result';
import { jsonLdPersons, ldAddress, ldImage, ldString, type JsonObject } from './structured-data';
import {
  acceptName,
  displayedOf,
  hasOwnText,
  hiddenByItself,
  hiddenByStyle,
  httpsUrlOrNull,
  isShown,
  PageTooComplex,
  READ_BUDGET,
  spend,
  textOf,
  visibleText,
  walkShown,
  withinReadBudget,
} from './text';
import { embeddedProfile, type EmbeddedProfile } from './voyager';
import { acceptPerson, findNameHeading, isPageName, isVanityLink, NAME_READ, resolveHref, sameProfile, type NameHeading } from './linkedin-name';

export type { ReadResult } from './result';

export function readLinkedInProfile(doc: Document, url: string): ReadResult {
  const page = linkedInPage(url);
  if (page === null) return { status: 'not-profile' };
  try {
    return withinReadBudget(READ_BUDGET, () =>
      page.kind === 'profile' ? readMember(doc, url, page.key) : readSalesOrRecruiter(doc, url, page.kind, page.key),
    );
  } catch (error) {
    if (error instanceof PageTooComplex) {
      return { status: 'unreadable', profileUrl: page.key, reason: TOO_COMPLEX, code: 'too-complex', settled: true };
    }
    // A page we cannot parse must never break the page or the extension.
    return { status: 'unreadable', profileUrl: page.key, reason: `The page could not be read (${String(error)}).`, code: 'error', settled: true };
  }
}

// --- Member profiles (/in/…) ---------------------------------------------------------

function readMember(doc: Document, pageUrl: string, urlKey: string): ReadResult {
  const { pick, sources, confidence, notes } = createPicker();
  const scope = doc.querySelector('main') ?? doc.body;

  // A member-id URL (/in/ACoAA…) is an alias until the page ties a vanity URL to the person.
  const memberId = isMemberIdUrl(pageUrl) ? linkedInProfileId(pageUrl) : null;
  const heading = findNameHeading(doc, (href) => sameProfile(href, pageUrl, urlKey) || (memberId !== null && isVanityLink(href, pageUrl)));
  const card = heading ? topCardOf(heading.el) : null;
  const vanityUrl = memberId ? vanityFromPage(doc, pageUrl, urlKey, heading, card) : null;
  const profileUrl = vanityUrl ?? urlKey;
  const aliases = vanityUrl ? [urlKey] : [];
  sources.profileUrl = vanityUrl ? 'link' : 'url';
  const matches = (href: string | null) => sameProfile(href, pageUrl, profileUrl, urlKey);

  const ld = jsonLdPersons(doc).find((p) => matches(ldString(p.url)));
  const embedded = embeddedProfile(doc, linkedInProfileId(profileUrl) ?? '');
  const titleName = acceptPerson(nameFromTitle(doc.title));
  const headingText = heading ? textOf(heading.el, NAME_READ, undefined, true) : null;
  // "Welcome to your professional community", "Profile not found": the page's own name.
  const pageNamed = isPageName(headingText) || (heading === null && isPageName(nameFromTitle(doc.title)));
  const headingName = pageNamed ? null : acceptPerson(headingText);
  // The heading is the person's name when the page ties it to them; a bare heading next to
  // profile furniture (a degree badge, a connections search) is probably the name: kept, but "check this".
  const headingSure = heading !== null && headingName !== null && nameConfirmed(heading, headingName, titleName, card, matches);
  const headingLikely = headingSure || (headingName !== null && hasProfileEvidence(card, matches));

  const rawName = pick(
    'name',
    ['json-ld', () => acceptPerson(ldString(ld?.name))],
    ['embedded-data', () => acceptPerson(joinName(embedded))],
    ['heading', () => (headingLikely ? headingName : null)],
    // The title alone names a profile that hasn't rendered yet, but never contradicts a heading on screen.
    ['title', () => (headingText === null && !pageNamed ? titleName : null)],
  );
  if (!rawName) {
    if (pageNamed || isLoginWall(doc) || headingName !== null) return { status: 'not-profile' };
    return { status: 'unreadable', profileUrl, reason: NO_NAME, code: 'no-name', settled: isSettled(doc, card) };
  }
  const name = keepName(rawName, confidence, notes);
  if (sources.name === 'heading' && !headingSure) confidence.name = 'low';

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
  splitConfidence(name, sources, confidence);

  const orgs = card ? orgNames(card) : new Set<string>();
  const blocks = heading && card ? proseBlocks(card, heading.el, name) : [];
  const employerLine = blocks.find((b) => isEmployerLine(b.text, orgs) && !hiddenByStyle(b.el)) ?? null;
  const prose = blocks.filter((b) => b !== employerLine);

  const classHeadline = legacyText(card, hooks('headline'), LIMITS.headline);
  const headline = pick(
    'headline',
    ['embedded-data', () => cleanText(embedded?.headline, LIMITS.headline)],
    ['structure', () => cleanText(displayedBlocks(prose, 1)[0]?.text, LIMITS.headline)],
    ['class', () => classHeadline],
  );
  // Position alone says "headline"; a layout hook saying the same confirms it.
  if (sources.headline === 'structure' && classHeadline === headline) confidence.headline = 'high';

  const classLocation = legacyText(card, hooks('location'), LIMITS.short);
  const structural = locationFromBlocks(prose, card);
  const location = pick(
    'location',
    ['json-ld', () => cleanText(ldAddress(ld?.address, { asShown: true }), LIMITS.short)],
    ['structure', () => structural?.text],
    ['class', () => classLocation],
  );
  if (sources.location === 'structure' && (structural?.labelled || classLocation === location)) confidence.location = 'high';

  // Role and company: the day job, read together from one position.
  const ldPositions = positionsFromLd(ld);
  const embeddedPositions = embedded?.positions.filter((p) => p.title || p.company) ?? [];
  const topCompany = companyFromLinks(card) ?? companyFromAria(card) ?? employerFromLine(employerLine, orgs, card);
  const experience = currentExperience(doc, topCompany?.name ?? null);
  const positions = ldPositions.length > 0 ? ldPositions : embeddedPositions.length > 0 ? embeddedPositions : experience.positions;
  const fromHeadline = roleAtCompany(headline);
  const role = pick(
    'role',
    ['json-ld', () => ldPositions[0]?.title],
    ['embedded-data', () => embeddedPositions[0]?.title],
    ['structure', () => experience.positions[0]?.title ?? fromHeadline?.role],
  );
  const company = pick(
    'company',
    ['json-ld', () => ldPositions[0]?.company],
    ['embedded-data', () => embeddedPositions[0]?.company],
    ['link', () => (topCompany?.via === 'link' ? topCompany.name : null)],
    ['aria', () => (topCompany?.via === 'aria' ? topCompany.name : null)],
    ['structure', () => experience.positions[0]?.company ?? (topCompany?.via === 'line' ? topCompany.name : null) ?? fromHeadline?.company],
  );
  if (sources.role === 'structure' && experience.positions[0]?.title === role && experience.sure) confidence.role = 'high';
  if (sources.company === 'structure') {
    const agreed = experience.positions[0]?.company === company && experience.sure;
    // The employer line names the company and its logo control says the same.
    const logo = topCompany?.via === 'line' && topCompany.name === company && topCompany.logo;
    if (agreed || logo) confidence.company = 'high';
  }

  const photo = photoInCard(card, name, pageUrl);
  const photoUrl = pick(
    'photoUrl',
    ['json-ld', () => usablePhoto(ldImage(ld?.image), pageUrl)],
    ['structure', () => photo?.url],
    ['class', () => legacyPhoto(card, pageUrl)],
    ['opengraph', () => usablePhoto(metaContent(doc, 'og:image'), pageUrl)],
  );
  // An image captioned with the person's name is their photo; a file-name pattern alone is a guess.
  if (sources.photoUrl === 'structure') confidence.photoUrl = photo?.byAlt ? 'high' : 'low';

  const degreeRead = card ? degreeOf(card) : null;
  const degree = pick('degree', ['structure', () => degreeRead?.degree]);
  if (degreeRead) confidence.degree = degreeRead.sure ? 'high' : 'low';
  const mutualRead = card ? mutualConnections(card, matches) : null;
  const mutuals = pick<MutualConnections>('mutualConnections', ['link', () => mutualRead?.value]) ?? { count: 0, names: [] };
  // A sentence no UI language's pattern matched was read by a guess: "check this".
  if (mutualRead && !mutualRead.sure) confidence.mutualConnections = 'low';

  const confirmed = memberId
    ? pageNamesMember(scope, memberId)
    : Boolean(ld) || Boolean(embedded) || (card !== null && shownIn(card, 'a[href]').some((a) => matches(a.getAttribute('href'))));

  const capture: ProfileCapture = {
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
    fieldConfidence: completeConfidence(sources, confidence),
  };
  if (Object.keys(notes).length > 0) capture.fieldNotes = notes;
  return finish(capture, confirmed);
}

function joinName(embedded: EmbeddedProfile | null): string | null {
  if (!embedded) return null;
  const parts = [embedded.firstName, embedded.lastName].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * A heading names this profile's person when the page ties it to them by more
 * than being a heading: its own link to the profile, a layout's name hook, the
 * `<title>` saying the same name, the photo captioned with it, or a link to
 * one of the profile's own sub-pages beside it.
 */
function nameConfirmed(
  heading: NameHeading,
  name: string,
  titleName: string | null,
  card: Element | null,
  matches: (href: string | null) => boolean,
): boolean {
  if (heading.via === 'self-link' || heading.via === 'layout') return true;
  if (titleName !== null && foldText(titleName) === foldText(name)) return true;
  if (!card) return false;
  if (Array.from(card.querySelectorAll('img[alt]')).some((img) => img.getAttribute('alt')?.trim() === name && isShown(img, { within: card }))) return true;
  return shownIn(card, 'a[href]').some((a) => PROFILE_SUBPAGE.test(a.getAttribute('href') ?? '') && matches(a.getAttribute('href')));
}

/** Something on the page says it is somebody's profile: a degree badge, a connections search, a link to this profile. */
function hasProfileEvidence(card: Element | null, matches: (href: string | null) => boolean): boolean {
  if (!card) return false;
  if (degreeOf(card)) return true;
  for (const a of shownIn(card, 'a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (MUTUALS.connectionOf.test(href) || matches(href) || /\/messaging\/compose\//.test(href)) return true;
  }
  return false;
}

/** LinkedIn's login wall: a visible sign-in form. */
function isLoginWall(doc: Document): boolean {
  return Array.from(doc.querySelectorAll(LOGIN_FORM)).some((el) => isShown(el, { skip: DIALOG_SELECTOR }));
}

/**
 * Whether the page has finished rendering (so a missing name won't appear by
 * waiting): nothing in the top card, or the page's main region, is a
 * placeholder or busy, and there is content. Sidebars and the navigation bar
 * don't count ("People also viewed" avatars, the search box's hint), nor do
 * default pictures: only an empty placeholder box in the content does.
 */
function isSettled(doc: Document, card: Element | null): boolean {
  if (doc.readyState === 'loading') return false;
  const region = card ?? doc.querySelector('main') ?? doc.body;
  if (!region) return false;
  for (const el of Array.from(region.querySelectorAll(LOADING_SELECTOR))) {
    if (isShown(el) && !inFurniture(el, region)) return false;
  }
  let loading = false;
  walkShown(
    region,
    (el) => {
      const cls = el.getAttribute('class') ?? '';
      if (!LOADING_CLASS.test(cls) || NOT_LOADING_CLASS.test(cls) || NOT_LOADING_TAGS.has(el.localName)) return undefined;
      // A box that shows text is content (a hint, a label), not a placeholder for it (text a
      // stylesheet hides does not count: a page's hidden copy inside a skeleton leaves it loading).
      if (textOf(el, 1, undefined, true)) return undefined;
      loading = true;
      return 'stop';
    },
    { skip: PAGE_FURNITURE },
  );
  if (loading) return false;
  return textOf(region, 20, undefined, true) !== null;
}

/** True when `el` sits in a sidebar, navigation bar or footer below `region`. */
function inFurniture(el: Element, region: Element): boolean {
  const furniture = el.closest(PAGE_FURNITURE);
  return furniture !== null && region.contains(furniture);
}

/**
 * For /in/ACoAA… pages: the vanity URL of the person shown, only when the page
 * itself ties it to them — the name's own link, or a `rel=canonical`/og:url
 * that the top card links to (its contact-info or details pages). A head tag
 * alone can be stale after in-app navigation, or name someone else.
 */
function vanityFromPage(doc: Document, pageUrl: string, memberKey: string, heading: NameHeading | null, card: Element | null): string | null {
  const vanity = (href: string | null | undefined): string | null => {
    const url = resolveHref(href, pageUrl);
    const canonical = url ? canonicalProfileUrl(url) : null;
    return canonical && canonical !== memberKey && !isMemberIdUrl(canonical) ? canonical : null;
  };
  const own = heading?.via === 'self-link' ? vanity(heading.href) : null;
  if (own) return own;
  if (!card) return null;
  const tied = new Set(
    Array.from(card.querySelectorAll('a[href]'))
      .filter((a) => PROFILE_SUBPAGE.test(a.getAttribute('href') ?? '') && isShown(a, { within: card }))
      .map((a) => vanity(a.getAttribute('href'))),
  );
  for (const href of [doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), metaContent(doc, 'og:url')]) {
    const candidate = vanity(href);
    if (candidate && tied.has(candidate)) return candidate;
  }
  return null;
}

/** The page's body names the member id of the URL (a connections search, a Message link, any link carrying it). */
function pageNamesMember(scope: Element | null, memberId: string): boolean {
  if (!scope) return false;
  const id = memberId.toLowerCase();
  for (const a of Array.from(scope.querySelectorAll('a[href]'))) {
    spend();
    if (!isShown(a, { skip: DIALOG_SELECTOR })) continue;
    const href = a.getAttribute('href') ?? '';
    let decoded = href;
    try {
      decoded = decodeURIComponent(href);
    } catch {
      // keep the raw href
    }
    if (decoded.toLowerCase().includes(id)) return true;
  }
  return false;
}

function metaContent(doc: Document, property: string): string | null {
  return doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content') ?? null;
}

// --- Name and top card -------------------------------------------------------

/** The container that holds the name: the only place degree, headline and mutuals are read. */
function topCardOf(heading: Element): Element {
  for (const selector of hooks('topCard')) {
    const card = heading.closest(selector);
    if (card) return card;
  }
  return heading.closest('main') ?? heading.parentElement ?? heading;
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
  /** Its text as shown: descendants a stylesheet hides are left out. */
  text: string;
}

/**
 * `block` unless a stylesheet hides it (only a live page can tell, see
 * `hiddenByStyle`). Asked only of blocks about to become a value.
 */
function displayedBlock(block: Block): Block | null {
  return hiddenByStyle(block.el) ? null : block;
}

/** The first `n` blocks the browser displays, checking styles only as far as needed. */
function displayedBlocks(blocks: Block[], n: number): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (out.length >= n) break;
    const shown = displayedBlock(block);
    if (shown) out.push(shown);
  }
  return out;
}

/** Never a top-card text block (dialogs are left out of every walk already). */
const BLOCK_EXCLUDED = 'button, figure, [role="button"], select, textarea, input, label';

/**
 * Runs of visible text in `root`, outermost element first, in page order: each
 * element holding its own text node counts once (with its descendants' text).
 * With `after`, only what follows that element.
 */
function textBlocks(root: Element, options: { after?: Element; skipLinks: boolean; skipLists?: boolean }): Block[] {
  const blocks: Block[] = [];
  const { after } = options;
  walkShown(root, (el) => {
    if (el.matches(BLOCK_EXCLUDED) || (options.skipLinks && el.localName === 'a') || (options.skipLists && el.matches(EXPERIENCE.entry))) return 'skip';
    if (after) {
      if (el === after || after.contains(el)) return 'skip';
      if (el.contains(after)) return undefined;
      if (!(after.compareDocumentPosition(el) & 4 /* FOLLOWING */)) return 'skip';
    }
    if (!hasOwnText(el)) return undefined;
    // A block's text leaves out what the walk leaves out: links (top card) or nested lists (an entry's own lines).
    const leaveOut = [BLOCK_EXCLUDED, options.skipLinks ? 'a' : null, options.skipLists ? EXPERIENCE.entry : null].filter(Boolean).join(', ');
    // Parts of the block a stylesheet hides are left out ("· 2nd" stays a degree badge, a date line a date line).
    const text = textOf(el, 1000, leaveOut, true);
    if (!text) return 'skip';
    blocks.push({ el, text });
    return 'skip';
  });
  return blocks;
}

/** Blocks after the name that are the headline or location: not the name, a degree badge, pronouns or a counter. */
function proseBlocks(card: Element, heading: Element, name: string): Block[] {
  return textBlocks(card, { after: heading, skipLinks: true }).filter(({ text }) => {
    const t = text.replace(/^[·•]\s*/, '');
    return t !== '' && text !== name && !DEGREE_TEXT.test(text) && !PRONOUNS.test(t) && !COUNTER.test(t) && t !== '·';
  });
}

/** The location line, and whether a label confirms it (it sits just before the "Contact info" link). */
function locationFromBlocks(blocks: Block[], card: Element | null): { text: string; labelled: boolean } | null {
  const contact = card ? Array.from(card.querySelectorAll('a[href*="/overlay/contact-info"]')).find((a) => isShown(a, { within: card })) : undefined;
  if (contact) {
    const before = displayedBlocks(
      blocks.filter((b) => b.el.compareDocumentPosition(contact) & 4),
      Number.POSITIVE_INFINITY,
    );
    const text = before.length >= 2 ? cleanText(before[before.length - 1]?.text, LIMITS.short) : null;
    if (text) return { text, labelled: true };
  }
  const text = cleanText(displayedBlocks(blocks, 2)[1]?.text, LIMITS.short);
  return text ? { text, labelled: false } : null;
}

function legacyText(card: Element | null, selectors: string[], max: number): string | null {
  if (!card) return null;
  for (const selector of selectors) {
    const el = Array.from(card.querySelectorAll(selector)).find((e) => isShown(e, { within: card.parentElement }));
    const text = el ? textOf(el, max, undefined, true) : null;
    if (text) return text;
  }
  return null;
}

// --- Role and company -----------------------------------------------------------

function positionsFromLd(ld: JsonObject | undefined): Position[] {
  if (!ld) return [];
  const titles = (Array.isArray(ld.jobTitle) ? ld.jobTitle : [ld.jobTitle]).map((t) => cleanText(ldString(t), LIMITS.short));
  const companies = (Array.isArray(ld.worksFor) ? ld.worksFor : [ld.worksFor]).map((c) => cleanText(ldString(c), LIMITS.short));
  const count = Math.min(Math.max(titles.length, companies.length), LIMITS.positions);
  const positions: Position[] = [];
  for (let i = 0; i < count; i++) {
    const title = titles[i] ?? null;
    const company = companies[i] ?? null;
    if (title || company) positions.push({ title, company });
  }
  return positions;
}

interface TopCompany {
  name: string;
  via: 'link' | 'aria' | 'line';
  /** A logo control (link or button with an image) names it too. */
  logo: boolean;
}

function shownIn(card: Element, selector: string): Element[] {
  return Array.from(card.querySelectorAll(selector)).filter((el) => isShown(el, { within: card, skip: DIALOG_SELECTOR }));
}

/** The top card's company link ("/company/…"), or the public page's current-company control. */
function companyFromLinks(card: Element | null): TopCompany | null {
  if (!card) return null;
  for (const selector of [...hooks('company').filter((s) => s.startsWith('a')), COMPANY_LINK]) {
    for (const link of shownIn(card, selector)) {
      const name = textOf(link, LIMITS.short, undefined, true);
      if (name) return { name, via: 'link', logo: link.querySelector('img') !== null };
    }
  }
  return null;
}

/** Older layout: `button[aria-label="Current company: Acme. Click to skip to experience card"]` (English only). */
function companyFromAria(card: Element | null): TopCompany | null {
  if (!card) return null;
  for (const selector of hooks('company').filter((s) => s.startsWith('['))) {
    const label = shownIn(card, selector)[0]?.getAttribute('aria-label');
    const name = label ? cleanText(label.replace(CURRENT_COMPANY_LABEL.prefix, '').replace(CURRENT_COMPANY_LABEL.tail, ''), LIMITS.short) : null;
    if (name) return { name, via: 'aria', logo: true };
  }
  return null;
}

/**
 * The names the top card's company and school controls show: links to
 * /company/ or /school/, and buttons carrying a logo image (the 2026 top card
 * repeats "Employer · School" as logo buttons).
 */
function orgNames(card: Element): Set<string> {
  const names = new Set<string>();
  for (const el of shownIn(card, `${COMPANY_LINK}, ${SCHOOL_LINK}, button, [role="button"]`)) {
    if (el.localName !== 'a' && !el.querySelector('img, svg, figure')) continue;
    const text = textOf(el, LIMITS.short, undefined, true);
    if (text) names.add(foldText(text));
  }
  return names;
}

/** "Employer · University": each part is the name of a company or school control in the top card. */
function isEmployerLine(text: string, orgs: Set<string>): boolean {
  if (orgs.size === 0) return false;
  const parts = text.split(/\s+[·•|]\s+/).map((p) => foldText(p));
  return parts.length <= 3 && parts.every((p) => p !== '' && orgs.has(p));
}

/** With no company link, the employer line's first part (the company, before the school). */
function employerFromLine(line: Block | null, orgs: Set<string>, card: Element | null): TopCompany | null {
  if (!line || !card) return null;
  const first = cleanText(line.text.split(/\s+[·•|]\s+/)[0], LIMITS.short);
  if (!first) return null;
  // A school's link says it's a school: then there is no employer on the line.
  const schools = new Set(shownIn(card, SCHOOL_LINK).map((a) => foldText(textOf(a, LIMITS.short, undefined, true) ?? '')));
  if (schools.has(foldText(first))) return null;
  return { name: first, via: 'line', logo: orgs.has(foldText(first)) };
}

/** "Principal Engineer at Analytical Engines | Mentor" → role and company. */
function roleAtCompany(headline: string | null): { role: string; company: string } | null {
  if (!headline) return null;
  const first = headline.split(/\s[|•·]\s/)[0] ?? '';
  const match = AT_COMPANY.exec(first);
  if (!match?.[1] || !match[2]) return null;
  const role = cleanText(match[1], LIMITS.short);
  const company = cleanText(match[2], LIMITS.short);
  return role && company ? { role, company } : null;
}

/**
 * A line that is a date or a date range and nothing else (./layouts/linkedin.ts
 * DATE_LINE): `range` when it runs from one date to another or to "now",
 * `ongoing` when it runs to "now" ("Present", "heute", "aujourd’hui", "現在").
 * A description that merely starts with a range is not a date line.
 */
export function dateLine(text: string): { range: boolean; ongoing: boolean } | null {
  if (text.length > DATE_LINE_MAX) return null;
  const match = DATE_LINE.exec(text);
  if (!match) return null;
  const end = match[1];
  return { range: end !== undefined, ongoing: end !== undefined && !YEAR.test(end) };
}

const isOngoing = (text: string) => dateLine(text)?.ongoing === true;
/** A block whose shown text passes `test` (dates hold a year: only those are checked against the page's styles). */
const shownAs = (block: Block, test: (text: string) => boolean) => {
  if (!YEAR.test(block.text)) return false;
  const shown = displayedBlock(block);
  return shown !== null && test(shown.text);
};
const isDateText = (text: string) => dateLine(text) !== null;
/** A role's own dates: a range (a lone year is an education or award date, or a word in a description). */
const isRoleDates = (text: string) => dateLine(text)?.range === true;

interface CurrentPosition extends Position {
  fullTime: boolean;
}

/**
 * Every current position in the Experience section, the day job first: the
 * one whose company the top card names, else the first full-time one, else
 * the first in page order. `sure` when the day job is clear (one current
 * position, or the top card names its company).
 *
 * An entry is a company with several roles only when its nested items carry
 * dates of their own; a single role nests its description, skills and media
 * in list items too, and those never have a date range (issue #7).
 */
function currentExperience(doc: Document, topCompany: string | null): { positions: Position[]; sure: boolean } {
  const section = experienceSection(doc);
  if (!section) return { positions: [], sure: false };
  const found: CurrentPosition[] = [];
  const entries: Element[] = [];
  walkShown(section, (el) => {
    if (!el.matches(EXPERIENCE.entry)) return undefined;
    entries.push(el);
    return entries.length >= 50 ? 'stop' : 'skip';
  });
  for (const entry of entries) {
    const roles = datedItems(entry);
    if (roles.length > 0) {
      // A company with several roles: the company is the entry's own first line.
      const own = textBlocks(entry, { skipLinks: false, skipLists: true });
      const company = cleanText(displayedBlocks(own, 1)[0]?.text.split(' · ')[0], LIMITS.short);
      const fullTime = own.some((b) => EXPERIENCE.fullTime.test(b.text));
      for (const role of roles) {
        const blocks = textBlocks(role, { skipLinks: false, skipLists: true });
        if (blocks.some((b) => shownAs(b, isOngoing))) {
          found.push({ title: cleanText(displayedBlocks(blocks, 1)[0]?.text, LIMITS.short), company, fullTime: fullTime || blocks.some((b) => EXPERIENCE.fullTime.test(b.text)) });
        }
      }
    } else {
      const all = textBlocks(entry, { skipLinks: false, skipLists: true });
      if (!all.some((b) => shownAs(b, isOngoing))) continue;
      const own = displayedBlocks(all, Number.POSITIVE_INFINITY);
      const [title, second] = own;
      found.push({
        title: cleanText(title?.text, LIMITS.short),
        // "Analytical Engines · Full-time"; a missing company line is the date line.
        company: second && !isDateText(second.text) ? cleanText(second.text.split(' · ')[0], LIMITS.short) : null,
        fullTime: own.some((b) => EXPERIENCE.fullTime.test(b.text)),
      });
    }
  }
  if (found.length === 0) return { positions: [], sure: false };
  const key = topCompany ? foldText(topCompany) : null;
  const named = key ? found.findIndex((p) => p.company !== null && foldText(p.company) === key) : -1;
  const fullTime = found.findIndex((p) => p.fullTime);
  const primary = named >= 0 ? named : fullTime >= 0 ? fullTime : 0;
  const ordered = [found[primary]!, ...found.filter((_, i) => i !== primary)];
  return {
    positions: ordered.slice(0, LIMITS.positions).map(({ title, company }) => ({ title, company })),
    sure: found.length === 1 || named >= 0,
  };
}

/**
 * The list items nested in an entry that are roles: items with a date line of
 * their own (not counting items nested deeper still, such as a role's skills).
 */
function datedItems(entry: Element): Element[] {
  const items: Element[] = [];
  walkShown(entry, (el) => {
    if (!el.matches(EXPERIENCE.entry)) return undefined;
    const own = textBlocks(el, { skipLinks: false, skipLists: true });
    if (own.some((b) => shownAs(b, isRoleDates))) items.push(el);
    return 'skip';
  });
  return items;
}

function experienceSection(doc: Document): Element | null {
  for (const anchor of EXPERIENCE.anchors) {
    const el = doc.querySelector(anchor);
    const section = el?.closest('section');
    if (section && isShown(section)) return section;
  }
  for (const selector of EXPERIENCE.sections) {
    const section = Array.from(doc.querySelectorAll(selector)).find((s) => isShown(s));
    if (section) return section;
  }
  for (const heading of Array.from(doc.querySelectorAll('h2, h3')).slice(0, 200)) {
    if (EXPERIENCE.headings.test(visibleText(heading) ?? '')) return heading.closest('section');
  }
  return null;
}

// --- Degree, mutual connections, photo ------------------------------------------

/**
 * The degree badge in the top card (sidebars are outside it). The 2026 top
 * card renders it twice, one copy for another breakpoint: when the copies
 * disagree, the one the browser displays wins; without layout (a parsed page),
 * the page's actions decide (Message and no Connect: 1st; Connect: not 1st).
 */
function degreeOf(card: Element): { degree: Degree; sure: boolean } | null {
  const badges: { el: Element; degree: Degree }[] = [];
  walkShown(
    card,
    (el) => {
      if (el.localName === 'a' || el.localName === 'aside') return 'skip';
      if (!hasOwnText(el)) return undefined;
      const match = DEGREE_TEXT.exec(textOf(el, 60, undefined, true) ?? '');
      const digit = match?.[1] ?? match?.[2];
      if (digit && !hiddenByStyle(el)) badges.push({ el, degree: Number(digit) as Degree });
      return badges.length >= 6 ? 'stop' : undefined;
    },
  );
  const first = badges[0];
  if (!first) return null;
  const values = new Set(badges.map((b) => b.degree));
  if (values.size === 1) return { degree: first.degree, sure: true };
  const displayed = new Set(displayedOf(badges.map((b) => b.el)).map((el) => badges.find((b) => b.el === el)!.degree));
  if (displayed.size === 1) return { degree: [...displayed][0]!, sure: true };
  const message = shownIn(card, MESSAGE_LINK).length > 0;
  const connect = shownIn(card, CONNECT_ACTION).length > 0;
  if (message && !connect && values.has(1)) return { degree: 1, sure: true };
  const other = badges.find((b) => b.degree !== 1);
  if (connect && other) return { degree: other.degree, sure: true };
  return { degree: first.degree, sure: false };
}

/** The mutual-connections search: `connectionOf` limited to the viewer's network "F", and only that. */
export function isMutualLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return false;
  }
  if (!MUTUALS.connectionOf.test(url.search)) return false;
  for (const param of MUTUALS.networkParams) {
    const raw = url.searchParams.get(param);
    if (raw === null) continue;
    let list: unknown;
    try {
      list = JSON.parse(raw);
    } catch {
      list = raw.split(',');
    }
    const values = (Array.isArray(list) ? list : [list]).map((v) => String(v).replace(/"/g, '').trim());
    return values.length === 1 && values[0] === MUTUALS.network;
  }
  return false;
}

/** Inline elements that may carry a sentence on after a link (the HTML parser splits a link nested in a link). */
const INLINE = new Set(['span', 'strong', 'b', 'em', 'i', 'a', 'small', 'bdi', 'bdo', 'mark', 'label']);
const MUTUAL_SENTENCE_MAX = 200_000;

/**
 * Mutual connections: the names the page shows and the total. Names come from
 * `<strong>` elements or links to people (no UI language changes those), else
 * from the sentence (./layouts/linkedin.ts MUTUALS.languages); the count is
 * the names shown plus the number beside them ("A, B and 12 other mutual
 * connections" → 14). The count is read before any list is cut. A link nested
 * in the link is invalid HTML, and the parser moves the rest of the sentence
 * after the link: the sentence is the link and the inline content after it.
 * Returns null without the link.
 */
function mutualConnections(card: Element, isSelf: (href: string | null) => boolean): MutualRead | null {
  const link = shownIn(card, 'a[href]').find((a) => isMutualLink(a.getAttribute('href') ?? ''));
  if (!link) return null;
  const parts: Node[] = [link];
  for (let next = link.nextSibling; next; next = next.nextSibling) {
    spend();
    if (next.nodeType === 3) {
      parts.push(next);
      continue;
    }
    if (next.nodeType !== 1) continue;
    const el = next as Element;
    if (hiddenByItself(el)) continue;
    if (!INLINE.has(el.localName) || isMutualLink(el.getAttribute('href') ?? '') || holdsShownText(el, 'div, p, ul, ol, section, button, li')) break;
    if (el.localName === 'a' && !linkedInProfileId(resolveHref(el.getAttribute('href'), 'https://www.linkedin.com/') ?? '')) break;
    parts.push(el);
  }

  // Names marked up as such: <strong> or links to people (each person once), never the profile's owner.
  const marked: string[] = [];
  let markedCount = 0;
  const sentence: string[] = [];
  const isPersonLink = (e: Element) =>
    e.localName === 'a' && e !== link && linkedInProfileId(resolveHref(e.getAttribute('href'), 'https://www.linkedin.com/') ?? '') !== null && !isSelf(e.getAttribute('href'));
  for (const part of parts) {
    if (part.nodeType === 3) {
      sentence.push(part.nodeValue ?? '');
      continue;
    }
    const el = part as Element;
    if (!isShown(el, { within: card })) continue;
    const nameEls: Element[] = [];
    // A name element's insides are not searched again, so a <strong> inside a person's link counts once.
    const consider = (e: Element) => {
      if (e.localName === 'strong' || isPersonLink(e)) {
        nameEls.push(e);
        return 'skip' as const;
      }
      return e.matches('ul, ol, figure, img') ? ('skip' as const) : undefined;
    };
    const isName = consider(el) !== undefined;
    if (!isName) walkShown(el, consider);
    for (const nameEl of nameEls) {
      const n = acceptName(textOf(nameEl, LIMITS.name * 2, undefined, true), LIMITS.name);
      if (!n) continue;
      markedCount++;
      if (marked.length < LIMITS.mutualNames) marked.push(n);
    }
    // The rest of the sentence, names left out: its number is the people not named.
    if (!isName) sentence.push(' ', textOf(el, MUTUAL_SENTENCE_MAX, 'strong, a[href*="/in/"], ul, ol, figure, img', true) ?? '', ' ');
  }
  const rest = asciiDigits(cleanText(sentence.join(''), MUTUAL_SENTENCE_MAX) ?? '');
  if (markedCount > 0) {
    const others = countIn(rest);
    return { value: { count: Math.min(markedCount + others, LIMITS.mutualCount), names: marked }, sure: true };
  }
  return parseMutualSentence(rest);
}

/** Mutual connections as read, and whether a known sentence pattern (or markup) gave them. */
interface MutualRead {
  value: MutualConnections;
  /** False when no UI language's pattern matched and the generic rule guessed. */
  sure: boolean;
}

/** Arabic-Indic, Persian and full-width digits (and the Arabic thousands mark) as ASCII, so counts read the same in every script. */
function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/\u066c/g, ',');
}

/** True when a shown element under `root` matches `selector` (and, with `text`, shows some text). */
function holdsShown(root: Element, selector: string, text = false): boolean {
  let found = false;
  walkShown(root, (el) => {
    if (!el.matches(selector) || (text && !textOf(el, 20, undefined, true)) || hiddenByStyle(el)) return undefined;
    found = true;
    return 'stop';
  });
  return found;
}

const holdsShownText = (root: Element, selector: string) => holdsShown(root, selector, true);

/** The first number in `text` ("and 12 other", "et 4 autres", "1.234"), or 0. */
function countIn(text: string): number {
  const number = /(\d[\d,.\s]*)/.exec(text)?.[1];
  if (!number) return 0;
  const n = Number.parseInt(number.replace(/[,.\s]/g, ''), 10);
  return Number.isFinite(n) ? Math.min(n, LIMITS.mutualCount) : 0;
}

/**
 * Split "A, B and C" into names: commas first, then the last connective of the
 * language (a name may hold "y": "Ramón y Cajal"), courtesy words dropped.
 */
function splitNames(list: string, and: readonly string[], honorific?: RegExp): string[] {
  const pieces = list.split(MUTUALS.separators).filter((p) => p.trim() !== '');
  const words = and.map(escapeRegExp).join('|');
  const last = pieces.pop();
  if (last !== undefined) {
    const m = words ? new RegExp(`^(.+)\\s+(?:${words})\\s+(.+)$`, 'iu').exec(last.trim()) : null;
    if (m?.[1] && m[2]) pieces.push(m[1], m[2]);
    else pieces.push(last);
  }
  const lead = words ? new RegExp(`^(?:${words})\\s+`, 'iu') : null;
  return pieces
    .map((p) => (lead ? p.trim().replace(lead, '') : p))
    .map((p) => (honorific ? p.trim().replace(honorific, '') : p))
    .map((p) => acceptName(p, LIMITS.name))
    .filter((n): n is string => n !== null);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A plain-text mutual-connections sentence, by the UI language whose pattern
 * matches it (./layouts/linkedin.ts MUTUALS.languages): "Li Wei, Omar Haddad,
 * and 12 other mutual connections" (2 names, count 14), "A & 8 others", "12
 * mutual connections", "1 mutual connection – A", "A is a mutual connection",
 * "Li Wei、Omar Haddad、他12人の共通のつながり". A sentence no language matches is
 * read by a generic rule — the names before the last number — and marked
 * unsure, so the user checks it.
 */
function parseMutualSentence(text: string): MutualRead {
  const none = { count: 0, names: [] };
  if (!text) return { value: none, sure: false };
  const cap = (names: string[], count: number) => ({ count: Math.min(count, LIMITS.mutualCount), names: names.slice(0, LIMITS.mutualNames) });
  for (const lang of MUTUALS.languages) {
    const lead = lang.countFirst.exec(text);
    if (lead) {
      const names = lead[2] ? splitNames(lead[2], lang.and, lang.honorific) : [];
      return { value: cap(names, Math.max(countIn(lead[1] ?? ''), names.length)), sure: true };
    }
    const others = lang.others.exec(text);
    if (others?.[1]) {
      const names = splitNames(others[1], lang.and, lang.honorific);
      if (names.length > 0) return { value: cap(names, names.length + countIn(others[2] ?? '')), sure: true };
    }
    // "A is a mutual connection": one name, whole (it may hold "y" or "and").
    if (lang.one?.test(text)) {
      const name = acceptName(text.replace(lang.one, ''), LIMITS.name);
      return name ? { value: { count: 1, names: [name] }, sure: true } : { value: none, sure: false };
    }
    if (lang.some?.test(text)) {
      const names = splitNames(text.replace(lang.some, ''), lang.and, lang.honorific);
      if (names.length > 0) return { value: cap(names, names.length), sure: true };
    }
  }
  // No language's pattern: the names are the part before the last number, and the user checks them.
  const last = /(\d(?:[\d,.\s]*\d)?)\D*$/.exec(text);
  if (!last) return { value: none, sure: false };
  const before = text.slice(0, last.index).replace(MUTUALS.beforeCount, '');
  const and = MUTUALS.languages.flatMap((l) => l.and);
  const names = before ? splitNames(before, and) : [];
  return { value: cap(names, names.length + countIn(last[1] ?? '')), sure: false };
}

/** LinkedIn's default avatars are inline SVG/data: or live on static.licdn.com. */
function usablePhoto(src: string | null | undefined, base: string): string | null {
  const url = httpsUrlOrNull(src, base);
  if (!url || url.includes('static.licdn.com') || /\/ghost|default-avatar/i.test(url) || url.includes('_100_100')) return null;
  return url;
}

/** The person's photo in the top card: captioned with their name (sure) or in LinkedIn's profile-photo family (a guess). */
function photoInCard(card: Element | null, name: string, base: string): { url: string; byAlt: boolean } | null {
  if (!card) return null;
  const usable = shownIn(card, 'img')
    // Mutual-connection avatars and logos sit in lists or links; the person's photo does not.
    .filter((img) => !img.closest('li, a[href*="connectionOf"], a[href*="connectionof"]'))
    .map((img) => ({ img, byAlt: img.getAttribute('alt')?.trim() === name }))
    .filter(({ img, byAlt }) => byAlt || /profile-(?:display|framed)photo/.test(img.getAttribute('src') ?? ''))
    .map(({ img, byAlt }) => ({ url: usablePhoto(img.getAttribute('src'), base), byAlt }))
    .filter((p): p is { url: string; byAlt: boolean } => p.url !== null);
  usable.sort((a, b) => Number(b.byAlt) - Number(a.byAlt) || shrinkSize(b.url) - shrinkSize(a.url));
  return usable[0] ?? null;
}

function legacyPhoto(card: Element | null, base: string): string | null {
  if (!card) return null;
  for (const selector of hooks('photo')) {
    const url = usablePhoto(shownIn(card, selector)[0]?.getAttribute('src'), base);
    if (url) return url;
  }
  return null;
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
 * member's canonical URL when the page links to it by structure; otherwise by
 * their own (alias) URL. They stay unconfirmed until the page names the URL's
 * own lead or profile id.
 */
function readSalesOrRecruiter(doc: Document, pageUrl: string, kind: 'sales-lead' | 'recruiter', key: string): ReadResult {
  const { pick, sources, confidence, notes } = createPicker();
  const A = SALES_NAVIGATOR.anonymize;
  const anonEl = (what: string) => Array.from(doc.querySelectorAll(`[data-anonymize="${what}"]`)).find((el) => isShown(el, { skip: DIALOG_SELECTOR })) ?? null;
  const anon = (what: string, max: number) => textOf(anonEl(what), max, undefined, true);
  const scope = doc.querySelector('main') ?? doc.body;
  const nameEl = anonEl(A.name);
  const firstHeading = (tag: string) => Array.from(scope?.querySelectorAll(tag) ?? []).find((h) => isShown(h, { skip: DIALOG_SELECTOR }) && textOf(h)) ?? null;
  const heading = nameEl?.closest('h1, h2, h3') ?? nameEl ?? firstHeading('h1') ?? firstHeading('h2');
  const card = heading ? topCardOf(heading) : null;

  const rawName = pick(
    'name',
    ['data-attribute', () => acceptPerson(anon(A.name, NAME_READ))],
    ['heading', () => acceptPerson(textOf(heading, NAME_READ, undefined, true))],
  );
  const member = rawName && heading ? memberLinkOf(heading, card ?? scope, rawName, pageUrl) : null;
  const profileUrl = member ?? key;
  sources.profileUrl = member ? 'link' : 'url';
  if (!rawName) return { status: 'unreadable', profileUrl, reason: NO_NAME, code: 'no-name', settled: isSettled(doc, card) };
  const name = keepName(rawName, confidence, notes);
  const split = splitName(name);
  const blocks = heading && card ? proseBlocks(card, heading, name) : [];
  const experience = currentExperience(doc, anon(A.company, LIMITS.short));
  const source: Source = kind === 'sales-lead' ? 'linkedin-sales-navigator' : 'linkedin-recruiter';
  const role = pick(
    'role',
    ['data-attribute', () => cleanText(anon(A.role, LIMITS.short), LIMITS.short)],
    ['structure', () => experience.positions[0]?.title],
  );
  const company = pick(
    'company',
    ['data-attribute', () => cleanText(anon(A.company, LIMITS.short), LIMITS.short)],
    ['link', () => companyFromLinks(card)?.name],
    ['structure', () => experience.positions[0]?.company],
  );
  if (sources.role === 'structure' && experience.sure) confidence.role = 'high';
  if (sources.company === 'structure' && experience.sure) confidence.company = 'high';
  const photo = photoInCard(card, name, pageUrl);
  const photoUrl = pick(
    'photoUrl',
    ['data-attribute', () => usablePhoto(anonEl(A.photo)?.getAttribute('src'), pageUrl)],
    ['structure', () => photo?.url],
  );
  if (sources.photoUrl === 'structure') confidence.photoUrl = photo?.byAlt ? 'high' : 'low';
  const degreeRead = card ? degreeOf(card) : null;
  const degree = pick('degree', ['structure', () => degreeRead?.degree]);
  if (degreeRead) confidence.degree = degreeRead.sure ? 'high' : 'low';

  const capture: ProfileCapture = {
    profileUrl,
    name,
    firstName: pick('firstName', ['structure', () => split.first]),
    lastName: pick('lastName', ['structure', () => split.last]),
    headline: pick(
      'headline',
      ['data-attribute', () => cleanText(anon(A.headline, LIMITS.headline), LIMITS.headline)],
      ['structure', () => cleanText(displayedBlocks(blocks, 1)[0]?.text, LIMITS.headline)],
    ),
    role,
    company,
    location: pick(
      'location',
      ['data-attribute', () => cleanText(anon(A.location, LIMITS.short), LIMITS.short)],
      ['structure', () => cleanText(displayedBlocks(blocks, 2)[1]?.text, LIMITS.short)],
    ),
    photoUrl,
    degree,
    mutualConnections: { count: 0, names: [] },
    source,
    positions: role || company ? [{ title: role, company }, ...experience.positions.slice(1)] : experience.positions,
    aliases: member ? [key] : [],
    fieldSources: sources,
  };
  splitConfidence(name, sources, confidence);
  capture.fieldConfidence = completeConfidence(sources, confidence);
  if (Object.keys(notes).length > 0) capture.fieldNotes = notes;
  return finish(capture, pageNamesKey(scope, key, pageUrl));
}

/** The page body links to the URL's own lead or Recruiter profile (its id, not just any lead). */
function pageNamesKey(scope: Element | null, key: string, base: string): boolean {
  if (!scope) return false;
  for (const a of Array.from(scope.querySelectorAll('a[href]'))) {
    spend();
    const url = resolveHref(a.getAttribute('href'), base);
    if (url && linkedInPage(url)?.key === key && isShown(a, { skip: DIALOG_SELECTOR })) return true;
  }
  return false;
}

/**
 * The member profile a Sales Navigator or Recruiter page is about, chosen by
 * structure, never "the first /in/ link": the name's own link; else the one
 * profile the page's actions point at ("View LinkedIn profile" in a menu, a
 * "Public profile" link: ./layouts/linkedin.ts VIEW_PROFILE_LABELS) or a link
 * whose label names the person ("View Mei Lin’s profile"). Any other link
 * to a profile — in a sentence ("Shared connection: Alice", "Sourced by
 * Alice"), under a heading of its own, in a list of people — may be someone
 * else, however alone it stands. Several different candidates: none.
 */
function memberLinkOf(nameEl: Element, scope: Element | null, name: string, base: string): string | null {
  const member = (a: Element | null | undefined): string | null => {
    const url = resolveHref(a?.getAttribute('href'), base);
    const canonical = url ? canonicalProfileUrl(url) : null;
    return canonical && !isMemberIdUrl(canonical) ? canonical : null;
  };
  const shownLink = (a: Element | null | undefined) => (a && isShown(a, { skip: DIALOG_SELECTOR }) ? a : null);
  const own = member(shownLink(nameEl.closest('a[href]'))) ?? member(Array.from(nameEl.querySelectorAll('a[href]')).find((a) => shownLink(a)));
  if (own) return own;
  if (!scope) return null;
  const folded = foldText(name);
  const candidates = new Set<string>();
  for (const a of Array.from(scope.querySelectorAll('a[href]'))) {
    spend();
    const target = member(a);
    if (!target || !isShown(a, { within: scope })) continue;
    const aria = foldText(a.getAttribute('aria-label') ?? '');
    const shown = foldText(textOf(a, 300, undefined, true) ?? '');
    const label = `${aria} ${shown}`;
    const action = a.closest(ACTION_CONTAINER) !== null || VIEW_PROFILE.has(aria) || VIEW_PROFILE.has(shown);
    const named = folded !== '' && label.includes(folded);
    if (action || named) candidates.add(target);
  }
  return candidates.size === 1 ? [...candidates][0]! : null;
}

const VIEW_PROFILE: ReadonlySet<string> = new Set(VIEW_PROFILE_LABELS.map(foldText));

/** Where the in-page Save button goes: beside the name's heading. */
export function linkedInNameHeading(doc: Document, url: string): Element | null {
  const page = linkedInPage(url);
  if (!page) return null;
  return withinReadBudget(READ_BUDGET, () => {
    if (page.kind !== 'profile') {
      const scope = doc.querySelector('main') ?? doc.body;
      return (
        Array.from(doc.querySelectorAll(`[data-anonymize="${SALES_NAVIGATOR.anonymize.name}"]`)).find((el) => isShown(el)) ??
        Array.from(scope?.querySelectorAll('h1') ?? []).find((h) => isShown(h, { skip: DIALOG_SELECTOR })) ??
        null
      );
    }
    const memberId = isMemberIdUrl(url);
    const heading = findNameHeading(doc, (href) => sameProfile(href, url, page.key) || (memberId && isVanityLink(href, url)));
    return heading?.el ?? null;
  });
}
