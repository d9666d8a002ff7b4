/**
 * Capture confidence: a field read from structured data that names this page,
 * a link, an ARIA label or the user's own word is trusted; a field guessed
 * from its position in the page layout (or a legacy class name) is shown as
 * "check this" until the user confirms or edits it. Pure.
 */
import { CAPTURED_FIELDS, type CapturedField } from './limits';
import type { Confidence, FieldConfidence, FieldOrigin } from './schemas';

export type { Confidence } from './schemas';

/** Origins that are a guess from where text sits on the page. */
const LOW_ORIGINS: ReadonlySet<FieldOrigin> = new Set(['structure', 'class']);

/** The confidence an origin gives a field when the extractor says nothing more specific. */
export function confidenceOf(origin: FieldOrigin | undefined): Confidence {
  return origin !== undefined && LOW_ORIGINS.has(origin) ? 'low' : 'high';
}

interface Provenance {
  fieldSources: Partial<Record<CapturedField, FieldOrigin>>;
  fieldConfidence?: FieldConfidence;
}

/** One field's confidence: the explicit one if set, else what its origin gives. */
export function fieldConfidence(record: Provenance, field: CapturedField): Confidence {
  return record.fieldConfidence?.[field] ?? confidenceOf(record.fieldSources[field]);
}

/** The fields with a value that the user should check (low confidence), in form order. */
export function fieldsToCheck(record: Provenance & Partial<Record<CapturedField, unknown>>): CapturedField[] {
  return CAPTURED_FIELDS.filter((field) => {
    const value = record[field];
    const present = value !== null && value !== undefined && value !== '';
    return present && record.fieldSources[field] !== undefined && fieldConfidence(record, field) === 'low';
  });
}
