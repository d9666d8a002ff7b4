/**
 * Following through and paying it forward: dated tasks, the favour ledger,
 * introductions the user could make, and people suggested in a call becoming
 * people to follow up. Every write is validated, in one short transaction.
 */
import { splitName } from '../core/text';
import { atWorkingTime, type WorkWeek } from '../domain/business-days';
import {
  FOLLOW_THROUGH,
  favourSchema,
  introIdeaSchema,
  taskSchema,
  type Favour,
  type FavourDirection,
  type IntroIdea,
  type IntroIdeaStatus,
  type Task,
  type TaskKind,
} from '../domain/ledger';
import { blankUserFields, manualCapture, personSchema, type Person } from '../domain/schemas';
import type { IntrobookDB, StoredTask } from './app-db';
import { updateMeetingNotes } from './workspace';
import { formatDate, t } from '../i18n';
import { UserError } from '../core/user-error';

const DAY = 86_400_000;
const HOUR = 3_600_000;

// --- tasks -----------------------------------------------------------------------

export interface NewTask {
  personId: string;
  meetingId?: string | null;
  kind: TaskKind;
  text: string;
  dueAt: number | null;
}

function taskRow(input: NewTask, now: number): Task {
  return taskSchema.parse({
    id: crypto.randomUUID(),
    personId: input.personId,
    meetingId: input.meetingId ?? null,
    kind: input.kind,
    text: input.text,
    dueAt: input.dueAt,
    doneAt: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  } satisfies Task);
}

export async function addTask(db: IntrobookDB, input: NewTask, now = Date.now()): Promise<Task> {
  const task = taskRow(input, now);
  await db.tasks.add(task);
  return task;
}

async function changeTask(db: IntrobookDB, id: string, change: (t: Task) => Partial<Task>, now: number): Promise<Task> {
  return db.transaction('rw', db.tasks, async () => {
    const existing = await db.tasks.get(id);
    if (!existing || existing.deletedAt !== null) throw new UserError(t('dbErrors.taskGone'));
    // The store keeps the open-due index field (utils/db/app-db.ts DERIVED_FIELDS).
    const task = taskSchema.parse({ ...existing, ...change(existing), updatedAt: now });
    await db.tasks.put(task);
    return task;
  });
}

export function setTaskDone(db: IntrobookDB, id: string, done: boolean, now = Date.now()): Promise<Task> {
  return changeTask(db, id, () => ({ doneAt: done ? now : null }), now);
}

export function setTaskDue(db: IntrobookDB, id: string, dueAt: number | null, now = Date.now()): Promise<Task> {
  return changeTask(db, id, () => ({ dueAt }), now);
}

export function removeTask(db: IntrobookDB, id: string, now = Date.now()): Promise<Task> {
  return changeTask(db, id, () => ({ deletedAt: now }), now);
}

/** A person's live tasks: open ones first by due date, then done ones. */
export async function tasksForPerson(db: IntrobookDB, personId: string): Promise<Task[]> {
  const rows = (await db.tasks.where('personId').equals(personId).toArray()).filter((t) => t.deletedAt === null);
  return rows.sort((a, b) => Number(a.doneAt !== null) - Number(b.doneAt !== null) || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.createdAt - b.createdAt);
}

/** Open tasks due by `until`, soonest first (a range on the open-due index). */
export function dueTasks(db: IntrobookDB, until: number, limit = 50): Promise<StoredTask[]> {
  return db.tasks.where('openDueAt').belowOrEqual(until).limit(limit).toArray();
}

/** A meeting's live tasks, soonest due first. */
export async function tasksForMeeting(db: IntrobookDB, meetingId: string): Promise<Task[]> {
  const rows = (await db.tasks.where('meetingId').equals(meetingId).toArray()).filter((t) => t.deletedAt === null);
  return rows.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.createdAt - b.createdAt);
}

// --- after a call ------------------------------------------------------------------

export interface FollowThroughPlan {
  meetingId: string;
  person: Pick<Person, 'id' | 'name' | 'degree'>;
  /** When the call ended (or the meeting's end). */
  endedAt: number;
  /** A request tracks the thank-you (and the report to its connector): no separate task for those. */
  requestTracksThanks: boolean;
  /** The connector, for intro requests (a report-back reminder when no request tracks it). */
  connector: Pick<Person, 'id' | 'name'> | null;
  /** The user's working days and time zone: a task never falls due on a day off. */
  week: WorkWeek;
}

/**
 * The follow-through after a call, once per meeting (kinds already there are
 * left alone): thank within 24 hours (unless a request tracks it), connect on
 * LinkedIn within 48 hours (unless already connected), tell the connector how
 * it went, and later tell the person what came of their advice.
 */
export async function planFollowThrough(db: IntrobookDB, plan: FollowThroughPlan, now = Date.now()): Promise<Task[]> {
  const existing = new Set((await tasksForMeeting(db, plan.meetingId)).map((t) => t.kind));
  const first = splitName(plan.person.name).first ?? plan.person.name;
  const wanted: NewTask[] = [];
  const base = { personId: plan.person.id, meetingId: plan.meetingId };
  const after = (ms: number) => atWorkingTime(plan.endedAt + ms, plan.week);
  if (!plan.requestTracksThanks) {
    wanted.push({ ...base, kind: 'thank-you', text: t('tasks.sendThankYou', { name: first }), dueAt: after(FOLLOW_THROUGH.thankHours * HOUR) });
    if (plan.connector) {
      wanted.push({ personId: plan.connector.id, meetingId: plan.meetingId, kind: 'report-back', text: t('tasks.reportBack', { connector: plan.connector.name, name: plan.person.name }), dueAt: after(3 * DAY) });
    }
  }
  if (plan.person.degree !== 1) {
    wanted.push({ ...base, kind: 'connect', text: t('tasks.connect', { name: plan.person.name }), dueAt: after(FOLLOW_THROUGH.connectHours * HOUR) });
  }
  wanted.push({ ...base, kind: 'advice-update', text: t('tasks.adviceUpdate', { name: first }), dueAt: after(FOLLOW_THROUGH.adviceDays * DAY) });
  const rows = wanted.filter((t) => !existing.has(t.kind)).map((t) => taskRow(t, now));
  if (rows.length > 0) await db.tasks.bulkAdd(rows);
  return rows;
}

/**
 * The user acted on a piece of advice: record it, and bring the "tell them"
 * reminder forward to a couple of days from now.
 */
export async function markAdviceActedOn(db: IntrobookDB, meetingId: string, adviceId: string, acted: boolean, now = Date.now()): Promise<void> {
  await updateMeetingNotes(db, meetingId, (n) => ({ advice: n.advice.map((a) => (a.id === adviceId ? { ...a, actedOnAt: acted ? now : null } : a)) }), now);
  if (!acted) return;
  const task = (await tasksForMeeting(db, meetingId)).find((t) => t.kind === 'advice-update' && t.doneAt === null);
  const soon = now + FOLLOW_THROUGH.adviceActedDays * DAY;
  if (task && (task.dueAt === null || task.dueAt > soon)) await setTaskDue(db, task.id, soon, now);
}

/**
 * A name offered in the call ("who else should I talk to?") becomes a saved
 * person to follow up: a hand-made record (no profile link yet) with a note of
 * who suggested them, and a reminder to reach out within two weeks.
 */
export async function saveSuggestedPerson(
  db: IntrobookDB,
  input: { meetingId: string; suggestionId: string; name: string; note: string; suggestedBy: Pick<Person, 'name'> },
  now = Date.now(),
): Promise<Person> {
  const id = crypto.randomUUID();
  const split = splitName(input.name);
  const when = formatDate(now);
  const person = personSchema.parse({
    ...manualCapture(`urn:uuid:${id}`, input.name, 'user'),
    firstName: split.first,
    lastName: split.last,
    id,
    createdAt: now,
    updatedAt: now,
    capturedAt: now,
    deletedAt: null,
    ...blankUserFields(),
    notes: [t('tasks.suggestedByNote', { name: input.suggestedBy.name, date: when }), input.note].filter(Boolean).join(' '),
  });
  await db.transaction('rw', db.people, db.tasks, async () => {
    await db.people.add(person);
    await db.tasks.add(
      taskRow({ personId: person.id, meetingId: input.meetingId, kind: 'follow-up-suggested', text: t('tasks.reachOut', { name: person.name, suggestedBy: input.suggestedBy.name }), dueAt: now + FOLLOW_THROUGH.suggestedDays * DAY }, now),
    );
  });
  await updateMeetingNotes(db, input.meetingId, (n) => ({ suggestions: n.suggestions.map((s) => (s.id === input.suggestionId ? { ...s, personId: person.id } : s)) }), now);
  return person;
}

// --- favours -------------------------------------------------------------------------

export async function addFavour(db: IntrobookDB, input: { personId: string; direction: FavourDirection; text: string; at?: number }, now = Date.now()): Promise<Favour> {
  const favour = favourSchema.parse({
    id: crypto.randomUUID(),
    personId: input.personId,
    direction: input.direction,
    text: input.text,
    at: input.at ?? now,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  } satisfies Favour);
  await db.favours.add(favour);
  return favour;
}

export async function removeFavour(db: IntrobookDB, id: string, now = Date.now()): Promise<void> {
  await db.favours.update(id, { deletedAt: now, updatedAt: now });
}

export async function favoursForPerson(db: IntrobookDB, personId: string): Promise<Favour[]> {
  return (await db.favours.where('personId').equals(personId).toArray()).filter((f) => f.deletedAt === null).sort((a, b) => b.at - a.at);
}

// --- introductions the user could make ----------------------------------------------

export async function addIntroIdea(db: IntrobookDB, input: { aId: string; bId: string; reason: string }, now = Date.now()): Promise<IntroIdea> {
  if (input.aId === input.bId) throw new UserError(t('dbErrors.pickTwoPeople'));
  const [a, b] = await db.people.bulkGet([input.aId, input.bId]);
  if (!a || a.deletedAt !== null || !b || b.deletedAt !== null) throw new UserError(t('dbErrors.bothMustBeSaved'));
  const idea = introIdeaSchema.parse({ id: crypto.randomUUID(), ...input, status: 'idea', createdAt: now, updatedAt: now, deletedAt: null } satisfies IntroIdea);
  await db.introIdeas.add(idea);
  return idea;
}

/**
 * Move an intro along (idea → asked → introduced / declined, or dropped). When
 * it is made, both people get a "given" favour in the ledger.
 */
export async function setIntroIdeaStatus(db: IntrobookDB, id: string, status: IntroIdeaStatus, now = Date.now()): Promise<IntroIdea> {
  return db.transaction('rw', db.introIdeas, db.favours, db.people, async () => {
    const existing = await db.introIdeas.get(id);
    if (!existing || existing.deletedAt !== null) throw new UserError(t('dbErrors.introIdeaGone'));
    const idea = introIdeaSchema.parse({ ...existing, status, updatedAt: now });
    await db.introIdeas.put(idea);
    if (status === 'introduced' && existing.status !== 'introduced') {
      const [a, b] = await db.people.bulkGet([idea.aId, idea.bId]);
      for (const [who, other] of [
        [a, b],
        [b, a],
      ] as const) {
        if (who && other) await addFavour(db, { personId: who.id, direction: 'given', text: t('tasks.introducedThemTo', { name: other.name }) }, now);
      }
    }
    return idea;
  });
}

export async function removeIntroIdea(db: IntrobookDB, id: string, now = Date.now()): Promise<void> {
  await db.introIdeas.update(id, { deletedAt: now, updatedAt: now });
}

/** Ideas involving this person, either side (two indexed reads). */
export async function introIdeasFor(db: IntrobookDB, personId: string): Promise<IntroIdea[]> {
  const [asA, asB] = await Promise.all([db.introIdeas.where('aId').equals(personId).toArray(), db.introIdeas.where('bId').equals(personId).toArray()]);
  return [...asA, ...asB].filter((i) => i.deletedAt === null).sort((x, y) => y.updatedAt - x.updatedAt);
}
