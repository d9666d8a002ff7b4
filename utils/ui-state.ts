import { storage } from 'wxt/utils/storage';

/**
 * The person the side panel should show, set when the user asks to open
 * someone from a page or the popup. Session storage: gone when the browser
 * closes, and out of content scripts' reach (Chrome's default access level).
 */
export const focusedPersonId = storage.defineItem<string | null>('session:focusedPersonId', { fallback: null });

/** The intro request the side panel should open (from the popup's "Due today"). */
export const focusedRequestId = storage.defineItem<string | null>('session:focusedRequestId', { fallback: null });
