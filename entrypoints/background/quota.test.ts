/** A full disk while saving: a clear message, and nothing saved before is lost. */
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import { storageFullMessage, isQuotaError } from '@/utils/db/errors';
import { savePersonCapture } from '@/utils/db/people';
import { createRouter, type RouterDeps } from './router';

const ID = 'introbook-test-id';

describe('a full disk', () => {
  it.each([
    ['QuotaExceededError', () => new DOMException('quota', 'QuotaExceededError')],
    ['QuotaExceededError inside an AbortError', () => Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('quota', 'QuotaExceededError') })],
  ])('a save that hits %s says so and loses nothing', async (_, quota) => {
    const db = makeTestDb(new IDBFactory());
    await savePersonCapture(db, makeCapture());
    // The row as stored (with the fields the store derives for its indexes).
    const earlier = await db.people.toArray();
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'test-disk-full',
      create: (down: DBCore) => ({
        ...down,
        table: (name: string) => {
          const table = down.table(name);
          return { ...table, mutate: (req: DBCoreMutateRequest) => (name === 'people' ? Promise.reject(quota()) : table.mutate(req)) };
        },
      }),
    });
    await db.open();
    const router = createRouter({
      db,
      runtimeId: ID,
      extensionOrigin: `chrome-extension://${ID}/`,
      openSidePanel: vi.fn(),
      setFocusedPerson: vi.fn(async () => {}),
      setPendingMerge: vi.fn(async () => {}),
      readTab: vi.fn(),
      tabUrl: vi.fn(async () => undefined),
      report: vi.fn(),
      notifyTab: vi.fn(async () => {}),
      log: vi.fn(),
      refreshReminders: vi.fn(async () => 0),
    } satisfies RouterDeps);
    const url = 'https://www.linkedin.com/in/grace-hopper/';
    const reply = await router.handle(
      { type: 'capture/save', capture: makeCapture({ profileUrl: url, name: 'Grace Hopper' }) },
      { id: ID, url, tab: { id: 3, url } },
    );
    expect(reply).toStrictEqual({ ok: false, error: storageFullMessage() });
    expect(await db.people.toArray()).toStrictEqual(earlier);
    db.close();
  });

  it('is recognised however it is wrapped', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'UnknownError', message: 'NS_ERROR_FILE_NO_DEVICE_SPACE' } })).toBe(true);
    expect(isQuotaError(new Error('ConstraintError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
