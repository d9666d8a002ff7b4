import { useId } from 'react';
import { ANSWER_KEYS, ANSWER_LABELS, ANSWER_SETTINGS } from '@/utils/domain/prep';
import type { Settings } from '@/utils/domain/schemas';
import { t } from '@/utils/i18n';

type PrepFields = Pick<Settings, 'answerAboutMe' | 'answerWhyCompany' | 'answerWhyRole' | 'answerWhyIndustry' | 'meetingGoals'>;

/**
 * Settings' part for informational interviews: the four prepared answers and
 * the user's goals. Every prep sheet starts from them (and may change its own
 * copy). Part of the Settings form: saved with its button.
 */
export function PrepSettings({ draft, set }: { draft: PrepFields; set: <K extends keyof PrepFields>(key: K, value: PrepFields[K]) => void }) {
  const id = useId();
  return (
    <>
      <h2 className="panel-title">{t('prepSettings.yourPreparedAnswersForPrepSheets')}</h2>
      <p className="muted small">{t('prepSettings.shortInYourOwnWordsEach')}</p>
      {ANSWER_KEYS.map((key) => (
        <div key={key} className="stacked-field">
          <label htmlFor={`${id}-${key}`}>{ANSWER_LABELS[key]}</label>
          <textarea id={`${id}-${key}`} rows={3} maxLength={20_000} value={draft[ANSWER_SETTINGS[key]]} onChange={(e) => set(ANSWER_SETTINGS[key], e.target.value)} />
        </div>
      ))}
      <div className="stacked-field">
        <label htmlFor={`${id}-goals`}>{t('prepSettings.whatYouHopeToGetFrom')}</label>
        <textarea id={`${id}-goals`} rows={2} maxLength={20_000} value={draft.meetingGoals} onChange={(e) => set('meetingGoals', e.target.value)} />
      </div>
    </>
  );
}
