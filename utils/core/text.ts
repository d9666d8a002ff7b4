/**
 * Text helpers every layer needs (extraction, domain, database): cleaning
 * scraped text, splitting names, and the folded keys names are compared and
 * searched by. Pure, dependency-free, never throw.
 */

/**
 * Characters a reader cannot see: controls (except the whitespace ones, which
 * collapse to a space), Unicode's default-ignorable code points (soft hyphen,
 * zero-width and bidi marks, invisible operators, fillers such as U+3164,
 * U+115F, U+1160 and U+FFA0, variation selectors, tag characters), blanks that
 * are not whitespace (U+2800 braille blank, U+1D159), and lone surrogates.
 * Joiners, variation selectors and tags survive only where they do a job:
 * inside an emoji sequence, a flag, or between letters of scripts that use them.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\p{Default_Ignorable_Code_Point}\u2800\u{1D159}\uD800-\uDFFF]/gu;
/**
 * Once invisible characters are gone, something to see: anything but
 * whitespace and combining marks (a mark alone has nothing to sit on). A small
 * class on purpose: Unicode property classes cost time to compile on a page.
 */
const VISIBLE = /[^\s\p{M}]/u;
const JOINABLE = /[\p{L}\p{M}\p{N}\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}]/u;
/** U+FE0F, the emoji presentation selector, may sit between an emoji and a joiner. */
const EMOJI_SELECTOR = 0xfe0f;
const BLACK_FLAG = 0x1f3f4;

function codePointBefore(value: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = value.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = value.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return value.codePointAt(index - 2);
  }
  return low;
}

/** True when an invisible character at `index` does a job where it stands. */
function doesAJob(char: string, value: string, index: number): boolean {
  const cp = char.codePointAt(0) ?? 0;
  const before = codePointBefore(value, index);
  const after = value.codePointAt(index + char.length);
  const joinable = (c: number | undefined) => c !== undefined && (c === EMOJI_SELECTOR || JOINABLE.test(String.fromCodePoint(c)));
  // ZWNJ / ZWJ: between two letters, marks or emoji (Persian, Indic scripts, emoji sequences).
  if (cp === 0x200c || cp === 0x200d) return joinable(before) && joinable(after);
  // Variation selectors: after the character they select a form of.
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) {
    return before !== undefined && VISIBLE.test(String.fromCodePoint(before));
  }
  // Tag characters: only in a flag sequence (black flag, tags, cancel tag).
  if (cp >= 0xe0020 && cp <= 0xe007f) {
    let i = index;
    for (let c = codePointBefore(value, i); c !== undefined; c = codePointBefore(value, i)) {
      if (c === BLACK_FLAG) return true;
      if (c < 0xe0020 || c > 0xe007e) return false;
      i -= 2;
    }
  }
  return false;
}

/** Drop characters nobody can see (see INVISIBLE); whitespace is left as it is. */
export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, (char: string, index: number, whole: string) => (doesAJob(char, whole, index) ? char : ''));
}

/** True when the value holds at least one character someone can see. */
export function hasVisibleText(value: string): boolean {
  return VISIBLE.test(stripInvisible(value));
}

/**
 * Collapse whitespace, drop invisible characters, trim; `null` when nothing
 * visible is left (a "name" made only of fillers, marks or joiners is no name).
 */
export function cleanText(value: string | null | undefined, max = 500): string | null {
  if (value == null) return null;
  const cleaned = stripInvisible(value).replace(/\s+/g, ' ').trim();
  if (!VISIBLE.test(cleaned)) return null;
  const cut = cleaned.length > max ? truncate(cleaned, max) : cleaned;
  // Collapsing may have left a joiner at a new edge: clean once more so the result is stable.
  return cut === cleaned ? cleaned : cleanText(cut, max);
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(value: string, max: number): string {
  let cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trim();
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

/**
 * Text folded for comparison and search: compatibility-decomposed, accents
 * (combining marks) dropped, lower-cased, every run of non-letters/digits one
 * space. "  Zoë   Ångström " and "zoe angstrom" fold alike.
 */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The key two names are compared by: case, accents and spacing ignored. */
export function nameKey(name: string): string {
  return foldText(name);
}
