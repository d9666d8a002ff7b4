import { useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { isValidTimeZone } from '@/utils/domain/business-days';
import type { Settings } from '@/utils/domain/schemas';
import { storageErrorMessage } from '@/utils/db/errors';
import { refreshReminders } from '@/utils/messaging/client';
import { saveSettings, SETTING_LABELS } from '@/utils/settings';
import { TextField } from './TextField';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MOVES = [
  {
    title: 'Save people',
    text: 'On a LinkedIn profile, click Save to Introbook next to the name. The toolbar button works on GitHub and other profile pages too.',
  },
  {
    title: 'Ask for intros',
    text: 'Pick a mutual contact, draft the ask and a forwardable blurb from templates, and Introbook reminds you when to follow up.',
  },
  {
    title: 'Prepare and follow through',
    text: 'Prep notes open in the side panel when the call starts; then thank-yous, reporting back and favours to pay forward.',
  },
];

function zones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

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
    if (!zoneValid) return setError(`“${draft.timeZone}” is not a time zone. Pick one from the list, like Europe/London.`);
    if (draft.workingDays.length === 0) return setError('Pick at least one working day: follow-ups fall on them.');
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
      setError(storageErrorMessage(err, 'Check the fields: the résumé link must start with https://.'));
    }
  }

  return (
    <main className="app page welcome">
      <header className="page-header">
        <h1>
          <span className="brand">
            <img src="/icon/48.png" alt="" width={32} height={32} />
            Welcome to Introbook
          </span>
        </h1>
        <p>Grow your career through informational interviews and warm introductions. Everything stays on this computer.</p>
      </header>
      <section aria-labelledby={`${id}-moves`}>
        <h2 className="panel-title" id={`${id}-moves`}>
          Three moves
        </h2>
        <ol className="moves">
          {MOVES.map((m, i) => (
            <li key={m.title}>
              <span className="move-step" aria-hidden="true">
                {i + 1}
              </span>
              <h2>{m.title}</h2>
              <p>{m.text}</p>
            </li>
          ))}
        </ol>
      </section>
      {done ? (
        <section className="panel" aria-labelledby={`${id}-done`}>
          <h2 id={`${id}-done`}>{done === 'saved' ? 'Saved. You’re ready.' : 'You can fill these in any time.'}</h2>
          <p>Open someone’s LinkedIn profile and click Save to Introbook next to their name. Your settings are in Options.</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
              Open Options
            </button>
            <button type="button" onClick={() => window.close()}>
              Close this tab
            </button>
          </div>
        </section>
      ) : (
        <form className="panel capture-form" aria-labelledby={`${id}-about`} onSubmit={submit}>
          <h2 id={`${id}-about`}>About you</h2>
          <p className="muted">Your messages and prep sheets use these. Every field is optional: skip any, or all, and change them later in Options.</p>
          <TextField label={SETTING_LABELS.name} value={draft.name} onChange={(v) => set('name', v)} maxLength={200} autoComplete="name" placeholder="e.g. Sam Rivera" />
          <TextField label={SETTING_LABELS.currentRole} value={draft.currentRole} onChange={(v) => set('currentRole', v)} maxLength={500} autoComplete="organization-title" placeholder="e.g. data analyst at Acme" />
          <TextField label="Background, in a sentence" value={draft.background} onChange={(v) => set('background', v)} maxLength={500} placeholder="e.g. a data analyst moving into product" />
          <TextField label={SETTING_LABELS.goal} value={draft.goal} onChange={(v) => set('goal', v)} maxLength={500} placeholder="e.g. product management in climate tech" />
          <TextField label={SETTING_LABELS.resumeUrl} value={draft.resumeUrl} onChange={(v) => set('resumeUrl', v)} type="url" maxLength={2048} placeholder="https://…" />
          <div className="field">
            <label htmlFor={`${id}-tz`}>Time zone</label>
            <input
              id={`${id}-tz`}
              list={`${id}-zones`}
              value={draft.timeZone}
              aria-invalid={!zoneValid}
              onChange={(e) => set('timeZone', e.target.value)}
            />
            <datalist id={`${id}-zones`}>
              {zones().map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
          <fieldset className="days">
            <legend>Working days (follow-ups fall on them)</legend>
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
              Save and start
            </button>
            <button type="button" onClick={() => setDone('skipped')}>
              Skip for now
            </button>
          </div>
          {error && (
            <p className="message error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </main>
  );
}
