/**
 * Business-day arithmetic in the user's time zone, for the 3B7 follow-up
 * routine (reference: informational-interview-method.md §7): a message sent on
 * a working day before noon counts from that day, otherwise from the next
 * working day; reminders fall due at the start of the working day.
 *
 * Hand-written on Intl rather than a date library: none of them takes a
 * per-user set of working days, and Intl already knows every zone's offsets
 * and DST rules. Pure; dates are epoch milliseconds.
 */
import { InternalError } from '../core/internal-error';

export interface WorkWeek {
  /** IANA time zone, e.g. "Europe/London". */
  timeZone: string;
  /** Working days, 0 = Sunday … 6 = Saturday. */
  workingDays: readonly number[];
}

export const DEFAULT_WORK_WEEK: WorkWeek = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5] };
/** Local hour at which a reminder falls due. */
export const START_OF_DAY_HOUR = 9;
/** Sent at or after this local hour, a message counts from the next working day. */
export const NOON = 12;

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this browser knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `instant` in `timeZone`. */
export function localParts(instant: number, timeZone: string) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The instant at which the wall clock in `timeZone` shows this date and time (DST gaps move forward). */
export function zonedTime(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const offsetAt = (instant: number) => {
    const p = localParts(instant, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
  };
  let guess = wall - offsetAt(wall);
  // The offset at the guess can differ across a DST change; one correction settles it.
  const second = wall - offsetAt(guess);
  if (second !== guess) guess = Math.max(guess, second);
  return guess;
}

/** Day of week of a calendar date, 0 = Sunday. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function localDate(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = localParts(instant, timeZone);
  return { year, month, day };
}

function isWorkingDay(date: LocalDate, week: WorkWeek): boolean {
  return week.workingDays.includes(weekday(date));
}

function nextWorkingDay(date: LocalDate, week: WorkWeek): LocalDate {
  if (week.workingDays.length === 0) throw new InternalError('A work week needs at least one working day.');
  let d = addDays(date, 1);
  while (!isWorkingDay(d, week)) d = addDays(d, 1);
  return d;
}

/** The working day a message sent at `sentAt` counts from (the noon rule). */
export function effectiveStart(sentAt: number, week: WorkWeek): LocalDate {
  const local = localParts(sentAt, week.timeZone);
  const date = { year: local.year, month: local.month, day: local.day };
  return isWorkingDay(date, week) && local.hour < NOON ? date : nextWorkingDay(date, week);
}

/** `count` working days after `date`. */
export function addBusinessDays(date: LocalDate, count: number, week: WorkWeek): LocalDate {
  let d = date;
  for (let i = 0; i < count; i++) d = nextWorkingDay(d, week);
  return d;
}

/** When the reminder `count` business days after sending falls due: the start of that working day. */
export function businessDaysAfter(sentAt: number, count: number, week: WorkWeek): number {
  return zonedTime(addBusinessDays(effectiveStart(sentAt, week), count, week), START_OF_DAY_HOUR, 0, week.timeZone);
}

/**
 * A due time moved onto the user's working time: kept when it falls on a
 * working day, otherwise the start of the next working day.
 */
export function atWorkingTime(instant: number, week: WorkWeek): number {
  const date = localDate(instant, week.timeZone);
  if (isWorkingDay(date, week)) return instant;
  return zonedTime(nextWorkingDay(date, week), START_OF_DAY_HOUR, 0, week.timeZone);
}

/** The end of the user's local day containing `instant` (for "due today"). */
export function endOfLocalDay(instant: number, timeZone: string): number {
  return zonedTime(addDays(localDate(instant, timeZone), 1), 0, 0, timeZone) - 1;
}
