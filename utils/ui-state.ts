import { sessionItem } from './session-item';

/**
 * The person the side panel should show, set when the user asks to open
 * someone from a page or the popup. Session storage: gone when the browser
 * closes, and out of content scripts' reach (Chrome's default access level).
 */
export const focusedPersonId = sessionItem<string | null>('focusedPersonId', null);

/** The intro request the side panel should open (from the popup's "Due today"). */
export const focusedRequestId = sessionItem<string | null>('focusedRequestId', null);

/**
 * Two saved records that may be one human, for the side panel's merge view.
 * Set when a save finds that the URL a record should move to already belongs
 * to another record: Introbook asks the user instead of guessing.
 */
export const pendingMerge = sessionItem<{ aId: string; bId: string } | null>('pendingMerge', null);
