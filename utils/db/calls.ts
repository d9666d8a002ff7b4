/**
 * The store's side of live calls: gather what matching needs from indexes,
 * remember the user's answer per call link, find or create the meeting a
 * call's notes belong to, and close the call (the request moves to "met").
 */
import { canMove, type IntroStatus } from '../domain/intro-status';
import { callLinkSchema } from '../domain/ledger';
import type { Meeting, MeetingChannel } from '../domain/schemas';
import { callKeyOfLink } from '../meeting/call-key';
import { titleNameRuns, type MatchEvidence, type PersonLike } from '../meeting/match';
import type { CallSite } from '../meeting/types';
import type { IntrobookDB } from './app-db';
import { changeMeeting, moveRequest } from './intros';
import { getMeeting, meetingForRequest, meetingsForPerson, scheduleMeeting } from './meetings';
import { peopleNamed } from './search';
import { getPerson } from './people';
import { updateMeetingNotes } from './workspace';
import { t } from '../i18n';

const HOUR = 3_600_000;
/** A scheduled meeting counts as this call when it starts within this window of now. */
const SCHEDULE_WINDOW_MS = 12 * HOUR;
/** "A meeting with them is due about now." */
const SOON_MS = 1 * HOUR;

export interface CallFacts {
  key: string | null;
  title: string | null;
  participants: readonly string[];
  self: string | null;
}

const asPerson = (p: { id: string; name: string }): PersonLike => ({ id: p.id, name: p.name });

/** Everything rankMatches() weighs, read through indexes only. */
export async function gatherEvidence(db: IntrobookDB, call: CallFacts, userName: string, at: number): Promise<MatchEvidence> {
  const nearby = (await db.meetings.where('startsAt').between(at - SCHEDULE_WINDOW_MS, at + SCHEDULE_WINDOW_MS, true, true).toArray()).filter(
    (m) => m.deletedAt === null,
  );
  const scheduledMeetings = call.key ? nearby.filter((m) => callKeyOfLink(m.link) === call.key) : [];
  const scheduled: MatchEvidence['scheduled'] = [];
  for (const m of scheduledMeetings.sort((a, b) => Math.abs(a.startsAt - at) - Math.abs(b.startsAt - at))) {
    const person = await getPerson(db, m.personId);
    if (person) scheduled.push({ person: asPerson(person), meetingId: m.id, distanceMs: Math.abs(m.startsAt - at) });
  }
  let remembered: MatchEvidence['remembered'] = null;
  if (call.key) {
    const choice = await db.callLinks.get(call.key);
    const person = choice && choice.deletedAt === null ? await getPerson(db, choice.personId) : undefined;
    if (choice && person) remembered = { person: asPerson(person), meetingId: choice.meetingId };
  }
  const byParticipant: MatchEvidence['byParticipant'] = [];
  for (const participant of call.participants.slice(0, 20)) {
    byParticipant.push({ participant, people: (await peopleNamed(db, participant, 10)).map(asPerson) });
  }
  const byTitle = new Map<string, PersonLike>();
  for (const run of titleNameRuns(call.title).slice(0, 24)) {
    for (const p of await peopleNamed(db, run, 5)) if (p.name.split(/\s+/).length === run.split(' ').length) byTitle.set(p.id, asPerson(p));
  }
  const soon = new Set(nearby.filter((m) => Math.abs(m.startsAt - at) <= SOON_MS).map((m) => m.personId));
  return { scheduled, remembered, byParticipant, byTitle: [...byTitle.values()], soon, selfNames: [userName, call.self] };
}

/** Remember who the call at this link was with (the user picked them). */
export async function rememberCallChoice(db: IntrobookDB, key: string, personId: string, meetingId: string | null, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.callLinks, async () => {
    const before = await db.callLinks.get(key);
    await db.callLinks.put(callLinkSchema.parse({ id: key, personId, meetingId, createdAt: before?.createdAt ?? now, updatedAt: now, deletedAt: null }));
  });
}

const CHANNEL: Record<CallSite, MeetingChannel> = { meet: 'meet', zoom: 'zoom', teams: 'teams' };

/**
 * The meeting a call with this person is:
 * 1. the given one (a scheduled meeting matched by link, or the one
 *    remembered for this link) when it is this person's and within 12 hours
 *    of the call — a recurring link's meeting of last month is not this call;
 * 2. else theirs nearest in time, within 12 hours;
 * 3. else, when exactly one of their requests is waiting in "meeting
 *    scheduled" and its meeting has no call link or this call's: that request's meeting (made by its "Meeting scheduled"
 *    step), held at another time than planned — moved to now as a step of the
 *    request (history, undo, due dates follow) — or, when it has none (a
 *    request from before meetings were rows), a new one tied to it;
 * 4. else a new meeting starting now on this site.
 */
export async function ensureCallMeeting(
  db: IntrobookDB,
  input: { personId: string; meetingId: string | null; site: CallSite; link: string | null; at: number },
): Promise<string> {
  const near = (m: Meeting) => Math.abs(m.startsAt - input.at) <= SCHEDULE_WINDOW_MS;
  const given = input.meetingId ? await getMeeting(db, input.meetingId) : undefined;
  if (given && given.personId === input.personId && near(given)) return given.id;
  const nearest = (await meetingsForPerson(db, input.personId)).filter(near).sort((a, b) => Math.abs(a.startsAt - input.at) - Math.abs(b.startsAt - input.at))[0];
  if (nearest) return nearest.id;
  const waiting = (await db.intros.where('targetId').equals(input.personId).toArray()).filter((r) => r.deletedAt === null && r.status === 'meeting-scheduled');
  let request = waiting.length === 1 ? waiting[0]! : null;
  const planned = request ? await meetingForRequest(db, request.id) : undefined;
  // A planned meeting on another call link is another call (a group call they joined): it and its
  // request are left alone, and this call is a meeting of its own (the user can tie it from the panel).
  if (planned?.link && callKeyOfLink(planned.link) !== callKeyOfLink(input.link)) request = null;
  else if (request && planned) {
    await changeMeeting(db, request.id, planned.id, { startsAt: input.at, ...(planned.link ? {} : { link: input.link ?? '', channel: CHANNEL[input.site] }) }, input.at);
    return planned.id;
  }
  const meeting = await scheduleMeeting(db, {
    personId: input.personId,
    requestId: request?.id ?? null,
    startsAt: input.at,
    channel: CHANNEL[input.site],
    link: input.link ?? '',
  });
  return meeting.id;
}

/** The call got under way: note when, on the meeting's notes. */
export async function startCall(db: IntrobookDB, meetingId: string, at: number): Promise<void> {
  await updateMeetingNotes(db, meetingId, (n) => ({ callStartedAt: n.callStartedAt ?? at }), at);
}

/**
 * The call ended: note when, and move the request it came from to "met" when
 * the pipeline allows (returns what to undo). Lane 8's moveRequest does the move.
 */
export async function finishCall(db: IntrobookDB, meetingId: string, at: number): Promise<{ requestId: string; from: IntroStatus } | null> {
  await updateMeetingNotes(db, meetingId, { callEndedAt: at }, at);
  const meeting = await getMeeting(db, meetingId);
  if (!meeting?.requestId) return null;
  const request = await db.intros.get(meeting.requestId);
  if (!request || request.deletedAt !== null || !canMove(request.kind, request.status, 'met')) return null;
  await moveRequest(db, request.id, 'met', t('dbErrors.callEnded'), at);
  return { requestId: request.id, from: request.status };
}
