/**
 * The stored due date of each request's next step (`intros.dueAt`, indexed),
 * so "Due today", the reminders and the next alarm read only what is due.
 * A due date depends on the user's working week: every write through
 * utils/db/intros.ts stores it with the current week, and when the week
 * changes (or rows arrive another way: a restore, a sync) `reindexDueDates`
 * recomputes the live requests' dates. `ensureDueIndex` does that once per week
 * setting, remembered in the local-only `meta` table.
 */
import type { WorkWeek } from '../domain/business-days';
import type { IntroRequest, Meeting } from '../domain/schemas';
import { getSettings, workWeek } from '../settings';
import { MEETING_STATUSES, requestIndexFields, type IntrobookDB, type StoredRequest } from './app-db';
import { keysWhereAnyOf, rowsWhereAnyOf } from './ranges';

export { MEETING_STATUSES };

/** The work week due dates are computed in: the user's settings. */
export async function currentWeek(): Promise<WorkWeek> {
  return workWeek(await getSettings());
}

/** The live meeting a request led to, when its due date depends on it. Call inside a transaction that includes `meetings`. */
export async function meetingTimeOf(db: IntrobookDB, r: Pick<IntroRequest, 'id' | 'status'>): Promise<Meeting | null> {
  if (!MEETING_STATUSES.has(r.status)) return null;
  const rows = await db.meetings.where('requestId').equals(r.id).toArray();
  return rows.filter((m) => m.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
}

/** The row to store for a request: the request and its derived index fields. */
export async function withIndexFields(db: IntrobookDB, r: IntroRequest, week: WorkWeek): Promise<StoredRequest> {
  return { ...r, ...requestIndexFields(r, week, await meetingTimeOf(db, r)) };
}

/**
 * Recompute the stored due date of live requests (all of them, or those
 * given) in `week`. Walks live requests by the status index and reads the
 * meetings of those that hang on one in a single query (no await per row: a
 * long chain of awaits inside a transaction lets IndexedDB commit it early);
 * writes only rows whose date changed. Returns how many changed.
 */
export async function reindexDueDates(db: IntrobookDB, week: WorkWeek, ids?: readonly string[]): Promise<number> {
  return db.transaction('rw', db.intros, db.meetings, async () => {
    const rows = (ids ? (await db.intros.bulkGet([...ids])).filter((r) => r !== undefined) : await db.intros.where('liveStatus').above('').toArray()) as StoredRequest[];
    const waiting = rows.filter((r) => MEETING_STATUSES.has(r.status)).map((r) => r.id);
    const latest = new Map<string, Meeting>();
    if (waiting.length > 0) {
      const meetings = (await rowsWhereAnyOf(db.meetings, 'requestId', waiting)).filter((m) => m.deletedAt === null).sort((a, b) => a.updatedAt - b.updatedAt);
      for (const m of meetings) latest.set(m.requestId!, m);
    }
    const changed: StoredRequest[] = [];
    for (const row of rows) {
      const next = { ...row, ...requestIndexFields(row, week, MEETING_STATUSES.has(row.status) ? (latest.get(row.id) ?? null) : null) };
      if (next.dueAt !== row.dueAt || next.liveStatus !== row.liveStatus) changed.push(next);
    }
    if (changed.length > 0) await db.intros.bulkPut(changed);
    return changed.length;
  });
}

/**
 * Which week the stored due dates were computed in: a row of the local-only
 * `meta` table (not `storage.local`, which Firefox lets content scripts write).
 */
export const DUE_INDEX_WEEK_KEY = 'dueIndexWeek';

const weekKey = (week: WorkWeek) => JSON.stringify({ timeZone: week.timeZone, workingDays: [...week.workingDays].sort() });

/** Recompute every live request's due date when the week changed since they were stored. Returns rows changed. */
export async function ensureDueIndex(db: IntrobookDB, week: WorkWeek): Promise<number> {
  const key = weekKey(week);
  if ((await db.meta.get(DUE_INDEX_WEEK_KEY))?.value === key) return 0;
  const changed = await reindexDueDates(db, week);
  await db.meta.put({ id: DUE_INDEX_WEEK_KEY, value: key, updatedAt: Date.now() });
  return changed;
}

/** Requests whose date depends on a meeting: recomputed on each reminder pass, as a meeting may have moved. */
export async function reindexMeetingDueDates(db: IntrobookDB, week: WorkWeek): Promise<number> {
  const ids = await keysWhereAnyOf(db.intros, 'liveStatus', [...MEETING_STATUSES]);
  return ids.length > 0 ? reindexDueDates(db, week, ids) : 0;
}
