/**
 * Introduction requests: the only code that writes the `intros` table. Every
 * user action goes through a pure function in utils/domain/request-actions.ts
 * (one history entry each), is validated, and is stored with its derived
 * index fields (the live status and the next step's due date) in one
 * transaction. Views read through the indexed queries at the end.
 */
import type { WorkWeek } from '../domain/business-days';
import type { Names } from '../domain/follow-ups';
import { isOpen, STATUSES, type IntroStatus } from '../domain/intro-status';
import { changeDue, changeStatus, pendingMessageStep, recordMeetingChange, recordSend, undoLastEntry, type Undone } from '../domain/request-actions';
import {
  DEFAULT_MEETING_MINUTES,
  introRequestSchema,
  meetingSchema,
  type Channel,
  type IntroRequest,
  type Meeting,
  type MeetingChannel,
  type MessageStep,
  type Person,
  type SentMessage,
} from '../domain/schemas';
import type { IntrobookDB, StoredRequest } from './app-db';
import { currentWeek, meetingTimeOf, withIndexFields } from './due-index';
import { channelOfLink, updateMeeting } from './meetings';
import { rowsWhereAnyOf } from './ranges';
import { t } from '../i18n';
import { UserError } from '../core/user-error';

export interface NewRequest {
  kind: IntroRequest['kind'];
  targetId: string;
  connectorId: string | null;
  subject?: string;
  message?: string;
  blurb?: string;
  templateId?: string | null;
}

async function livePerson(db: IntrobookDB, id: string): Promise<Person> {
  const p = await db.people.get(id);
  if (!p || p.deletedAt !== null) throw new UserError(t('dbErrors.personGone'));
  return p;
}

/**
 * Save a new request (a draft). The side panel calls this only once the user
 * has done something with a draft: an untouched draft is never stored.
 */
export async function createRequest(db: IntrobookDB, input: NewRequest, now = Date.now()): Promise<IntroRequest> {
  if (input.kind === 'intro' && !input.connectorId) throw new UserError(t('dbErrors.introNeedsConnector'));
  if (input.kind === 'intro' && input.connectorId === input.targetId) throw new UserError(t('dbErrors.connectorIsTarget'));
  const week = await currentWeek();
  return db.transaction('rw', db.intros, db.people, db.meetings, async () => {
    await livePerson(db, input.targetId);
    if (input.kind === 'intro') await livePerson(db, input.connectorId!);
    const request = introRequestSchema.parse({
      id: crypto.randomUUID(),
      kind: input.kind,
      targetId: input.targetId,
      connectorId: input.kind === 'intro' ? input.connectorId : null,
      status: 'draft',
      history: [{ from: null, to: 'draft', at: now, note: '', correction: false, action: 'status' }],
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
    await db.intros.add(await withIndexFields(db, request, week));
    return request;
  });
}

/** Read, change and validate one request in a single transaction (meetings too, for due dates that follow one). */
async function update(
  db: IntrobookDB,
  id: string,
  change: (r: IntroRequest) => IntroRequest | Promise<IntroRequest>,
  now: number,
  options: { allowDeleted?: boolean } = {},
): Promise<IntroRequest> {
  const week = await currentWeek();
  return db.transaction('rw', db.intros, db.meetings, async () => {
    const existing = await db.intros.get(id);
    if (!existing || (existing.deletedAt !== null && !options.allowDeleted)) throw new UserError(t('dbErrors.requestGone'));
    const next = introRequestSchema.parse({ ...(await change(introRequestSchema.parse(existing))), updatedAt: now });
    await db.intros.put(await withIndexFields(db, next, week));
    return next;
  });
}

export function saveDraft(
  db: IntrobookDB,
  id: string,
  draft: Partial<Pick<IntroRequest, 'subject' | 'message' | 'blurb' | 'templateId'>>,
  now = Date.now(),
): Promise<IntroRequest> {
  return update(
    db,
    id,
    (r) => {
      if (r.status !== 'draft') throw new UserError(t('dbErrors.onlyDraftEditable'));
      return { ...r, ...draft };
    },
    now,
  );
}

export interface Sent {
  channel: Channel;
  /** Who it went to, by name. */
  to: string;
  subject: string;
  body: string;
  blurb?: string;
}

/**
 * The user sent the message the request was waiting for (the ask, a nudge, the
 * last follow-up, the reply to the introduction, the thank-you, the report
 * back), with its exact text — or another way (`sent` null). One history entry.
 */
export function recordMessage(db: IntrobookDB, id: string, step: MessageStep, sent: Sent | null, now = Date.now(), note = ''): Promise<IntroRequest> {
  const message: Omit<SentMessage, 'step'> | null = sent ? { channel: sent.channel, to: sent.to, subject: sent.subject, body: sent.body, blurb: sent.blurb ?? '' } : null;
  return update(
    db,
    id,
    (r) => {
      const next = recordSend(r, step, message, now, note);
      // The ask's text becomes the request's own (as sent).
      return step === 'ask' && sent ? { ...next, subject: sent.subject, message: sent.body, blurb: sent.blurb ?? '' } : next;
    },
    now,
  );
}

/** The ask went out as the stored draft says (kept for callers that do not pass the text). */
export function markSent(db: IntrobookDB, id: string, channel: Channel, now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => recordSend(r, 'ask', { channel, to: '', subject: r.subject, body: r.message, blurb: r.blurb }, now), now);
}

/** A nudge or last follow-up went out another way (no text kept). */
export function recordFollowUp(db: IntrobookDB, id: string, now = Date.now()): Promise<IntroRequest> {
  return update(
    db,
    id,
    (r) => {
      const step = pendingMessageStep(r);
      if (r.status !== 'asked' || (step !== 'nudge' && step !== 'last-follow-up')) throw new UserError(t('dbErrors.followUpsWhileWaiting'));
      return recordSend(r, step, null, now);
    },
    now,
  );
}

export function moveRequest(db: IntrobookDB, id: string, to: IntroStatus, note = '', now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => changeStatus(r, to, now, note), now);
}

export interface MeetingDetails {
  startsAt: number;
  durationMin?: number;
  link?: string;
  channel?: MeetingChannel;
}

/**
 * "Meeting scheduled": the meeting (person, this request, start, length, link)
 * and the status change, in one transaction and one history entry. Undo
 * cancels the meeting.
 */
export async function scheduleMeetingStep(db: IntrobookDB, id: string, details: MeetingDetails, note = '', now = Date.now()): Promise<{ request: IntroRequest; meeting: Meeting }> {
  let meeting: Meeting | undefined;
  const request = await update(
    db,
    id,
    async (r) => {
      const link = details.link?.trim() ?? '';
      meeting = {
        id: crypto.randomUUID(),
        personId: r.targetId,
        requestId: r.id,
        startsAt: details.startsAt,
        durationMin: details.durationMin ?? DEFAULT_MEETING_MINUTES,
        channel: details.channel ?? (link ? channelOfLink(link) : 'other'),
        link,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      const next = changeStatus(r, 'meeting-scheduled', now, note, { id: meeting.id, before: null });
      await db.meetings.add(meetingSchema.parse(meeting));
      return next;
    },
    now,
  );
  return { request, meeting: meeting! };
}

/** Move the meeting a request led to (date, time, length, link): one history entry, undoable. */
export async function changeMeeting(
  db: IntrobookDB,
  id: string,
  meetingId: string,
  edit: Partial<Pick<Meeting, 'startsAt' | 'durationMin' | 'link' | 'channel'>>,
  now = Date.now(),
): Promise<IntroRequest> {
  return update(
    db,
    id,
    async (r) => {
      const meeting = await db.meetings.get(meetingId);
      if (!meeting || meeting.deletedAt !== null || meeting.requestId !== r.id) throw new UserError(t('dbErrors.meetingGone'));
      const link = edit.link?.trim() ?? meeting.link;
      const next = meetingSchema.parse({ ...meeting, ...edit, link, channel: edit.channel ?? (edit.link !== undefined ? channelOfLink(link) : meeting.channel), updatedAt: now });
      await db.meetings.put(next);
      const { startsAt, durationMin, channel } = meeting;
      return recordMeetingChange(r, meetingId, { startsAt, durationMin, link: meeting.link, channel }, now);
    },
    now,
  );
}

/**
 * Change a meeting's details wherever it is shown (the request's page, the
 * meeting's prep sheet): a meeting that came from a live request moves as a
 * step of that request (one history entry, undoable, its due date follows);
 * any other meeting is just updated.
 */
export async function editMeeting(
  db: IntrobookDB,
  meetingId: string,
  edit: Partial<Pick<Meeting, 'startsAt' | 'durationMin' | 'link' | 'channel'>>,
  now = Date.now(),
): Promise<Meeting> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting || meeting.deletedAt !== null) throw new UserError(t('dbErrors.meetingGone'));
  const request = meeting.requestId ? await db.intros.get(meeting.requestId) : undefined;
  if (!request || request.deletedAt !== null) return updateMeeting(db, meetingId, edit, now);
  await changeMeeting(db, request.id, meetingId, edit, now);
  return (await db.meetings.get(meetingId))!;
}

/** Reverse exactly the last history entry (a send, a nudge, a due date, a status, a meeting). */
export async function undoLastStep(db: IntrobookDB, id: string, now = Date.now(), expected?: number): Promise<IntroRequest> {
  let undone: Undone | undefined;
  return update(
    db,
    id,
    async (r) => {
      undone = undoLastEntry(r, now, expected);
      const m = undone.meeting;
      if (m) {
        const meeting = await db.meetings.get(m.id);
        if (meeting) {
          await db.meetings.put(
            m.before === null ? { ...meeting, deletedAt: now, updatedAt: now } : { ...meeting, ...m.before, updatedAt: now },
          );
        }
      }
      return undone.request;
    },
    now,
  );
}

/** The user's own date for the next step (null: back to the schedule). One history entry. */
export function setDue(db: IntrobookDB, id: string, dueAt: number | null, now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => changeDue(r, dueAt, now), now);
}

/** Delete a request (a soft delete: the row stays as a tombstone for sync). Undo with `restoreRequest`. */
export function removeRequest(db: IntrobookDB, id: string, now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => ({ ...r, deletedAt: now }), now);
}

/** Undo a delete. */
export function restoreRequest(db: IntrobookDB, id: string, now = Date.now()): Promise<IntroRequest> {
  return update(db, id, (r) => ({ ...r, deletedAt: null }), now, { allowDeleted: true });
}

// --- Reads: by index, only what a view shows -------------------------------------------

/** Statuses shown open on the board; the rest fold away. */
export const FOLDED_STATUSES: readonly IntroStatus[] = ['declined', 'withdrawn', 'closed-loop'];
export const BOARD_STATUSES: readonly IntroStatus[] = STATUSES.filter((s) => !FOLDED_STATUSES.includes(s));

/** Live requests in these statuses (the status index; deleted rows are not in it). */
export async function requestsInStatuses(db: IntrobookDB, statuses: readonly IntroStatus[]): Promise<IntroRequest[]> {
  const rows = await rowsWhereAnyOf(db.intros, 'liveStatus', statuses);
  return rows.sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * What the requests board reads before its first paint: every live request in
 * `statuses` (by the status index, newest first) and the people and meetings
 * of each column's first `page` only (by key).
 */
export async function boardFirstRead(db: IntrobookDB, statuses: readonly IntroStatus[], page: number): Promise<{ requests: IntroRequest[]; first: RequestsWithPeople }> {
  const requests = await requestsInStatuses(db, statuses);
  const firstPages = statuses.flatMap((s) => requests.filter((r) => r.status === s).slice(0, page));
  return { requests, first: await withPeople(db, firstPages) };
}

/** How many live requests each status holds (index counts, no rows read). */
export async function countByStatus(db: IntrobookDB, statuses: readonly IntroStatus[]): Promise<Record<string, number>> {
  const counts = await Promise.all(statuses.map((s) => db.intros.where('liveStatus').equals(s).count()));
  return Object.fromEntries(statuses.map((s, i) => [s, counts[i]!]));
}

/** Live requests whose next step falls due by `until`, longest overdue first, at most `limit` (stored due dates; the caller recomputes for display). */
export async function requestsDueBy(db: IntrobookDB, until: number, limit = 500): Promise<StoredRequest[]> {
  return (await db.intros.where('dueAt').belowOrEqual(until).limit(limit).toArray()) as StoredRequest[];
}

/** How many live requests are due by `until` (an index count, no rows read). */
export function countDueBy(db: IntrobookDB, until: number): Promise<number> {
  return db.intros.where('dueAt').belowOrEqual(until).count();
}

/** The soonest due date after `after`, or null. */
export async function nextDueAfter(db: IntrobookDB, after: number): Promise<number | null> {
  const row = (await db.intros.where('dueAt').above(after).first()) as StoredRequest | undefined;
  return row?.dueAt ?? null;
}

/** Live requests to meet this person, newest first. */
export async function requestsForTarget(db: IntrobookDB, targetId: string): Promise<IntroRequest[]> {
  const rows = await db.intros.where('targetId').equals(targetId).toArray();
  return rows.filter((r) => r.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt);
}

export interface RequestsWithPeople {
  requests: IntroRequest[];
  people: Map<string, Person>;
  /** The meeting each request in a meeting status led to. */
  meetings: Map<string, Meeting>;
  /** The names a request's next step speaks of. */
  namesOf: (request: IntroRequest) => Names;
}

/** The people and meetings these requests name, read by key. */
export async function withPeople(db: IntrobookDB, requests: IntroRequest[]): Promise<RequestsWithPeople> {
  const ids = Array.from(new Set(requests.flatMap((r) => [r.targetId, ...(r.connectorId ? [r.connectorId] : [])])));
  const people = new Map((await db.people.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const meetingIds = requests.filter((r) => r.status === 'meeting-scheduled' || r.status === 'met').map((r) => r.id);
  const meetings = new Map<string, Meeting>();
  if (meetingIds.length > 0) {
    const rows = await rowsWhereAnyOf(db.meetings, 'requestId', meetingIds);
    for (const m of rows.filter((m) => m.deletedAt === null).sort((a, b) => a.updatedAt - b.updatedAt)) meetings.set(m.requestId!, m);
  }
  const namesOf = (r: IntroRequest): Names => ({
    target: people.get(r.targetId)?.name ?? t('dbErrors.them'),
    connector: r.connectorId ? (people.get(r.connectorId)?.name ?? t('dbErrors.yourConnector')) : null,
  });
  return { requests, people, meetings, namesOf };
}

/** A request and everything its page shows: the two people and its meeting. */
export async function loadRequest(db: IntrobookDB, id: string) {
  const request = await db.intros.get(id);
  if (!request) return null;
  const [target, connector] = await db.people.bulkGet([request.targetId, request.connectorId ?? request.targetId]);
  const meeting = await meetingTimeOf(db, request);
  return { request, target, connector: request.connectorId ? connector : undefined, meeting };
}

/** Whether a request still has something to do or wait for. */
export const isLive = (r: IntroRequest) => r.deletedAt === null && isOpen(r);

export type { WorkWeek };
