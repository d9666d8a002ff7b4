import type { CapturedField, FieldOrigin } from '../domain/schemas';

/** One way to read a field: where it comes from, and how (null when that signal is absent). */
export type Signal<T> = readonly [FieldOrigin, () => T | null | undefined];

/**
 * Field reading with provenance: `pick` takes the first signal that yields a
 * value, trying them in the order given (most stable first), and records which
 * one it was.
 */
export function createPicker() {
  const sources: Partial<Record<CapturedField, FieldOrigin>> = {};
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
  return { pick, sources };
}
