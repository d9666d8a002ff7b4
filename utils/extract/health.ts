/**
 * Capture health: when a profile page yields no name, no role or a field
 * Introbook isn't sure of, a privacy-safe description of the page's structure
 * that a user can attach to a bug report (issue #7). Pure over the Document.
 *
 * What a report holds: tag names, ARIA roles, the NAMES of ARIA and data-*
 * attributes, the shape of class names (hashed or word-like, and length), what
 * kind of page a link points to (a profile, a company, a search…), whether an
 * element holds text and of which kind (a degree badge, a date, a count), and
 * the path from the name to each field. What it never holds: text, URLs,
 * names, attribute values, class names themselves. Every string in a report
 * comes from a fixed vocabulary or matches a fixed shape; a test checks it
 * against every page of the corpus.
 */
import type { CapturedField, Confidence, FieldOrigin } from '../domain/schemas';
import { CAPTURED_FIELDS } from '../domain/limits';
import { linkedInPage } from '../core/canonical-url';
import { COUNTER, DATE_RANGE, DEGREE_TEXT, detectLayout, hooks } from './layouts/linkedin';
import { GITHUB } from './layouts/github';
import { isMutualLink, linkedInNameHeading } from './linkedin';
import type { ReadResult } from './result';
import { ARIA_ROLES, HTML_TAGS } from './health-vocabulary';
import { hasOwnText, hiddenByItself, PageTooComplex, textOf, withReadBudget } from './text';

export const HEALTH_REPORT_VERSION = 1;

/** One element of the outline: tag, role, attribute names, class shapes, what it holds, its children. */
export interface OutlineNode {
  /** Tag name (HTML tags only; anything else is "custom"). */
  t: string;
  /** ARIA role, from the ARIA vocabulary. */
  r?: string;
  /** Names of its aria-* and data-* attributes, and of a few structural ones (componentkey, hidden, href, alt). */
  a?: string[];
  /** Class-name shapes: "h6" a 6-character hashed token, "w19" a word-like one, "x4" anything else. */
  c?: string[];
  /** A link's kind of target. */
  l?: LinkKind;
  /** It holds text of its own, of this kind. */
  x?: TextKind;
  /** Hidden from sighted users (so never read). */
  hid?: true;
  /** Its children; `more` counts those left out. */
  k?: OutlineNode[];
  more?: number;
}

/** One thing wrong with a read: the unreadable outcome, no role, or a field read with low confidence. */
export type HealthProblem = Exclude<CaptureHealthReport['outcome'], 'ok'> | 'no-role' | `low:${CapturedField}`;

export type LinkKind = 'profile' | 'profile-subpage' | 'company' | 'school' | 'mutuals' | 'connections' | 'messaging' | 'search' | 'sales' | 'recruiter' | 'same-site' | 'other-site' | 'fragment' | 'none';
export type TextKind = 'degree' | 'date' | 'count' | 'text';

export interface FieldHealth {
  origin: FieldOrigin;
  confidence: Confidence;
  /**
   * From the name's element to the field's: "^tag" goes up to the parent,
   * "tag:n" down to the n-th element child (1-based). Null when the field's
   * element can't be found (structured data, the URL) or there is no name.
   */
  path: string[] | null;
}

export interface CaptureHealthReport {
  v: typeof HEALTH_REPORT_VERSION;
  site: 'linkedin' | 'github' | 'other';
  page: 'profile' | 'member-id' | 'sales-lead' | 'recruiter' | 'other';
  /** The LinkedIn layout detected (./layouts/linkedin.ts), or 'unknown'. */
  layout: string;
  outcome: 'ok' | 'no-name' | 'too-complex' | 'several-people' | 'invalid' | 'error';
  /** What went wrong: "no-name", "no-role", "low:<field>", "too-complex"… */
  problems: HealthProblem[];
  fields: Partial<Record<CapturedField, FieldHealth>>;
  /** Counts that describe the page without its content. */
  stats: { elements: number; depth: number; h1: number; h2: number; jsonLd: number; embeddedData: boolean; main: boolean; dialogs: number };
  /** The structure around the person: the top card, or the main region when no name was found. */
  outline: OutlineNode | null;
  /** A short hash of the structure, so the same problem on the same layout is stored once. */
  signature: string;
}

// --- Vocabularies: everything a report may say -------------------------------------------

export { ARIA_ROLES, HTML_TAGS };

const STRUCTURAL_ATTRIBUTES = new Set(['componentkey', 'hidden', 'href', 'alt', 'src', 'style', 'open', 'itemscope', 'itemprop', 'itemtype']);
/** data-* and aria-* names: letters and hyphens only, so no id or text can ride along. */
const ATTRIBUTE_NAME = /^(?:data|aria)-[a-z]+(?:-[a-z]+){0,5}$/;
const MAX_NODES = 250;
const MAX_DEPTH = 14;
const MAX_CHILDREN = 24;
const REPORT_BUDGET = 60_000;

function tagOf(el: Element): string {
  const tag = el.localName;
  return HTML_TAGS.has(tag) ? tag : 'custom';
}

/** "Jx3kL2" → "h6", "text-heading-xlarge" → "w19", anything else → "x<length>". */
export function classShape(token: string): string {
  const len = Math.min(token.length, 99);
  if (/^[a-z]+(?:[-_:]{1,2}[a-z0-9]+)*$/.test(token) && /[a-z]{3}/.test(token)) return `w${len}`;
  if (/^[A-Za-z0-9_-]+$/.test(token) && (/[A-Z]/.test(token) || /\d/.test(token)) && !/[-_]{2}/.test(token)) return `h${len}`;
  return `x${len}`;
}

function linkKind(href: string | null, pageUrl: string): LinkKind {
  if (href === null) return 'none';
  if (href.startsWith('#')) return 'fragment';
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return 'other-site';
  }
  let pageHost = '';
  try {
    pageHost = new URL(pageUrl).hostname;
  } catch {
    // no page host
  }
  const path = url.pathname;
  if (/linkedin\.com$/.test(url.hostname)) {
    if (/\/in\/[^/]+\/./.test(path)) return 'profile-subpage';
    if (/\/in\//.test(path)) return 'profile';
    if (/\/company\//.test(path)) return 'company';
    if (/\/school\//.test(path)) return 'school';
    if (/\/messaging\//.test(path)) return 'messaging';
    if (/\/sales\//.test(path)) return 'sales';
    if (/\/talent\//.test(path)) return 'recruiter';
    if (/connectionof/i.test(url.search)) return isMutualLink(url.href) ? 'mutuals' : 'connections';
    if (/\/search\//.test(path)) return 'search';
  }
  return url.hostname === pageHost ? 'same-site' : 'other-site';
}

function textKind(el: Element): TextKind | undefined {
  if (!hasOwnText(el)) return undefined;
  const text = textOf(el, 120) ?? '';
  if (!text) return undefined;
  if (DEGREE_TEXT.test(text)) return 'degree';
  if (DATE_RANGE.test(text)) return 'date';
  if (COUNTER.test(text) || /^\d[\d,.\s]*\+?$/.test(text)) return 'count';
  return 'text';
}

function attributeNames(el: Element): string[] | undefined {
  const names: string[] = [];
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    if (ATTRIBUTE_NAME.test(name) || STRUCTURAL_ATTRIBUTES.has(name)) names.push(name);
  }
  return names.length > 0 ? names.sort() : undefined;
}

/** The outline of `root`: at most MAX_NODES elements, MAX_DEPTH deep. */
function outline(root: Element, pageUrl: string): OutlineNode {
  let budget = MAX_NODES;
  const node = (el: Element, depth: number): OutlineNode => {
    budget--;
    const out: OutlineNode = { t: tagOf(el) };
    const role = el.getAttribute('role')?.trim().toLowerCase();
    if (role && ARIA_ROLES.has(role)) out.r = role;
    const attrs = attributeNames(el);
    if (attrs) out.a = attrs;
    const cls = el.getAttribute('class');
    if (cls) {
      const shapes = cls.split(/\s+/).filter(Boolean).slice(0, 12).map(classShape);
      if (shapes.length > 0) out.c = shapes;
    }
    if (el.localName === 'a') out.l = linkKind(el.getAttribute('href'), pageUrl);
    if (hiddenByItself(el)) {
      out.hid = true;
      return out;
    }
    const kind = textKind(el);
    if (kind) out.x = kind;
    const children = Array.from(el.children);
    if (children.length > 0) {
      if (depth >= MAX_DEPTH || budget <= 0) {
        out.more = children.length;
        return out;
      }
      const kids: OutlineNode[] = [];
      for (const child of children.slice(0, MAX_CHILDREN)) {
        if (budget <= 0) break;
        kids.push(node(child, depth + 1));
      }
      out.k = kids;
      if (kids.length < children.length) out.more = children.length - kids.length;
    }
    return out;
  };
  return node(root, 0);
}

/** The path from `from` to `to`: up to their common ancestor, then down by child index. */
export function pathBetween(from: Element, to: Element): string[] | null {
  const up: Element[] = [];
  let common: Element | null = from;
  while (common && !common.contains(to)) {
    up.push(common);
    common = common.parentElement;
    if (up.length > 64) return null;
  }
  if (!common) return null;
  const down: Element[] = [];
  for (let e: Element | null = to; e && e !== common; e = e.parentElement) {
    down.unshift(e);
    if (down.length > 64) return null;
  }
  return [
    ...up.map((e) => `^${tagOf(e.parentElement ?? e)}`),
    ...down.map((e) => `${tagOf(e)}:${Array.from(e.parentElement?.children ?? []).indexOf(e) + 1}`),
  ];
}

/** The smallest shown element under `root` whose text is `value` (or starts with it). */
function elementShowing(root: Element, value: string): Element | null {
  const target = value.trim();
  if (!target) return null;
  let best: Element | null = null;
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  let visited = 0;
  for (let n = walker.nextNode(); n && visited < 5000; n = walker.nextNode()) {
    visited++;
    const el = n as Element;
    if (!hasOwnText(el)) continue;
    const text = textOf(el, target.length + 200);
    if (text && (text === target || text.startsWith(target))) {
      best = el;
      if (text === target) break;
    }
  }
  return best;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function pageStats(doc: Document): CaptureHealthReport['stats'] {
  let elements = 0;
  let depth = 0;
  // An explicit stack: a 5,000-deep page must not blow the call stack.
  const stack: [Element, number][] = doc.documentElement ? [[doc.documentElement, 1]] : [];
  while (stack.length > 0 && elements < 50_000) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, d + 1]);
  }
  return {
    elements,
    depth,
    h1: doc.querySelectorAll('h1').length,
    h2: doc.querySelectorAll('h2').length,
    jsonLd: doc.querySelectorAll('script[type="application/ld+json"]').length,
    embeddedData: doc.querySelector('code[id^="bpr-guid-"]') !== null,
    main: doc.querySelector('main') !== null,
    dialogs: doc.querySelectorAll('dialog, [role="dialog"], [aria-modal="true"]').length,
  };
}

function siteOf(url: string): { site: CaptureHealthReport['site']; page: CaptureHealthReport['page'] } {
  const page = linkedInPage(url);
  if (page) {
    const memberId = page.kind === 'profile' && /\/in\/acoaa/i.test(page.key);
    return { site: 'linkedin', page: memberId ? 'member-id' : page.kind };
  }
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // not a URL
  }
  return { site: host === 'github.com' ? 'github' : 'other', page: host === 'github.com' ? 'profile' : 'other' };
}

function nameElementOf(doc: Document, url: string, site: CaptureHealthReport['site'], name: string | null): Element | null {
  if (site === 'linkedin') return linkedInNameHeading(doc, url);
  if (site === 'github') return doc.querySelector(GITHUB.personCard)?.querySelector(`${GITHUB.name.microdata}, ${GITHUB.name.hCard}`) ?? null;
  return name && doc.body ? elementShowing(doc.body, name) : null;
}

/** The region whose structure explains the read: the top card around the name, else the page's main region. */
function regionOf(doc: Document, nameEl: Element | null): Element | null {
  if (nameEl) {
    for (const selector of hooks('topCard')) {
      const card = nameEl.closest(selector);
      if (card) return card;
    }
    return nameEl.parentElement?.parentElement ?? nameEl.parentElement ?? nameEl;
  }
  return doc.querySelector('main') ?? doc.body;
}

/** What is wrong with a read, or nothing (then no report is made). */
function problemsOf(result: ReadResult, site: CaptureHealthReport['site']): HealthProblem[] {
  if (result.status === 'not-profile') return [];
  if (result.status === 'unreadable') return [result.code];
  const c = result.capture;
  const problems: HealthProblem[] = [];
  // GitHub has no role field; a generic page may simply not say.
  if (site === 'linkedin' && c.role === null) problems.push('no-role');
  for (const field of CAPTURED_FIELDS) {
    const value = c[field];
    if (value === null || value === undefined || c.fieldSources[field] === undefined) continue;
    if (c.fieldConfidence?.[field] === 'low') problems.push(`low:${field}`);
  }
  return problems;
}

/**
 * What is wrong with a read (no name, no role, a field to check), without
 * building a report: cheap, for deciding whether one is worth making.
 */
export function captureProblemsOf(url: string, result: ReadResult): HealthProblem[] {
  return problemsOf(result, siteOf(url).site);
}

/**
 * A structure report for a read that went wrong (no name, no role, a
 * low-confidence field), or null when the read was fine or the page is not a
 * person's page. `always` builds one regardless (tests, diagnostics).
 * Never throws; never contains page text, URLs or names.
 */
export function captureHealthReport(doc: Document, url: string, result: ReadResult, options: { always?: boolean } = {}): CaptureHealthReport | null {
  const { site, page } = siteOf(url);
  const problems = problemsOf(result, site);
  if (problems.length === 0 && !options.always) return null;
  try {
    return withReadBudget(REPORT_BUDGET, () => build(doc, url, result, site, page, problems));
  } catch (error) {
    if (!(error instanceof PageTooComplex)) return null;
    // The page is too big to describe in detail: say so, with the counts only.
    const report: CaptureHealthReport = {
      v: HEALTH_REPORT_VERSION,
      site,
      page,
      layout: detectLayout(doc),
      outcome: outcomeOf(result),
      problems,
      fields: {},
      stats: pageStats(doc),
      outline: null,
      signature: '',
    };
    report.signature = fnv1a(JSON.stringify([report.site, report.page, report.layout, report.outcome, report.problems, report.stats.depth > 500]));
    return report;
  }
}

function outcomeOf(result: ReadResult): CaptureHealthReport['outcome'] {
  return result.status === 'ok' ? 'ok' : result.status === 'unreadable' ? result.code : 'error';
}

function build(
  doc: Document,
  url: string,
  result: ReadResult,
  site: CaptureHealthReport['site'],
  page: CaptureHealthReport['page'],
  problems: HealthProblem[],
): CaptureHealthReport {
  const capture = result.status === 'ok' ? result.capture : null;
  const nameEl = nameElementOf(doc, url, site, capture?.name ?? null);
  const region = regionOf(doc, nameEl);
  const fields: Partial<Record<CapturedField, FieldHealth>> = {};
  if (capture) {
    for (const field of CAPTURED_FIELDS) {
      const origin = capture.fieldSources[field];
      if (!origin) continue;
      const confidence = capture.fieldConfidence?.[field] ?? (origin === 'structure' || origin === 'class' ? 'low' : 'high');
      const value = capture[field];
      let path: string[] | null = null;
      const readFromPage = origin === 'heading' || origin === 'structure' || origin === 'class' || origin === 'link' || origin === 'aria' || origin === 'data-attribute' || origin === 'h-card' || origin === 'microdata';
      if (nameEl && region && readFromPage && typeof value === 'string' && field !== 'photoUrl' && field !== 'profileUrl') {
        const el = field === 'name' ? nameEl : elementShowing(region, value);
        path = el ? pathBetween(nameEl, el) : null;
      }
      fields[field] = { origin, confidence, path };
    }
  }
  const report: CaptureHealthReport = {
    v: HEALTH_REPORT_VERSION,
    site,
    page,
    layout: site === 'linkedin' ? detectLayout(doc) : 'unknown',
    outcome: outcomeOf(result),
    problems,
    fields,
    stats: pageStats(doc),
    outline: region ? outline(region, url) : null,
    signature: '',
  };
  report.signature = fnv1a(JSON.stringify([report.site, report.page, report.layout, report.outcome, report.problems, report.outline]));
  return report;
}
