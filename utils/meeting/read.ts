/**
 * Reading a meeting page: evaluate a site's signals and readers over an
 * injected Document and URL. Pure (no globals), so it is tested on pages we
 * write ourselves and used unchanged by the content scripts.
 */
import { cleanText } from '../core/text';
import type { CallReading, MeetingSite, Participants, Signal, SignalState } from './types';

/** The fewest agreeing signals that may name a state. */
export const MIN_AGREEING = 2;
const MAX_PARTICIPANTS = 50;
const MAX_NAME = 200;
const MAX_TITLE = 300;

export function signalHolds(signal: Signal, doc: Document, url: URL): boolean {
  if (signal.url && !signal.url.test(url.pathname + url.search)) return false;
  if (!signal.selector) return Boolean(signal.url);
  let elements: Element[];
  try {
    elements = Array.from(doc.querySelectorAll(signal.selector));
  } catch {
    return false; // a selector this engine does not know: not evidence
  }
  if (!signal.text) return elements.length > 0;
  const test = signal.text;
  return elements.some((el) => {
    const value = signal.attr ? el.getAttribute(signal.attr) : el.textContent;
    return value !== null && test.test(value);
  });
}

export function readCall(doc: Document, url: URL, site: MeetingSite): CallReading {
  const evidence = {} as Record<SignalState, string[]>;
  for (const state of ['ended', 'in-call', 'lobby'] as const) {
    evidence[state] = site.signals[state].filter((s) => signalHolds(s, doc, url)).map((s) => s.id);
  }
  // An ended screen wins over leftovers of the call; a call wins over lobby controls that stay on screen.
  const state = (['ended', 'in-call', 'lobby'] as const).find((s) => evidence[s].length >= MIN_AGREEING) ?? null;
  const { names, self } = site.participants(doc);
  return {
    state,
    evidence,
    title: cleanText(site.title(doc, url), MAX_TITLE),
    code: site.code(doc, url),
    participants: names,
    self,
  };
}

/** Markers a page puts after the user's own name ("Ada (You)", "(Host, me)"), in a few UI languages. */
export const SELF_MARKER = /\((?:[^()]*,\s*)?(?:you|me|moi|vous|du|ich|tú|yo|tu|eu|voi|io|jij|ik)\)/iu;

/**
 * Display names as people read them: cleaned, without self markers, without
 * device or space ids, de-duplicated (case and accents ignored), capped.
 */
export function cleanNames(raw: Iterable<string | null | undefined>, self: string | null = null): Participants {
  const names: string[] = [];
  const seen = new Set<string>();
  let me = self ? cleanText(self, MAX_NAME) : null;
  for (const value of raw) {
    let name = cleanText(value, MAX_NAME);
    if (!name) continue;
    if (SELF_MARKER.test(name)) {
      me ??= cleanText(name.replace(SELF_MARKER, ''), MAX_NAME);
      continue;
    }
    name = name.replace(/\s*[,،、]\s*(?:host|co-host|presenter|organi[sz]er|guest|external).*$/iu, '').trim();
    if (!name || /^(?:spaces|devices|users?)\//.test(name) || /^\d+$/.test(name)) continue;
    const key = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  const meKey = me?.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return { names: names.filter((n) => n.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() !== meKey).slice(0, MAX_PARTICIPANTS), self: me };
}

/** The text of the first element matching any of the selectors, in order. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    const text = cleanText(el?.textContent);
    if (text) return text;
  }
  return null;
}
