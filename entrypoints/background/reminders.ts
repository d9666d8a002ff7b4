/**
 * Follow-up reminders: a badge with the number of due steps, a notification
 * when a step comes due, and alarms so this survives the service worker being
 * stopped and the browser restarting (due dates live in the database; alarms
 * are re-created at start-up).
 */
import { browser } from 'wxt/browser';
import type { IntrobookDB } from '@/utils/db/app-db';
import { ensureDueIndex, reindexMeetingDueDates } from '@/utils/db/due-index';
import { nextDueAfter, requestsDueBy, withPeople } from '@/utils/db/intros';
import { dueBy } from '@/utils/domain/follow-ups';
import { getSettings, watchSettings, workWeek } from '@/utils/settings';
import { toolbarButton } from '@/utils/toolbar';

export const PERIODIC_ALARM = 'introbook-reminders';
export const NEXT_DUE_ALARM = 'introbook-next-due';
/** Kept in the database's local-only `meta` table: the keys name people, and Firefox lets content scripts read storage.local. */
const NOTIFIED_KEY = 'notifiedReminders';

export function createReminders(db: IntrobookDB, now: () => Promise<number>) {
  async function refresh(): Promise<number> {
    const [settings, at] = await Promise.all([getSettings(db), now()]);
    const week = workWeek(settings);
    // Stored due dates follow the user's week (recomputed when it changed) and the meetings they hang on.
    await ensureDueIndex(db, week);
    await reindexMeetingDueDates(db, week);
    // Only the requests due by now, by the due-date index; their people by key.
    const { requests, namesOf, meetings } = await withPeople(db, await requestsDueBy(db, at));
    const due = dueBy(requests, namesOf, week, at, (r) => meetings.get(r.id));

    await toolbarButton().setBadgeBackgroundColor({ color: '#5b3fd4' });
    await toolbarButton().setBadgeText({ text: due.length > 0 ? String(due.length) : '' });

    // Notify each due step once.
    const stored = (await db.meta.get(NOTIFIED_KEY))?.value;
    const notified = new Set(Array.isArray(stored) ? (stored as string[]) : []);
    for (const item of due) {
      const key = `${item.requestId}:${item.label}:${item.dueAt}`;
      if (notified.has(key)) continue;
      notified.add(key);
      await browser.notifications
        .create(`introbook:${item.requestId}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: 'Introbook: follow-up due',
          message: item.label,
        })
        .catch(() => {});
    }
    await db.meta.put({ id: NOTIFIED_KEY, value: Array.from(notified).slice(-500), updatedAt: at });

    // Wake up exactly when the next step comes due (the periodic alarm is the safety net).
    const upcoming = await nextDueAfter(db, at);
    if (upcoming !== null) await browser.alarms.create(NEXT_DUE_ALARM, { when: Date.now() + (upcoming - at) });
    else await browser.alarms.clear(NEXT_DUE_ALARM);
    return due.length;
  }

  function setup(): void {
    const ensurePeriodic = async () => {
      if (!(await browser.alarms.get(PERIODIC_ALARM))) await browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: 5 });
    };
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === PERIODIC_ALARM || alarm.name === NEXT_DUE_ALARM) void refresh();
    });
    browser.runtime.onStartup.addListener(() => void ensurePeriodic().then(refresh));
    // A new working week or time zone moves every due date: recount at once.
    watchSettings(() => void refresh().catch((e: unknown) => console.warn('Introbook: reminders could not refresh', e)), db);
    browser.runtime.onInstalled.addListener(() => void ensurePeriodic().then(refresh));
    void ensurePeriodic().then(refresh).catch((e: unknown) => console.warn('Introbook: reminders could not start', e));
  }

  return { refresh, setup };
}
