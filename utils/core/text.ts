/**
 * Text helpers every layer needs (extraction, domain, database): cleaning
 * scraped text, splitting names, and the folded keys names are compared and
 * searched by. Pure, dependency-free, never throw.
 */

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
