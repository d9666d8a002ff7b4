import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
// Zod- and Dexie-free imports only: the popup paints this form first (issue #11).
import { diffCapture, EDITABLE_FIELDS, sameName, type EditableField } from '@/utils/domain/captures';
import { fieldsToCheck } from '@/utils/domain/confidence';
import { LIMITS, type CapturedField } from '@/utils/domain/limits';
import type { FieldOrigin, Person, ProfileCapture } from '@/utils/domain/schemas';
import { labels, t } from '@/utils/i18n';
import { fieldNoteText } from '@/utils/field-notes';
import { tx } from './i18n';

/** The message key of each editable field's label (PersonDetails adds its other fields to these). */
export const FIELD_LABEL_KEYS = {
  name: 'common.name',
  firstName: 'captureForm.firstName',
  lastName: 'captureForm.lastName',
  headline: 'common.headline',
  role: 'addPerson.role',
  company: 'common.company',
  location: 'common.location',
} as const satisfies Record<EditableField, string>;
export const FIELD_LABELS: Record<EditableField, string> = labels(FIELD_LABEL_KEYS);

/** The longest value each box takes: the capture's own limits (a name is kept whole up to LIMITS.name). */
export const FIELD_MAX_LENGTH: Record<EditableField, number> = {
  name: LIMITS.name,
  firstName: LIMITS.name,
  lastName: LIMITS.name,
  headline: LIMITS.headline,
  role: LIMITS.short,
  company: LIMITS.short,
  location: LIMITS.short,
};

/** Captured fields the form has no box for; a check mark for them sits under the boxes. */
const OTHER_FIELD_LABELS: Partial<Record<CapturedField, string>> = labels({
  photoUrl: 'captureForm.other.photo',
  degree: 'captureForm.other.degree',
  mutualConnections: 'captureForm.other.mutualConnections',
});

/** Where a value was read, after "from": "from the page layout". */
const ORIGIN_LABELS: Record<FieldOrigin, string> = labels({
  url: 'captureForm.origin.url',
  'json-ld': 'captureForm.origin.structuredData',
  'embedded-data': 'captureForm.origin.pageData',
  microdata: 'captureForm.origin.structuredData',
  'h-card': 'captureForm.origin.hCard',
  opengraph: 'captureForm.origin.pageTags',
  link: 'captureForm.origin.link',
  aria: 'captureForm.origin.aria',
  'data-attribute': 'captureForm.origin.pageMarkup',
  heading: 'captureForm.origin.heading',
  structure: 'captureForm.origin.layout',
  title: 'captureForm.origin.title',
  class: 'captureForm.origin.styling',
  selection: 'captureForm.origin.selection',
  user: 'captureForm.origin.you',
});

export interface SaveRequest {
  edits: Partial<Record<EditableField, string | null>>;
  accept: EditableField[];
  /** Fields the user said look right before saving (only for a person not saved yet). */
  confirmed: CapturedField[];
  /** The user agreed to rename the stored person. */
  confirmName: boolean;
}

/** The value a field's box starts with: the user's own edit, else what the page says, else what is stored. */
function initialValue(field: EditableField, capture: ProfileCapture, stored: Person | undefined): string {
  if (stored?.editedFields.includes(field)) return stored[field] ?? '';
  // A record typed by hand starts with an empty name: show what is stored, if anything.
  return capture[field] || stored?.[field] || '';
}

/**
 * Save, as the one primary action, under the person's card (the popup draws
 * it); what changed since the last save; fields the capture is unsure of, or
 * has a note about, shown in their edit box and marked "Check this" until the
 * user says they look right (or edits them); every other field opens for
 * editing on demand ("Edit details"), each box saying where its value came
 * from; and a question before a save renames a stored person. All values
 * render as text.
 */
export function CaptureForm({
  capture,
  stored,
  busy,
  onSave,
  onConfirmStored,
  secondary,
}: {
  /** Quieter actions for the row beside Save (e.g. "Open in side panel"). */
  secondary?: ReactNode;
  capture: ProfileCapture;
  stored: Person | undefined;
  busy: boolean;
  onSave: (request: SaveRequest) => void;
  /** A saved person's fields look right: record that now (confirmFields). */
  onConfirmStored: (fields: CapturedField[]) => void;
}) {
  const formId = useId();
  const initial = useMemo(
    () => Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, initialValue(f, capture, stored)])) as Record<EditableField, string>,
    [capture, stored],
  );
  const [values, setValues] = useState(initial);
  const [accepted, setAccepted] = useState<EditableField[]>([]);
  const [confirmedHere, setConfirmedHere] = useState<CapturedField[]>([]);
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const changes = stored ? diffCapture(stored, capture) : [];
  // A record typed in by hand needs its boxes at once; otherwise they open on demand.
  const [editing, setEditing] = useState(() => initial.name.trim() === '');

  // A saved person's marks come from the store; a new capture's from the capture.
  const unsure = new Set(fieldsToCheck(stored ?? capture));
  const toCheck = (field: CapturedField) =>
    unsure.has(field) &&
    !confirmedHere.includes(field) &&
    // A value the user typed is their own word.
    !(field in initial && values[field as EditableField].trim() !== initial[field as EditableField]);
  const otherToCheck = (Object.keys(OTHER_FIELD_LABELS) as CapturedField[]).filter(toCheck);
  // What the extractor says about a value it read ("name cut at a word"): beside the page's value, not the user's.
  const noteOf = (field: CapturedField, origin: FieldOrigin | undefined) => (origin === 'user' ? undefined : fieldNoteText(capture.fieldNotes?.[field]));
  const otherNotes = (Object.keys(OTHER_FIELD_LABELS) as CapturedField[]).flatMap((f) => {
    const note = noteOf(f, capture.fieldSources[f]);
    return note ? [[f, note] as const] : [];
  });

  // The fields that draw attention: the ones to check or with a note, as the form opened (they stay while edited).
  const [attention] = useState(() =>
    EDITABLE_FIELDS.filter((f) => toCheck(f) || noteOf(f, stored?.editedFields.includes(f) ? 'user' : capture.fieldSources[f]) !== undefined),
  );
  const shownFields = editing ? EDITABLE_FIELDS : EDITABLE_FIELDS.filter((f) => attention.includes(f));

  function looksRight(fields: CapturedField[]) {
    setConfirmedHere((c) => [...c, ...fields]);
    if (stored) onConfirmStored(fields);
  }

  function request(confirmName: boolean): SaveRequest {
    const edits: SaveRequest['edits'] = {};
    for (const field of EDITABLE_FIELDS) {
      const value = values[field].trim();
      const start = accepted.includes(field) ? (capture[field] ?? '') : initial[field];
      if (value !== start) edits[field] = value === '' ? null : value;
    }
    return { edits, accept: accepted, confirmed: stored ? [] : confirmedHere, confirmName };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = values.name.trim();
    if (stored && !sameName(next, stored.name)) {
      // A new name may mean another person: ask before saving anything.
      setRenaming({ from: stored.name, to: next });
      queueMicrotask(() => renameButton.current?.focus());
      return;
    }
    onSave(request(false));
  }

  function accept(field: EditableField) {
    setAccepted((a) => [...a, field]);
    setValues((v) => ({ ...v, [field]: capture[field] ?? '' }));
  }

  return (
    <form className="capture-form" aria-label={t('captureForm.reviewAndSave')} onSubmit={submit}>
      {changes.length > 0 && (
        <section className="changes" aria-labelledby={`${formId}-changes`}>
          <h3 id={`${formId}-changes`}>{t('captureForm.changedOnThePage')}</h3>
          <ul>
            {changes.map((c) => (
              <li key={c.field}>
                <span className="change-field">{t('captureForm.fieldColon', { field: FIELD_LABELS[c.field] })}</span> <del>{c.stored ?? '—'}</del> →{' '}
                <ins>{c.captured}</ins>
                {c.edited && !accepted.includes(c.field) ? (
                  <>
                    {' '}
                    <span className="muted">{t('captureForm.youEditedThis')}</span>{' '}
                    <button
                      type="button"
                      onClick={() => accept(c.field)}
                      aria-label={t('captureForm.usePageValueFor', { field: FIELD_LABELS[c.field].toLocaleLowerCase(), value: c.captured ?? '' })}
                    >
                      {t('captureForm.usePageValue')}
                    </button>
                  </>
                ) : (
                  <span className="muted"> {t('captureForm.updatesWhenYouSave')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!editing && attention.length > 0 && <h3 className="panel-title">{t(attention.length === 1 ? 'captureForm.checkThisField' : 'captureForm.checkTheseFields')}</h3>}
      {shownFields.map((field) => {
        const id = `${formId}-${field}`;
        const origin = stored?.editedFields.includes(field) && !accepted.includes(field) ? 'user' : capture.fieldSources[field];
        const check = toCheck(field);
        const note = noteOf(field, origin);
        const described = [origin ? `${id}-origin` : null, note ? `${id}-note` : null, check ? `${id}-check` : null].filter(Boolean).join(' ');
        return (
          <div className={check ? 'field unsure' : 'field'} key={field}>
            <label htmlFor={id}>{FIELD_LABELS[field]}</label>
            <input
              id={id}
              value={values[field]}
              required={field === 'name'}
              maxLength={FIELD_MAX_LENGTH[field]}
              aria-describedby={described || undefined}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
            {origin && (
              <small id={`${id}-origin`} className="origin">
                {t('captureForm.from', { origin: ORIGIN_LABELS[origin] })}
              </small>
            )}
            {note && (
              <small id={`${id}-note`} className="field-note">
                {note}
              </small>
            )}
            {check && (
              <span className="check">
                <strong id={`${id}-check`} className="check-label">
                  {t('captureForm.checkThis')}
                </strong>
                <button type="button" className="small" onClick={() => looksRight([field])} aria-label={t('captureForm.fieldLooksRight', { field: FIELD_LABELS[field] })}>
                  {t('captureForm.looksRight')}
                </button>
              </span>
            )}
          </div>
        );
      })}
      {otherNotes.length > 0 && (
        <ul className="field-notes" aria-label={t('captureForm.notesOnTheCapture')}>
          {otherNotes.map(([f, note]) => (
            <li key={f}>
              <span className="change-field">{t('captureForm.fieldColon', { field: OTHER_FIELD_LABELS[f] ?? f })}</span> {note}
            </li>
          ))}
        </ul>
      )}
      {otherToCheck.length > 0 && (
        <p className="check other-check">
          {tx(otherToCheck.length === 1 ? 'captureForm.otherCheckOne' : 'captureForm.otherCheckMany', {
            check: <strong>{t('captureForm.checkThis')}</strong>,
            fields: otherToCheck.map((f) => OTHER_FIELD_LABELS[f]).join(', '),
          })}{' '}
          <button type="button" className="small" onClick={() => looksRight(otherToCheck)}>
            {t(otherToCheck.length === 1 ? 'captureForm.looksRight' : 'captureForm.theyLookRight')}
          </button>
        </p>
      )}
      {renaming ? (
        <section
          className="rename"
          role="alertdialog"
          aria-label={t('captureForm.renameLabel', { from: renaming.from, to: renaming.to })}
          aria-describedby={`${formId}-rename-why`}
        >
          <h3>
            {tx('captureForm.renameQuestion', { from: <del>{renaming.from}</del>, to: <ins>{renaming.to}</ins> })}
          </h3>
          <p id={`${formId}-rename-why`}>
            {t('captureForm.renameWhy', { name: renaming.from })}
          </p>
          <div className="actions">
            <button
              ref={renameButton}
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => {
                setRenaming(null);
                onSave(request(true));
              }}
            >
              {t('captureForm.renameAndSave')}
            </button>
            <button type="button" onClick={() => setRenaming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      ) : (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || values.name.trim() === ''}>
            {stored ? t('captureForm.saveChanges') : t('common.save')}
          </button>
          <button type="button" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            {t('captureForm.editDetails')}
          </button>
          {secondary}
        </div>
      )}
    </form>
  );
}
