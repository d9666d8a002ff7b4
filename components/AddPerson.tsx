import { useState, type ComponentType } from 'react';
import type { Person } from '@/utils/domain/schemas';
import type { AddPersonForm } from './AddPersonForm';
import { loadAddPersonForm } from './Lazy';
import { userMessage } from './user-message';
import { t } from '@/utils/i18n';
import { ErrorMessage } from './ErrorMessage';

type Form = ComponentType<Omit<Parameters<typeof AddPersonForm>[0], 'db'>>;

/**
 * Add a person by hand from the side panel (someone met offline, or with no
 * profile page): a button, and the form (components/AddPersonForm.tsx) once
 * it is pressed. The form's code and the store load then (issue #11) — started
 * already when the button is pointed at or focused, and the form shows once
 * they are there, without a "Loading…" in between.
 */
export function AddPerson({ onOpen }: { onOpen: (person: Person) => void }) {
  const [Form, setForm] = useState<Form | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const warm = () => void loadAddPersonForm().catch(() => {});
  const show = () => {
    setError(null);
    loadAddPersonForm().then(
      (loaded) => {
        setForm(() => loaded);
        setOpen(true);
      },
      (err: unknown) => setError(userMessage(err, t('viewLoad.failed'))),
    );
  };
  if (!open || !Form) {
    return (
      <div className="actions">
        <button type="button" onPointerEnter={warm} onFocus={warm} onClick={show}>
          {t('common.addAPerson')}
        </button>
        <ErrorMessage text={error} />
      </div>
    );
  }
  return (
    <Form
      onCancel={() => setOpen(false)}
      onDone={(person) => {
        setOpen(false);
        onOpen(person);
      }}
    />
  );
}
