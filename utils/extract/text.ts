/**
 * DOM text helpers for the extractors. All pure over the element they are
 * given, none throw except `PageTooComplex` when a read runs out of budget.
 *
 * Two rules hold for every value an extractor returns (issue #7):
 * - text the user cannot see is never read: closed dialogs and modals, an
 *   `aria-hidden` overlay wrapping one, `hidden`, `display:none` and the like,
 *   templates and scripts (see ./layouts/common.ts);
 * - a value shown twice, as a visible copy and a screen-reader copy, is read
 *   once: `.visually-hidden`-style copies are skipped, and where an
 *   `aria-hidden` element has a sibling saying the same thing (the 2024+
 *   layouts' pair, whatever its classes), only the `aria-hidden` copy is read.
 *
 * And one for cost (issue #10): every walk is bounded by depth and by a
 * per-read budget of visited nodes, so a pathological page is refused quickly
 * instead of freezing the tab.
 */
import { cleanText } from '../core/text';
import { DIALOG_SELECTOR, HIDING_STYLE, NEVER_TEXT_TAGS, SCREEN_READER_CLASSES } from './layouts/common';

/**
 * A dialog's text belongs to its overlay, never to the element it sits in: walks and text reads
 * leave out dialogs below where they start (a read that starts inside a dialog still reads it).
 */
function isDialog(el: Element): boolean {
  // Attribute reads, not a selector match: this runs on every element a walk visits.
  if (el.localName === 'dialog' || el.getAttribute('aria-modal') === 'true') return true;
  const role = el.getAttribute('role');
  return role === 'dialog' || role === 'alertdialog';
}

// --- Budget ------------------------------------------------------------------------

/** Thrown when a read has visited more nodes than its budget allows. */
export class PageTooComplex extends Error {
  constructor() {
    super('page too complex');
    this.name = 'PageTooComplex';
  }
}

/** Nodes one read may visit. The 2 MB benchmark page needs about a tenth of it. */
export const READ_BUDGET = 300_000;
/** How deep a text walk goes below the element it starts at. */
export const TEXT_DEPTH = 48;
/** How deep a structural walk goes below its root. */
export const WALK_DEPTH = 96;
/** How far up an ancestor check climbs. */
const ANCESTOR_DEPTH = 256;

let budget = Number.POSITIVE_INFINITY;
/**
 * Screen-reader twins by parent, for the length of one read: a read is
 * synchronous, so the page can't change under it. Outside a read nothing is cached.
 */
let twinCache: WeakMap<Element, Set<Element> | null> | null = null;
/** Stylesheet visibility by element, for the length of one read (see `hiddenByStyle`). */
let styleCache: WeakMap<Element, boolean> | null = null;

/** Run `read` with a fresh budget of `limit` visited nodes (reads don't nest budgets; the outer one is restored). */
export function withReadBudget<T>(limit: number, read: () => T): T {
  const saved = budget;
  const savedCache = twinCache;
  const savedStyles = styleCache;
  budget = limit;
  twinCache = new WeakMap();
  styleCache = new WeakMap();
  try {
    return read();
  } finally {
    budget = saved;
    twinCache = savedCache;
    styleCache = savedStyles;
  }
}

/** Run `read` within the current read's budget, or a fresh one of `limit` when no read is running. */
export function withinReadBudget<T>(limit: number, read: () => T): T {
  return budget === Number.POSITIVE_INFINITY ? withReadBudget(limit, read) : read();
}

/** Count `n` visited nodes against the current read's budget. */
export function spend(n = 1): void {
  budget -= n;
  if (budget < 0) throw new PageTooComplex();
}

// --- What the user can see ----------------------------------------------------------------

/** One regular expression for the whole class list: this runs on every element a walk visits. */
const SCREEN_READER_CLASS = new RegExp(`(?:^|\\s)(?:${[...SCREEN_READER_CLASSES].map((c) => c.replace(/[-]/g, '\\-')).join('|')})(?:\\s|$)`);

function hasScreenReaderClass(el: Element): boolean {
  const cls = el.getAttribute('class');
  return cls !== null && SCREEN_READER_CLASS.test(cls);
}

/**
 * True when `el` itself (not counting its ancestors) hides its content from a
 * sighted user, or is a screen-reader-only copy by class.
 */
export function hiddenByItself(el: Element): boolean {
  const tag = el.localName;
  if (NEVER_TEXT_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden')) return true;
  if (tag === 'dialog' && !el.hasAttribute('open')) return true;
  const style = el.getAttribute('style');
  if (style && HIDING_STYLE.test(style)) return true;
  if (hasScreenReaderClass(el)) return true;
  if (el.getAttribute('aria-hidden') === 'true' && isClosedOverlay(el)) return true;
  // A closed <details> shows only its <summary>.
  const parent = el.parentElement;
  if (parent && parent.localName === 'details' && !parent.hasAttribute('open') && tag !== 'summary') return true;
  return false;
}

/**
 * An `aria-hidden` element that wraps a dialog and shows nothing else: a closed
 * overlay (LinkedIn's public page keeps its sign-in modal so, hidden by
 * classes). An `aria-hidden` visible copy of a value is not one.
 */
function isClosedOverlay(el: Element): boolean {
  // An aria-hidden dialog is hidden, open or not.
  if (isDialog(el)) return true;
  const dialog = el.querySelector('[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog[open]');
  if (!dialog) return false;
  // Text outside every dialog means the element is content, not an overlay.
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < 500; n = walker.nextNode()) {
    seen++;
    if ((n.nodeValue ?? '').trim() === '') continue;
    if (!n.parentElement?.closest(DIALOG_SELECTOR)) return false;
  }
  spend(seen);
  return true;
}

/** Letters or digits that make a copy worth comparing (a decorative "·" is not). */
const SUBSTANTIAL = /[\p{L}\p{N}].*[\p{L}\p{N}]/su;

/**
 * The children of `parent` that are screen-reader twins of an `aria-hidden`
 * sibling: the 2024+ layouts put the visible copy in `span[aria-hidden=true]`
 * and a copy for screen readers right beside it, with classes that may be
 * hashed. An adjacent sibling saying the same thing — equal, or the same with
 * a few words added ("3rd+" / "3rd+ degree connection") — is that twin.
 */
function screenReaderTwins(parent: Element): Set<Element> | null {
  if (twinCache?.has(parent)) return twinCache.get(parent)!;
  const twins = findTwins(parent);
  twinCache?.set(parent, twins);
  return twins;
}

function findTwins(parent: Element): Set<Element> | null {
  const children = parent.children;
  if (children.length < 2 || children.length > 64) return null;
  let twins: Set<Element> | null = null;
  for (const child of Array.from(children)) {
    if (child.getAttribute('aria-hidden') !== 'true' || hiddenByItself(child)) continue;
    const shown = rawText(child, 400)?.toLowerCase();
    if (!shown || !SUBSTANTIAL.test(shown)) continue;
    for (const sibling of [child.previousElementSibling, child.nextElementSibling]) {
      if (!sibling || sibling.getAttribute('aria-hidden') === 'true') continue;
      const text = rawText(sibling, 800)?.toLowerCase();
      if (!text) continue;
      const same = text === shown || (text.startsWith(shown) && text.length <= shown.length * 3 + 30) || (shown.startsWith(text) && SUBSTANTIAL.test(text));
      if (same) (twins ??= new Set()).add(sibling);
    }
  }
  return twins;
}

/** Raw text for comparing twins: bounded, whitespace collapsed, hidden parts left out. */
function rawText(el: Element, max: number): string | null {
  let out = '';
  const stack: Node[] = [el];
  let visited = 0;
  while (stack.length > 0 && out.length <= max && visited < 200) {
    const node = stack.pop()!;
    visited++;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
    } else if (node.nodeType === 1) {
      const e = node as Element;
      if (e !== el && (hiddenByItself(e) || isDialog(e))) continue;
      out += ' ';
      const kids = e.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  spend(visited);
  return cleanText(out, max);
}

/** True when `el` is a screen-reader twin of an `aria-hidden` sibling. */
function isTwin(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent || el.getAttribute('aria-hidden') === 'true') return false;
  return screenReaderTwins(parent)?.has(el) ?? false;
}

/**
 * True when a sighted user can see `el`, as far as markup tells: neither it nor
 * an ancestor (up to `within`, exclusive) is hidden, a closed overlay, or a
 * screen-reader copy. With `skip`, subtrees matching that selector count as
 * hidden too (LinkedIn never reads the top card from inside a dialog).
 */
export function isShown(el: Element, options: { within?: Element | null; skip?: string } = {}): boolean {
  let depth = 0;
  for (let e: Element | null = el; e && e !== options.within; e = e.parentElement) {
    spend();
    if (++depth > ANCESTOR_DEPTH) return false;
    if (hiddenByItself(e) || isTwin(e)) return false;
    if (options.skip && e.matches(options.skip)) return false;
  }
  return !hiddenByStyle(el);
}

type VisibilityProbe = (options?: { visibilityProperty?: boolean }) => boolean;

/**
 * True when the browser does not display `el` because of a stylesheet
 * (`.modal--hidden{display:none}`, `visibility:hidden` by class, a media
 * query): markup alone can't tell, so this asks the live page's computed
 * styles. Only a document with a view (the page itself, not a parsed copy) can
 * answer; elsewhere this says false and markup decides. It is asked only for
 * elements an extractor is about to take a value from (and `checkVisibility`
 * covers their ancestors), once per element per read: a few dozen lookups in
 * styles the browser has computed anyway.
 */
export function hiddenByStyle(el: Element): boolean {
  const view = el.ownerDocument?.defaultView;
  if (!view) return false;
  const cached = styleCache?.get(el);
  if (cached !== undefined) return cached;
  let hidden = false;
  try {
    hidden = computeHidden(el, view);
  } catch {
    hidden = false;
  }
  styleCache?.set(el, hidden);
  return hidden;
}

function computeHidden(el: Element, view: Window): boolean {
  spend();
  const probe = (el as Element & { checkVisibility?: VisibilityProbe }).checkVisibility;
  if (typeof probe === 'function') {
    if (probe.call(el, { visibilityProperty: true })) return false;
    if (!el.isConnected) return false;
    // `display: contents` has no box of its own and still shows its children: its parent decides.
    if (view.getComputedStyle(el).display === 'contents') return el.parentElement ? hiddenByStyle(el.parentElement) : false;
    return true;
  }
  // No checkVisibility (older engines): computed display and visibility up the tree.
  let depth = 0;
  for (let e: Element | null = el; e && depth < ANCESTOR_DEPTH; e = e.parentElement, depth++) {
    const style = view.getComputedStyle(e);
    if (style.display === 'none') return true;
    if (depth === 0 && (style.visibility === 'hidden' || style.visibility === 'collapse')) return true;
  }
  return false;
}

/**
 * Among elements that say the same kind of thing but disagree (LinkedIn's 2026
 * top card renders the degree twice, one copy for another breakpoint), the
 * ones the browser actually displays. Only a live page can tell; a parsed
 * fixture (no layout) returns all of them. Styles are computed only here, for
 * the few elements of a tie.
 */
export function displayedOf<T extends Element>(elements: T[]): T[] {
  const shown = elements.filter((el) => {
    const probe = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    if (typeof probe !== 'function') return true;
    try {
      return probe.call(el, { visibilityProperty: true, opacityProperty: true }) !== false;
    } catch {
      return true;
    }
  });
  // Nothing displayed at all means the page isn't laid out (a parsed document): no information.
  return shown.length > 0 ? shown : elements;
}

// --- Walking --------------------------------------------------------------------------

export interface WalkOptions {
  /** Subtrees matching this selector are skipped, as if hidden. */
  skip?: string;
  /** Maximum depth below the root (default WALK_DEPTH). */
  maxDepth?: number;
}

/**
 * Visit the shown elements below `root` in document order. `visit` returns
 * 'skip' to not descend into an element, 'stop' to end the walk. Hidden
 * subtrees and screen-reader twins are never visited.
 */
export function walkShown(root: Element, visit: (el: Element, depth: number) => 'skip' | 'stop' | void, options: WalkOptions = {}): void {
  const maxDepth = options.maxDepth ?? WALK_DEPTH;
  const step = (parent: Element, depth: number): boolean => {
    if (depth > maxDepth) return true;
    const twins = screenReaderTwins(parent);
    for (const child of Array.from(parent.children)) {
      spend();
      if (hiddenByItself(child) || twins?.has(child) || isDialog(child)) continue;
      if (options.skip && child.matches(options.skip)) continue;
      const verdict = visit(child, depth);
      if (verdict === 'stop') return false;
      if (verdict !== 'skip' && !step(child, depth + 1)) return false;
    }
    return true;
  };
  step(root, 1);
}

/** True when `el` has a non-blank text node of its own. */
export function hasOwnText(el: Element): boolean {
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3 && (child.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

// --- Text -----------------------------------------------------------------------------

interface Collector {
  parts: string[];
  length: number;
  limit: number;
}

function collect(node: Element, out: Collector, depth: number, skip: string | undefined, styled: boolean): void {
  if (depth > TEXT_DEPTH) return;
  const twins = screenReaderTwins(node);
  for (const child of Array.from(node.childNodes)) {
    if (out.length > out.limit) return;
    spend();
    if (child.nodeType === 3) {
      const value = child.nodeValue ?? '';
      out.parts.push(value);
      out.length += value.length;
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (hiddenByItself(el) || twins?.has(el) || isDialog(el)) continue;
      if (skip && el.matches(skip)) {
        // Left out, but on screen: the text either side doesn't run together.
        out.parts.push(' ');
        continue;
      }
      // Asked last: a style lookup costs more than the markup checks, and skipped elements need none.
      if (styled && hiddenByStyle(el)) continue;
      // Element boundaries become spaces so "a</p><p>b" does not read "ab".
      out.parts.push(' ');
      collect(el, out, depth + 1, skip, styled);
      out.parts.push(' ');
    }
  }
}

/**
 * The text a sighted user sees inside `el`, cleaned and capped at `max`
 * characters, without checking `el`'s ancestors (use for elements reached by
 * `walkShown`, or after `isShown`). With `styled`, descendants a stylesheet
 * hides are left out too (a style lookup each: only for a value being taken).
 */
export function textOf(el: Element | null | undefined, max = 500, skip?: string, styled = false): string | null {
  if (!el || hiddenByItself(el)) return null;
  // Collect a little more than `max`: whitespace collapses, and cleanText cuts exactly.
  const out: Collector = { parts: [], length: 0, limit: max * 3 + 2000 };
  collect(el, out, 0, skip, styled);
  return cleanText(out.parts.join(''), max);
}

/**
 * The text a sighted user sees in `el`, or null when `el` (or an ancestor) is
 * hidden from them. Screen-reader copies and scripts are skipped, so
 * LinkedIn's doubled spans never double a value.
 */
export function visibleText(el: Element | null | undefined, max = 500, options: { skip?: string } = {}): string | null {
  if (!el || !isShown(el, { skip: options.skip })) return null;
  return textOf(el, max, options.skip, true);
}

/** Strings that are UI chrome, never a person's name (English; site files add their own). */
const NOT_A_NAME = /^(?:\(\d+\)\s*)?(?:linkedin(?: member)?|member|feed|home|profile|sign in|sign up|log in|login|join now|join linkedin)$/i;

/** A usable person name, or null for chrome, counters and punctuation. */
export function acceptName(value: string | null, max: number): string | null {
  const name = cleanText(value, max);
  if (!name) return null;
  if (NOT_A_NAME.test(name)) return null;
  // Must hold at least one letter (any script) or emoji; "(3)" or "—" is no name.
  if (!/[\p{L}\p{Extended_Pictographic}]/u.test(name)) return null;
  return name;
}

/**
 * `value` cut to at most `max` characters at a word boundary, with "…" to show
 * it was cut; `cut` tells the caller to say so. Never splits a surrogate pair.
 */
export function cutAtWord(value: string, max: number): { text: string; cut: boolean } {
  if (value.length <= max) return { text: value, cut: false };
  let head = value.slice(0, max - 1);
  const space = head.search(/\s\S*$/);
  // Cut at the last space unless that throws away most of the text (one giant word).
  if (space > max / 2) head = head.slice(0, space);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  return { text: `${head.trimEnd()}…`, cut: true };
}

/** The https URL in `value`, resolved against `base`; null for data:, javascript: and the like. */
export function httpsUrlOrNull(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' && url.href.length <= 2048 ? url.href : null;
  } catch {
    return null;
  }
}
