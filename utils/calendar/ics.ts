/**
 * "Add to calendar": one meeting as an iCalendar (.ics) file, generated with
 * ical-generator (folds long lines by octets, RFC 5545 §3.1; escapes text
 * values, §3.3.11; writes times in UTC). The description carries the prep
 * summary and the call link.
 */
import ical from 'ical-generator';
import { ANSWER_KEYS, ANSWER_LABELS, ANSWER_SETTINGS, PREP_REASON_LABELS, type MeetingNotes } from '../domain/prep';
import type { Meeting, Person, Settings } from '../domain/schemas';

export interface IcsInput {
  meeting: Meeting;
  person: Pick<Person, 'name' | 'role' | 'company' | 'profileUrl'>;
  notes?: MeetingNotes;
  settings: Settings;
  /** When the file is made (DTSTAMP). */
  now: number;
}

/** The prep summary a calendar entry carries: why, the questions in order, goals, the résumé reminder, the link. */
export function prepSummary({ meeting, person, notes, settings }: Omit<IcsInput, 'now'>): string {
  const lines: string[] = [];
  const who = [person.role, person.company].filter(Boolean).join(' at ');
  lines.push(`Informational interview with ${person.name}${who ? ` (${who})` : ''}. About ${meeting.durationMin} minutes.`);
  if (notes && (notes.why.length > 0 || notes.whyNote)) {
    lines.push('', `Why: ${[...notes.why.filter((w) => w !== 'other').map((w) => PREP_REASON_LABELS[w]), notes.whyNote].filter(Boolean).join('; ')}`);
  }
  const questions = notes?.questions ?? [];
  if (questions.length > 0) {
    lines.push('', 'Questions:');
    questions.forEach((q, i) => lines.push(`${i + 1}. ${q.text}`));
  }
  const goals = notes?.goals ?? settings.meetingGoals;
  if (goals.trim()) lines.push('', `Goals: ${goals.trim()}`);
  const answers = ANSWER_KEYS.filter((k) => (notes?.answers[k] ?? settings[ANSWER_SETTINGS[k]]).trim());
  if (answers.length > 0) lines.push('', `Prepared answers: ${answers.map((k) => ANSWER_LABELS[k]).join(', ')} (in Introbook).`);
  if (settings.resumeUrl) lines.push('', `Résumé ready (offer it only if asked): ${settings.resumeUrl}`);
  if (meeting.link) lines.push('', `Join: ${meeting.link}`);
  if (person.profileUrl.startsWith('https://')) lines.push(`Profile: ${person.profileUrl}`);
  return lines.join('\n');
}

export function meetingIcs(input: IcsInput): string {
  const { meeting, person } = input;
  const calendar = ical({ prodId: { company: 'Introbook', product: 'Introbook', language: 'EN' } });
  calendar.createEvent({
    id: `${meeting.id}@introbook`,
    stamp: new Date(input.now),
    start: new Date(meeting.startsAt),
    end: new Date(meeting.startsAt + meeting.durationMin * 60_000),
    summary: `Informational interview: ${person.name}`,
    description: prepSummary(input),
    ...(meeting.link ? { location: meeting.link, url: meeting.link } : {}),
  });
  const text = calendar.toString();
  // Every content line ends with CRLF, the last one too (RFC 5545 §3.1).
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** A file name for the download: the person's name, safe on every system. */
export function icsFileName(person: Pick<Person, 'name'>, startsAt: number): string {
  const day = new Date(startsAt).toISOString().slice(0, 10);
  const name = person.name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'meeting';
  return `introbook-${name}-${day}.ics`;
}
