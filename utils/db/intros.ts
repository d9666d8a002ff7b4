/**
 * Introduction requests: the only code that writes the `intros` table.
 * Status changes go through the state machine and are validated before the write.
 */
import { transition, undoLast, type IntroStatus } from '../domain/intro-status';
import type { Names } from '../domain/follow-ups';
import { introRequestSchema, type IntroRequest, type Person } from '../domain/schemas';
import type { IntrobookDB } from './app-db';

export interface NewRequest {
  kind: IntroRequest['kind'];
  targetId: string;
  connectorId: string | null;
  subject?: string;
  message?: string;
  blurb?: string;
  templateId?: string | null;
}

export async function createRequest(db: IntrobookDB, input: NewRequest, now = Date.now()): Promise<IntroRequest> {
  if (input.kind === 'intro' && !input.connectorId) throw new Error('An intro request needs a connector.');
  if (input.connectorId === input.targetId) throw new Error('The connector and the person to meet must differ.');
  const request = introRequestSchema.parse({
    id: crypto.randomUUID(),
    kind: input.kind,
    targetId: input.targetId,
    connectorId: input.kind === 'intro' ? input.connectorId : null,
    status: 'draft',
    history: [{ from: null, to: 'draft', at: now, note: '', correction: false }],
    subject: input.subject ?? '',
    message: input.message ?? '',
    blurb: input.blurb ?? '',
    templateId: input.templateId ?? null,
    channel: null,
    followUps: [],
    dueOverride: null,
    meetingAt: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  } satisfies IntroRequest);
  await db.intros.add(request);
  return request;
}

/** Read, change and validate one request in a single transaction. */
async function update(db: IntrobookDB, id: string, change: (r: IntroRequest) => IntroRequest, now: number): Promise<IntroRequest> {
  return db.transaction('rw', db.intros, async () => {
    const existing = await db.intros.get(id);
    if (!existing || existing.deletedAt !== null) throw new Error('This request no longer exists.');
    const next = introRequestSchema.parse({ ...change(existing), updatedAt: now });
    await db.intros.put(next);
    return next;
  });
}

export function saveDraft(
  db: IntrobookDB,
  id: string,
  draft: Partial<Pick<IntroRequest, 'subject' | 'message' | 'blurb' | 'templateId'>>,
  now = Date.now(),
): Promise<IntroRequest> {
  return update(db, id, (r) => ({ ...r, ...draft }), now);
}

/** The user sent the ask (copied, emailed or opened LinkedIn): it is "asked" from now. */
export function markSent(db: IntrobookDB, id: string, channel: NonNullable<IntroRequest['channel']>, now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => ({ ...transition(r, 'asked', now, `Sent by ${channel}`), channel, dueOverride: null }), now);
}

export function moveRequest(db: IntrobookDB, id: string, to: IntroStatus, note = '', now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => ({ ...transition(r, to, now, note), dueOverride: null }), now);
}

export function undoLastStep(db: IntrobookDB, id: string, now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => ({ ...undoLast(r, now), dueOverride: null }), now);
}

/** A nudge or last follow-up went out: the next one (if any) counts from the original ask. */
export function recordFollowUp(db: IntrobookDB, id: string, now = Date.now()): Promise<IntroRequest> {
  return update(
    db,
    id,
    (r) => {
      if (r.status !== 'asked') throw new Error('Follow-ups are for requests waiting on a reply.');
      return { ...r, followUps: [...r.followUps, now], dueOverride: null };
    },
    now,
  );
}

/** The user's own date for the next step (null: back to the schedule). */
export function setDue(db: IntrobookDB, id: string, dueAt: number | null, now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => ({ ...r, dueOverride: dueAt }), now);
}

export function setMeetingTime(db: IntrobookDB, id: string, meetingAt: number | null, now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => ({ ...r, meetingAt }), now);
}

export function removeRequest(db: IntrobookDB, id: string, now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => ({ ...r, deletedAt: now }), now);
}

export async function listRequests(db: IntrobookDB): Promise<IntroRequest[]> {
  const all = await db.intros.orderBy('updatedAt').reverse().toArray();
  return all.filter((r) => r.deletedAt === null);
}

export interface RequestsWithPeople {
  requests: IntroRequest[];
  people: Map<string, Person>;
  /** The names a request's next step speaks of. */
  namesOf: (request: IntroRequest) => Names;
}

/** Live requests with the people they name, read in one go (board, "Due today", reminders). */
export async function loadRequestsWithPeople(db: IntrobookDB): Promise<RequestsWithPeople> {
  const requests = await listRequests(db);
  const ids = Array.from(new Set(requests.flatMap((r) => [r.targetId, ...(r.connectorId ? [r.connectorId] : [])])));
  const people = new Map((await db.people.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const namesOf = (r: IntroRequest): Names => ({
    target: people.get(r.targetId)?.name ?? 'them',
    connector: r.connectorId ? (people.get(r.connectorId)?.name ?? 'your connector') : null,
  });
  return { requests, people, namesOf };
}
