import { storageErrorMessage } from '@/utils/db/errors';
import { useState, type FormEvent } from 'react';
import type { Settings } from '@/utils/domain/schemas';
import { missingTemplateSettings, SETTING_LABELS, TEMPLATE_SETTINGS } from '@/utils/domain/settings-defaults';
import { TextField } from './TextField';
import { labels, t } from '@/utils/i18n';
import { ErrorMessage } from './ErrorMessage';

const HINTS = labels({ name: 'setupPrompt.hint.name', background: 'setupPrompt.hint.background', goal: 'setupPrompt.hint.goal' });

/**
 * First run: the few settings every template needs (your name, background and
 * goal), asked once at the top of the side panel — until they are filled in or
 * the user says "Not now". Part of the side panel's first view, so it loads no
 * store code until the user saves (issue #11).
 */
export function SetupPrompt({ settings, loaded }: { settings: Settings; loaded: boolean }) {
  const missing = missingTemplateSettings(settings);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  if (!loaded || settings.setupDismissed || missing.length === 0) return null;

  /** Save with the store's own code, loaded now (the answer comes back through the settings the caller watches). */
  async function save(next: Settings) {
    setError(null);
    try {
      const { saveSettings } = await import('@/utils/settings');
      await saveSettings(next);
    } catch (err) {
      setError(storageErrorMessage(err, t('setupPrompt.thoseCouldNotBeSaved')));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const filled = Object.fromEntries(TEMPLATE_SETTINGS.map((f) => [f, (values[f] ?? settings[f]).trim()]));
    await save({ ...settings, ...filled });
  }

  return (
    <form className="panel capture-form setup" aria-label={t('setupPrompt.beforeYourFirstAsk')} onSubmit={submit}>
      <h2 className="panel-title">{t('setupPrompt.beforeYourFirstAsk')}</h2>
      <p>{t('setupPrompt.yourMessagesAreWrittenFromTemplates')}</p>
      {missing.map((f) => (
        <TextField key={f} label={SETTING_LABELS[f]} value={values[f] ?? ''} onChange={(v) => setValues({ ...values, [f]: v })} maxLength={f === 'name' ? 200 : 500} placeholder={HINTS[f]} />
      ))}
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={() => void save({ ...settings, setupDismissed: true })}>
          {t('setupPrompt.notNow')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </form>
  );
}
