/**
 * Meeting pages, read by small content scripts: which state a call is in, its
 * title, its code or link and the participant names on screen. Nothing else
 * is read (no audio, video, captions or chat). These modules are pure and
 * tiny: no zod, no React, no database (the background validates what arrives).
 */

export const CALL_SITES = ['meet', 'zoom', 'teams'] as const;
export type CallSite = (typeof CALL_SITES)[number];

/** idle → lobby → in call → ended (a rejoin goes back to lobby or in call). */
export const CALL_STATES = ['idle', 'lobby', 'in-call', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];

export const SITE_LABELS: Record<CallSite, string> = { meet: 'Google Meet', zoom: 'Zoom', teams: 'Microsoft Teams' };

/**
 * One observable hint that a page is in some state. Signals are data, kept per
 * site in order: language-independent ones first (ids, data-* attributes,
 * jsname, icon glyph names, the URL), words in the UI's language last.
 */
export interface Signal {
  /** A stable name, for tests and debugging. */
  id: string;
  /** Elements that carry the signal (omit for a URL-only signal). */
  selector?: string;
  /** When set, a matched element's text (or `attr`) must match too. */
  text?: RegExp;
  /** Test this attribute instead of the text content. */
  attr?: string;
  /** When set, the page's URL must match. */
  url?: RegExp;
}

export type SignalState = Exclude<CallState, 'idle'>;

export interface Participants {
  /** Other people's display names as shown, de-duplicated, the user excluded. */
  names: string[];
  /** The user's own display name, when the page marks it. */
  self: string | null;
}

/** A meeting site's adapter: data (signals) plus small readers over an injected Document and URL. */
export interface MeetingSite {
  site: CallSite;
  /** Whether the adapter should read this page at all (the URL gate). */
  isMeetingUrl(url: URL): boolean;
  signals: Record<SignalState, readonly Signal[]>;
  title(doc: Document, url: URL): string | null;
  /** The meeting code or id (Meet "abc-defg-hij", Zoom digits, Teams meeting id), when the page shows one. */
  code(doc: Document, url: URL): string | null;
  participants(doc: Document): Participants;
}

/** What one look at the page says. `state` is null when no state has two agreeing signals. */
export interface CallReading {
  state: SignalState | null;
  evidence: Record<SignalState, string[]>;
  title: string | null;
  code: string | null;
  participants: string[];
  self: string | null;
}

/** What a meeting content script sends the background (validated there with zod). */
export interface CallStateMessage {
  type: 'call/state';
  site: CallSite;
  state: CallState;
  title: string | null;
  code: string | null;
  /** The meeting page's address without query or fragment (passcodes stay out). */
  link: string | null;
  participants: string[];
  self: string | null;
}
