import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { LiveCalls } from '@/utils/calls-state';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createRequest, markSent, moveRequest, scheduleMeetingStep } from '@/utils/db/intros';
import { scheduleMeeting } from '@/utils/db/meetings';
import { savePersonCapture } from '@/utils/db/people';
import type { CallStateMessage } from '@/utils/meeting/types';
import type { SenderLike } from '@/utils/messaging/guards';
import { createCalls, GONE_GRACE_MS, type CallsDeps } from './calls';
import { createRouter, type RouterDeps } from './router';

const RUNTIME_ID = 'introbook-test-id';
const ORIGIN = 'chrome-extension://introbook-test-id/';
const MEET = 'https://meet.google.com/abc-defg-hij';
const meetSender = (tabId = 5, url = MEET): SenderLike => ({ id: RUNTIME_ID, url, tab: { id: tabId, url, windowId: 1 }, frameId: 0 });
const pageSender: SenderLike = { id: RUNTIME_ID, url: `${ORIGIN}sidepanel.html` };

const state = (s: CallStateMessage['state'], extra: Partial<CallStateMessage> = {}): CallStateMessage => ({
  type: 'call/state',
  site: 'meet',
  state: s,
  title: 'Coffee chat',
  code: 'abc-defg-hij',
  link: MEET,
  participants: [],
  self: null,
  ...extra,
});

let db: IntrobookDB;
let store: LiveCalls;
let clock: number;
let panelOpen: boolean;
let deps: CallsDeps;
let notify: ReturnType<typeof vi.fn>;

beforeEach(() => {
  db = makeTestDb(new IDBFactory());
  store = {};
  clock = Date.UTC(2026, 2, 3, 14, 0);
  panelOpen = false;
  notify = vi.fn(async () => {});
  deps = {
    db,
    now: async () => clock,
    userName: async () => 'Sam Rivera',
    isPanelOpen: () => panelOpen,
    notify: notify as unknown as CallsDeps['notify'],
    scheduleSweep: vi.fn(async () => {}),
    log: vi.fn(),
    load: async () => structuredClone(store),
    save: async (calls) => {
      store = structuredClone(calls);
    },
  };
});
afterEach(() => db.close());

async function person(slug: string, name: string) {
  return (await savePersonCapture(db, makeCapture({ profileUrl: `https://www.linkedin.com/in/${slug}/`, name }))).person;
}

function router(calls = createCalls(deps)) {
  const routerDeps: RouterDeps = {
    db,
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    openSidePanel: vi.fn(),
    setFocusedPerson: vi.fn(async () => {}),
    setPendingMerge: vi.fn(async () => {}),
    readTab: vi.fn(),
    tabUrl: vi.fn(async () => undefined),
    report: vi.fn(),
    notifyTab: vi.fn(async () => {}),
    log: vi.fn(),
    refreshReminders: vi.fn(async () => 0),
    calls,
  };
  return createRouter(routerDeps);
}

describe('live calls in the background', () => {
  it('lobby → in call with a saved person: matched by name, a meeting for the notes, one notification while the panel is closed', async () => {
    const priya = await person('priya', 'Priya Raman');
    await person('sam', 'Sam Rivera'); // the user saved their own profile: never a match
    const r = router();
    expect(await r.handle(state('lobby', { participants: [] }), meetSender())).toStrictEqual({ ok: true });
    expect(store['5']).toMatchObject({ state: 'lobby', key: 'meet:abc-defg-hij', match: null });

    clock += 60_000;
    await r.handle(state('in-call', { participants: ['Priya Raman', 'Sam Rivera'] }), meetSender());
    const call = store['5']!;
    expect(call).toMatchObject({ state: 'in-call', startedAt: clock, match: { personId: priya.id, name: 'Priya Raman', how: 'name' } });
    const meeting = await db.meetings.get(call.match!.meetingId);
    expect(meeting).toMatchObject({ personId: priya.id, channel: 'meet', link: MEET, startsAt: clock });
    expect((await db.meetingNotes.get(meeting!.id))?.callStartedAt).toBe(clock);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith('introbook-call:5', 'Introbook', 'Prep notes for Priya Raman are ready — click the Introbook button');

    // A heartbeat or another report does not notify again.
    await r.handle(state('in-call', { participants: ['Priya Raman', 'Sam Rivera'] }), meetSender());
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('does not notify when the side panel is open', async () => {
    await person('priya', 'Priya Raman');
    panelOpen = true;
    await router().handle(state('in-call', { participants: ['Priya Raman'] }), meetSender());
    expect(store['5']?.match?.name).toBe('Priya Raman');
    expect(notify).not.toHaveBeenCalled();
  });

  it('a meeting scheduled with this link wins over names, and its request moves to "met" when the call ends', async () => {
    const zoe = await person('zoe', 'Zoë Ångström');
    await person('priya', 'Priya Raman');
    const request = await createRequest(db, { kind: 'direct', targetId: zoe.id, connectorId: null });
    await markSent(db, request.id, 'copy');
    await moveRequest(db, request.id, 'meeting-scheduled');
    const meeting = await scheduleMeeting(db, { personId: zoe.id, requestId: request.id, startsAt: clock + 5 * 60_000, link: 'https://meet.google.com/abc-defg-hij?authuser=0' });
    const r = router();
    await r.handle(state('in-call', { participants: ['Priya Raman'] }), meetSender());
    expect(store['5']?.match).toStrictEqual({ personId: zoe.id, name: 'Zoë Ångström', meetingId: meeting.id, how: 'scheduled-link' });

    clock += 20 * 60_000;
    await r.handle(state('ended'), meetSender());
    expect(store['5']).toMatchObject({ state: 'ended', endedAt: clock, movedRequest: { requestId: request.id, from: 'meeting-scheduled' } });
    expect((await db.intros.get(request.id))?.status).toBe('met');
    expect((await db.meetingNotes.get(meeting.id))?.callEndedAt).toBe(clock);
  });

  it('unsure: lists the likely people; the user’s pick is remembered for this link', async () => {
    const a = await person('priya-a', 'Priya Raman');
    const b = await person('priya-b', 'Priya Raman');
    const r = router();
    await r.handle(state('in-call', { participants: ['Priya Raman'] }), meetSender());
    expect(store['5']?.match).toBeNull();
    expect(store['5']?.candidates.map((c) => c.personId).sort()).toStrictEqual([a.id, b.id].sort());
    expect(notify).not.toHaveBeenCalled();

    expect(await r.handle({ type: 'call/choose', tabId: 5, personId: b.id }, pageSender)).toStrictEqual({ ok: true });
    expect(store['5']?.match).toMatchObject({ personId: b.id, how: 'chosen' });
    expect(await db.callLinks.get('meet:abc-defg-hij')).toMatchObject({ personId: b.id });

    // The next call on this link (another tab, later) starts with that answer.
    clock += 86_400_000;
    await r.handle(state('in-call', { participants: ['Priya Raman'] }), meetSender(9));
    expect(store['9']?.match).toMatchObject({ personId: b.id, how: 'remembered' });
  });

  it('a remembered link does not put a new call on last month’s meeting', async () => {
    const priya = await person('priya', 'Priya Raman');
    const old = await scheduleMeeting(db, { personId: priya.id, startsAt: clock - 30 * 86_400_000, link: MEET });
    await db.callLinks.put({ id: 'meet:abc-defg-hij', personId: priya.id, meetingId: old.id, createdAt: 1, updatedAt: 1, deletedAt: null });
    await router().handle(state('in-call', { participants: [] }), meetSender());
    const match = store['5']!.match!;
    expect(match).toMatchObject({ personId: priya.id, how: 'remembered' });
    expect(match.meetingId).not.toBe(old.id);
    expect(await db.meetings.get(match.meetingId)).toMatchObject({ startsAt: clock, link: MEET });
    expect((await db.meetingNotes.get(old.id))?.callStartedAt ?? null).toBeNull();
  });

  it('a call with someone whose request waits in "meeting scheduled" is that request’s meeting, moved to now (with history), not a second one', async () => {
    const zoe = await person('zoe', 'Zoë Ångström');
    const request = await createRequest(db, { kind: 'direct', targetId: zoe.id, connectorId: null });
    await markSent(db, request.id, 'copy');
    const { meeting } = await scheduleMeetingStep(db, request.id, { startsAt: clock + 3 * 86_400_000 });
    // They met earlier than planned, on a link Introbook did not know.
    await router().handle(state('in-call', { participants: ['Zoë Ångström'], code: 'xyz-abcd-efg', link: 'https://meet.google.com/xyz-abcd-efg' }), meetSender(5, 'https://meet.google.com/xyz-abcd-efg'));
    expect(store['5']?.match).toMatchObject({ personId: zoe.id, meetingId: meeting.id });
    expect(await db.meetings.where('requestId').equals(request.id).count()).toBe(1);
    expect(await db.meetings.get(meeting.id)).toMatchObject({ startsAt: clock, link: 'https://meet.google.com/xyz-abcd-efg', channel: 'meet' });
    const stored = (await db.intros.get(request.id))!;
    expect(stored.history.at(-1)).toMatchObject({ action: 'meeting' });
    // "Meet …" is due when the meeting starts: the stored due date followed it.
    expect(stored.dueAt).toBe(clock);
  });

  it('a call on another link than the planned meeting’s (a group call they joined) leaves that meeting and its request alone', async () => {
    const zoe = await person('zoe', 'Zoë Ångström');
    const request = await createRequest(db, { kind: 'direct', targetId: zoe.id, connectorId: null });
    await markSent(db, request.id, 'copy');
    const planned = 'https://meet.google.com/pln-abcd-efg';
    const { meeting } = await scheduleMeetingStep(db, request.id, { startsAt: clock + 3 * 86_400_000, link: planned });
    const before = (await db.intros.get(request.id))!;
    await router().handle(state('in-call', { participants: ['Zoë Ångström', 'Ada Lovelace'], code: 'grp-abcd-efg', link: 'https://meet.google.com/grp-abcd-efg' }), meetSender(5, 'https://meet.google.com/grp-abcd-efg'));
    expect(store['5']?.match?.personId).toBe(zoe.id);
    expect(store['5']?.match?.meetingId).not.toBe(meeting.id);
    // The planned meeting keeps its time and link; the request gains no step and is not tied to this call.
    expect(await db.meetings.get(meeting.id)).toMatchObject({ startsAt: clock + 3 * 86_400_000, link: planned });
    expect((await db.intros.get(request.id))!.history).toStrictEqual(before.history);
    expect(await db.meetings.get(store['5']!.match!.meetingId!)).toMatchObject({ requestId: null, personId: zoe.id });
  });

  it('a closed tab ends its call; a page that went away ends it after the grace period unless it comes back', async () => {
    await person('priya', 'Priya Raman');
    const calls = createCalls(deps);
    const r = router(calls);
    await r.handle(state('in-call', { participants: ['Priya Raman'] }), meetSender(5));
    await calls.tabRemoved(5);
    expect(store['5']).toMatchObject({ state: 'ended' });

    await r.handle(state('in-call', { participants: ['Priya Raman'] }), meetSender(6));
    await r.handle(state('idle'), meetSender(6)); // pagehide: reload or navigation
    expect(store['6']).toMatchObject({ state: 'in-call', goneAt: clock });
    // It comes back (a reload): the same call goes on.
    await r.handle(state('in-call', { participants: ['Priya Raman'] }), meetSender(6));
    expect(store['6']).toMatchObject({ state: 'in-call', goneAt: null });
    await r.handle(state('idle'), meetSender(6));
    clock += GONE_GRACE_MS;
    await calls.sweep();
    expect(store['6']).toMatchObject({ state: 'ended', endedAt: clock - GONE_GRACE_MS });
  });

  it('dismissing forgets the call', async () => {
    const r = router();
    await r.handle(state('lobby'), meetSender());
    expect(await r.handle({ type: 'call/dismiss', tabId: 5 }, pageSender)).toStrictEqual({ ok: true });
    expect(store).toStrictEqual({});
  });
});

describe('who may say what about calls', () => {
  it.each([
    ['a LinkedIn page reporting a call', state('in-call'), { id: RUNTIME_ID, url: 'https://www.linkedin.com/feed/', tab: { id: 3 } }],
    ['a meeting page choosing the person', { type: 'call/choose', tabId: 5, personId: crypto.randomUUID() }, meetSender()],
    ['a meeting page asking to save someone', { type: 'capture/save', capture: makeCapture() }, meetSender()],
    ['a meeting page asking for reminders', { type: 'reminders/refresh' }, meetSender()],
    ['a meeting page reporting a link of another host', state('in-call', { link: 'https://app.zoom.us/wc/81234567890/join' }), meetSender()],
    ['a link with a passcode', state('in-call', { link: 'https://meet.google.com/abc-defg-hij?pwd=1' }), meetSender()],
    ['a hostile participant list', state('in-call', { participants: Array.from({ length: 80 }, (_, i) => `P${i}`) }), meetSender()],
    ['an unknown state', { ...state('in-call'), state: 'presenting' }, meetSender()],
    ['an extension page reporting a call state', state('in-call'), pageSender],
    ['a plain-http meeting page', state('in-call'), { ...meetSender(), url: 'http://meet.google.com/abc-defg-hij' }],
  ])('rejects %s', async (_label, message, sender) => {
    const reply = await router().handle(message, sender);
    expect(reply).toMatchObject({ ok: false });
    expect(store).toStrictEqual({});
    expect(await db.people.count()).toBe(0);
  });
});
