import { storage } from 'wxt/utils/storage';

/**
 * The person the side panel should show, set when the user asks to open
 * someone from a page or the popup. Session storage: gone when the browser
 * closes, and out of content scripts' reach (Chrome's default access level).
 */
export const focusedPersonId = storage.defineItem<string | null>('session:focusedPersonId', { fallback: null });

/** The intro request the side panel should open (from the popup's "Due today"). */
export const focusedRequestId = storage.defineItem<string | null>('session:focusedRequestId', { fallback: null });

/**
 * Two saved records that may be one human, for the side panel's merge view.
 * Set when a save finds that the URL a record should move to already belongs
 * to another record: Introbook asks the user instead of guessing.
 */
export const pendingMerge = storage.defineItem<{ aId: string; bId: string } | null>('session:pendingMerge', { fallback: null });
