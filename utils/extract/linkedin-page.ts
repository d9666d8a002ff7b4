/**
 * The full LinkedIn reader: what the LinkedIn content script's pages need from
 * extraction, and nothing more — no generic or GitHub readers, no schema
 * library (issue #11). It is injected on demand (entrypoints/linkedin-reader.ts);
 * the content script's load path uses only ./linkedin-name.ts. Pure, over the
 * injected Document and URL; nothing here throws.
 *
 * - `readLinkedInPage(doc, url)`: the person on the page (see ReadResult:
 *   `not-profile` for the login wall, "Profile not found" and non-person pages;
 *   `unreadable` with `code` and `settled` for a person page showing no
 *   person — `settled: true` means it has finished loading, so say so at once).
 * - `findNameElement(doc, url)`: where the in-page button goes.
 * - `captureHealthReport(doc, url, result)`: the privacy-safe structure report
 *   to record when a read went wrong (null when it didn't);
 *   `captureProblemsOf(url, result)` says whether it went wrong, cheaply.
 */
import { linkedInNameHeading, readLinkedInProfile } from './linkedin';
import type { ReadResult } from './result';

export { linkedInPage } from '../core/canonical-url';
export { captureHealthReport, captureProblemsOf, type CaptureHealthReport } from './health';
export type { ReadResult, UnreadableCode } from './result';

export function readLinkedInPage(doc: Document, url: string): ReadResult {
  try {
    return readLinkedInProfile(doc, url);
  } catch {
    return { status: 'not-profile' };
  }
}

export function findNameElement(doc: Document, url: string): Element | null {
  try {
    return linkedInNameHeading(doc, url);
  } catch {
    return null;
  }
}
