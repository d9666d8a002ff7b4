/**
 * What is due by a time: request steps (the 3B7 and after-meeting schedule,
 * utils/domain/follow-ups.ts) and open follow-through tasks. Reads requests
 * through the status index (only statuses whose next step has a date) and
 * tasks through the open-due index; only the people named are read.
 */
import type { WorkWeek } from '../domain/business-days';
import { dueBy } from '../domain/follow-ups';
import type { IntroStatus } from '../domain/intro-status';
import type { IntroRequest } from '../domain/schemas';
import type { IntrobookDB } from './app-db';
import { dueTasks } from './ledger';

/** Statuses whose next step has a due date. */
const STATUSES_WITH_DUE: IntroStatus[] = ['asked', 'introduced', 'meeting-scheduled', 'met', 'thanked'];

export type DueEntry =
  | { kind: 'request'; key: string; requestId: string; label: string; dueAt: number }
  | { kind: 'task'; key: string; taskId: string; personId: string; label: string; dueAt: number };

export async function dueUntil(db: IntrobookDB, week: WorkWeek, until: number, taskLimit = 50): Promise<DueEntry[]> {
  // One equality range per status: each is a single getAll (anyOf walks a cursor, several times slower).
  const [tasks, ...byStatus] = await Promise.all([dueTasks(db, until, taskLimit), ...STATUSES_WITH_DUE.map((s) => db.intros.where('status').equals(s).toArray())]);
  const live = byStatus.flat().filter((r) => r.deletedAt === null);
  const ids = Array.from(new Set([...live.flatMap((r) => [r.targetId, r.connectorId ?? r.targetId]), ...tasks.map((t) => t.personId)]));
  const people = new Map((await db.people.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const namesOf = (r: IntroRequest) => ({
    target: people.get(r.targetId)?.name ?? 'them',
    connector: r.connectorId ? (people.get(r.connectorId)?.name ?? 'your connector') : null,
  });
  const fromRequests: DueEntry[] = dueBy(live, namesOf, week, until).map((d) => ({ kind: 'request', key: `r-${d.requestId}`, requestId: d.requestId, label: d.label, dueAt: d.dueAt }));
  const fromTasks: DueEntry[] = tasks
    .filter((t) => t.deletedAt === null && people.get(t.personId)?.deletedAt === null)
    .map((t) => ({ kind: 'task', key: `t-${t.id}`, taskId: t.id, personId: t.personId, label: t.text, dueAt: t.dueAt ?? until }));
  return [...fromRequests, ...fromTasks].sort((a, b) => a.dueAt - b.dueAt);
}
