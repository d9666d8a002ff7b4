/**
 * Profile extraction: pure functions over an injected Document and URL.
 * Entry points pass `document` and `location.href`; nothing here reads globals.
 *
 * Zod-free (issue #11): this module is bundled into the LinkedIn content
 * script. The receiving end validates every capture with the zod schema.
 */
import type { ProfileCapture } from '../domain/schemas';
import { readGenericPerson } from './generic';
import { readGitHubProfile } from './github';
import { linkedInNameHeading, readLinkedInProfile } from './linkedin';
import { TOO_COMPLEX, type ReadResult } from './result';
import { PageTooComplex, READ_BUDGET, withReadBudget } from './text';
import { pageKey } from '../core/canonical-url';

export { canonicalGitHubUrl, canonicalPageUrl, canonicalProfileUrl, linkedInPage, pageKey } from '../core/canonical-url';
export type { ReadResult, UnreadableCode } from './result';
export type { ProfileCapture } from '../domain/schemas';
export { captureHealthReport, type CaptureHealthReport } from './health';

function host(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function isLinkedInUrl(url: string): boolean {
  return /(?:^|\.)linkedin\.com$/.test(host(url));
}

/**
 * What the page at `url` says about the person on it, with the reason when it
 * can't be read. `selection` (the user's selected text) picks one person on a
 * page that shows several. Never throws; a page too large or too deeply nested
 * to read within the budget is `unreadable` with code 'too-complex', quickly.
 */
export function readProfile(doc: Document, url: string, options: { selection?: string; budget?: number } = {}): ReadResult {
  try {
    // `budget` (nodes a read may visit) is for tests and benchmarks; pages get READ_BUDGET.
    return withReadBudget(options.budget ?? READ_BUDGET, () => {
      if (isLinkedInUrl(url)) return readLinkedInProfile(doc, url);
      if (host(url) === 'github.com') return readGitHubProfile(doc, url);
      return readGenericPerson(doc, url, options.selection);
    });
  } catch (error) {
    const key = error instanceof PageTooComplex ? pageKey(url) : null;
    if (key) return { status: 'unreadable', profileUrl: key, reason: TOO_COMPLEX, code: 'too-complex', settled: true };
    return { status: 'not-profile' };
  }
}

/**
 * The person on a profile page, or `null` on pages that are not a person's
 * profile (feed, company, search) or whose name can't be read. Never throws.
 */
export function extractProfile(doc: Document, url: string): ProfileCapture | null {
  const result = readProfile(doc, url);
  return result.status === 'ok' ? result.capture : null;
}

/** The element showing the person's name, next to which the Save button sits. */
export function findNameElement(doc: Document, url: string): Element | null {
  try {
    return linkedInNameHeading(doc, url);
  } catch {
    return null;
  }
}
