/**
 * Follow-up reminders: a badge with the number of due steps and tasks, a
 * notification when one comes due, and alarms so this survives the service
 * worker being stopped and the browser restarting (due dates live in the
 * database; alarms are re-created at start-up). What is due is the same
 * answer "Due today" shows (utils/db/due.ts).
 */
import { browser } from 'wxt/browser';
import type { IntrobookDB } from '@/utils/db/app-db';
import { ensureDueIndex, reindexMeetingDueDates } from '@/utils/db/due-index';
import { dueUntil, nextDueAt } from '@/utils/db/due';
import { getSettings, notificationsAllowed, watchSettings, workWeek } from '@/utils/settings';
import { toolbarButton } from '@/utils/toolbar';

export const PERIODIC_ALARM = 'introbook-reminders';
export const NEXT_DUE_ALARM = 'introbook-next-due';
/** At most this many due items are notified in one pass (the badge counts them all). */
const NOTIFY_AT_MOST = 500;
/** Kept in the database's local-only `meta` table: the keys name people, and Firefox lets content scripts read storage.local. */
const NOTIFIED_KEY = 'notifiedReminders';

export function createReminders(db: IntrobookDB, now: () => Promise<number>) {
  async function refresh(): Promise<number> {
    const [settings, at] = await Promise.all([getSettings(db), now()]);
    const week = workWeek(settings);
    // Stored due dates follow the user's week (recomputed when it changed) and the meetings they hang on.
    await ensureDueIndex(db, week);
    await reindexMeetingDueDates(db, week);
    // Only what is due by now, by the due-date indexes (request steps and open tasks); their people by key.
    const due = await dueUntil(db, week, at, NOTIFY_AT_MOST);

    await toolbarButton().setBadgeBackgroundColor({ color: '#5b3fd4' });
    await toolbarButton().setBadgeText({ text: due.total > 0 ? String(due.total) : '' });

    // Notify each due step or task once.
    const stored = (await db.meta.get(NOTIFIED_KEY))?.value;
    const notified = new Set(Array.isArray(stored) ? (stored as string[]) : []);
    // Reminders off, or quiet hours: the badge counts, the notifications wait (nothing is marked as shown).
    for (const item of notificationsAllowed(settings, at) ? due.items : []) {
      const key = item.kind === 'request' ? `${item.requestId}:${item.label}:${item.dueAt}` : `task:${item.taskId}:${item.dueAt}`;
      if (notified.has(key)) continue;
      notified.add(key);
      await browser.notifications
        .create(item.kind === 'request' ? `introbook:${item.requestId}` : `introbook:task:${item.taskId}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: 'Introbook: follow-up due',
          message: item.label,
        })
        .catch(() => {});
    }
    await db.meta.put({ id: NOTIFIED_KEY, value: Array.from(notified).slice(-500), updatedAt: at });

    // Wake up exactly when the next step comes due (the periodic alarm is the safety net).
    const upcoming = await nextDueAt(db, at);
    if (upcoming !== null) await browser.alarms.create(NEXT_DUE_ALARM, { when: Date.now() + (upcoming - at) });
    else await browser.alarms.clear(NEXT_DUE_ALARM);
    return due.total;
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
