import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isValidTimeZone } from '@/utils/domain/business-days';
import type { Settings } from '@/utils/domain/schemas';
import { storageErrorMessage } from '@/utils/db/errors';
import { refreshReminders } from '@/utils/messaging/client';
import { saveSettings, SETTING_LABELS } from '@/utils/settings';
import { takePendingSettingField } from './nav';
import { TextField } from './TextField';
import { useTransient } from './view-hooks';
import { SyncSettings } from './SyncSettings';

import { CaptureHealth } from './CaptureHealth';
import { DataSettings } from './DataSettings';
import { PrepSettings } from './PrepSettings';
import { t } from '@/utils/i18n';
import { ReminderSettings } from './ReminderSettings';
import { WorkWeekFields } from './WorkWeekFields';
import { ErrorMessage } from './ErrorMessage';

/** The user's own profile that templates draw on, and the working week follow-ups count in. */
export function SettingsView({ settings }: { settings: Settings }) {
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(settings);
  const [saved, setSaved] = useTransient();
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A message about the form as it was is stale once the user changes it.
    setError(null);
    setSaved(null);
  };
  const zoneValid = isValidTimeZone(draft.timeZone.trim());

  // Opened from "Open … in Settings": that field takes focus.
  useEffect(() => {
    const field = takePendingSettingField();
    if (field) form.current?.querySelector<HTMLInputElement>(`[data-setting="${field}"]`)?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!zoneValid) return setError(t('settingsView.isNotATimeZonePick', { timeZone: draft.timeZone }));
    try {
      await saveSettings({
        ...draft,
        name: draft.name.trim(),
        background: draft.background.trim(),
        goal: draft.goal.trim(),
        resumeUrl: draft.resumeUrl.trim(),
        currentRole: draft.currentRole.trim(),
        timeZone: draft.timeZone.trim(),
      });
      refreshReminders();
      setSaved(t('settingsView.settingsSaved'));
    } catch (err) {
      setError(storageErrorMessage(err, t('settingsView.checkTheFieldsTheResumeLink')));
    }
  }

  return (
    <>
    <form className="panel capture-form" aria-label={t('settingsView.settings')} onSubmit={submit} ref={form}>
      <h2 className="panel-title">{t('settingsView.aboutYouUsedInTemplates')}</h2>
      <TextField label={t('settingsView.yourName')} value={draft.name} onChange={(v) => set('name', v)} maxLength={200} data-setting="name" />
      <TextField label={SETTING_LABELS.currentRole} value={draft.currentRole} onChange={(v) => set('currentRole', v)} maxLength={500} data-setting="currentRole" />
      <TextField
        label={t('settingsView.background')}
        value={draft.background}
        onChange={(v) => set('background', v)}
        maxLength={500}
        placeholder={t('settingsView.aDataAnalystMovingIntoProduct')}
        data-setting="background"
      />
      <TextField
        label={t('settingsView.goal')}
        value={draft.goal}
        onChange={(v) => set('goal', v)}
        maxLength={500}
        placeholder={t('settingsView.productManagementInClimateTech')}
        data-setting="goal"
      />
      <TextField label={t('settingsView.resumeLink')} value={draft.resumeUrl} onChange={(v) => set('resumeUrl', v)} type="url" maxLength={2048} data-setting="resumeUrl" />
      <p className="muted">{t('settingsView.keepYourResumeReadyAndShare')}</p>
      <PrepSettings draft={draft} set={set} />
      <h2 className="panel-title">{t('settingsView.yourWorkingWeek')}</h2>
      <WorkWeekFields draft={draft} set={set} daysLegend={t('settingsView.workingDays')} />
      <ReminderSettings draft={draft} set={set} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('settingsView.saveSettings')}
        </button>
        <span role="status">{saved}</span>
      </div>
      <ErrorMessage text={error} />
    </form>
    <CaptureHealth />
    <DataSettings />
    <SyncSettings />
    </>
  );
}
