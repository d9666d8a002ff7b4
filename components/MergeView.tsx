import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { peopleNameStartsWith } from '@/utils/db/contacts';
import { mergePeople, MergeConflictError, previewMerge, undoMerge, type MergePreview } from '@/utils/db/merge';
import { getPerson } from '@/utils/db/people';
import { STATUS_LABELS } from '@/utils/domain/intro-status';
import { JOINABLE_FIELDS, MERGE_FIELD_LABELS, type MergeChoice, type MergeChoices, type MergeField } from '@/utils/domain/merge';
import type { Person } from '@/utils/domain/schemas';
import { refreshReminders } from '@/utils/messaging/client';
import { roleLine } from './PersonCard';
import { showToast } from './Toasts';
import { useView } from './view-hooks';
import { formatDate, formatList, labels, t, tn } from '@/utils/i18n';
import { userMessage } from './user-message';
import { ErrorMessage } from './ErrorMessage';

const CLOSENESS = labels({ 1: 'mergeView.closeness.acquaintance', 2: 'mergeView.closeness.knowWell', 3: 'mergeView.closeness.close' });
const DEGREE = labels({ 1: 'mergeView.degree.first', 2: 'mergeView.degree.second', 3: 'mergeView.degree.third' });

/** A field's value as text, for the side-by-side view. Scraped text stays text. */
function show(person: Person, field: MergeField): string {
  const v = person[field];
  if (v === null || v === undefined || v === '') return '—';
  if (field === 'closeness') return CLOSENESS[v as 1 | 2 | 3];
  if (field === 'degree') return DEGREE[v as 1 | 2 | 3];
  if (field === 'mutualConnections') {
    const m = person.mutualConnections;
    return m.count === 0 ? '—' : `${m.count}${m.names.length > 0 ? `: ${m.names.join(', ')}` : ''}`;
  }
  if (field === 'profileUrl' && typeof v === 'string' && v.startsWith('urn:uuid:')) return t('mergeView.noneAddedByHand');
  if (field === 'photoUrl') return 'a photo';
  return String(v);
}

/**
 * Merge two saved records of one human. Pick the second record (when only one
 * is given), see their fields side by side, choose per field; every request,
 * meeting, note and mutual link follows the record kept. Undo is offered after.
 */
export function MergeView({ db, firstId, secondId, onDone }: { db: IntrobookDB; firstId: string; secondId?: string; onDone: (keptId: string | null) => void }) {
  const heading = useView(() => onDone(null));
  const [otherId, setOtherId] = useState<string | null>(secondId ?? null);
  const first = useLiveQuery(() => getPerson(db, firstId), [firstId]);
  if (first === undefined) return <p className="muted">{t('common.loading')}</p>;
  return (
    <section className="panel" aria-label={t('mergeView.mergePeople')} data-view>
      <button type="button" onClick={() => onDone(null)}>
        {t('mergeView.back')}
      </button>
      <h2 className="request-title" tabIndex={-1} ref={heading} data-view-heading>
        {t('mergeView.mergeWithAnother', { name: first?.name ?? t('mergeView.thisPerson') })}
      </h2>
      {!first ? (
        <p className="message error">{t('mergeView.thisPersonIsNoLongerIn')}</p>
      ) : otherId ? (
        <MergeChoicesForm key={otherId} db={db} first={first} otherId={otherId} onPickAnother={() => setOtherId(null)} onDone={onDone} />
      ) : (
        <PickPerson db={db} exclude={first} onPick={setOtherId} />
      )}
    </section>
  );
}

function PickPerson({ db, exclude, onPick }: { db: IntrobookDB; exclude: Person; onPick: (id: string) => void }) {
  const id = useId();
  const [query, setQuery] = useState(exclude.name);
  const found = useLiveQuery(() => peopleNameStartsWith(db, query, 8, exclude.id), [query, exclude.id]);
  return (
    <div className="capture-form">
      <div className="field">
        <label htmlFor={id}>{t('mergeView.findTheOtherRecord')}</label>
        <input id={id} value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('mergeView.startOfTheirName')} autoComplete="off" />
      </div>
      {found && found.length === 0 && <p className="muted">{t('mergeView.noOneElseSavedWithA', { query })}</p>}
      {found && found.length > 0 && (
        <ul className="people-list" aria-label={t('mergeView.recordsToMergeWith')}>
          {found.map((p) => (
            <li key={p.id}>
              <button type="button" className="person-row" onClick={() => onPick(p.id)}>
                <span className="person-row-text">
                  <span className="person-row-name">{p.name}</span>
                  <span className="person-row-role">
                    {[roleLine(p), p.profileUrl.startsWith('urn:') ? t('mergeView.addedByHand') : p.profileUrl].filter(Boolean).join(' · ')}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MergeChoicesForm({
  db,
  first,
  otherId,
  onPickAnother,
  onDone,
}: {
  db: IntrobookDB;
  first: Person;
  otherId: string;
  onPickAnother: () => void;
  onDone: (keptId: string | null) => void;
}) {
  // Which record survives (its id stays, so links to it need not move): the older one unless the user says otherwise.
  const [keptId, setKeptId] = useState<string | null>(null);
  const preview = useLiveQuery(async () => {
    const other = await getPerson(db, otherId);
    if (!other) return null;
    const kept = keptId ?? (other.createdAt < first.createdAt ? other.id : first.id);
    return previewMerge(db, kept, kept === first.id ? otherId : first.id);
  }, [first.id, first.updatedAt, otherId, keptId]);
  if (preview === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (preview === null) return <p className="message error">{t('mergeView.theOtherRecordIsNoLonger')}</p>;
  // The choices start over when the record kept changes.
  return <SideBySide key={`${preview.kept.id}:${preview.other.id}`} db={db} first={first} preview={preview} onKeep={setKeptId} onPickAnother={onPickAnother} onDone={onDone} />;
}

function SideBySide({
  db,
  first,
  preview,
  onKeep,
  onPickAnother,
  onDone,
}: {
  db: IntrobookDB;
  first: Person;
  preview: MergePreview;
  onKeep: (id: string) => void;
  onPickAnother: () => void;
  onDone: (keptId: string | null) => void;
}) {
  const id = useId();
  const [choices, setChoices] = useState<MergeChoices>(preview.choices);
  const [error, setError] = useState<string | null>(null);
  const { kept, other, fields, moves, conflicts } = preview;
  // Columns stay in a fixed order (this page's person first) whichever is kept.
  const left = kept.id === first.id ? kept : other;
  const right = left === kept ? other : kept;
  const sideOf = (p: Person): MergeChoice => (p.id === kept.id ? 'kept' : 'other');

  async function merge() {
    setError(null);
    try {
      const record = await mergePeople(db, kept.id, other.id, choices);
      refreshReminders();
      showToast(t('mergeView.mergedIntoOne', { name: kept.name }), () => undoMerge(db, record.id).then(refreshReminders));
      onDone(kept.id);
    } catch (e) {
      setError(e instanceof MergeConflictError ? e.message : userMessage(e, t('mergeView.theMergeFailedNothingWasChanged')));
    }
  }

  const moving = [
    moves.requests > 0 && tn('common.requests', moves.requests),
    moves.meetings > 0 && tn('mergeView.meetings', moves.meetings),
    moves.mutualLinks > 0 && tn('mergeView.mutualLinks', moves.mutualLinks),
    moves.other > 0 && tn('mergeView.otherItems', moves.other),
  ].filter((x): x is string => Boolean(x));

  return (
    <div className="merge">
      <fieldset className="merge-keep">
        <legend>{t('mergeView.keepTheRecordOf')}</legend>
        {[left, right].map((p) => (
          <label key={p.id} className="inline">
            <input type="radio" name={`${id}-keep`} checked={kept.id === p.id} onChange={() => onKeep(p.id)} />
            {t(p.profileUrl.startsWith('urn:') ? 'mergeView.recordByHand' : 'mergeView.recordFromProfile', { name: p.name, date: formatDate(p.createdAt) })}
          </label>
        ))}
      </fieldset>
      {fields.length === 0 ? (
        <p className="muted">{t('mergeView.theTwoRecordsSayTheSame')}</p>
      ) : (
        <table className="merge-table" aria-label={t('mergeView.chooseEachField')}>
          <thead>
            <tr>
              <th scope="col">{t('mergeView.field')}</th>
              <th scope="col">{t('mergeView.first', { name: left.name })}</th>
              <th scope="col">{t('mergeView.second', { name: right.name })}</th>
              {fields.some((f) => JOINABLE_FIELDS.has(f)) && <th scope="col">{t('mergeView.or')}</th>}
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f}>
                <th scope="row">{MERGE_FIELD_LABELS[f]}</th>
                {[left, right].map((p, col) => (
                  <td key={p.id}>
                    <label className="inline">
                      <input
                        type="radio"
                        name={`${id}-${f}`}
                        checked={choices[f] === sideOf(p)}
                        onChange={() => setChoices({ ...choices, [f]: sideOf(p) })}
                        aria-label={t(col === 0 ? 'mergeView.keepFirstValue' : 'mergeView.keepSecondValue', { field: MERGE_FIELD_LABELS[f] })}
                      />
                      <span className="merge-value">{show(p, f)}</span>
                    </label>
                  </td>
                ))}
                {fields.some((x) => JOINABLE_FIELDS.has(x)) && !JOINABLE_FIELDS.has(f) && <td />}
                {JOINABLE_FIELDS.has(f) && (
                  <td>
                    <label className="inline">
                      <input
                        type="radio"
                        name={`${id}-${f}`}
                        checked={choices[f] === 'both'}
                        onChange={() => setChoices({ ...choices, [f]: 'both' })}
                        aria-label={t('mergeView.keepBothFor', { field: MERGE_FIELD_LABELS[f] })}
                      />
                      {t('mergeView.keepBoth')}
                    </label>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {moving.length > 0 ? t('mergeView.willFollow', { items: formatList(moving) }) : t('mergeView.nothingElsePointsAtTheOther')}{' '}
        {t('mergeView.tombstone')}
      </p>
      {conflicts.length > 0 && (
        <div className="message error" role="alert">
          {t(conflicts.length === 1 ? 'mergeView.conflicts' : 'mergeView.conflictsMany', { requests: formatList(conflicts.map((r) => t('mergeView.aRequest', { status: STATUS_LABELS[r.status] }))) })}
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={conflicts.length > 0} onClick={() => void merge()}>
          {t('mergeView.mergeIntoOne')}
        </button>
        <button type="button" onClick={onPickAnother}>
          {t('mergeView.pickAnotherRecord')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </div>
  );
}
