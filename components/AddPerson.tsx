import { useState } from 'react';
import type { Person } from '@/utils/domain/schemas';
import { Panel } from './Lazy';
import { t } from '@/utils/i18n';

/**
 * Add a person by hand from the side panel (someone met offline, or with no
 * profile page): a button, and the form (components/AddPersonForm.tsx) once
 * it is pressed — loaded then, with the store (issue #11).
 */
export function AddPerson({ onOpen }: { onOpen: (person: Person) => void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          {t('common.addAPerson')}
        </button>
      </div>
    );
  }
  return (
    <Panel.AddPersonForm
      onCancel={() => setOpen(false)}
      onDone={(person) => {
        setOpen(false);
        onOpen(person);
      }}
    />
  );
}
