import { describe, expect, it } from 'vitest';
import { businessDaysAfter, effectiveStart, endOfLocalDay, isValidTimeZone, localParts, zonedTime, type WorkWeek } from './business-days';

const london: WorkWeek = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5] };
/** An instant from a wall-clock time in the zone: "2026-11-23 10:00". */
const at = (local: string, tz = london.timeZone) => {
  const [d, t = '00:00'] = local.split(' ');
  const [year, month, day] = d!.split('-').map(Number);
  const [hour, minute] = t.split(':').map(Number);
  return zonedTime({ year: year!, month: month!, day: day! }, hour!, minute!, tz);
};
/** The instant shown as local "YYYY-MM-DD HH:MM (Ddd)". */
const show = (instant: number, tz = london.timeZone) => {
  const p = localParts(instant, tz);
  const dow = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} ${dow}`;
};

describe('3B7 schedule (reference table, Europe/London)', () => {
  it.each([
    // sent                      3B                          7B
    ['2026-11-23 10:00', '2026-11-26 09:00 Thu', '2026-12-02 09:00 Wed'], // Mon morning
    ['2026-11-23 15:00', '2026-11-27 09:00 Fri', '2026-12-03 09:00 Thu'], // Mon afternoon: noon rule
    ['2026-11-23 12:00', '2026-11-27 09:00 Fri', '2026-12-03 09:00 Thu'], // exactly noon counts as afternoon
    ['2026-11-23 11:59', '2026-11-26 09:00 Thu', '2026-12-02 09:00 Wed'],
    ['2026-11-27 09:00', '2026-12-02 09:00 Wed', '2026-12-08 09:00 Tue'], // Fri morning: 7B is 11 days later
    ['2026-11-28 10:00', '2026-12-03 09:00 Thu', '2026-12-09 09:00 Wed'], // Saturday
    ['2026-11-29 23:59', '2026-12-03 09:00 Thu', '2026-12-09 09:00 Wed'], // Sunday night
    ['2026-12-30 10:00', '2027-01-04 09:00 Mon', '2027-01-08 09:00 Fri'], // across the year end
    ['2026-02-26 16:00', '2026-03-04 09:00 Wed', '2026-03-10 09:00 Tue'], // across a month end (Feb)
  ])('sent %s → 3B %s, 7B %s', (sent, b3, b7) => {
    expect(show(businessDaysAfter(at(sent), 3, london))).toBe(b3);
    expect(show(businessDaysAfter(at(sent), 7, london))).toBe(b7);
  });
});

describe('time zones and DST', () => {
  it('keeps reminders at 09:00 local across the spring-forward change (London, 29 Mar 2026)', () => {
    const due = businessDaysAfter(at('2026-03-26 10:00'), 3, london); // Thu → Tue 31 Mar, after the change
    expect(show(due)).toBe('2026-03-31 09:00 Tue');
    expect(new Date(due).toISOString()).toBe('2026-03-31T08:00:00.000Z'); // BST is UTC+1
  });

  it('keeps reminders at 09:00 local across the fall-back change (New York, 1 Nov 2026)', () => {
    const ny: WorkWeek = { timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5] };
    const due = businessDaysAfter(at('2026-10-29 08:00', ny.timeZone), 3, ny); // Thu → Tue 3 Nov
    expect(show(due, ny.timeZone)).toBe('2026-11-03 09:00 Tue');
    expect(new Date(due).toISOString()).toBe('2026-11-03T14:00:00.000Z'); // EST is UTC−5
  });

  it('applies the noon rule in the user’s zone, not UTC', () => {
    const tokyo: WorkWeek = { timeZone: 'Asia/Tokyo', workingDays: [1, 2, 3, 4, 5] };
    // 02:00 UTC on Monday is 11:00 in Tokyo (morning) but would be "Monday" either way;
    // 04:00 UTC is 13:00 in Tokyo: the afternoon.
    expect(effectiveStart(Date.parse('2026-11-23T02:00:00Z'), tokyo)).toStrictEqual({ year: 2026, month: 11, day: 23 });
    expect(effectiveStart(Date.parse('2026-11-23T04:00:00Z'), tokyo)).toStrictEqual({ year: 2026, month: 11, day: 24 });
    // 23:30 UTC on Sunday is already Monday 08:30 in Tokyo.
    expect(effectiveStart(Date.parse('2026-11-22T23:30:00Z'), tokyo)).toStrictEqual({ year: 2026, month: 11, day: 23 });
  });

  it('honours the user’s working days (Sunday–Thursday week)', () => {
    const dubai: WorkWeek = { timeZone: 'Asia/Dubai', workingDays: [0, 1, 2, 3, 4] };
    const sentThu = at('2026-11-26 10:00', dubai.timeZone);
    expect(show(businessDaysAfter(sentThu, 3, dubai), dubai.timeZone)).toBe('2026-12-01 09:00 Tue');
  });

  it('moves a wall time that does not exist (DST gap) forward', () => {
    const ny = 'America/New_York';
    const t = zonedTime({ year: 2026, month: 3, day: 8 }, 2, 30, ny); // 02:30 does not exist that night
    expect(show(t, ny)).toBe('2026-03-08 03:30 Sun');
  });

  it('gives the last millisecond of the local day', () => {
    const end = endOfLocalDay(at('2026-11-25 10:00'), london.timeZone);
    expect(show(end)).toBe('2026-11-25 23:59 Wed');
    expect(show(end + 1)).toBe('2026-11-26 00:00 Thu');
  });

  it('knows a real zone from a typo', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Europe/Pariss')).toBe(false);
  });
});
