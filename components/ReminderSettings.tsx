import { useId } from 'react';
import type { Settings } from '@/utils/domain/schemas';
import { t } from '@/utils/i18n';

type ReminderFields = Pick<Settings, 'remindersEnabled' | 'quietHoursEnabled' | 'quietHoursStart' | 'quietHoursEnd'>;

/**
 * Settings' part for reminders: notifications on or off, and quiet hours (in
 * the time zone above) when none are shown; held-back reminders come after
 * them. The toolbar badge always counts what is due. Part of the Settings
 * form: saved with its button.
 */
export function ReminderSettings({ draft, set }: { draft: ReminderFields; set: <K extends keyof ReminderFields & keyof Settings>(key: K, value: Settings[K]) => void }) {
  const id = useId();
  return (
    <>
      <h2 className="panel-title">{t('reminders.title')}</h2>
      <label className="inline">
        <input type="checkbox" checked={draft.remindersEnabled} onChange={(e) => set('remindersEnabled', e.target.checked)} /> {t('reminders.notify')}
      </label>
      <p className="muted small">{t('reminders.badge')}</p>
      <fieldset className="plain" disabled={!draft.remindersEnabled}>
        <legend>{t('reminders.quietHours')}</legend>
        <label className="inline">
          <input type="checkbox" checked={draft.quietHoursEnabled} onChange={(e) => set('quietHoursEnabled', e.target.checked)} /> {t('reminders.noNotificationsBetween')}
        </label>
        <span className="inline-fix">
          <label htmlFor={`${id}-from`} className="sr-only">
            {t('reminders.quietFrom')}
          </label>
          <input id={`${id}-from`} type="time" value={draft.quietHoursStart} disabled={!draft.quietHoursEnabled} onChange={(e) => e.target.value && set('quietHoursStart', e.target.value)} />
          <span aria-hidden="true">{t('reminders.and')}</span>
          <label htmlFor={`${id}-to`} className="sr-only">
            {t('reminders.quietUntil')}
          </label>
          <input id={`${id}-to`} type="time" value={draft.quietHoursEnd} disabled={!draft.quietHoursEnabled} onChange={(e) => e.target.value && set('quietHoursEnd', e.target.value)} />
        </span>
      </fieldset>
    </>
  );
}
