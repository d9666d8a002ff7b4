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
import { dueEntriesFor, dueKeys, dueUntil, nextDueAt } from '@/utils/db/due';
import type { WorkWeek } from '@/utils/domain/business-days';
import { getSettings, notificationsAllowed, watchSettings, workWeek } from '@/utils/settings';
import { toolbarButton } from '@/utils/toolbar';
import { t, tn } from '@/utils/i18n';

export const PERIODIC_ALARM = 'introbook-reminders';
export const NEXT_DUE_ALARM = 'introbook-next-due';
/** At most this many due keys of each kind are compared in one pass (the badge counts them all). */
const NOTIFY_AT_MOST = 500;
/** Rows the badge's count reads, as "Due today" does (utils/remote/first-view.ts DUE_SHOWN). */
const BADGE_READS = 20;
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

/** A due step's identity: the request (or task) and the stored due date of its step. */
const requestKey = (id: string, dueAt: number) => `${NOTIFIED_PREFIX}r:${id}:${dueAt}`;
const taskKey = (id: string, dueAt: number) => `${NOTIFIED_PREFIX}t:${id}:${dueAt}`;

/** Move the capped list of earlier versions (`<request>:<label>:<due>`, `task:<task>:<due>`) into one row per step. */
async function migrateLegacyNotified(db: IntrobookDB, at: number): Promise<void> {
  const legacy = (await db.meta.get(LEGACY_NOTIFIED_KEY))?.value;
  if (legacy === undefined) return;
  const keys = (Array.isArray(legacy) ? legacy : []).flatMap((k): string[] => {
    if (typeof k !== 'string') return [];
    const dueAt = Number(k.slice(k.lastIndexOf(':') + 1));
    if (!Number.isFinite(dueAt)) return [];
    if (k.startsWith('task:')) return [taskKey(k.slice(5, k.lastIndexOf(':')), dueAt)];
    return [requestKey(k.slice(0, k.indexOf(':')), dueAt)];
  });
  await db.transaction('rw', db.meta, async () => {
    await db.meta.bulkPut(keys.map((id) => ({ id, value: true, updatedAt: at })));
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
    // The badge says what "Due today" says (the same reads: the first rows by the due-date indexes, the rest counted).
    const due = await dueUntil(db, week, at, BADGE_READS);

    await toolbarButton().setBadgeBackgroundColor({ color: '#5b3fd4' });
    await toolbarButton().setBadgeText({ text: due.total > 0 ? String(due.total) : '' });

    // Reminders off, or quiet hours: the badge counts, the notifications wait (nothing is marked as shown).
    if (notificationsAllowed(settings, at)) await notifyNew(week, at);

    // Wake up exactly when the next step comes due (the periodic alarm is the safety net).
    const upcoming = await nextDueAt(db, at);
    if (upcoming !== null) await browser.alarms.create(NEXT_DUE_ALARM, { when: Date.now() + (upcoming - at) });
    else await browser.alarms.clear(NEXT_DUE_ALARM);
    return due.total;
  }

  /**
   * Notify each due step or task once, ever: a few one by one, many in one
   * summary. What is due is read as index keys and compared with the notified
   * set (keys too); only new steps are read in full, for their text. With
   * every due key in hand, rows of steps no longer due are dropped, so the set
   * stays as small as what is due.
   */
  async function notifyNew(week: WorkWeek, at: number): Promise<void> {
    await migrateLegacyNotified(db, at);
    const [due, notified] = await Promise.all([
      dueKeys(db, at, NOTIFY_AT_MOST),
      db.meta.where('id').startsWith(NOTIFIED_PREFIX).primaryKeys() as Promise<string[]>,
    ]);
    const known = new Set(notified);
    const freshRequests = due.requests.filter(([id, dueAt]) => !known.has(requestKey(id, dueAt)));
    const freshTasks = due.tasks.filter(([id, dueAt]) => !known.has(taskKey(id, dueAt)));
    if (freshRequests.length + freshTasks.length > 0) {
      const entries = await dueEntriesFor(db, week, at, freshRequests.map(([id]) => id), freshTasks.map(([id]) => id));
      const iconUrl = browser.runtime.getURL('/icon/128.png');
      const show = (id: string, message: string) =>
        browser.notifications.create(id, { type: 'basic', iconUrl, title: t('background.followUpTitle'), message }).catch(() => {});
      if (entries.length > SUMMARY_OVER) {
        const first = entries.slice(0, 2).map((item) => item.label);
        await show(SUMMARY_NOTIFICATION, tn('background.followUpsSummary', entries.length, { first: first.join('; ') }));
      } else {
        for (const item of entries) await show(item.kind === 'request' ? `introbook:${item.requestId}` : `introbook:task:${item.taskId}`, item.label);
      }
      // Every new key is remembered, also those found not to count (so they are not read again).
      const ids = [...freshRequests.map(([id, d]) => requestKey(id, d)), ...freshTasks.map(([id, d]) => taskKey(id, d))];
      await db.meta.bulkPut(ids.map((id) => ({ id, value: true, updatedAt: at })));
    }
    if (due.complete) {
      const current = new Set([...due.requests.map(([id, d]) => requestKey(id, d)), ...due.tasks.map(([id, d]) => taskKey(id, d))]);
      const stale = notified.filter((k) => !current.has(k));
      if (stale.length > 0) {
        await db.meta.bulkDelete(stale);
        // A step no longer due was done, moved or removed — here or in another browser (by sync): its
        // notification, if still on screen, goes too. The summary stays (it speaks of many).
        for (const key of stale) {
          const [kind, id] = key.slice(NOTIFIED_PREFIX.length).split(':');
          if (id) void browser.notifications.clear(kind === 't' ? `introbook:task:${id}` : `introbook:${id}`).catch(() => {});
        }
      }
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
