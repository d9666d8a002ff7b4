import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { InternalError } from '@/utils/core/internal-error';
import { userMessage } from './user-message';

describe('userMessage', () => {
  const fallback = 'The request could not be deleted.';

  it("shows Introbook's own error message", () => {
    expect(userMessage(new Error('This person is no longer in Introbook.'), fallback)).toBe('This person is no longer in Introbook.');
  });

  it('shows the fallback for a broken invariant, an engine or browser error, a non-Error throw and an empty message', () => {
    for (const thrown of [
      new InternalError('Not a synced table: x'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new RangeError('Invalid time value'),
      new DOMException('The transaction was aborted.', 'AbortError'),
      'a string',
      42,
      undefined,
      { message: 'looks like an error' },
      new Error(''),
      new Dexie.ConstraintError('Key already exists in the object store.'),
      new Dexie.DatabaseClosedError('Database has been closed'),
    ]) {
      expect(userMessage(thrown, fallback), String(thrown)).toBe(fallback);
    }
  });

  it('says the disk is full for a quota error, also wrapped in Dexie’s abort or bulk errors', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    for (const thrown of [quota, new Dexie.AbortError('Transaction aborted', quota), new Dexie.QuotaExceededError('QuotaExceededError The quota has been exceeded.')]) {
      expect(userMessage(thrown, fallback), String(thrown)).toMatch(/full|space/i);
    }
  });
});
