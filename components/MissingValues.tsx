import { storageErrorMessage } from '@/utils/db/errors';
import { useId, useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { editPerson } from '@/utils/db/people';
import type { Person, Settings } from '@/utils/domain/schemas';
import { missingLabel, sourceOf, type Variable } from '@/utils/domain/templates';
import { refreshReminders } from '@/utils/messaging/client';
import { saveSettings, SETTING_LABELS } from '@/utils/settings';
import { requestNavigation, setPendingSettingField } from './nav';
import { t } from '@/utils/i18n';

type People = { target?: Person; connector?: Person; recipient?: Person };

const PERSON_FIELD_LABELS = { name: 'name', role: 'role', company: 'company', headline: 'headline', location: 'location' } as const;

/**
 * The values a message is missing, each with the place that fills it: one of
 * the user's settings (a field right here, or Settings) or a field of one of
 * the two people. Filling one fills the message's stand-in.
 */
export function MissingValues({ db, variables, settings, people }: { db: IntrobookDB; variables: Variable[]; settings: Settings; people: People }) {
  // One fix per place: {{me.name}} and {{me.firstName}} are both filled by "Your name".
  const fixes = new Map<string, { variables: Variable[]; source: ReturnType<typeof sourceOf> }>();
  for (const v of variables) {
    const source = sourceOf(v);
    const person = source.kind === 'person' ? people[source.who] : undefined;
    const key = source.kind === 'setting' ? `setting:${source.field}` : `person:${person?.id ?? source.who}:${source.field}`;
    const fix = fixes.get(key) ?? { variables: [], source };
    fix.variables.push(v);
    fixes.set(key, fix);
  }
  if (fixes.size === 0) return null;
  return (
    <section className="missing" aria-label={t('missingValues.missingValues')}>
      <h4>{t('missingValues.missingFromThisMessage')}</h4>
      <ul>
        {Array.from(fixes.entries()).map(([key, { variables: vs, source }]) => (
          <li key={key}>
            {source.kind === 'setting' ? (
              <SettingFix field={source.field} settings={settings} what={vs.map(missingLabel)} />
            ) : (
              <PersonFix db={db} person={people[source.who]} field={source.field} what={vs.map(missingLabel)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SettingFix({ field, settings, what }: { field: 'name' | 'currentRole' | 'background' | 'goal' | 'resumeUrl'; settings: Settings; what: string[] }) {
  const label = SETTING_LABELS[field];
  return (
    <InlineFix
      what={what}
      label={label}
      action={t('missingValues.fillIn', { label: field === 'name' ? t('missingValues.yourName') : label.toLowerCase() })}
      type={field === 'resumeUrl' ? 'url' : 'text'}
      onSave={async (value) => {
        await saveSettings({ ...settings, [field]: value });
        refreshReminders();
      }}
      extra={
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setPendingSettingField(field);
            requestNavigation({ view: 'settings', field });
          }}
        >
          {t('missingValues.openInSettings', { label })}
        </button>
      }
    />
  );
}

function PersonFix({ db, person, field, what }: { db: IntrobookDB; person?: Person; field: keyof typeof PERSON_FIELD_LABELS; what: string[] }) {
  if (!person) return <span>{t('missingValues.missing', { what: what.join(', ') })}</span>;
  return (
    <InlineFix
      what={what}
      label={t('missingValues.s', { name: person.name, value: PERSON_FIELD_LABELS[field] })}
      action={t('missingValues.addS', { name: person.name, value: PERSON_FIELD_LABELS[field] })}
      onSave={async (value) => {
        await editPerson(db, person.id, { [field]: value });
      }}
    />
  );
}

function InlineFix({
  what,
  label,
  type = 'text',
  onSave,
  extra,
  action,
}: {
  what: string[];
  label: string;
  /** The button that opens the field. */
  action: string;
  type?: 'text' | 'url';
  onSave: (value: string) => Promise<void>;
  extra?: React.ReactNode;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) return setError(t('missingValues.typeAValueFirst'));
    try {
      await onSave(value.trim());
      setOpen(false);
      setValue('');
    } catch (err) {
      setError(storageErrorMessage(err, type === 'url' ? t('missingValues.theLinkMustStartWithHttps') : t('missingValues.thatCouldNotBeSaved')));
    }
  }
  return (
    <>
      <span>{t('missingValues.missing', { what: what.join(', ') })} </span>
      {open ? (
        <form className="inline-fix" onSubmit={submit} aria-label={t('missingValues.fillIn', { label })}>
          <label htmlFor={id}>{label}</label>
          <input id={id} type={type} value={value} onChange={(e) => setValue(e.target.value)} maxLength={type === 'url' ? 2048 : 500} />
          <button type="submit">{t('common.save')}</button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
          {error && (
            <span className="message error" role="alert">
              {error}
            </span>
          )}
        </form>
      ) : (
        <span className="button-row">
          <button type="button" className="link-button" onClick={() => setOpen(true)}>
            {action}
          </button>
          {extra}
        </span>
      )}
    </>
  );
}
