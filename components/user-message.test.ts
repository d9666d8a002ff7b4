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
    ]) {
      expect(userMessage(thrown, fallback), String(thrown)).toBe(fallback);
    }
  });
});
