import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { peopleNameStartsWith } from '@/utils/db/contacts';
import { UserError } from '@/utils/core/user-error';
import { AlreadySavedError, SameNameError } from '@/utils/db/errors';
import { addPersonByHand } from '@/utils/db/people';
import { LIMITS, type Person } from '@/utils/domain/schemas';
import { roleLine } from './PersonCard';
import { TextField } from './TextField';
import { showToast } from './Toasts';
import { t, tn } from '@/utils/i18n';
import { ErrorMessage } from './ErrorMessage';

/**
 * The side panel's form for adding a person by hand (components/AddPerson.tsx opens it; its code
 * and the store load when it is first opened). Saved people with the typed name are offered
 * first; a name already saved asks "Is this the … you saved?" instead of making a duplicate.
 */
export function AddPersonForm({ db, onDone, onCancel }: { db: IntrobookDB; onDone: (person: Person) => void; onCancel: () => void }) {
  const [values, setValues] = useState({ name: '', role: '', company: '', headline: '', location: '', email: '', profileUrl: '' });
  const [same, setSame] = useState<Person[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typed = useLiveQuery(() => peopleNameStartsWith(db, values.name, 5), [values.name]);
  const set = (key: keyof typeof values) => (v: string) => setValues((x) => ({ ...x, [key]: v }));

  async function save(asNew: boolean) {
    setError(null);
    try {
      const person = await addPersonByHand(db, values, undefined, { asNew });
      showToast(t('addPerson.added', { name: person.name }));
      onDone(person);
    } catch (e) {
      if (e instanceof SameNameError) return setSame(e.matches);
      if (e instanceof AlreadySavedError) return setError(t('addPerson.isAlreadySavedWithThisProfile', { name: e.person.name }));
      setError(e instanceof UserError ? e.message : t('common.checkTheFieldsANameIs'));
    }
  }

  if (same) {
    return (
      <div className="panel confirm" role="alertdialog" aria-labelledby="add-person-same">
        <p id="add-person-same">{same.length === 1 ? t('common.isThisTheYouSaved', { name: same[0]!.name }) : tn('common.youSavedPeopleNamed', same.length, { name: same[0]!.name })}</p>
        <ul className="people-list">
          {same.map((p) => (
            <li key={p.id}>
              <button type="button" className="primary" onClick={() => onDone(p)}>
                {t('addPerson.yesOpen', { name: p.name })}
                {roleLine(p) ? ` (${roleLine(p)})` : ''}
              </button>
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" onClick={() => void save(true)}>
            {t('common.noAddSomeoneNew')}
          </button>
          <button type="button" onClick={() => setSame(null)}>
            {t('common.back')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="panel capture-form"
      aria-label={t('common.addAPerson')}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <TextField label={t('common.name')} value={values.name} onChange={set('name')} required maxLength={LIMITS.name} autoComplete="off" />
      {typed && typed.length > 0 && (
        <div className="offer" aria-label={t('common.savedPeopleWithThisName')}>
          <p className="muted small">{t('common.alreadySaved')}</p>
          <ul className="people-list">
            {typed.map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => onDone(p)}>
                  {t('addPerson.open', { name: p.name })}
                  {roleLine(p) ? ` (${roleLine(p)})` : ''}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextField label={t('addPerson.role')} value={values.role} onChange={set('role')} maxLength={200} />
      <TextField label={t('common.company')} value={values.company} onChange={set('company')} maxLength={200} />
      <TextField label={t('common.headline')} value={values.headline} onChange={set('headline')} maxLength={500} />
      <TextField label={t('common.location')} value={values.location} onChange={set('location')} maxLength={200} />
      <TextField label={t('common.email')} value={values.email} onChange={set('email')} type="email" maxLength={200} />
      <TextField label={t('common.profileLink')} value={values.profileUrl} onChange={set('profileUrl')} type="url" maxLength={2048} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.addPerson')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </form>
  );
}
