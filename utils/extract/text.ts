/** Text helpers shared by the extractors. All pure, none throw. */

/** Subtrees whose text is not what a sighted user reads, or is a duplicate of it. */
const SKIP_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  '.visually-hidden',
  '.a11y-text',
  '.sr-only',
].join(',');

// Control and invisible formatting characters other than ordinary whitespace.
// ZWJ (U+200D) and variation selectors stay: emoji sequences need them.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Collapse whitespace, drop invisible characters, trim; `null` when nothing is left. */
export function cleanText(value: string | null | undefined, max = 500): string | null {
  if (value == null) return null;
  const cleaned = value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (cleaned === '') return null;
  return cleaned.length > max ? truncate(cleaned, max) : cleaned;
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(value: string, max: number): string {
  let cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trim();
}

/**
 * The text a sighted user sees in `el`: screen-reader-only copies
 * (`.visually-hidden` beside an `aria-hidden` twin) and scripts are skipped, so
 * LinkedIn's doubled spans never double a value.
 */
export function visibleText(el: Element | null | undefined, max = 500): string | null {
  if (!el) return null;
  if (el.matches(SKIP_SELECTOR)) return null;
  const parts: string[] = [];
  collect(el, parts);
  return cleanText(parts.join(''), max);
}

function collect(node: Node, parts: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      parts.push(child.nodeValue ?? '');
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.matches(SKIP_SELECTOR)) continue;
      // Block boundaries become spaces so "a</p><p>b" does not read "ab".
      parts.push(' ');
      collect(el, parts);
      parts.push(' ');
    }
  }
}

/** Strings that are UI chrome, never a person's name. */
const NOT_A_NAME = /^(?:\(\d+\)\s*)?(?:linkedin(?: member)?|member|feed|home|profile|sign in|join now)$/i;

/** A usable person name, or null for chrome, counters and punctuation. */
export function acceptName(value: string | null, max: number): string | null {
  const name = cleanText(value, max);
  if (!name) return null;
  if (NOT_A_NAME.test(name)) return null;
  // Must hold at least one letter (any script) or emoji; "(3)" or "—" is no name.
  if (!/[\p{L}\p{Extended_Pictographic}]/u.test(name)) return null;
  return name;
}

/** "Ada Lovelace, PhD (she/her)" → { first: "Ada", last: "Lovelace" }. */
export function splitName(name: string): { first: string | null; last: string | null } {
  const core = name
    .replace(/\([^)]*\)/g, ' ') // pronouns, nicknames
    .replace(/,.*$/, '') // credentials after a comma
    .replace(/\p{Extended_Pictographic}|\u200D|\uFE0F/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Only name-like words: letters and marks, with inner apostrophes, hyphens or dots.
  const words = core.split(' ').filter((w) => /^\p{L}[\p{L}\p{M}'’.-]*$/u.test(w));
  if (words.length === 0) return { first: null, last: null };
  // Chinese, Japanese and Korean names in their own script put the family name first.
  if (words.length > 1 && /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]+$/u.test(words.join(''))) {
    return { first: words.slice(1).join(' '), last: words[0] ?? null };
  }
  const [first, ...rest] = words;
  return { first: first ?? null, last: rest.length > 0 ? rest.join(' ') : null };
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
