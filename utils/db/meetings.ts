/**
 * Meetings: the only code that writes the `meetings` table. A meeting belongs
 * to one saved person and, when a request led to it, to that request — whose
 * stored due date follows the meeting (the thank-you falls due after it), so
 * every change here recomputes it. Moving a request's meeting as a step of
 * the request (a history entry, undoable) is `changeMeeting` in intros.ts;
 * `editMeeting` there picks the right one.
 */
import { DEFAULT_MEETING_MINUTES, meetingSchema, type Meeting, type MeetingChannel } from '../domain/schemas';
import type { IntrobookDB } from './app-db';
import { currentWeek, reindexDueDates } from './due-index';
import { t } from '../i18n';
import { UserError } from '../core/user-error';

/** The request a meeting came from has its due date stored: recompute it. */
async function reindexRequestOf(db: IntrobookDB, meeting: Pick<Meeting, 'requestId'>): Promise<void> {
  if (meeting.requestId) await reindexDueDates(db, await currentWeek(), [meeting.requestId]);
}

export interface MeetingInput {
  personId: string;
  requestId?: string | null;
  startsAt: number;
  durationMin?: number;
  channel?: MeetingChannel;
  link?: string;
}

/** When a meeting ends (its start plus its planned length). */
export function meetingEndsAt(meeting: Pick<Meeting, 'startsAt' | 'durationMin'>): number {
  return meeting.startsAt + meeting.durationMin * 60_000;
}

/** The channel a call link points at; 'other' when it is none of the three. */
export function channelOfLink(link: string): MeetingChannel {
  let host = '';
  try {
    host = new URL(link).hostname;
  } catch {
    return 'other';
  }
  if (host === 'meet.google.com') return 'meet';
  if (host === 'zoom.us' || host.endsWith('.zoom.us')) return 'zoom';
  if (/(?:^|\.)teams\.(?:microsoft\.com|live\.com|cloud\.microsoft)$/.test(host)) return 'teams';
  return 'other';
}

export async function scheduleMeeting(db: IntrobookDB, input: MeetingInput, now = Date.now()): Promise<Meeting> {
  const link = input.link?.trim() ?? '';
  const meeting = meetingSchema.parse({
    id: crypto.randomUUID(),
    personId: input.personId,
    requestId: input.requestId ?? null,
    startsAt: input.startsAt,
    durationMin: input.durationMin ?? DEFAULT_MEETING_MINUTES,
    channel: input.channel ?? (link ? channelOfLink(link) : 'other'),
    link,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  } satisfies Meeting);
  await db.meetings.add(meeting);
  await reindexRequestOf(db, meeting);
  return meeting;
}

export type MeetingEdit = Partial<Pick<Meeting, 'startsAt' | 'durationMin' | 'channel' | 'link'>>;

export async function updateMeeting(db: IntrobookDB, id: string, edit: MeetingEdit, now = Date.now()): Promise<Meeting> {
  const meeting = await db.transaction('rw', db.meetings, async () => {
    const existing = await db.meetings.get(id);
    if (!existing || existing.deletedAt !== null) throw new UserError(t('dbErrors.meetingGone'));
    const next = meetingSchema.parse({ ...existing, ...edit, updatedAt: now });
    await db.meetings.put(next);
    return next;
  });
  await reindexRequestOf(db, meeting);
  return meeting;
}

/** Soft delete, like every synced row. */
export async function cancelMeeting(db: IntrobookDB, id: string, now = Date.now()): Promise<void> {
  await db.meetings.update(id, { deletedAt: now, updatedAt: now });
  const meeting = await db.meetings.get(id);
  if (meeting) await reindexRequestOf(db, meeting);
}

/** Undo a cancel: the meeting is back, and its request's due date follows it again. */
export async function restoreMeeting(db: IntrobookDB, id: string, now = Date.now()): Promise<void> {
  await db.meetings.update(id, { deletedAt: null, updatedAt: now });
  const meeting = await db.meetings.get(id);
  if (meeting) await reindexRequestOf(db, meeting);
}

export async function getMeeting(db: IntrobookDB, id: string): Promise<Meeting | undefined> {
  const meeting = await db.meetings.get(id);
  return meeting && meeting.deletedAt === null ? meeting : undefined;
}

/** A person's meetings, soonest first (by index: reads only theirs). */
export async function meetingsForPerson(db: IntrobookDB, personId: string): Promise<Meeting[]> {
  const rows = await db.meetings.where('personId').equals(personId).toArray();
  return rows.filter((m) => m.deletedAt === null).sort((a, b) => a.startsAt - b.startsAt);
}

/** The live meeting a request led to (the latest scheduled, if it was moved). */
export async function meetingForRequest(db: IntrobookDB, requestId: string): Promise<Meeting | undefined> {
  const rows = await db.meetings.where('requestId').equals(requestId).toArray();
  return rows.filter((m) => m.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/** Meetings still to come or under way at `from`, soonest first, at most `limit` (an indexed range). */
export async function upcomingMeetings(db: IntrobookDB, from: number, limit = 20): Promise<Meeting[]> {
  // A meeting under way started at most its length ago; 10 hours bounds any meeting.
  return db.meetings
    .where('startsAt')
    .aboveOrEqual(from - 600 * 60_000)
    .filter((m) => m.deletedAt === null && meetingEndsAt(m) > from)
    .limit(limit)
    .toArray();
}
