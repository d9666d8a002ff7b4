/** A store with something in every table, written through the app's own repositories. */
import type { IntrobookDB } from '../../utils/db/app-db';
import { addConnector } from '../../utils/db/contacts';
import { createRequest, markSent, moveRequest } from '../../utils/db/intros';
import { scheduleMeeting } from '../../utils/db/meetings';
import { editPerson, removePerson, savePersonCapture } from '../../utils/db/people';
import { createTemplate } from '../../utils/db/templates';
import { rememberCallChoice } from '../../utils/db/calls';
import { addFavour, addIntroIdea, addTask, setTaskDone } from '../../utils/db/ledger';
import { setTags, updateMeetingNotes } from '../../utils/db/workspace';
import { defaultSettings, saveSettings } from '../../utils/settings';
import { makeCapture } from './db';

export const PIXEL_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

export async function seedEverything(db: IntrobookDB, t0 = 1_767_000_000_000) {
  const ada = (await savePersonCapture(db, makeCapture(), { now: t0 })).person;
  const grace = (
    await savePersonCapture(
      db,
      makeCapture({ profileUrl: 'https://www.linkedin.com/in/grace-hopper/', name: 'Grace Hopper', firstName: 'Grace', lastName: 'Hopper', photoUrl: null }),
      { now: t0 + 1 },
    )
  ).person;
  await editPerson(db, grace.id, { notes: 'Met at COBOL night; ask about compilers.\nSecond line, with "quotes".' }, t0 + 2);
  const gone = (await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/removed/', name: 'Removed Person' }), { now: t0 + 3 })).person;
  await removePerson(db, gone.id, t0 + 4);
  const charles = await addConnector(
    db,
    { name: 'Charles Babbage', howWeKnow: 'Former manager', email: 'charles@example.org', profileUrl: '', closeness: 3 },
    ada.id,
    t0 + 5,
  );
  const request = await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: charles.id, subject: 'Intro to Ada?', message: 'Hi Charles…' }, t0 + 6);
  await markSent(db, request.id, 'email', t0 + 7);
  await moveRequest(db, request.id, 'agreed', 'He said yes', t0 + 8);
  const direct = await createRequest(db, { kind: 'direct', targetId: grace.id, connectorId: null, subject: '15 minutes?' }, t0 + 9);
  const meeting = await scheduleMeeting(db, { personId: ada.id, requestId: request.id, startsAt: t0 + 86_400_000, link: 'https://meet.google.com/abc-defg-hij' }, t0 + 10);
  await createTemplate(db, { kind: 'nudge', name: 'My nudge', subject: 'Following up', body: 'Hi {{connector.firstName}}, just checking in.' }, t0 + 11);
  await db.photos.put({ id: ada.id, url: 'https://media.licdn.com/dms/image/ada.jpg', dataUrl: PIXEL_PNG, width: 1, height: 1, createdAt: t0, updatedAt: t0 });
  await saveSettings({ ...defaultSettings(), name: 'Sam Rivera', timeZone: 'Europe/London', resumeUrl: 'https://example.org/cv.pdf' }, db);
  // The workspace: tags, a prep sheet, tasks (one open, one done), a favour, an intro idea, a remembered call link.
  await setTags(db, ada.id, ['mentor', 'compilers'], t0 + 12);
  await updateMeetingNotes(db, meeting.id, { whyNote: 'Learn how research teams adopt new hardware', callNotes: 'Mentioned a reading group' }, t0 + 13);
  const task = await addTask(db, { personId: ada.id, meetingId: meeting.id, kind: 'connect', text: 'Connect with Ada on LinkedIn', dueAt: t0 + 2 * 86_400_000 }, t0 + 14);
  const done = await addTask(db, { personId: grace.id, kind: 'offer', text: 'Send Grace the COBOL article', dueAt: t0 + 86_400_000 }, t0 + 15);
  await setTaskDone(db, done.id, true, t0 + 16);
  await addFavour(db, { personId: charles.id, direction: 'received', text: 'Introduced me to Ada' }, t0 + 17);
  const idea = await addIntroIdea(db, { aId: grace.id, bId: ada.id, reason: 'Both work on compilers' }, t0 + 18);
  await rememberCallChoice(db, 'meet:abc-defg-hij', ada.id, meeting.id, t0 + 19);
  return { ada, grace, gone, charles, request, direct, meeting, task, idea };
}

/** Every exported table's rows, sorted by id: what "the store" means in these tests. */
export async function snapshot(db: IntrobookDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (table.name === 'meta') continue;
    out[table.name] = (await table.toArray()).sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)));
  }
  return out;
}
