import { describe, expect, it } from 'vitest';
import { callToShow, ENDED_CALL_KEPT_MS, type LiveCall } from './calls-state';

const call = (tabId: number, state: LiveCall['state'], updatedAt: number, extra: Partial<LiveCall> = {}): LiveCall => ({
  tabId,
  windowId: 1,
  site: 'meet',
  state,
  title: null,
  code: null,
  key: null,
  link: null,
  participants: [],
  self: null,
  startedAt: state === 'lobby' ? null : updatedAt - 60_000,
  endedAt: state === 'ended' ? updatedAt : null,
  goneAt: null,
  updatedAt,
  match: null,
  candidates: [],
  movedRequest: null,
  notified: false,
  frames: {},
  ...extra,
});

describe('which call the side panel shows', () => {
  const now = 10_000_000;
  it('the active tab’s call first, else the most recent call under way, lobby, then ended', () => {
    const calls = { 1: call(1, 'in-call', now - 5000), 2: call(2, 'in-call', now - 1000), 3: call(3, 'lobby', now), 4: call(4, 'ended', now) };
    expect(callToShow(calls, 3, now)?.tabId).toBe(3);
    expect(callToShow(calls, 99, now)?.tabId).toBe(2);
    expect(callToShow(calls, null, now)?.tabId).toBe(2);
    expect(callToShow({ 3: calls[3], 4: calls[4] }, null, now)?.tabId).toBe(3);
    expect(callToShow({ 4: calls[4] }, null, now)?.tabId).toBe(4);
  });

  it('forgets ended calls the user was never in, and old ones', () => {
    expect(callToShow({ 1: call(1, 'ended', now, { startedAt: null }) }, 1, now)).toBeNull();
    expect(callToShow({ 1: call(1, 'ended', now - ENDED_CALL_KEPT_MS - 1) }, null, now)).toBeNull();
    expect(callToShow({}, null, now)).toBeNull();
  });
});
