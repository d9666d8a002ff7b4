import { describe, expect, it } from 'vitest';
import { fieldNoteText } from './field-notes';

const CUT = 'The page shows a longer name; Introbook kept the first 500 characters, cut at a word.';

describe('a capture’s note on a field, in words', () => {
  it('says the code an extractor writes as the message, with the limit in the locale’s digits', () => {
    expect(fieldNoteText('name-cut')).toBe(CUT);
  });

  it('reads the English sentence records saved before the codes carry as the same message', () => {
    expect(fieldNoteText(CUT)).toBe(CUT);
    expect(fieldNoteText('The page shows a longer name; Introbook kept the first 200 characters, cut at a word.')).toBe(CUT);
  });

  it('shows any other stored note as it is, and nothing for no note', () => {
    expect(fieldNoteText('Only the first 50 names are kept.')).toBe('Only the first 50 names are kept.');
    expect(fieldNoteText(undefined)).toBeUndefined();
    expect(fieldNoteText('')).toBeUndefined();
  });
});
