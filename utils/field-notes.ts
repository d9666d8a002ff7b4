/**
 * What a capture says about a value it read, in the user's language. The
 * extractors (bundled into the content script, which stays small) write a
 * code from FIELD_NOTE_CODES; records saved before the codes carry the
 * English sentence, read here as its code. Any other note is shown as stored.
 */
import { FIELD_NOTE_CODES, LIMITS } from './domain/limits';
import { formatNumber, t } from './i18n';

// The note as records saved before the codes carry it.
const STORED_NAME_CUT = /^The page shows a longer name; Introbook kept the first \d+ characters, cut at a word\.$/;

export function fieldNoteText(note: string | undefined): string | undefined {
  if (!note) return undefined;
  if (note === FIELD_NOTE_CODES.nameCut || STORED_NAME_CUT.test(note)) return t('fieldNote.nameCut', { max: formatNumber(LIMITS.name) });
  return note;
}
