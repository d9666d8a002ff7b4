import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Settings } from '@/utils/domain/schemas';
import { refreshReminders } from '@/utils/messaging/client';
import { saveSettings } from '@/utils/settings';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
import { PrepSettings } from './PrepSettings';
import { TextField } from './TextField';

/** How much the local store uses, and whether the browser keeps it under disk pressure. */
function StorageUse() {
  const [info, setInfo] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      const estimate = await navigator.storage?.estimate?.();
      const persisted = await navigator.storage?.persisted?.();
      if (!estimate) return;
      const mb = ((estimate.usage ?? 0) / 1024 / 1024).toFixed(1);
      setInfo(`Introbook’s data uses ${mb} MB on this computer${persisted ? ', kept even when disk space runs low' : ''}. Uninstalling the extension deletes it.`);
    })();
  }, []);
  return info ? <p className="muted">{info}</p> : null;
}

function zones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The user's own profile that templates draw on, and the working week follow-ups count in. */
export function SettingsView({ settings }: { settings: Settings }) {
  const id = useId();
  const [draft, setDraft] = useState(settings);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await saveSettings({ ...draft, name: draft.name.trim(), background: draft.background.trim(), goal: draft.goal.trim(), resumeUrl: draft.resumeUrl.trim() });
      refreshReminders();
      setStatus({ ok: true, text: 'Settings saved.' });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error && err.message.includes('time zone') ? err.message : 'Check the fields: the résumé link must be https, and pick at least one working day.' });
    }
  }

  return (
    <form className="panel capture-form" aria-label="Settings" onSubmit={submit}>
      <h2 className="panel-title">About you (used in templates)</h2>
      <TextField label="Your name" value={draft.name} onChange={(v) => set('name', v)} maxLength={200} />
      <TextField label="Background" value={draft.background} onChange={(v) => set('background', v)} maxLength={500} placeholder="a data analyst moving into product" />
      <TextField label="Goal" value={draft.goal} onChange={(v) => set('goal', v)} maxLength={500} placeholder="product management in climate tech" />
      <TextField label="Résumé link" value={draft.resumeUrl} onChange={(v) => set('resumeUrl', v)} type="url" maxLength={2048} />
      <p className="muted">Keep your résumé ready, and share it only if someone asks.</p>
      <PrepSettings draft={draft} set={set} />
      <h2 className="panel-title">Your working week</h2>
      <div className="field">
        <label htmlFor={`${id}-tz`}>Time zone</label>
        <input id={`${id}-tz`} list={`${id}-zones`} value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
        <datalist id={`${id}-zones`}>
          {zones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <fieldset className="days">
        <legend>Working days</legend>
        {DAYS.map((day, i) => (
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
      <div className="actions">
        <button type="submit" className="primary">
          Save settings
        </button>
      </div>
      {status && (
        <p className={`message ${status.ok ? 'ok' : 'error'}`} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      <StorageUse />
    </form>
  );
}
