/** DOM text helpers for the extractors. All pure, none throw. */
import { cleanText } from '../core/text';

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
