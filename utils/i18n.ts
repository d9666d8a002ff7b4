/**
 * Every text Introbook shows goes through here (issue #12, "Language"). The
 * messages live in locales/<lang>.yml; WXT's i18n module turns them into the
 * browser's _locales/<lang>/messages.json and types every key, so a missing
 * key or a forgotten placeholder is a type error. The browser picks the
 * language (its UI language, falling back to English).
 *
 * - `t('key')`, `t('key', { name })` — a message, with {placeholders} filled in.
 * - `tn('key', count, { … })` — a message with plural forms; {count} becomes
 *   the number as the user's locale writes it.
 * - `formatNumber`, `formatDate`, `formatDateTime`, `formatTimeOfDay` — numbers
 *   and dates as the user's locale writes them.
 *
 * Content scripts stay small: they call browser.i18n.getMessage themselves
 * (see entrypoints/linkedin.content/save-button.ts).
 */
import { i18n, type GeneratedI18nStructure } from '#i18n';

type Messages = GeneratedI18nStructure;

export const t = i18n.t;

/** Keys of plural messages that show their count as {count}. */
export type CountKey = {
  [K in keyof Messages]: Messages[K] extends { plural: true; namedSubstitutions: readonly string[] }
    ? 'count' extends Messages[K]['namedSubstitutions'][number]
      ? K
      : never
    : never;
}[keyof Messages];

type OtherPlaceholders<K extends CountKey> = Messages[K] extends { namedSubstitutions: readonly string[] }
  ? Exclude<Messages[K]['namedSubstitutions'][number], 'count'>
  : never;

type UntypedT = (key: string, n: number, named: Record<string, string | number>) => string;

/** The plural form of `key` for `count` ("1 person", "1,204 people"), other placeholders from `values`. */
export function tn<K extends CountKey>(
  key: K,
  count: number,
  ...[values]: [OtherPlaceholders<K>] extends [never] ? [] : [Record<OtherPlaceholders<K>, string | number>]
): string {
  return (i18n.t as unknown as UntypedT)(key as string, count, { ...(values ?? {}), count: formatNumber(count) });
}

// Formatters are costly to build: one each, in the user's locale (undefined = the browser's).
let numbers: Intl.NumberFormat | undefined;
let dates: Intl.DateTimeFormat | undefined;
let dateTimes: Intl.DateTimeFormat | undefined;
let times: Intl.DateTimeFormat | undefined;

/** 1,204 (or 1.204, 1 204… as the user's locale writes it). */
export function formatNumber(n: number): string {
  numbers ??= new Intl.NumberFormat();
  return numbers.format(n);
}

/** A day, e.g. "27 Nov 2026", in the user's locale. */
export function formatDate(instant: number | Date): string {
  dates ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return dates.format(instant);
}

/** A day and time, e.g. "27 Nov 2026, 09:30", in the user's locale. */
export function formatDateTime(instant: number | Date): string {
  dateTimes ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimes.format(instant);
}

/** A time of day, e.g. "09:30" or "9:30 AM", in the user's locale. */
export function formatTimeOfDay(instant: number | Date): string {
  times ??= new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
  return times.format(instant);
}

/** A list, e.g. "Ada, Grace and Alan", in the user's locale. */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(undefined, { style: 'long', type }).format(items);
}

let weekdays: string[] | undefined;
/** Weekday names, Sunday first (index = Date#getDay), in the user's locale. */
export function weekdayNames(): readonly string[] {
  if (!weekdays) {
    const format = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
    // 2023-01-01 was a Sunday.
    weekdays = Array.from({ length: 7 }, (_, d) => format.format(Date.UTC(2023, 0, 1 + d)));
  }
  return weekdays;
}

/** Keys of messages with no placeholders and no plural forms. */
export type PlainKey = {
  [K in keyof Messages]: Messages[K] extends { plural: false; substitutions: 0 } ? (Messages[K] extends { namedSubstitutions: readonly string[] } ? never : K) : never;
}[keyof Messages];

/**
 * A label map ({ draft: 'Draft', … }) whose values are messages, looked up
 * when read: module-level maps keep their shape and follow the browser's
 * language.
 */
export function labels<K extends PropertyKey>(keys: Record<K, PlainKey>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const [name, key] of Object.entries(keys) as [K, PlainKey][]) {
    Object.defineProperty(out, name, { enumerable: true, get: () => t(key) });
  }
  return out;
}

let minutes: Intl.NumberFormat | undefined;
/** A length in minutes, e.g. "20 min", as the user's locale writes it. */
export function formatMinutes(n: number): string {
  minutes ??= new Intl.NumberFormat(undefined, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  return minutes.format(n);
}
