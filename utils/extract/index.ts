/**
 * Profile extraction: pure functions over an injected Document and URL.
 * Entry points pass `document` and `location.href`; nothing here reads globals.
 */
import type { ProfileCapture } from '../domain/schemas';
import { readLinkedInProfile, linkedInNameHeading, type ReadResult } from './linkedin';

export { canonicalProfileUrl } from './canonical-url';
export type { ReadResult } from './linkedin';
export type { ProfileCapture } from '../domain/schemas';

/** What the page at `url` says about the person on it, with the reason when it can't be read. */
export function readProfile(doc: Document, url: string): ReadResult {
  return readLinkedInProfile(doc, url);
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
