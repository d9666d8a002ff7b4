// @vitest-environment happy-dom
/**
 * The state machine and the page watcher: a state needs two agreeing signals
 * that still hold a moment later; the watcher sends one message per change
 * (plus a heartbeat), re-checks when the tab becomes visible, and stops cleanly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureHtml } from '@/tests/helpers/fixtures';
import { meet } from './meet';
import { readCall } from './read';
import { CallTracker } from './tracker';
import type { CallStateMessage } from './types';
import { watchCall } from './watch';

const URL_MEET = new URL('https://meet.google.com/abc-defg-hij');
const body = (fixture: string) => /<body>([\s\S]*)<\/body>/.exec(fixtureHtml(`meeting/${fixture}`))![1]!;
/** Swap the page's content, as a meeting app re-renders (parsed nodes, not innerHTML). */
function show(html: string) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
}
const doc = (fixture: string) => new DOMParser().parseFromString(fixtureHtml(`meeting/${fixture}`), 'text/html');

describe('CallTracker', () => {
  it('takes a state only when it still holds after the confirmation delay', () => {
    const tracker = new CallTracker({ confirmMs: 500, lostMs: 2000 });
    const lobby = readCall(doc('meet/lobby.html'), URL_MEET, meet);
    const inCall = readCall(doc('meet/in-call.html'), URL_MEET, meet);
    expect(tracker.observe(lobby, 0)).toStrictEqual({ changed: false, recheckInMs: 500 });
    expect(tracker.observe(lobby, 300)).toStrictEqual({ changed: false, recheckInMs: 200 });
    expect(tracker.observe(lobby, 500).changed).toBe(true);
    expect(tracker.state).toBe('lobby');
    // A flicker to "in call" that does not hold is forgotten.
    tracker.observe(inCall, 1000);
    tracker.observe(lobby, 1200);
    expect(tracker.observe(inCall, 1600)).toStrictEqual({ changed: false, recheckInMs: 500 });
    expect(tracker.observe(inCall, 2100).changed).toBe(true);
    expect(tracker.state).toBe('in-call');
  });

  it('ends a call whose signals all disappeared (no ended screen), after the longer wait', () => {
    const tracker = new CallTracker({ confirmMs: 100, lostMs: 2000 });
    const inCall = readCall(doc('meet/in-call.html'), URL_MEET, meet);
    const blank = readCall(new DOMParser().parseFromString('<p>Home</p>', 'text/html'), URL_MEET, meet);
    tracker.observe(inCall, 0);
    tracker.observe(inCall, 100);
    expect(tracker.state).toBe('in-call');
    expect(tracker.observe(blank, 200)).toStrictEqual({ changed: false, recheckInMs: 2000 });
    expect(tracker.observe(blank, 1200).changed).toBe(false);
    expect(tracker.observe(blank, 2200).changed).toBe(true);
    expect(tracker.state).toBe('ended');
  });

  it('never leaves a state on a reading with too little evidence', () => {
    const tracker = new CallTracker({ confirmMs: 0, lostMs: 0 });
    tracker.observe(readCall(doc('meet/lobby.html'), URL_MEET, meet), 0);
    tracker.observe(readCall(doc('meet/lobby.html'), URL_MEET, meet), 1);
    expect(tracker.state).toBe('lobby');
    tracker.observe(readCall(new DOMParser().parseFromString('<p></p>', 'text/html'), URL_MEET, meet), 2);
    expect(tracker.state).toBe('lobby');
  });
});

describe('watchCall', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => vi.useRealTimers());

  function start(sent: CallStateMessage[]) {
    return watchCall({
      site: meet,
      win: window,
      firstUrl: URL_MEET,
      send: (m) => sent.push(m),
      timing: { confirmMs: 300, lostMs: 1000 },
      throttleMs: 100,
      pollMs: 2000,
      heartbeatMs: 10_000,
    });
  }

  it('goes lobby → in call → ended as the page changes, one message per change', async () => {
    show(body('meet/lobby.html'));
    const sent: CallStateMessage[] = [];
    const watcher = start(sent);
    await vi.advanceTimersByTimeAsync(500);
    expect(sent.map((m) => m.state)).toStrictEqual(['lobby']);
    expect(sent[0]).toMatchObject({ site: 'meet', code: 'abc-defg-hij', link: 'https://meet.google.com/abc-defg-hij' });

    show(body('meet/in-call.html'));
    await vi.advanceTimersByTimeAsync(600);
    expect(sent.map((m) => m.state)).toStrictEqual(['lobby', 'in-call']);
    expect(sent[1]).toMatchObject({ participants: ['Priya Raman'], self: 'Sam Rivera', title: 'Coffee chat: Priya / Sam' });

    // Nothing changes: no new message until the heartbeat.
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(6000);
    expect(sent).toHaveLength(3);

    show(body('meet/ended.html'));
    await vi.advanceTimersByTimeAsync(600);
    expect(sent.at(-1)!.state).toBe('ended');
    watcher.stop();
  });

  it('re-reads the page when the tab becomes visible again', async () => {
    show('<p>loading</p>');
    const sent: CallStateMessage[] = [];
    const watcher = start(sent);
    watcher.stop(); // no observer, no poll: only the visibility handler would notice…
    const again = start(sent);
    show(body('meet/lobby.html'));
    await vi.advanceTimersByTimeAsync(150); // the observer's throttled read starts the confirmation
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(400);
    expect(sent.map((m) => m.state)).toStrictEqual(['lobby']);
    again.stop();
  });

  it('tells the background when the page goes away during a call, and stops cleanly', async () => {
    show(body('meet/in-call.html'));
    const sent: CallStateMessage[] = [];
    const watcher = start(sent);
    await vi.advanceTimersByTimeAsync(500);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent.map((m) => m.state)).toStrictEqual(['in-call', 'idle']);
    watcher.stop();
    show(body('meet/ended.html'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing on pages that are not meetings', async () => {
    show(body('meet/in-call.html'));
    const sent: CallStateMessage[] = [];
    const watcher = watchCall({ site: meet, win: window, firstUrl: new URL('https://meet.google.com/landing'), send: (m) => sent.push(m) });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toStrictEqual([]);
    watcher.stop();
  });
});
