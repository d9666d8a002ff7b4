import { useId, useMemo, useState, type FormEvent } from 'react';
import { diffCapture } from '@/utils/db/people';
import { EDITABLE_FIELDS, type EditableField, type FieldOrigin, type Person, type ProfileCapture } from '@/utils/domain/schemas';

export const FIELD_LABELS: Record<EditableField, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  headline: 'Headline',
  role: 'Role',
  company: 'Company',
  location: 'Location',
};

const ORIGIN_LABELS: Record<FieldOrigin, string> = {
  url: 'the address',
  'json-ld': 'structured data',
  'embedded-data': 'page data',
  microdata: 'structured data',
  'h-card': 'h-card',
  opengraph: 'page tags',
  link: 'a link',
  aria: 'an accessible label',
  'data-attribute': 'page markup',
  heading: 'the heading',
  structure: 'the page layout',
  title: 'the page title',
  class: 'page styling (fragile)',
  selection: 'your selection',
  user: 'you',
};

export interface SaveRequest {
  edits: Partial<Record<EditableField, string | null>>;
  accept: EditableField[];
}

/** The value a field's box starts with: the user's own edit, else what the page says, else what is stored. */
function initialValue(field: EditableField, capture: ProfileCapture, stored: Person | undefined): string {
  if (stored?.editedFields.includes(field)) return stored[field] ?? '';
  return capture[field] ?? stored?.[field] ?? '';
}

/**
 * What was captured, field by field, each in an edit box; what changed since
 * the last save; and, for fields the user edited, the page's new value to
 * accept or ignore. All values render as text.
 */
export function CaptureForm({
  capture,
  stored,
  busy,
  onSave,
}: {
  capture: ProfileCapture;
  stored: Person | undefined;
  busy: boolean;
  onSave: (request: SaveRequest) => void;
}) {
  const formId = useId();
  const initial = useMemo(
    () => Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, initialValue(f, capture, stored)])) as Record<EditableField, string>,
    [capture, stored],
  );
  const [values, setValues] = useState(initial);
  const [accepted, setAccepted] = useState<EditableField[]>([]);
  const changes = stored ? diffCapture(stored, capture) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const edits: SaveRequest['edits'] = {};
    for (const field of EDITABLE_FIELDS) {
      const value = values[field].trim();
      const start = accepted.includes(field) ? (capture[field] ?? '') : initial[field];
      if (value !== start) edits[field] = value === '' ? null : value;
    }
    onSave({ edits, accept: accepted });
  }

  function accept(field: EditableField) {
    setAccepted((a) => [...a, field]);
    setValues((v) => ({ ...v, [field]: capture[field] ?? '' }));
  }

  return (
    <form className="capture-form" aria-label="Review and save" onSubmit={submit}>
      {changes.length > 0 && (
        <section className="changes" aria-labelledby={`${formId}-changes`}>
          <h3 id={`${formId}-changes`}>Changed on the page since you saved</h3>
          <ul>
            {changes.map((c) => (
              <li key={c.field}>
                <span className="change-field">{FIELD_LABELS[c.field]}:</span> <del>{c.stored ?? '—'}</del> →{' '}
                <ins>{c.captured}</ins>
                {c.edited && !accepted.includes(c.field) ? (
                  <>
                    {' '}
                    <span className="muted">(you edited this; your value stays)</span>{' '}
                    <button type="button" onClick={() => accept(c.field)} aria-label={`Use the page's ${FIELD_LABELS[c.field].toLowerCase()}: ${c.captured ?? ''}`}>
                      Use page value
                    </button>
                  </>
                ) : (
                  <span className="muted"> (updates when you save)</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {EDITABLE_FIELDS.map((field) => {
        const id = `${formId}-${field}`;
        const origin = stored?.editedFields.includes(field) && !accepted.includes(field) ? 'user' : capture.fieldSources[field];
        return (
          <div className="field" key={field}>
            <label htmlFor={id}>{FIELD_LABELS[field]}</label>
            <input
              id={id}
              value={values[field]}
              required={field === 'name'}
              maxLength={field === 'headline' ? 500 : 200}
              aria-describedby={origin ? `${id}-origin` : undefined}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
            {origin && (
              <small id={`${id}-origin`} className="origin">
                from {ORIGIN_LABELS[origin]}
              </small>
            )}
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || values.name.trim() === ''}>
          {stored ? 'Save changes' : 'Save'}
        </button>
      </div>
    </form>
  );
}
