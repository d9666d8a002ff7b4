import { browser } from 'wxt/browser';

declare const __INTROBOOK_E2E__: boolean;

export const CLOCK_OFFSET_KEY = 'e2e:clockOffsetMs';

/**
 * The time reminders are computed against. In end-to-end builds a test can move
 * it forward (storage key `e2e:clockOffsetMs`) to see follow-ups come due; in
 * the production build this is plain Date.now() and the branch is compiled out.
 */
export async function now(): Promise<number> {
  if (typeof __INTROBOOK_E2E__ !== 'undefined' && __INTROBOOK_E2E__) {
    const stored = (await browser.storage.local.get(CLOCK_OFFSET_KEY))[CLOCK_OFFSET_KEY];
    return Date.now() + (typeof stored === 'number' ? stored : 0);
  }
  return Date.now();
}
