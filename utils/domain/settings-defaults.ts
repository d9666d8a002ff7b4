/**
 * The settings' defaults, their labels and the few that every template needs, without Dexie or zod:
 * the side panel's first view (its first-run prompt) uses them before it loads the store (issue #11).
 * utils/settings.ts re-exports them.
 */
import { DEFAULT_WORK_WEEK } from './business-days';
import type { Settings } from './schemas';
import { labels } from '../i18n';

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
    setupDismissed: false,
    currentRole: '',
    remindersEnabled: true,
    quietHoursEnabled: false,
    quietHoursStart: '21:00',
    quietHoursEnd: '08:00',
  };
}

/** The settings every built-in template draws on, in the order the first-run prompt asks for them. */
export const TEMPLATE_SETTINGS = ['name', 'background', 'goal'] as const;
export type TemplateSetting = (typeof TEMPLATE_SETTINGS)[number];

export const SETTING_LABELS: Record<'name' | 'currentRole' | 'background' | 'goal' | 'resumeUrl', string> = labels({
  name: 'labels.setting.name',
  currentRole: 'labels.setting.currentRole',
  background: 'labels.setting.background',
  goal: 'labels.setting.goal',
  resumeUrl: 'labels.setting.resumeUrl',
});

/** The template settings still empty. */
export function missingTemplateSettings(settings: Settings): TemplateSetting[] {
  return TEMPLATE_SETTINGS.filter((f) => settings[f].trim() === '');
}
