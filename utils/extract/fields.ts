import { FIELD_NOTE_CODES, LIMITS } from '../domain/limits';
import type { CapturedField, Confidence, FieldOrigin } from '../domain/schemas';
import { cutAtWord } from './text';

/** One way to read a field: where it comes from, and how (null when that signal is absent). */
export type Signal<T> = readonly [FieldOrigin, () => T | null | undefined];

/**
 * Field reading with provenance: `pick` takes the first signal that yields a
 * value, trying them in the order given (most stable first), and records which
 * one it was. `confidence` and `notes` hold what the extractor knows better
 * than the origin says (see `completeConfidence`).
 */
export function createPicker() {
  const sources: Partial<Record<CapturedField, FieldOrigin>> = {};
  const confidence: Partial<Record<CapturedField, Confidence>> = {};
  const notes: Partial<Record<CapturedField, string>> = {};
  function pick<T>(field: CapturedField, ...signals: Signal<T>[]): T | null {
    for (const [origin, read] of signals) {
      const value = read();
      if (value !== null && value !== undefined) {
        sources[field] = origin;
        return value;
      }
    }
    return null;
  }
  return { pick, sources, confidence, notes };
}

/** Origins that are a guess from where text sits on the page (utils/domain/confidence.ts says the same). */
const LOW_ORIGINS: ReadonlySet<FieldOrigin> = new Set(['structure', 'class']);

/** Every field with a source gets a confidence: the extractor's own where set, else what its origin gives. */
export function completeConfidence(
  sources: Partial<Record<CapturedField, FieldOrigin>>,
  explicit: Partial<Record<CapturedField, Confidence>>,
): Partial<Record<CapturedField, Confidence>> {
  const out: Partial<Record<CapturedField, Confidence>> = {};
  for (const [field, origin] of Object.entries(sources) as [CapturedField, FieldOrigin][]) {
    out[field] = explicit[field] ?? (LOW_ORIGINS.has(origin) ? 'low' : 'high');
  }
  return out;
}

/**
 * True when a name splits into given and family name one way only: two words
 * in Latin script ("Ada Lovelace"). "Santiago Ramón y Cajal", "山田 花子" or a
 * name with credentials are guesses the user should check.
 */
export function plainSplit(name: string): boolean {
  return /^\p{Script=Latin}[\p{Script=Latin}\p{M}'’.-]* \p{Script=Latin}[\p{Script=Latin}\p{M}'’.-]*$/u.test(name);
}

/**
 * A name as kept: whole up to LIMITS.name, else cut at a word with "…", marked
 * low-confidence and with a note the user sees.
 */
export function keepName(
  raw: string,
  confidence: Partial<Record<CapturedField, Confidence>>,
  notes: Partial<Record<CapturedField, string>>,
): string {
  const { text, cut } = cutAtWord(raw, LIMITS.name);
  if (cut) {
    confidence.name = 'low';
    notes.name = FIELD_NOTE_CODES.nameCut;
  }
  return text;
}

/** The confidence of a first/last name split from `name` by structure. */
export function splitConfidence(
  name: string,
  sources: Partial<Record<CapturedField, FieldOrigin>>,
  confidence: Partial<Record<CapturedField, Confidence>>,
): void {
  const sure = plainSplit(name);
  for (const field of ['firstName', 'lastName'] as const) {
    if (sources[field] === 'structure') confidence[field] ??= sure ? 'high' : 'low';
  }
}
