import { storage } from 'wxt/utils/storage';
import { DEFAULT_WORK_WEEK, isValidTimeZone, type WorkWeek } from './domain/business-days';
import { settingsSchema, type Settings } from './domain/schemas';

/** The user's own profile that templates draw on, and their working week. Local: never synced or sent. */
export function defaultSettings(): Settings {
  let timeZone = DEFAULT_WORK_WEEK.timeZone;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || timeZone;
  } catch {
    // keep UTC
  }
  return {
    name: '',
    background: '',
    goal: '',
    resumeUrl: '',
    timeZone,
    workingDays: [1, 2, 3, 4, 5],
    answerAboutMe: '',
    answerWhyCompany: '',
    answerWhyRole: '',
    answerWhyIndustry: '',
    meetingGoals: '',
  };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: defaultSettings(), version: 1 });

/** Stored settings, repaired: a corrupt or partial value falls back field by field, never throws. */
export async function getSettings(): Promise<Settings> {
  const raw = (await settingsItem.getValue()) as unknown;
  const fallback = defaultSettings();
  const merged = { ...fallback, ...(typeof raw === 'object' && raw !== null ? raw : {}) };
  const parsed = settingsSchema.safeParse(merged);
  const settings = parsed.success ? parsed.data : fallback;
  return isValidTimeZone(settings.timeZone) ? settings : { ...settings, timeZone: fallback.timeZone };
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const parsed = settingsSchema.parse(settings);
  if (!isValidTimeZone(parsed.timeZone)) throw new Error(`“${parsed.timeZone}” is not a time zone.`);
  await settingsItem.setValue(parsed);
  return parsed;
}

export function workWeek(settings: Settings): WorkWeek {
  return { timeZone: settings.timeZone, workingDays: settings.workingDays };
}
