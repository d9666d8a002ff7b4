import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { IntrobookDB } from './db/app-db';
import { getDb } from './db/db';
import { isValidTimeZone, type WorkWeek } from './domain/business-days';
import { SETTINGS_ROW_ID } from './domain/local-data';
import { settingsSchema, type Settings } from './domain/schemas';
import { t } from './i18n';
import { UserError } from './core/user-error';

import { defaultSettings } from './domain/settings-defaults';
export { defaultSettings, missingTemplateSettings, SETTING_LABELS, TEMPLATE_SETTINGS, type TemplateSetting } from './domain/settings-defaults';

/**
 * Settings live in the extension's IndexedDB (`settings` table), not in
 * storage.local: Firefox lets content scripts read and write storage.local
 * (a compromised one changed the résumé link used in drafts), while a content
 * script's IndexedDB is the web page's, never ours. Older versions kept them in
 * storage.local under this key; the first read moves them over.
 */
const LEGACY_KEYS = ['settings', 'settings$'];

/** Stored settings, repaired: a corrupt or partial value falls back field by field, never throws. */
export async function getSettings(db: IntrobookDB = getDb()): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_ROW_ID);
  return repairSettings(row ? row.value : await moveLegacySettings(db));
}

/** Any stored value → valid settings: each field that is missing or invalid takes its default. */
export function repairSettings(raw: unknown): Settings {
  const fallback = defaultSettings();
  const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const repaired: Record<string, unknown> = { ...fallback };
  const shape = settingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const key of Object.keys(fallback)) {
    const parsed = shape[key]?.safeParse(stored[key]);
    if (parsed?.success) repaired[key] = parsed.data;
  }
  const settings = settingsSchema.parse(repaired);
  return isValidTimeZone(settings.timeZone) ? settings : { ...settings, timeZone: fallback.timeZone };
}

export async function saveSettings(settings: Settings, db: IntrobookDB = getDb()): Promise<Settings> {
  const parsed = settingsSchema.parse(settings);
  if (!isValidTimeZone(parsed.timeZone)) throw new UserError(t('settingsErrors.notATimeZone', { zone: parsed.timeZone }));
  await db.settings.put({ id: SETTINGS_ROW_ID, value: parsed, updatedAt: Date.now() });
  return parsed;
}

/** Call `onChange` whenever the stored settings change (in this page or another). Returns the unsubscribe. */
export function watchSettings(onChange: () => void, db: IntrobookDB = getDb()): () => void {
  let first = true;
  const subscription = liveQuery(() => db.settings.get(SETTINGS_ROW_ID)).subscribe({
    next: () => {
      // The first value is the current one, which the caller has just read.
      if (first) first = false;
      else onChange();
    },
    error: () => {},
  });
  return () => subscription.unsubscribe();
}

/** Settings an older version kept in storage.local: copied into the database once, then removed there. */
async function moveLegacySettings(db: IntrobookDB): Promise<unknown> {
  let legacy: unknown;
  try {
    legacy = (await browser.storage.local.get(LEGACY_KEYS[0]!))[LEGACY_KEYS[0]!];
  } catch {
    return undefined;
  }
  if (typeof legacy !== 'object' || legacy === null) return undefined;
  const value = repairSettings(legacy);
  try {
    await db.settings.add({ id: SETTINGS_ROW_ID, value, updatedAt: Date.now() });
  } catch {
    // Another page moved them first: theirs is the same value.
  }
  await browser.storage.local.remove(LEGACY_KEYS).catch(() => {});
  return value;
}

export function workWeek(settings: Settings): WorkWeek {
  return { timeZone: settings.timeZone, workingDays: settings.workingDays };
}

/** Minutes since midnight of "HH:MM". */
function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Whether a reminder may be shown at `at`: reminders on, and outside the quiet
 * hours in the user's time zone (a span may run over midnight, 21:00–08:00;
 * equal times mean none). A reminder held back is shown after the quiet hours.
 */
export function notificationsAllowed(settings: Settings, at: number): boolean {
  if (!settings.remindersEnabled) return false;
  if (!settings.quietHoursEnabled) return true;
  const start = minutesOf(settings.quietHoursStart);
  const end = minutesOf(settings.quietHoursEnd);
  if (start === end) return true;
  let local: number;
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: settings.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
    local = Number(parts.find((p) => p.type === 'hour')?.value) * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
  } catch {
    return true;
  }
  const quiet = start < end ? local >= start && local < end : local >= start || local < end;
  return !quiet;
}
