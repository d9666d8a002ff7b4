import { WorkWeekFields } from './WorkWeekFields';
import { BrandHeading } from './Brand';
import { useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { isValidTimeZone } from '@/utils/domain/business-days';
import type { Settings } from '@/utils/domain/schemas';
import { storageErrorMessage } from '@/utils/db/errors';
import { refreshReminders } from '@/utils/messaging/client';
import { saveSettings, SETTING_LABELS } from '@/utils/settings';
import { TextField } from './TextField';
import { t } from '@/utils/i18n';
import { ErrorMessage } from './ErrorMessage';

const MOVES = [
  { title: 'welcome.move1Title', text: 'welcome.move1Text' },
  { title: 'welcome.move2Title', text: 'welcome.move2Text' },
  { title: 'welcome.move3Title', text: 'welcome.move3Text' },
] as const;

/**
 * First run, opened once on install: the three moves, then what templates and
 * prep sheets need (name, current role, background, goal, résumé link, time
 * zone, working days). Every field may stay empty; everything is in Options
 * later.
 */
export function WelcomePage({ settings, loaded }: { settings: Settings; loaded: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState(settings);
  const [started, setStarted] = useState(false);
  const [done, setDone] = useState<'saved' | 'skipped' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The form starts from the stored settings once they are read (the user has not typed yet).
  if (loaded && !started && draft !== settings) setDraft(settings);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setStarted(true);
    setDraft((d) => ({ ...d, [key]: value }));
    setError(null);
  };
  const zoneValid = isValidTimeZone(draft.timeZone.trim());

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!zoneValid) return setError(t('settingsView.isNotATimeZonePick', { timeZone: draft.timeZone }));
    if (draft.workingDays.length === 0) return setError(t('welcome.pickAWorkingDay'));
    try {
      await saveSettings({
        ...draft,
        name: draft.name.trim(),
        currentRole: draft.currentRole.trim(),
        background: draft.background.trim(),
        goal: draft.goal.trim(),
        resumeUrl: draft.resumeUrl.trim(),
        timeZone: draft.timeZone.trim(),
      });
      refreshReminders();
      setDone('saved');
    } catch (err) {
      setError(storageErrorMessage(err, t('welcome.checkResumeLink')));
    }
  }

  return (
    <main className="app page welcome">
      <header className="page-header">
        <BrandHeading title={t('welcome.title')} size={32} />
        <p>{t('welcome.intro')}</p>
      </header>
      <section aria-labelledby={`${id}-moves`}>
        <h2 className="panel-title" id={`${id}-moves`}>
          {t('welcome.threeMoves')}
        </h2>
        <ol className="moves">
          {MOVES.map((m, i) => (
            <li key={m.title}>
              <span className="move-step" aria-hidden="true">
                {i + 1}
              </span>
              <h2>{t(m.title)}</h2>
              <p>{t(m.text)}</p>
            </li>
          ))}
        </ol>
      </section>
      {done ? (
        <section className="panel" aria-labelledby={`${id}-done`}>
          <h2 id={`${id}-done`}>{done === 'saved' ? t('welcome.savedReady') : t('welcome.fillInAnyTime')}</h2>
          <p>{t('welcome.nextStep')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('welcome.openOptions')}
            </button>
            <button type="button" onClick={() => window.close()}>
              {t('welcome.closeTab')}
            </button>
          </div>
        </section>
      ) : (
        <form className="panel capture-form" aria-labelledby={`${id}-about`} onSubmit={submit}>
          <h2 id={`${id}-about`}>{t('welcome.aboutYou')}</h2>
          <p className="muted">{t('welcome.aboutYouHint')}</p>
          <TextField label={SETTING_LABELS.name} value={draft.name} onChange={(v) => set('name', v)} maxLength={200} autoComplete="name" placeholder={t('welcome.exampleName')} />
          <TextField label={SETTING_LABELS.currentRole} value={draft.currentRole} onChange={(v) => set('currentRole', v)} maxLength={500} autoComplete="organization-title" placeholder={t('welcome.exampleRole')} />
          <TextField label={t('welcome.backgroundLabel')} value={draft.background} onChange={(v) => set('background', v)} maxLength={500} placeholder={t('welcome.exampleBackground')} />
          <TextField label={SETTING_LABELS.goal} value={draft.goal} onChange={(v) => set('goal', v)} maxLength={500} placeholder={t('welcome.exampleGoal')} />
          <TextField label={SETTING_LABELS.resumeUrl} value={draft.resumeUrl} onChange={(v) => set('resumeUrl', v)} type="url" maxLength={2048} placeholder={t('welcome.exampleLink')} />
          <WorkWeekFields draft={draft} set={set} daysLegend={t('welcome.workingDays')} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('welcome.saveAndStart')}
            </button>
            <button type="button" onClick={() => setDone('skipped')}>
              {t('welcome.skip')}
            </button>
          </div>
          <ErrorMessage text={error} />
        </form>
      )}
    </main>
  );
}
