/**
 * The Firefox build is Manifest V2: `browser.action` is undefined there and
 * `browserAction` holds the badge. Reminders must still count, notify and
 * schedule (before the fix the refresh threw at the badge, before any of it).
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import { createRequest, markSent } from '@/utils/db/intros';
import { savePersonCapture } from '@/utils/db/people';
import { createReminders } from './reminders';

const DAY = 86_400_000;
let restore: (() => void) | null = null;
afterEach(() => restore?.());

describe('reminders in a Manifest V2 browser (the Firefox build)', () => {
  it('set the badge through browserAction and still notify', async () => {
    const db = makeTestDb(new IDBFactory());
    let badge = '';
    const notes: string[] = [];
    const saved = { action: (fakeBrowser as { action?: unknown }).action };
    Object.assign(fakeBrowser, {
      action: undefined,
      browserAction: { setBadgeText: vi.fn(async ({ text }: { text: string }) => void (badge = text)), setBadgeBackgroundColor: vi.fn(async () => {}) },
      notifications: { create: vi.fn(async (id: string) => void notes.push(id)) },
    });
    restore = () => Object.assign(fakeBrowser, saved);

    const ada = (await savePersonCapture(db, makeCapture())).person;
    const charles = (await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles/', name: 'Charles Babbage' }))).person;
    const sentAt = Date.now() - 10 * DAY;
    const request = await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id }, sentAt)).id, 'copy', sentAt);

    const reminders = createReminders(db, async () => Date.now());
    expect(await reminders.refresh()).toBe(1);
    expect(badge).toBe('1');
    expect(notes).toStrictEqual([`introbook:${request.id}`]);
    db.close();
  });
});
