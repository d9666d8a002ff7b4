/**
 * Follow-up reminders: a badge with the number of due steps and tasks, a
 * notification when one comes due, and alarms so this survives the service
 * worker being stopped and the browser restarting (due dates live in the
 * database; alarms are re-created at start-up). What is due is the same
 * answer "Due today" shows (utils/db/due.ts).
 */
import { browser } from 'wxt/browser';
import type { IntrobookDB } from '@/utils/db/app-db';
import { ensureDueIndex, reindexDueDates, reindexMeetingDueDates } from '@/utils/db/due-index';
import { dueUntil, nextDueAt, type DueEntry } from '@/utils/db/due';
import type { WorkWeek } from '@/utils/domain/business-days';
import { getSettings, watchSettings, workWeek } from '@/utils/settings';
import { toolbarButton } from '@/utils/toolbar';

export const PERIODIC_ALARM = 'introbook-reminders';
export const NEXT_DUE_ALARM = 'introbook-next-due';
/** At most this many due items are read in one pass (the badge counts them all). */
const NOTIFY_AT_MOST = 500;
/** More new due items than this in one pass: one summary notification instead of one each. */
export const SUMMARY_OVER = 3;
/** The id of the summary notification (a later summary replaces it rather than stacking up). */
export const SUMMARY_NOTIFICATION = 'introbook:due-summary';
/**
 * Which due steps and tasks were notified: one row per step in the database's
 * local-only `meta` table (`notified:<key>`), so none is ever notified twice,
 * however many there are (the keys name people, and Firefox lets content
 * scripts read storage.local). Rows of steps no longer due are pruned.
 */
const NOTIFIED_PREFIX = 'notified:';
/** The list earlier versions kept (capped at 500, so older steps were notified again): moved into rows once. */
const LEGACY_NOTIFIED_KEY = 'notifiedReminders';
/** The newest meeting change the due dates have been recomputed for (later ones are picked up by index). */
const MEETINGS_SEEN_KEY = 'reminders:meetingsSeen';

const notifiedKey = (item: DueEntry) =>
  NOTIFIED_PREFIX + (item.kind === 'request' ? `${item.requestId}:${item.label}:${item.dueAt}` : `task:${item.taskId}:${item.dueAt}`);

/** Move the capped list of earlier versions into one row per step. */
async function migrateLegacyNotified(db: IntrobookDB, at: number): Promise<void> {
  const legacy = (await db.meta.get(LEGACY_NOTIFIED_KEY))?.value;
  if (legacy === undefined) return;
  const keys = Array.isArray(legacy) ? legacy.filter((k): k is string => typeof k === 'string') : [];
  await db.transaction('rw', db.meta, async () => {
    await db.meta.bulkPut(keys.map((k) => ({ id: NOTIFIED_PREFIX + k, value: true, updatedAt: at })));
    await db.meta.delete(LEGACY_NOTIFIED_KEY);
  });
}

/**
 * Requests whose due date hangs on a meeting: the first pass checks them all;
 * later passes only those whose meeting changed since (by the meetings'
 * `updatedAt` index). Meeting writes recompute their request's date already;
 * this is the safety net for anything else.
 */
async function reindexChangedMeetings(db: IntrobookDB, week: WorkWeek): Promise<void> {
  const seen = (await db.meta.get(MEETINGS_SEEN_KEY))?.value;
  const latest = (await db.meetings.orderBy('updatedAt').last())?.updatedAt ?? 0;
  if (typeof seen !== 'number') {
    await reindexMeetingDueDates(db, week);
  } else if (latest > seen) {
    const changed = await db.meetings.where('updatedAt').above(seen).toArray();
    const ids = Array.from(new Set(changed.flatMap((m) => (m.requestId ? [m.requestId] : []))));
    if (ids.length > 0) await reindexDueDates(db, week, ids);
  } else {
    return;
  }
  await db.meta.put({ id: MEETINGS_SEEN_KEY, value: latest, updatedAt: Date.now() });
}

export function createReminders(db: IntrobookDB, now: () => Promise<number>) {
  async function refresh(): Promise<number> {
    const [settings, at] = await Promise.all([getSettings(db), now()]);
    const week = workWeek(settings);
    // Stored due dates follow the user's week (recomputed when it changed) and the meetings they hang on.
    await ensureDueIndex(db, week);
    await reindexChangedMeetings(db, week);
    // Only what is due by now, by the due-date indexes (request steps and open tasks); their people by key.
    const due = await dueUntil(db, week, at, NOTIFY_AT_MOST);

    await toolbarButton().setBadgeBackgroundColor({ color: '#5b3fd4' });
    await toolbarButton().setBadgeText({ text: due.total > 0 ? String(due.total) : '' });

    await notifyNew(due.items, due.items.length >= due.total, at);

    // Wake up exactly when the next step comes due (the periodic alarm is the safety net).
    const upcoming = await nextDueAt(db, at);
    if (upcoming !== null) await browser.alarms.create(NEXT_DUE_ALARM, { when: Date.now() + (upcoming - at) });
    else await browser.alarms.clear(NEXT_DUE_ALARM);
    return due.total;
  }

  /**
   * Notify each due step or task once, ever: a few one by one, many in one
   * summary. With every due item in hand (`complete`), rows of steps no longer
   * due are dropped, so the set stays as small as what is due.
   */
  async function notifyNew(items: DueEntry[], complete: boolean, at: number): Promise<void> {
    await migrateLegacyNotified(db, at);
    const keys = items.map(notifiedKey);
    const known = await db.meta.bulkGet(keys);
    const fresh = items.filter((_, i) => known[i] === undefined);
    if (fresh.length > 0) {
      const iconUrl = browser.runtime.getURL('/icon/128.png');
      const show = (id: string, message: string) =>
        browser.notifications.create(id, { type: 'basic', iconUrl, title: 'Introbook: follow-up due', message }).catch(() => {});
      if (fresh.length > SUMMARY_OVER) {
        const first = fresh.slice(0, 2).map((item) => item.label);
        await show(SUMMARY_NOTIFICATION, `${fresh.length} follow-ups are due: ${first.join('; ')}… Open Introbook to see them all.`);
      } else {
        for (const item of fresh) await show(item.kind === 'request' ? `introbook:${item.requestId}` : `introbook:task:${item.taskId}`, item.label);
      }
      await db.meta.bulkPut(fresh.map((item) => ({ id: notifiedKey(item), value: true, updatedAt: at })));
    }
    if (complete) {
      const current = new Set(keys);
      const stale = ((await db.meta.where('id').startsWith(NOTIFIED_PREFIX).primaryKeys()) as string[]).filter((k) => !current.has(k));
      if (stale.length > 0) await db.meta.bulkDelete(stale);
    }
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
