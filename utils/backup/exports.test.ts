/** CSV and vCard exports: what a spreadsheet or an address book gets. */
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PIXEL_PNG } from '@/tests/helpers/backup';
import { makeCapture } from '@/tests/helpers/db';
import { blankUserFields, type IntroRequest, type Person } from '../domain/schemas';
import { FORMULA_START, peopleCsv, requestsCsv } from './csv';
import { escapeText, foldLine, peopleVcard } from './vcard';

function person(over: Partial<Person> = {}): Person {
  return {
    ...makeCapture(),
    id: '5b1c1f5e-2f7a-4f0e-9d3b-0c6a1f7f2a11',
    createdAt: 1_767_000_000_000,
    updatedAt: 1_767_000_100_000,
    capturedAt: 1_767_000_000_000,
    deletedAt: null,
    ...blankUserFields(),
    ...over,
  };
}

const rows = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('CSV', () => {
  it('starts with a UTF-8 byte-order mark and one row per live person', () => {
    const csv = peopleCsv([person(), person({ id: crypto.randomUUID(), name: 'Gone', deletedAt: 1 })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ada, ...rest] = rows(csv);
    expect(header!.slice(0, 3)).toStrictEqual(['Name', 'First name', 'Last name']);
    expect(ada!.slice(0, 6)).toStrictEqual(['Ada Lovelace', 'Ada', 'Lovelace', 'Principal Engineer at Analytical Engines', 'Principal Engineer', 'Analytical Engines']);
    expect(rest).toStrictEqual([]);
  });

  it.each([
    ['=', '=HYPERLINK("https://evil.example","click")'],
    ['+', '+1+cmd|" /C calc"!A0'],
    ['-', '-2+3'],
    ['@', '@SUM(A1:A2)'],
    ['tab', '\t=1+1'],
    ['carriage return', '\r=1+1'],
    ['a formula followed by a line break', '=1+1\nsecond line'],
  ])('neutralises a cell starting with %s', (_, value) => {
    const csv = peopleCsv([person({ name: value, notes: value, company: value })]);
    const cells = rows(csv)[1]!;
    for (const cell of [cells[0], cells[5], cells[14]]) {
      expect(cell).toBe(`'${value}`);
      expect(FORMULA_START.test(cell!)).toBe(false);
    }
  });

  it('leaves ordinary text alone and quotes commas, quotes and line breaks', () => {
    const notes = 'Met at "COBOL night", London\nAsk about compilers';
    const cells = rows(peopleCsv([person({ notes, name: 'Zoë Ångström' })]))[1]!;
    expect(cells[0]).toBe('Zoë Ångström');
    expect(cells[14]).toBe(notes);
  });

  it('lists requests with both people, the status and the history', () => {
    const request: IntroRequest = {
      id: crypto.randomUUID(),
      kind: 'intro',
      targetId: 'target',
      connectorId: 'connector',
      status: 'agreed',
      history: [
        { from: null, to: 'draft', at: 1_767_000_000_000, note: '', correction: false },
        { from: 'draft', to: 'asked', at: 1_767_000_100_000, note: '', correction: false },
        { from: 'asked', to: 'agreed', at: 1_767_000_200_000, note: '=said yes', correction: false },
      ],
      subject: '@Intro?',
      message: 'Hi',
      blurb: '',
      templateId: null,
      channel: 'email',
      followUps: [],
      dueOverride: null,
      meetingAt: null,
      createdAt: 1_767_000_000_000,
      updatedAt: 1_767_000_200_000,
      deletedAt: null,
    };
    const names: Record<string, string> = { target: 'Ada Lovelace', connector: '-Charles' };
    const [header, row] = rows(requestsCsv([request], (id) => names[id ?? ''] ?? ''));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Person')).toBe('Ada Lovelace');
    expect(cell('Through')).toBe("'-Charles");
    expect(cell('Status')).toBe('agreed');
    expect(cell('Subject')).toBe("'@Intro?");
    expect(cell('History')).toContain('asked → agreed: =said yes');
  });
});

describe('vCard 4.0', () => {
  it('is read back by ical.js field for field', () => {
    const tricky = person({
      name: 'Ada; Lovelace, Countess \\ of Lovelace',
      company: 'Analytical; Engines, Ltd',
      email: 'ada@example.org',
      notes: 'First line\nSecond, with; punctuation',
      headline: 'Zoë Ångström 山田花子 '.repeat(5),
    });
    const card = peopleVcard([tricky], new Map([[tricky.id, PIXEL_PNG]]));
    const parsed = new ICAL.Component(ICAL.parse(card) as unknown as unknown[]);
    expect(parsed.getFirstPropertyValue('version')).toBe('4.0');
    expect(parsed.getFirstPropertyValue('fn')).toBe(tricky.name);
    expect(parsed.getFirstProperty('n')!.getValues()[0]).toStrictEqual(['Lovelace', 'Ada', '', '', '']);
    expect(parsed.getFirstPropertyValue('org')).toBe('Analytical; Engines, Ltd');
    expect(parsed.getFirstPropertyValue('email')).toBe('ada@example.org');
    expect(parsed.getFirstPropertyValue('url')).toBe(tricky.profileUrl);
    expect(parsed.getFirstPropertyValue('uid')).toBe(`urn:uuid:${tricky.id}`);
    expect(parsed.getFirstPropertyValue('note')).toContain('First line\nSecond, with; punctuation');
  });

  it('writes the local photo as an unescaped data: URI, and never a link to a remote photo', () => {
    const card = peopleVcard([person()], new Map([[person().id, PIXEL_PNG]]));
    const unfolded = card.replace(/\r\n /g, '');
    expect(unfolded).toContain(`PHOTO:${PIXEL_PNG}\r\n`);
    expect(card).not.toContain('media.licdn.com');
    expect(peopleVcard([person()])).not.toContain('PHOTO');
  });

  it('folds lines at 75 octets without splitting a character, with CRLF endings', () => {
    const card = peopleVcard([person({ notes: '山田'.repeat(100) + 'é'.repeat(100) })]);
    for (const line of card.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(card.replace(/\r\n /g, '')).toContain('山田'.repeat(100));
    expect(card.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('escapes text and drops control characters', () => {
    expect(escapeText('a\\b,c;d\r\ne\u0007')).toBe('a\\\\b\\,c;d\\ne');
    expect(escapeText('a;b', true)).toBe('a\\;b');
  });

  it('leaves out people who were removed', () => {
    expect(peopleVcard([person({ deletedAt: 5 })])).toBe('');
  });
});
