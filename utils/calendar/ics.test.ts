/**
 * The .ics export checked line by line against RFC 5545: CRLF line ends,
 * lines folded at 75 octets (never inside a UTF-8 character), text escaping,
 * UTC times; and unfolded, the values are exactly what went in.
 */
import { describe, expect, it } from 'vitest';
import { blankMeetingNotes } from '../domain/prep';
import type { Meeting, Settings } from '../domain/schemas';
import { defaultSettings } from '../settings';
import { icsFileName, meetingIcs } from './ics';

const settings: Settings = {
  ...defaultSettings(),
  name: 'Sam Rivera',
  background: '',
  goal: '',
  resumeUrl: 'https://example.org/sam-cv.pdf',
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  setupDismissed: false,
  answerAboutMe: 'Analyst moving into product',
  answerWhyCompany: '',
  answerWhyRole: '',
  answerWhyIndustry: '',
  meetingGoals: 'Understand how product teams work with data; get two names',
};
const meeting: Meeting = {
  id: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  personId: '9e0b7c2d-4a51-4c8e-8f3a-2b7d9e1c0f22',
  requestId: null,
  startsAt: Date.UTC(2026, 2, 3, 14, 30),
  durationMin: 20,
  channel: 'meet',
  link: 'https://meet.google.com/abc-defg-hij',
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
};
// Non-ASCII everywhere a line may need folding: accents, CJK, emoji (4 octets), an arrow (3 octets).
const person = { name: 'Zoë Ångström-山田 🌱', role: 'Head of Product ↔ Data', company: 'Fjord Energy; Batteries, Grids & Co', profileUrl: 'https://www.linkedin.com/in/zoe/' };
const notes = {
  ...blankMeetingNotes(meeting.id, meeting.personId, 0),
  why: ['learn-field' as const],
  whyNote: 'How batteries, grids; and \\ markets meet',
  questions: [
    { id: 'q1', category: 'trends' as const, text: 'What is changing fastest in your part of the field right now? 🔋🔋🔋 ↔↔↔ ééé' },
    { id: 'q2', category: 'own' as const, text: 'How did you move from physics to product?', done: false },
  ].map((q) => ({ done: false, ...q })),
};

const NOW = Date.UTC(2026, 2, 1, 9, 0, 5);

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}
function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('meetingIcs (RFC 5545)', () => {
  const ics = meetingIcs({ meeting, person, notes, settings, now: NOW });
  const bytes = new TextEncoder().encode(ics);

  it('ends every line with CRLF, and has no bare CR or LF', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds lines longer than 75 octets, never inside a UTF-8 character', () => {
    const lines = ics.split('\r\n').slice(0, -1);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // this input needs folding
    for (const line of lines) {
      const octets = new TextEncoder().encode(line);
      expect(octets.length, line).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: no character was cut in two.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(octets)).not.toThrow();
    }
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('has the calendar and event structure, and UTC times', () => {
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.find((l) => l.startsWith('PRODID:'))).toBe('PRODID:-//Introbook//Introbook//EN');
    expect(lines).toContain('BEGIN:VEVENT');
    expect(lines).toContain('END:VEVENT');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines).toContain(`UID:${meeting.id}@introbook`);
    expect(lines).toContain('DTSTAMP:20260301T090005Z');
    expect(lines).toContain('DTSTART:20260303T143000Z');
    expect(lines).toContain('DTEND:20260303T145000Z');
  });

  it('escapes text (backslash, semicolon, comma, newline) and round-trips the values', () => {
    const lines = unfold(ics);
    const value = (name: string) => {
      const line = lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))!;
      return line.slice(line.indexOf(':') + 1);
    };
    expect(value('SUMMARY')).toBe('Informational interview: Zoë Ångström-山田 🌱');
    const description = value('DESCRIPTION');
    expect(description).not.toMatch(/(?<!\\)[;,]/); // every ; and , escaped
    expect(description).not.toContain('\n');
    const text = unescape(description);
    expect(text).toContain('Informational interview with Zoë Ångström-山田 🌱 (Head of Product ↔ Data at Fjord Energy; Batteries, Grids & Co). About 20 minutes.');
    expect(text).toContain('Why: Learn about their field; How batteries, grids; and \\ markets meet');
    expect(text).toContain('Questions:\n1. What is changing fastest in your part of the field right now? 🔋🔋🔋 ↔↔↔ ééé\n2. How did you move from physics to product?');
    expect(text).toContain('Goals: Understand how product teams work with data; get two names');
    expect(text).toContain('Prepared answers: Tell me about yourself (in Introbook).');
    expect(text).toContain('Résumé ready (offer it only if asked): https://example.org/sam-cv.pdf');
    expect(text).toContain('Join: https://meet.google.com/abc-defg-hij');
    expect(value('LOCATION')).toBe('https://meet.google.com/abc-defg-hij');
  });

  it('leaves out the link when there is none, and names the file safely', () => {
    const plain = unfold(meetingIcs({ meeting: { ...meeting, link: '' }, person, settings: { ...settings, resumeUrl: '' }, now: NOW }));
    expect(plain.some((l) => l.startsWith('LOCATION'))).toBe(false);
    expect(plain.join('\n')).not.toContain('Join:');
    expect(icsFileName(person, meeting.startsAt)).toBe('introbook-Zoe-Angstrom-山田-2026-03-03.ics');
    expect(icsFileName({ name: '../../etc/passwd' }, meeting.startsAt)).toBe('introbook-etc-passwd-2026-03-03.ics');
  });
});
