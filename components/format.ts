import { localParts, zonedTime } from '@/utils/domain/business-days';

/** One formatter per time zone (building an Intl.DateTimeFormat is costly: a long list must not build one per row). */
const whenFormats = new Map<string, Intl.DateTimeFormat>();

/** "Thu 26 Nov, 09:00" in the user's zone. */
export function formatWhen(instant: number, timeZone: string): string {
  let format = whenFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    whenFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "27 Nov 2026" (as the user's locale writes a day) in the user's zone. */
export function formatDay(instant: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "09:00" (or "9:00 AM", as the user's locale writes it) in the user's zone. */
export function formatTime(instant: number, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' });
    timeFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of an `<input type="datetime-local">` showing `instant` in `timeZone`. */
export function toInputValue(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant an `<input type="datetime-local">` value means in `timeZone`, or null when empty or malformed. */
export function fromInputValue(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return zonedTime({ year: y, month: mo, day: d }, h, mi, timeZone);
}

/** The instant a date input (YYYY-MM-DD) and a time input (HH:MM) mean in `timeZone`. */
export function fromDateAndTime(date: string, time: string, timeZone: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) ? fromInputValue(`${date}T${time}`, timeZone) : null;
}
