/**
 * The content script's side of the protocol, without zod: the message types
 * (shared with protocol.ts, which parses them with zod where they arrive in
 * the background and the popup) and small hand checks for the few things the
 * content script receives. The sender of those is already checked (our own
 * extension id), so the checks guard against our own bugs and a version skew
 * after an update, not against a hostile page. Keeps the content script small:
 * zod is two thirds of a bundle that includes it.
 */
import type { ProfileCapture } from '../domain/schemas';
import type { CaptureHealthReport } from '../extract/health';
import type { UnreadableCode } from '../extract/result';

// --- content script → background ------------------------------------------------

export interface CaptureSaveMessage {
  type: 'capture/save';
  capture: ProfileCapture;
  /**
   * The content script vouches that the page shows the person its URL names:
   * the page says so itself, or there was no in-app navigation since it loaded.
   */
  confirmed: boolean;
  /** The user agreed to rename the stored person to the page's name. */
  confirmName?: boolean;
}
export interface PersonStatusMessage {
  type: 'person/status';
  profileUrl: string;
}
export interface OpenSidePanelMessage {
  type: 'sidepanel/open';
  profileUrl: string;
}
/**
 * A privacy-safe structure report of a read that went wrong (utils/extract/health.ts): no text, URLs or
 * names, so it speaks of no page or person. The background stores it (utils/capture-health.ts).
 */
export interface CaptureHealthMessage {
  type: 'capture/health';
  report: CaptureHealthReport;
}
/**
 * Load the full LinkedIn reader into this tab's content-script world (issue #11: the content script carries
 * only a probe; the background injects LINKEDIN_READER_FILE with scripting.executeScript on first need).
 */
export interface LoadReaderMessage {
  type: 'reader/load';
}
/**
 * The in-page button's texts (IN_PAGE_KEYS) in the browser's language, `$1` left for the content script to fill,
 * and, given the person page's key the tab shows, whether that person is saved: the button's first look in one
 * round trip (issue #11). Reply: InPageTextReply.
 */
export interface InPageTextMessage {
  type: 'inPage/text';
  profileUrl?: string;
}
export type ContentMessage = CaptureSaveMessage | PersonStatusMessage | OpenSidePanelMessage | CaptureHealthMessage | LoadReaderMessage | InPageTextMessage;

/** Every `inPage.*` message of locales/en.yml (tests/unit keep the two in step). */
export const IN_PAGE_KEYS = [
  'inPage.save',
  'inPage.saving',
  'inPage.savingLabel',
  'inPage.saved',
  'inPage.open',
  'inPage.openLabel',
  'inPage.brand',
  'inPage.saveAs',
  'inPage.saveAsLabel',
  'inPage.cancel',
  'inPage.cancelLabel',
  'inPage.renameQuestion',
  'inPage.renameLabel',
  'inPage.notReady',
  'inPage.noPersonHint',
  'inPage.noAnswer',
  'inPage.thisPerson',
  'inPage.duplicate',
  'inPage.openFromToolbar',
  'pageRead.noName',
  'pageRead.tooComplex',
  'pageRead.severalPeople',
  'pageRead.invalid',
  'pageRead.error',
] as const;

/**
 * Why a page read gave no person: the reader's code (utils/extract/result.ts),
 * or `not-ready` when the page may still be showing someone else or loading.
 * Replies carry the code, never words: each view says it in the user's
 * language with READ_PROBLEM_KEYS (the reader itself holds no messages).
 */
export type ReadProblem = UnreadableCode | 'not-ready';
export const READ_PROBLEMS = ['no-name', 'too-complex', 'several-people', 'invalid', 'error', 'not-ready'] as const satisfies readonly ReadProblem[];

/** The message that says each read problem, in the page (content script), the popup and notifications. */
export const READ_PROBLEM_KEYS = {
  'no-name': 'pageRead.noName',
  'too-complex': 'pageRead.tooComplex',
  'several-people': 'pageRead.severalPeople',
  invalid: 'pageRead.invalid',
  error: 'pageRead.error',
  'not-ready': 'inPage.notReady',
} as const satisfies Record<ReadProblem, (typeof IN_PAGE_KEYS)[number]>;

/** The full LinkedIn reader's file (entrypoints/linkedin-reader.ts) and where it leaves itself in the content script's world. */
export const LINKEDIN_READER_FILE = '/linkedin-reader.js';
/** A symbol, not a name: the page's elements can't shadow it through the window's named properties. */
export const LINKEDIN_READER_KEY = Symbol.for('introbook.linkedin-reader');

// --- background / popup → content script ------------------------------------------

export type ToContentMessage = { type: 'page/read' } | { type: 'page/saved'; profileUrl: string; personId: string };

// --- replies ----------------------------------------------------------------------

/** What the content script read on its page; the popup shows it, the background saves it. */
export type PageReadReply =
  | { status: 'ok'; capture: ProfileCapture; confirmed: boolean }
  | { status: 'not-profile' }
  /** `noPerson`: the page has loaded and shows no person (the popup offers a record typed by hand). */
  | { status: 'unreadable'; code: ReadProblem; noPerson: boolean };

export type SaveReply =
  | { ok: true; personId: string; created: boolean; name: string; duplicate: boolean }
  /** `confirmName`: nothing was saved because the stored name differs; this is the page's name to ask about. */
  | { ok: false; error: string; confirmName?: string };

export interface StatusReply {
  saved: boolean;
  personId: string | null;
}

/** The answer to `inPage/text`: `status` only for the person page the tab shows (null otherwise). */
export interface InPageTextReply {
  texts: Record<string, string>;
  status: StatusReply | null;
}

/** A one-off read of the page as it is (the on-demand reader: no in-app navigation to guard against). */
export function toPageReadReply(
  result: { status: 'ok'; capture: ProfileCapture; confirmed: boolean } | { status: 'not-profile' } | { status: 'unreadable'; code: UnreadableCode },
): PageReadReply {
  if (result.status === 'ok') return { status: 'ok', capture: result.capture, confirmed: true };
  if (result.status === 'unreadable') return { status: 'unreadable', code: result.code, noPerson: true };
  return { status: 'not-profile' };
}

// --- hand checks ------------------------------------------------------------------

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isShortString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isHttpsUrl(value: unknown): value is string {
  if (!isShortString(value, 2048)) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** A message to the content script, or null. */
export function readToContentMessage(value: unknown): ToContentMessage | null {
  if (!isObject(value)) return null;
  if (value.type === 'page/read') return { type: 'page/read' };
  if (value.type === 'page/saved' && isHttpsUrl(value.profileUrl) && typeof value.personId === 'string' && UUID.test(value.personId)) {
    return { type: 'page/saved', profileUrl: value.profileUrl, personId: value.personId };
  }
  return null;
}

/** The background's answer to a save, or null. */
export function readSaveReply(value: unknown): SaveReply | null {
  if (!isObject(value)) return null;
  if (value.ok === true) {
    const { personId, created, name, duplicate } = value;
    if (typeof personId !== 'string' || !UUID.test(personId) || typeof created !== 'boolean' || !isShortString(name, 1000)) return null;
    return { ok: true, personId, created, name, duplicate: duplicate === true };
  }
  if (value.ok === false && isShortString(value.error, 2000)) {
    return isShortString(value.confirmName, 1000)
      ? { ok: false, error: value.error, confirmName: value.confirmName }
      : { ok: false, error: value.error };
  }
  return null;
}

/** The background's answer to "is the person on screen saved?", or null. */
export function readStatusReply(value: unknown): StatusReply | null {
  if (!isObject(value) || typeof value.saved !== 'boolean') return null;
  const { personId } = value;
  if (personId !== null && (typeof personId !== 'string' || !UUID.test(personId))) return null;
  return { saved: value.saved, personId };
}

/** The background's answer to `inPage/text`: the words as sent (messages.ts checks each), and the status if it is one. */
export function readInPageTextReply(value: unknown): { texts: unknown; status: StatusReply | null } | null {
  if (!isObject(value) || !isObject(value.texts)) return null;
  return { texts: value.texts, status: readStatusReply(value.status) };
}
