/**
 * The workspace's own writes on people and meetings: tags, and the notes row
 * (prep sheet, call notes, after-call notes) each meeting has. Every write is
 * validated before it lands, in one short transaction.
 */
import { MAX_TAGS, personSchema, tagSchema, type Person } from '../domain/schemas';
import { blankMeetingNotes, meetingNotesSchema, type MeetingNotes } from '../domain/prep';
import type { IntrobookDB } from './app-db';
import { t } from '../i18n';
import { UserError } from '../core/user-error';

/** Tags as the user typed them, trimmed and de-duplicated (case-insensitively; the first spelling wins). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const parsed = tagSchema.safeParse(raw.replace(/\s+/g, ' '));
    if (!parsed.success) continue;
    const key = parsed.data.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(parsed.data);
  }
  return out.slice(0, MAX_TAGS);
}

export async function setTags(db: IntrobookDB, personId: string, tags: readonly string[], now = Date.now()): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(personId);
    if (!existing || existing.deletedAt !== null) throw new UserError(t('dbErrors.personGone'));
    const person = personSchema.parse({ ...existing, tags: normaliseTags(tags), updatedAt: now });
    await db.people.put(person);
    return person;
  });
}

export async function getMeetingNotes(db: IntrobookDB, meetingId: string): Promise<MeetingNotes | undefined> {
  const notes = await db.meetingNotes.get(meetingId);
  return notes && notes.deletedAt === null ? notes : undefined;
}

/**
 * The notes row of a meeting, created on first use. A new prep sheet starts
 * from the research of the person's most recent earlier one.
 */
export async function ensureMeetingNotes(db: IntrobookDB, meetingId: string, now = Date.now()): Promise<MeetingNotes> {
  return db.transaction('rw', db.meetings, db.meetingNotes, async () => {
    const existing = await db.meetingNotes.get(meetingId);
    if (existing) return existing;
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new UserError(t('dbErrors.meetingGone'));
    const earlier = await db.meetingNotes.where('personId').equals(meeting.personId).toArray();
    const previous = earlier.filter((n) => n.deletedAt === null).sort((a, b) => b.updatedAt - a.updatedAt)[0];
    const notes = meetingNotesSchema.parse(blankMeetingNotes(meetingId, meeting.personId, now, previous));
    await db.meetingNotes.add(notes);
    return notes;
  });
}

export type NotesChange = Partial<Omit<MeetingNotes, 'id' | 'personId' | 'createdAt' | 'updatedAt' | 'deletedAt'>>;

/**
 * Change a meeting's notes: a patch, or a function of the stored row (for
 * list edits that must not lose a concurrent change). Creates the row first
 * if needed. Validated; an invalid change throws and stores nothing.
 */
export async function updateMeetingNotes(
  db: IntrobookDB,
  meetingId: string,
  change: NotesChange | ((notes: MeetingNotes) => NotesChange),
  now = Date.now(),
): Promise<MeetingNotes> {
  await ensureMeetingNotes(db, meetingId, now);
  return db.transaction('rw', db.meetingNotes, async () => {
    const existing = (await db.meetingNotes.get(meetingId))!;
    const patch = typeof change === 'function' ? change(existing) : change;
    const notes = meetingNotesSchema.parse({ ...existing, ...patch, updatedAt: now });
    await db.meetingNotes.put(notes);
    return notes;
  });
}
