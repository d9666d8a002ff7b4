import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import { introMessage, introOptInMessage, listPhrase, meetingTemplateValues } from '../domain/follow-through';
import { renderTemplate, DEFAULT_TEMPLATES } from '../domain/templates';
import type { IntrobookDB } from './app-db';
import {
  addFavour,
  addIntroIdea,
  addTask,
  dueTasks,
  favoursForPerson,
  introIdeasFor,
  markAdviceActedOn,
  planFollowThrough,
  saveSuggestedPerson,
  setIntroIdeaStatus,
  setTaskDone,
  tasksForPerson,
} from './ledger';
import { scheduleMeeting } from './meetings';
import { savePersonCapture } from './people';
import { searchPeople } from './search';
import { getMeetingNotes, setTags, updateMeetingNotes } from './workspace';
import { introIdeaSchema } from '../domain/ledger';
import { DEFAULT_WORK_WEEK } from '../domain/business-days';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => db.close());

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 3, 15, 0);
async function person(slug: string, name: string, degree: 1 | 2 | 3 = 2) {
  return (await savePersonCapture(db, makeCapture({ profileUrl: `https://www.linkedin.com/in/${slug}/`, name, degree }))).person;
}

describe('tasks and follow-through', () => {
  it('after a call: thank-you (24 h), connect (48 h), report back to the connector, tell them about their advice — once', async () => {
    const priya = await person('priya', 'Priya Raman');
    const charles = await person('charles', 'Charles Babbage');
    const meeting = await scheduleMeeting(db, { personId: priya.id, startsAt: T0 - 20 * 60_000 });
    const plan = { meetingId: meeting.id, person: priya, endedAt: T0, requestTracksThanks: false, connector: charles, week: DEFAULT_WORK_WEEK };
    await planFollowThrough(db, plan, T0);
    await planFollowThrough(db, plan, T0 + 1000); // again: nothing new
    const mine = await tasksForPerson(db, priya.id);
    expect(mine.map((t) => [t.kind, t.text, (t.dueAt! - T0) / 3_600_000])).toStrictEqual([
      ['thank-you', 'Send Priya a thank-you', 24],
      ['connect', 'Connect with Priya Raman on LinkedIn', 48],
      ['advice-update', 'Tell Priya what you did with their advice', 720],
    ]);
    expect((await tasksForPerson(db, charles.id)).map((t) => t.text)).toStrictEqual(['Tell Charles Babbage how the call with Priya Raman went']);
  });

  it('puts every follow-through task on a working day in the user’s time zone (a Friday call is thanked on Monday)', async () => {
    const priya = await person('priya', 'Priya Raman');
    const charles = await person('charles', 'Charles Babbage');
    const week = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5] };
    const friday = Date.UTC(2026, 5, 5, 15, 0); // Friday 16:00 in London (BST)
    const meeting = await scheduleMeeting(db, { personId: priya.id, startsAt: friday - 30 * 60_000 });
    await planFollowThrough(db, { meetingId: meeting.id, person: priya, endedAt: friday, requestTracksThanks: false, connector: charles, week }, friday);
    const mondayNine = Date.UTC(2026, 5, 8, 8, 0);
    const due = Object.fromEntries((await tasksForPerson(db, priya.id)).map((t) => [t.kind, t.dueAt]));
    expect(due['thank-you']).toBe(mondayNine); // 24 h later is a Saturday
    expect(due.connect).toBe(mondayNine); // 48 h later is a Sunday
    expect((await tasksForPerson(db, charles.id))[0]!.dueAt).toBe(Date.UTC(2026, 5, 8, 15, 0)); // Monday, three days on, a working day: kept
    // Thirty days after a Friday is a Sunday: the start of the Monday after.
    expect(due['advice-update']).toBe(Date.UTC(2026, 6, 6, 8, 0));
  });

  it('leaves the thank-you to the request when one tracks it, and "connect" out for 1st-degree connections', async () => {
    const ada = await person('ada', 'Ada Lovelace', 1);
    const meeting = await scheduleMeeting(db, { personId: ada.id, startsAt: T0 });
    await planFollowThrough(db, { meetingId: meeting.id, person: ada, endedAt: T0, requestTracksThanks: true, connector: null, week: DEFAULT_WORK_WEEK }, T0);
    expect((await tasksForPerson(db, ada.id)).map((t) => t.kind)).toStrictEqual(['advice-update']);
  });

  it('due tasks come from the open-due index; done ones leave it', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const a = await addTask(db, { personId: ada.id, kind: 'offer', text: 'Send Ada the article on engines', dueAt: T0 + DAY }, T0);
    await addTask(db, { personId: ada.id, kind: 'other', text: 'Later', dueAt: T0 + 10 * DAY }, T0);
    await addTask(db, { personId: ada.id, kind: 'other', text: 'Undated', dueAt: null }, T0);
    expect((await dueTasks(db, T0 + 2 * DAY)).map((t) => t.text)).toStrictEqual(['Send Ada the article on engines']);
    await setTaskDone(db, a.id, true, T0 + 5);
    expect(await dueTasks(db, T0 + 2 * DAY)).toStrictEqual([]);
    await setTaskDone(db, a.id, false, T0 + 6);
    expect(await dueTasks(db, T0 + 2 * DAY)).toHaveLength(1);
  });

  it('acting on advice brings the "tell them" reminder forward', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const meeting = await scheduleMeeting(db, { personId: ada.id, startsAt: T0 });
    await updateMeetingNotes(db, meeting.id, { advice: [{ id: crypto.randomUUID(), text: 'Join the reading group', actedOnAt: null }] }, T0);
    await planFollowThrough(db, { meetingId: meeting.id, person: ada, endedAt: T0, requestTracksThanks: true, connector: null, week: DEFAULT_WORK_WEEK }, T0);
    const advice = (await getMeetingNotes(db, meeting.id))!.advice[0]!;
    await markAdviceActedOn(db, meeting.id, advice.id, true, T0 + 3 * DAY);
    expect((await getMeetingNotes(db, meeting.id))!.advice[0]!.actedOnAt).toBe(T0 + 3 * DAY);
    expect((await tasksForPerson(db, ada.id)).find((t) => t.kind === 'advice-update')?.dueAt).toBe(T0 + 5 * DAY);
  });

  it('a suggested name becomes a saved person to follow up, linked from the call notes', async () => {
    const priya = await person('priya', 'Priya Raman');
    const meeting = await scheduleMeeting(db, { personId: priya.id, startsAt: T0 });
    const suggestionId = crypto.randomUUID();
    await updateMeetingNotes(db, meeting.id, { suggestions: [{ id: suggestionId, name: 'Emmy Noether', note: 'runs the reading group', personId: null, createdAt: T0 }] }, T0);
    const emmy = await saveSuggestedPerson(db, { meetingId: meeting.id, suggestionId, name: 'Emmy Noether', note: 'runs the reading group', suggestedBy: priya }, T0);
    expect(emmy).toMatchObject({ name: 'Emmy Noether', firstName: 'Emmy', lastName: 'Noether', source: 'manual', notes: `Suggested by Priya Raman on ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(T0)}. runs the reading group` });
    expect(emmy.notes).not.toContain('2026-03-03');
    expect(emmy.profileUrl).toMatch(/^urn:uuid:/);
    expect((await getMeetingNotes(db, meeting.id))!.suggestions[0]!.personId).toBe(emmy.id);
    expect((await tasksForPerson(db, emmy.id))[0]).toMatchObject({ kind: 'follow-up-suggested', dueAt: T0 + 14 * DAY });
    expect((await searchPeople(db, 'emmy')).people.map((p) => p.name)).toStrictEqual(['Emmy Noether']);
  });
});

describe('pay it forward', () => {
  it('keeps favours per person, newest first', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    await addFavour(db, { personId: ada.id, direction: 'received', text: 'Introduced me to Charles', at: T0 }, T0);
    await addFavour(db, { personId: ada.id, direction: 'given', text: 'Reviewed her talk', at: T0 + DAY }, T0);
    expect((await favoursForPerson(db, ada.id)).map((f) => [f.direction, f.text])).toStrictEqual([
      ['given', 'Reviewed her talk'],
      ['received', 'Introduced me to Charles'],
    ]);
  });

  it('an intro the user makes: idea → asked → introduced records a favour given to both', async () => {
    const ada = await person('ada', 'Ada Lovelace');
    const grace = await person('grace', 'Grace Hopper');
    await expect(addIntroIdea(db, { aId: ada.id, bId: ada.id, reason: 'x' })).rejects.toThrow('two different people');
    const idea = await addIntroIdea(db, { aId: ada.id, bId: grace.id, reason: 'Both build compilers' }, T0);
    expect((await introIdeasFor(db, grace.id)).map((i) => i.id)).toStrictEqual([idea.id]);
    await setIntroIdeaStatus(db, idea.id, 'asked', T0 + 1);
    await setIntroIdeaStatus(db, idea.id, 'introduced', T0 + 2);
    await setIntroIdeaStatus(db, idea.id, 'introduced', T0 + 3);
    expect((await favoursForPerson(db, ada.id)).map((f) => f.text)).toStrictEqual(['Introduced them to Grace Hopper']);
    expect((await favoursForPerson(db, grace.id)).map((f) => f.text)).toStrictEqual(['Introduced them to Ada Lovelace']);
  });

  it('drafts the double opt-in and the introduction', () => {
    const a = { name: 'Ada Lovelace', firstName: 'Ada' };
    const b = { name: 'Grace Hopper', firstName: 'Grace', role: 'Rear Admiral', company: 'US Navy' };
    expect(introOptInMessage(a, b, 'you both build compilers.', 'Sam Rivera')).toBe(
      'Hi Ada,\n\nI know Grace Hopper (Rear Admiral at US Navy) and think you two should talk: you both build compilers. Would you like me to introduce you? No pressure at all if the timing is wrong.\n\nSam',
    );
    expect(introMessage(a, b, 'you both build compilers', 'Sam Rivera')).toContain('Hi Ada and Grace,');
  });
});

describe('thank-you drafts cite the notes', () => {
  const template = DEFAULT_TEMPLATES.find((t) => t.kind === 'thanks-target')!;
  it('fills the advice and plan, and prompts when they are missing', () => {
    const values = {
      'target.firstName': 'Priya',
      'me.firstName': 'Sam',
      ...meetingTemplateValues({ advice: [{ id: 'a', text: 'Talk to the data team first', actedOnAt: null }, { id: 'b', text: 'SQL before Python.', actedOnAt: null }], plan: 'book two chats this month.' }),
    };
    const rendered = renderTemplate(template.body, values);
    expect(rendered.issues).toStrictEqual([]);
    expect(rendered.text).toContain('Your advice about talk to the data team first and SQL before Python was especially useful, and I am going to book two chats this month.');
    const empty = renderTemplate(template.body, { 'target.firstName': 'Priya', 'me.firstName': 'Sam', ...meetingTemplateValues(undefined) });
    expect(empty.issues.map((i) => i.variable)).toStrictEqual(['meeting.advice', 'meeting.plan']);
    expect(empty.text).toContain('[the advice you noted after the meeting]');
    expect(listPhrase(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('merging two people', () => {
  it('moves every workspace row to the kept person, and Undo moves them back', async () => {
    const { mergePeople, undoMerge } = await import('./merge');
    const { rememberCallChoice } = await import('./calls');
    const keep = await person('ada', 'Ada Lovelace');
    const dupe = await person('ada-2', 'Ada L.');
    const other = await person('grace', 'Grace Hopper');
    const meeting = await scheduleMeeting(db, { personId: dupe.id, startsAt: T0 });
    await updateMeetingNotes(db, meeting.id, { callNotes: 'hi' }, T0);
    await addTask(db, { personId: dupe.id, kind: 'offer', text: 'Send it', dueAt: T0 }, T0);
    await addFavour(db, { personId: dupe.id, direction: 'received', text: 'Advice' }, T0);
    const joined = await addIntroIdea(db, { aId: dupe.id, bId: other.id, reason: 'compilers' }, T0);
    const self = await addIntroIdea(db, { aId: keep.id, bId: dupe.id, reason: 'same person' }, T0);
    await rememberCallChoice(db, 'meet:abc-defg-hij', dupe.id, meeting.id, T0);

    const record = await mergePeople(db, keep.id, dupe.id, {}, T0 + 1);
    expect((await db.meetings.get(meeting.id))?.personId).toBe(keep.id);
    expect((await getMeetingNotes(db, meeting.id))?.personId).toBe(keep.id);
    expect((await tasksForPerson(db, keep.id)).map((t) => t.text)).toStrictEqual(['Send it']);
    expect((await favoursForPerson(db, keep.id)).map((f) => f.text)).toStrictEqual(['Advice']);
    expect((await db.introIdeas.get(joined.id))?.aId).toBe(keep.id);
    // An intro between the two records would join the kept person to themself: it goes (still a valid row).
    expect((await db.introIdeas.get(self.id))?.deletedAt).toBe(T0 + 1);
    const removed = await db.introIdeas.get(self.id);
    expect(() => introIdeaSchema.parse(removed)).not.toThrow();
    expect(await introIdeasFor(db, keep.id)).toHaveLength(1);
    expect((await db.callLinks.get('meet:abc-defg-hij'))?.personId).toBe(keep.id);
    expect(await tasksForPerson(db, dupe.id)).toStrictEqual([]);

    await undoMerge(db, record.id, T0 + 2);
    expect((await getMeetingNotes(db, meeting.id))?.personId).toBe(dupe.id);
    expect((await tasksForPerson(db, dupe.id)).map((t) => t.text)).toStrictEqual(['Send it']);
    expect((await favoursForPerson(db, dupe.id)).map((f) => f.text)).toStrictEqual(['Advice']);
    expect((await db.introIdeas.get(joined.id))?.aId).toBe(dupe.id);
    expect((await db.introIdeas.get(self.id))?.deletedAt).toBeNull();
    expect((await db.callLinks.get('meet:abc-defg-hij'))?.personId).toBe(dupe.id);
  });

  it('keeps both records’ tags', async () => {
    const { mergePeople } = await import('./merge');
    const keep = await person('ada', 'Ada Lovelace');
    const dupe = await person('ada-2', 'Ada L.');
    await setTags(db, keep.id, ['mentor', 'London'], T0);
    await setTags(db, dupe.id, ['london', 'compilers'], T0);
    await mergePeople(db, keep.id, dupe.id, {}, T0 + 1);
    expect((await db.people.get(keep.id))?.tags).toStrictEqual(['mentor', 'London', 'compilers']);
    expect((await searchPeople(db, '', { tag: 'compilers' })).people.map((p) => p.id)).toStrictEqual([keep.id]);
  });
});
