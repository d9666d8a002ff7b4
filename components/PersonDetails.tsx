import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { peopleNamed, setRelationship } from '@/utils/db/contacts';
import { storageErrorMessage } from '@/utils/db/errors';
import { lastMergeInto, undoMerge } from '@/utils/db/merge';
import { confirmFields, editPerson, removePerson, restorePerson, type PersonEdit } from '@/utils/db/people';
import { fieldsToCheck } from '@/utils/domain/confidence';
import { EDITABLE_FIELDS, LIMITS, type CapturedField, type EditableField, type Person, type Settings } from '@/utils/domain/schemas';
import { refreshReminders } from '@/utils/messaging/client';
import { focusedPersonId } from '@/utils/ui-state';
import { useSettings } from './hooks';
import { IntroPlanner } from './IntroPlanner';
import { MergeView } from './MergeView';
import { takeResume } from './nav';
import { FIELD_LABEL_KEYS, FIELD_MAX_LENGTH } from './CaptureForm';
import { Avatar, roleLine } from './PersonCard';
import { RequestView, type RequestSeed } from './RequestView';
import { showToast } from './Toasts';
import { useTransient, useView } from './view-hooks';
import { SyncHistory } from './SyncHistory';
import { LazyPersonWorkspace } from './Lazy';
import { formatDate, formatDateTime, labels, t, tn } from '@/utils/i18n';
import { fieldNoteText } from '@/utils/field-notes';
import { userMessage } from './user-message';
import { ErrorMessage } from './ErrorMessage';

const CHECK_LABELS: Partial<Record<CapturedField, string>> = labels({
  ...FIELD_LABEL_KEYS,
  photoUrl: 'personDetails.photo',
  degree: 'personDetails.connectionDegree',
  mutualConnections: 'personCard.mutualConnections',
  profileUrl: 'common.profileLink',
});

type Open = { kind: 'request'; id: string | null; seed?: RequestSeed } | { kind: 'merge'; otherId?: string };

/** What each person's page had open (a request, a merge), so coming back to them finds it again. */
const openViews = new Map<string, Open>();
/** Field edits not saved yet, per person: leaving the page does not lose them. */
const unsavedEdits = new Map<string, Record<string, string>>();

/**
 * One saved person: their fields (editable, with the ones the capture was
 * unsure of marked until confirmed), who can introduce the user, their
 * requests (opened here, so the user stays on this person), notes saved as
 * they are typed, merging, and removal with Undo.
 */
export function PersonDetails({
  person,
  db,
  onBack,
  settings: given,
}: {
  person: Person;
  db: IntrobookDB;
  onBack: () => void;
  /** The user's settings when the caller has them (else read here). */
  settings?: Settings;
  /** Kept for callers of the earlier version: requests now open on the person's page. */
  onOpenRequest?: (id: string) => void;
}) {
  const own = useSettings();
  const settings = given ?? own;
  // Back from Settings (sent there by a draft's "Open … in Settings"), the draft is open again.
  const [open, setOpenState] = useState<Open | null>(() => (takeResume() ? (openViews.get(person.id) ?? null) : null));
  const setOpen = (next: Open | null) => {
    if (next) openViews.set(person.id, next);
    else openViews.delete(person.id);
    setOpenState(next);
  };

  if (open?.kind === 'request') {
    return (
      <RequestView
        key={open.id ?? `new:${open.seed?.connectorId ?? 'direct'}`}
        db={db}
        settings={settings}
        requestId={open.id}
        seed={open.seed}
        backLabel={t('personDetails.backTo', { name: person.name })}
        onBack={() => setOpen(null)}
        onCreated={(id) => openViews.set(person.id, { kind: 'request', id, seed: open.seed })}
      />
    );
  }
  if (open?.kind === 'merge') {
    return (
      <MergeView
        db={db}
        firstId={person.id}
        secondId={open.otherId}
        onDone={(keptId) => {
          setOpen(null);
          if (keptId && keptId !== person.id) void focusedPersonId.setValue(keptId);
        }}
      />
    );
  }
  return (
    <PersonPage
      person={person}
      db={db}
      onBack={onBack}
      onStartRequest={(seed) => setOpen({ kind: 'request', id: null, seed })}
      onOpenRequest={(id) => setOpen({ kind: 'request', id })}
      onMerge={(otherId) => setOpen({ kind: 'merge', otherId })}
    />
  );
}

function PersonPage({
  person,
  db,
  onBack,
  onStartRequest,
  onOpenRequest,
  onMerge,
}: {
  person: Person;
  db: IntrobookDB;
  onBack: () => void;
  onStartRequest: (seed: RequestSeed) => void;
  onOpenRequest: (id: string) => void;
  onMerge: (otherId?: string) => void;
}) {
  const heading = useView(onBack);
  const [editing, setEditing] = useState(() => unsavedEdits.has(person.id));
  const sameName = useLiveQuery(() => peopleNamed(db, person.name, person.id), [person.name, person.id]);
  const merge = useLiveQuery(() => lastMergeInto(db, person.id), [person.id, person.updatedAt]);

  async function remove() {
    await removePerson(db, person.id);
    refreshReminders();
    showToast(t('personDetails.removed', { name: person.name }), () => restorePerson(db, person.id).then(refreshReminders));
    onBack();
  }

  return (
    <section className="panel" aria-label={t('personDetails.detailsFor', { name: person.name })} data-view>
      <button type="button" onClick={onBack}>
        {t('personDetails.allPeople')}
      </button>
      <div className="person-card-head person-page-head">
        <Avatar name={person.name} photoUrl={person.photoUrl} />
        <h2 className="person-name" tabIndex={-1} ref={heading} data-view-heading>
          {person.name}
        </h2>
      </div>
      {merge && (
        <p className="message">
          {t('personDetails.wasMerged', { name: merge.otherBefore.name })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void undoMerge(db, merge.id).then(
                () => showToast(t('personDetails.mergeUndone')),
                (e: unknown) => showToast(userMessage(e, t('personDetails.mergeNotUndone'))),
              )
            }
          >
            {t('personDetails.undoMerge')}
          </button>
        </p>
      )}
      {sameName && sameName.length > 0 && (
        <p className="message warn-text">
          {roleLine(sameName[0]!)
            ? tn('personDetails.othersNamedWithRole', sameName.length, { name: person.name, role: roleLine(sameName[0]!) ?? '' })
            : tn('personDetails.othersNamed', sameName.length, { name: person.name })}{' '}
          <button type="button" className="link-button" onClick={() => onMerge(sameName[0]!.id)}>
            {t('personDetails.compareAndMerge')}
          </button>
        </p>
      )}
      {editing ? (
        <PersonEditor db={db} person={person} onDone={() => setEditing(false)} />
      ) : (
        <PersonFields db={db} person={person} onEdit={() => setEditing(true)} />
      )}
      {person.roleHistory.length > 0 && (
        <>
          <h3 className="panel-title">{t('personDetails.earlierRoles')}</h3>
          <ul className="history" aria-label={t('personDetails.earlierRoles')}>
            {person.roleHistory.map((h) => (
              <li key={h.until}>
                {[h.role, h.company].filter(Boolean).join(' · ') || t('personDetails.unknownRole')}{' '}
                <span className="muted">{t('personDetails.until', { date: formatDate(h.until) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {person.profileUrl.startsWith('https://') && (
        <p>
          <a href={person.profileUrl} target="_blank" rel="noopener noreferrer">
            {person.source.startsWith('linkedin') ? t('personDetails.openProfileOnLinkedIn') : t('personDetails.openProfile')}
          </a>
        </p>
      )}
      <p className="muted">
        {t('personDetails.savedAndCaptured', { saved: formatDate(person.createdAt), captured: formatDateTime(person.capturedAt) })}
      </p>
      <SyncHistory db={db} table="people" rowId={person.id} />
      <IntroPlanner person={person} db={db} onStartRequest={onStartRequest} onOpenRequest={onOpenRequest} />
      <LazyPersonWorkspace person={person} db={db} />
      <Notes db={db} person={person} />
      <RemoveOrMerge person={person} onRemove={() => void remove()} onMerge={() => onMerge()} />
    </section>
  );
}

/** What the capture said about a field's value ("cut at a word"), shown beside it; none for the user's own values. */
function fieldNote(person: Person, field: CapturedField): string | undefined {
  return person.fieldSources[field] === 'user' ? undefined : fieldNoteText(person.fieldNotes?.[field]);
}

/** The captured fields, with "check this" on the ones a capture guessed from the page layout, and the capture's notes. */
function PersonFields({ db, person, onEdit }: { db: IntrobookDB; person: Person; onEdit: () => void }) {
  const toCheck = fieldsToCheck(person);
  const [error, setError] = useState<string | null>(null);
  /** "Looks right": a write that fails says why (a full disk says so; a person removed elsewhere says so). */
  const confirm = (fields: readonly CapturedField[]) =>
    void confirmFields(db, person.id, fields).then(
      () => setError(null),
      (err: unknown) => setError(userMessage(err, t('notSaved.confirmFields'))),
    );
  const note = (field: CapturedField) => {
    const text = fieldNote(person, field);
    return text ? <small className="field-note">{text}</small> : null;
  };
  const check = (field: CapturedField) =>
    toCheck.includes(field) ? (
      <span className="check-this">
        <span className="badge">{t('personDetails.checkThis')}</span>
        <button
          type="button"
          className="link-button"
          onClick={() => confirm([field])}
          aria-label={t('captureForm.fieldLooksRight', { field: CHECK_LABELS[field] ?? field })}
        >
          {t('captureForm.looksRight')}
        </button>
      </span>
    ) : null;
  const rows: [CapturedField, string, string | null][] = [
    ['headline', t('common.headline'), person.headline],
    ['role', t('addPerson.role'), person.role],
    ['company', t('common.company'), person.company],
    ['location', t('common.location'), person.location],
  ];
  const mutual = person.mutualConnections;
  return (
    <div className="person-fields">
      {person.degree !== null && (
        <p className="degree">
          {t(person.degree === 1 ? 'personDetails.degree1' : person.degree === 2 ? 'personDetails.degree2' : 'personDetails.degree3')} {check('degree')}{' '}
          {note('degree')}
        </p>
      )}
      {(toCheck.includes('name') || fieldNote(person, 'name')) && (
        <p>
          {t('common.name')} {check('name')} {note('name')}
        </p>
      )}
      <dl className="fields" aria-label={t('personDetails.profileFields')}>
        {rows
          .filter(([, , v]) => v)
          .map(([field, label, value]) => (
            <div key={field} className="field-row">
              <dt>{label}</dt>
              <dd>
                {value} {check(field)} {note(field)}
              </dd>
            </div>
          ))}
        {person.email && (
          <div className="field-row">
            <dt>{t('common.email')}</dt>
            <dd>{person.email}</dd>
          </div>
        )}
        {mutual.count > 0 && (
          <div className="field-row">
            <dt>{t('personCard.mutualConnections')}</dt>
            <dd>
              {mutual.names.length > 0 ? mutual.names.join(', ') : null}
              {mutual.count > mutual.names.length
                ? mutual.names.length > 0
                  ? tn('personCard.andMore', mutual.count - mutual.names.length)
                  : tn('personCard.mutuals', mutual.count)
                : null}{' '}
              {check('mutualConnections')} {note('mutualConnections')}
            </dd>
          </div>
        )}
      </dl>
      {person.positions.length > 1 && (
        <>
          <h3 className="panel-title">{t('personDetails.currentPositions')}</h3>
          <ul className="history" aria-label={t('personDetails.currentPositions')}>
            {person.positions.map((p, i) => (
              <li key={i}>{[p.title, p.company].filter(Boolean).join(' · ')}</li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onEdit}>
          {t('captureForm.editDetails')}
        </button>
        {toCheck.length > 1 && (
          <button type="button" onClick={() => confirm(toCheck)}>
            {t('personDetails.allLookRight')}
          </button>
        )}
      </div>
      <ErrorMessage text={error} />
    </div>
  );
}

/** The user corrects the record: edited fields are theirs from now on (a capture leaves them alone). */
function PersonEditor({ db, person, onDone }: { db: IntrobookDB; person: Person; onDone: () => void }) {
  const id = useId();
  const stored = (f: EditableField | 'email') => (f === 'email' ? person.email : (person[f] ?? ''));
  const [values, setValues] = useState<Record<string, string>>(
    () => unsavedEdits.get(person.id) ?? Object.fromEntries([...EDITABLE_FIELDS, 'email' as const].map((f) => [f, stored(f)])),
  );
  const [error, setError] = useState<string | null>(null);
  const toCheck = fieldsToCheck(person);
  const changed = [...EDITABLE_FIELDS, 'email' as const].filter((f) => (values[f] ?? '').trim() !== (stored(f) ?? ''));

  useEffect(() => {
    if (changed.length > 0) unsavedEdits.set(person.id, values);
    else unsavedEdits.delete(person.id);
  }, [values, changed.length, person.id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!(values.name ?? '').trim()) return setError(t('personDetails.nameRequired'));
    try {
      const edit: Record<string, string | null> = {};
      for (const f of EDITABLE_FIELDS) if (changed.includes(f)) edit[f] = (values[f] ?? '').trim() || (f === 'name' ? person.name : null);
      if (Object.keys(edit).length > 0) {
        await editPerson(db, person.id, edit as PersonEdit);
        // The user's own word is sure: no "check this" on what they just wrote.
        await confirmFields(db, person.id, Object.keys(edit) as CapturedField[]);
      }
      if (changed.includes('email')) await setRelationship(db, person.id, { email: (values.email ?? '').trim() });
      unsavedEdits.delete(person.id);
      showToast(Object.keys(edit).length > 0 || changed.includes('email') ? t('personDetails.updated', { name: (values.name ?? '').trim() || person.name }) : t('personDetails.nothingChanged'));
      onDone();
    } catch (error) {
      setError(storageErrorMessage(error, t('personDetails.checkTheFields')));
    }
  }

  return (
    <form className="capture-form" aria-label={t('personDetails.edit', { name: person.name })} onSubmit={submit}>
      {unsavedEdits.has(person.id) && changed.length > 0 && <p className="muted small">{t('personDetails.unsavedChanges')}</p>}
      {[...EDITABLE_FIELDS, 'email' as const].map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`${id}-${f}`}>{f === 'email' ? t('common.email') : CHECK_LABELS[f]}</label>
          <input
            id={`${id}-${f}`}
            type={f === 'email' ? 'email' : 'text'}
            value={values[f] ?? ''}
            required={f === 'name'}
            maxLength={f === 'email' ? LIMITS.short : FIELD_MAX_LENGTH[f]}
            aria-describedby={
              [fieldNote(person, f as CapturedField) ? `${id}-${f}-note` : null, toCheck.includes(f as CapturedField) ? `${id}-${f}-check` : null]
                .filter(Boolean)
                .join(' ') || undefined
            }
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
          {fieldNote(person, f as CapturedField) && (
            <small id={`${id}-${f}-note`} className="field-note">
              {fieldNote(person, f as CapturedField)}
            </small>
          )}
          {toCheck.includes(f as CapturedField) && (
            <span id={`${id}-${f}-check`} className="origin">
              {t('personDetails.checkThisLayout')}
            </span>
          )}
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="primary">
          {t('captureForm.saveChanges')}
        </button>
        <button
          type="button"
          onClick={() => {
            unsavedEdits.delete(person.id);
            onDone();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </form>
  );
}

/** The user's notes, saved as they type (and when they leave): nothing typed is lost on navigation. */
function Notes({ db, person }: { db: IntrobookDB; person: Person }) {
  const id = useId();
  const [notes, setNotes] = useState(person.notes);
  const [status, setStatus] = useTransient(2_500);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<string | null>(null);

  const flush = async () => {
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    try {
      await editPerson(db, person.id, { notes: text });
      setError(null);
      setStatus(t('personDetails.notesSaved'));
    } catch (error) {
      pending.current = text;
      setError(storageErrorMessage(error, t('personDetails.notesNotSaved')));
    }
  };

  useEffect(() => {
    if (pending.current === null) return;
    const timer = setTimeout(() => void flush(), 800);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- debounce on typing
  }, [notes]);

  // Leaving the page (or closing the panel) saves what is pending.
  useEffect(() => {
    const beforeUnload = () => void flush();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      void flush();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page
  }, []);

  return (
    <div className="notes">
      <label htmlFor={id}>{t('personDetails.yourNotes')}</label>
      <textarea
        id={id}
        value={notes}
        maxLength={20_000}
        onChange={(e) => {
          setNotes(e.target.value);
          pending.current = e.target.value;
        }}
        onBlur={() => void flush()}
      />
      <p className="muted small" role="status">
        {error ? '' : status ?? t('personDetails.savedAsYouType')}
      </p>
      <ErrorMessage text={error} />
    </div>
  );
}

function RemoveOrMerge({ person, onRemove, onMerge }: { person: Person; onRemove: () => void; onMerge: () => void }) {
  const [confirmRemove, setConfirmRemove] = useState(false);
  return (
    <div className="actions danger-zone">
      <button type="button" onClick={onMerge}>
        {t('personDetails.mergeWithAnother')}
      </button>
      {confirmRemove ? (
        <>
          <button type="button" className="danger" onClick={onRemove}>
            {t('personDetails.yesRemove', { name: person.name })}
          </button>
          <button type="button" onClick={() => setConfirmRemove(false)}>
            {t('personDetails.keep')}
          </button>
        </>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
          {t('personDetails.removeFromIntrobook')}
        </button>
      )}
    </div>
  );
}
