import { useId } from 'react';
import { isValidTimeZone } from '@/utils/domain/business-days';
import type { Settings } from '@/utils/domain/schemas';
import { t, weekdayNames } from '@/utils/i18n';

function zones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The user's time zone (with the browser's list) and working days: follow-ups fall on them. Settings and the welcome page. */
export function WorkWeekFields({
  draft,
  set,
  daysLegend,
}: {
  draft: Pick<Settings, 'timeZone' | 'workingDays'>;
  set: <K extends 'timeZone' | 'workingDays'>(key: K, value: Settings[K]) => void;
  daysLegend: string;
}) {
  const id = useId();
  const zoneValid = isValidTimeZone(draft.timeZone.trim());
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-tz`}>{t('settingsView.timeZone')}</label>
        <input
          id={`${id}-tz`}
          list={`${id}-zones`}
          value={draft.timeZone}
          aria-invalid={!zoneValid}
          aria-describedby={zoneValid ? undefined : `${id}-tz-error`}
          onChange={(e) => set('timeZone', e.target.value)}
        />
        <datalist id={`${id}-zones`}>
          {zones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {!zoneValid && draft.timeZone.trim() !== '' && (
          <span id={`${id}-tz-error`} className="origin warn-text">
            {t('settingsView.notATimeZoneYetPick')}
          </span>
        )}
      </div>
      <fieldset className="days">
        <legend>{daysLegend}</legend>
        {weekdayNames().map((day, i) => (
          <label key={day} className="inline">
            <input
              type="checkbox"
              checked={draft.workingDays.includes(i)}
              onChange={(e) => set('workingDays', e.target.checked ? [...draft.workingDays, i].sort() : draft.workingDays.filter((d) => d !== i))}
            />{' '}
            {day}
          </label>
        ))}
      </fieldset>
    </>
  );
}
