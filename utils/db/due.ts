/**
 * What is due by a time — the one answer behind "Due today" (popup and side
 * panel), the toolbar badge and the reminder notifications: request steps
 * (the 3B7 and after-meeting schedule, utils/domain/follow-ups.ts) read by the
 * stored due-date index (`intros.dueAt`), and open follow-through tasks read
 * by theirs (`tasks.openDueAt`). Only the first rows of each range are read,
 * with their people, meetings and requests by key; the rest are counted.
 *
 * A task for a step a request already tracks (the thank-you or the report to
 * the connector after a meeting that came from a live request) is left out:
 * the request's own step says it.
 */
import type { WorkWeek } from '../domain/business-days';
import { dueBy } from '../domain/follow-ups';
import type { TaskKind } from '../domain/ledger';
import type { IntrobookDB, StoredRequest, StoredTask } from './app-db';
import { countDueBy, nextDueAfter, requestsDueBy, withPeople } from './intros';
import { dueTasks } from './ledger';

export type DueEntry =
  | { kind: 'request'; key: string; requestId: string; personId: string; label: string; dueAt: number }
  | { kind: 'task'; key: string; taskId: string; personId: string; label: string; dueAt: number };

export interface DueList {
  /** The longest overdue first, at most `limit`. */
  items: DueEntry[];
  /** How many are due in all (index counts, less those found not to count). */
  total: number;
}

/** The first due entries without counting the rest: `total` is known only when every due row was read. */
export interface DueFirst {
  items: DueEntry[];
  /** How many are due in all when the reads took every due row (fewer than `limit` of each kind); else null. */
  total: number | null;
  /** Rows read that turned out not to count (for a count of the rest). */
  uncounted: number;
}

/** Task kinds a request's own steps cover once a meeting came from it. */
const TRACKED_BY_REQUEST: ReadonlySet<TaskKind> = new Set(['thank-you', 'report-back']);

/** Open tasks due by `until` that count: their person is live, and no live request tracks the same step. */
async function countingTasks(db: IntrobookDB, tasks: StoredTask[]): Promise<StoredTask[]> {
  if (tasks.length === 0) return tasks;
  const people = await db.people.bulkGet(Array.from(new Set(tasks.map((t) => t.personId))));
  const live = new Set(people.flatMap((p) => (p && p.deletedAt === null ? [p.id] : [])));
  const meetingIds = Array.from(new Set(tasks.flatMap((t) => (TRACKED_BY_REQUEST.has(t.kind) && t.meetingId ? [t.meetingId] : []))));
  const tracked = new Set<string>();
  if (meetingIds.length > 0) {
    const meetings = (await db.meetings.bulkGet(meetingIds)).filter((m) => m !== undefined && m.requestId !== null);
    const requests = await db.intros.bulkGet(meetings.map((m) => m!.requestId!));
    meetings.forEach((m, i) => {
      if (requests[i] && requests[i].deletedAt === null) tracked.add(m!.id);
    });
  }
  return tasks.filter((t) => t.deletedAt === null && live.has(t.personId) && !(TRACKED_BY_REQUEST.has(t.kind) && t.meetingId && tracked.has(t.meetingId)));
}

/** Due entries from rows already read: request steps recomputed in `week` (with their people and meetings), tasks that count. */
async function entriesOf(db: IntrobookDB, week: WorkWeek, until: number, requestRows: StoredRequest[], taskRows: StoredTask[]) {
  const { requests, namesOf, meetings } = await withPeople(db, requestRows);
  const steps = dueBy(requests, namesOf, week, until, (r) => meetings.get(r.id));
  const targets = new Map(requests.map((r) => [r.id, r.targetId]));
  const tasks = await countingTasks(db, taskRows);
  const items: DueEntry[] = [
    ...steps.map((d): DueEntry => ({ kind: 'request', key: `r-${d.requestId}`, requestId: d.requestId, personId: targets.get(d.requestId)!, label: d.label, dueAt: d.dueAt })),
    ...tasks.map((t): DueEntry => ({ kind: 'task', key: `t-${t.id}`, taskId: t.id, personId: t.personId, label: t.text, dueAt: t.dueAt ?? until })),
  ].sort((a, b) => a.dueAt - b.dueAt);
  return { items, uncounted: requestRows.length - steps.length + taskRows.length - tasks.length };
}

/**
 * The first `limit` entries due by `until`, in `week`, read by the due-date indexes with no count
 * of the rest: an index count walks every due key (14 ms for 2,000 due requests at 50,000 people,
 * and IndexedDB runs one origin's requests in turn, so every read behind it waits too). "Due
 * today" paints these first and asks for the count after (`dueUntil`).
 */
export async function dueFirst(db: IntrobookDB, week: WorkWeek, until: number, limit = 20): Promise<DueFirst> {
  const [requestRows, taskRows] = await Promise.all([requestsDueBy(db, until, limit), dueTasks(db, until, limit)]);
  const { items, uncounted } = await entriesOf(db, week, until, requestRows, taskRows);
  const complete = requestRows.length < limit && taskRows.length < limit;
  return { items: items.slice(0, limit), total: complete ? items.length : null, uncounted };
}

/**
 * Everything due by `until`, in `week` (the user's working week: request due
 * dates are recomputed in it for display, with the meetings they hang on).
 */
export async function dueUntil(db: IntrobookDB, week: WorkWeek, until: number, limit = 20): Promise<DueList> {
  const [first, requestCount, taskCount] = await Promise.all([
    dueFirst(db, week, until, limit),
    countDueBy(db, until),
    db.tasks.where('openDueAt').belowOrEqual(until).count(),
  ]);
  const total = requestCount + taskCount - first.uncounted;
  return { items: first.items, total: Math.max(total, first.items.length) };
}

/** What is due by `until` as index keys only (no rows read): `[id, stored due date]` of requests and of open tasks, at most `limit` of each, longest overdue first. */
export async function dueKeys(db: IntrobookDB, until: number, limit: number): Promise<{ requests: [string, number][]; tasks: [string, number][]; complete: boolean }> {
  const pairs = async (index: 'dueAt' | 'openDueAt', table: IntrobookDB['intros'] | IntrobookDB['tasks']): Promise<[string, number][]> => {
    const range = () => (table as IntrobookDB['intros']).where(index).belowOrEqual(until).limit(limit);
    const [keys, ids] = await Promise.all([range().keys(), range().primaryKeys()]);
    return ids.map((id, i) => [id as string, keys[i] as number]);
  };
  const [requests, tasks] = await Promise.all([pairs('dueAt', db.intros), pairs('openDueAt', db.tasks)]);
  return { requests, tasks, complete: requests.length < limit && tasks.length < limit };
}

/** The due entries of these requests and tasks (read by key), as `dueUntil` lists them; those not due or not counting are left out. */
export async function dueEntriesFor(db: IntrobookDB, week: WorkWeek, until: number, requestIds: readonly string[], taskIds: readonly string[]): Promise<DueEntry[]> {
  const [requests, tasks] = await Promise.all([
    requestIds.length > 0 ? db.intros.bulkGet([...requestIds]) : Promise.resolve([]),
    taskIds.length > 0 ? db.tasks.bulkGet([...taskIds]) : Promise.resolve([]),
  ]);
  const requestRows = (requests as (StoredRequest | undefined)[]).filter((r): r is StoredRequest => r !== undefined && typeof r.dueAt === 'number' && r.dueAt <= until);
  const taskRows = (tasks as (StoredTask | undefined)[]).filter((t): t is StoredTask => t !== undefined && typeof t.openDueAt === 'number' && t.openDueAt <= until);
  return (await entriesOf(db, week, until, requestRows, taskRows)).items;
}

/** The soonest moment after `after` when something falls due (a request step or an open task), or null. */
export async function nextDueAt(db: IntrobookDB, after: number): Promise<number | null> {
  const [request, task] = await Promise.all([nextDueAfter(db, after), db.tasks.where('openDueAt').above(after).first()]);
  const times = [request, task?.openDueAt].filter((t): t is number => typeof t === 'number');
  return times.length > 0 ? Math.min(...times) : null;
}
