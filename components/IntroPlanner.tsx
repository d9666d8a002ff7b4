import { storageErrorMessage } from '@/utils/db/errors';
import { UserError } from '@/utils/core/user-error';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import {
  addConnector,
  confirmMutual,
  dismissMutual,
  introAnswer,
  isContact,
  relinkMutual,
  peopleNameStartsWith,
  SameNameError,
  setRelationship,
  undismissMutual,
  unlinkMutual,
  type HandAddedConnector,
} from '@/utils/db/contacts';
import { requestsForTarget } from '@/utils/db/intros';
import { STATUS_LABELS } from '@/utils/domain/intro-status';
import { CLOSENESS_LABELS, LIMITS, type Closeness, type Person } from '@/utils/domain/schemas';
import { roleLine } from './PersonCard';
import type { RequestSeed } from './RequestView';
import { TextField } from './TextField';
import { showToast } from './Toasts';
import { useTransient } from './view-hooks';
import { formatList, formatNumber, t, tn } from '@/utils/i18n';
import { tx } from './i18n';
import { ErrorMessage } from './ErrorMessage';
import { userMessage } from './user-message';

/**
 * On a person's page: how the user knows them, who can introduce the user to
 * them (the same answer the popup gives), name matches to confirm or take
 * back, connectors to add by hand (offering saved people of the same name
 * first), and the buttons that start an intro request or a direct ask.
 */
export function IntroPlanner({
  person,
  db,
  onStartRequest,
  onOpenRequest,
}: {
  person: Person;
  db: IntrobookDB;
  onStartRequest: (seed: RequestSeed) => void;
  onOpenRequest: (id: string) => void;
}) {
  const answer = useLiveQuery(() => introAnswer(db, person), [person]);
  const requests = useLiveQuery(() => requestsForTarget(db, person.id), [person.id]);
  const [adding, setAdding] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A match confirmed, dismissed or taken back: a write that fails says why (a full disk says so). */
  const run = (write: Promise<unknown>) =>
    write.then(
      () => (setError(null), true),
      (err: unknown) => (setError(storageErrorMessage(err, userMessage(err, t('notSaved.mutual')))), false),
    );
  const first = person.firstName ?? person.name;
  const options = answer?.options;
  // After a meeting (or with a request under way), another ask is not the next thing to do.
  const settled = Boolean(answer?.done || answer?.open);

  const askButtons = options?.ranked.map((c) => (
    <li key={c.person.id}>
      <span className="person-row-name">{c.person.name}</span>
      {c.reasons.length > 0 && <span className="muted"> — {c.reasons.join(' · ')}</span>}
      <div className="actions">
        <button type="button" className={settled ? undefined : 'primary'} onClick={() => onStartRequest({ kind: 'intro', targetId: person.id, connectorId: c.person.id })}>
          {t('introPlanner.askForAnIntro', { name: c.person.name })}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void run(unlinkMutual(db, person.id, c.person.id)).then(
              (done) => done && showToast(t('introPlanner.isNoLongerListedAsKnowing', { name: c.person.name, name2: person.name }), () => relinkMutual(db, person.id, c.person.id)),
            )
          }
          aria-label={t('introPlanner.isNotAMutualConnection', { name: c.person.name })}
        >
          {t('introPlanner.notAMutualConnection')}
        </button>
      </div>
    </li>
  ));

  return (
    <>
      <Relationship person={person} db={db} />
      <section className="subpanel" aria-labelledby={`who-${person.id}`}>
        <h3 id={`who-${person.id}`} className="panel-title">
          {t('common.whoCanIntroduceMe')}
        </h3>
        {!answer && <p className="muted">{t('introPlanner.looking')}</p>}
        {answer && options && (
          <>
            <p className="answer" aria-label={t('introPlanner.answer')}>
              {answer.headline}
            </p>
            {(answer.open || answer.done) && (
              <div className="actions">
                {answer.open && (
                  <button type="button" className="primary" onClick={() => onOpenRequest(answer.open!.id)}>
                    {t('introPlanner.openTheRequest', { value: STATUS_LABELS[answer.open.status] })}
                  </button>
                )}
                {answer.done && answer.done.id !== answer.open?.id && (
                  <button type="button" onClick={() => onOpenRequest(answer.done!.id)}>
                    {t('introPlanner.openTheRequest2', { value: STATUS_LABELS[answer.done.status] })}
                  </button>
                )}
              </div>
            )}
            {options.counts.stated > 0 && (
              <p className="muted small" aria-label={t('introPlanner.mutualConnections')}>
                {t('introPlanner.mutualCounts', {
                  stated: tn('introPlanner.mutualStated', options.counts.stated),
                  read: tn('introPlanner.namesRead', options.counts.read),
                  saved: formatNumber(options.counts.saved),
                })}
              </p>
            )}
            {askButtons && askButtons.length > 0 &&
              (settled ? (
                <details>
                  <summary>{t('introPlanner.askSomeoneElseAnyway')}</summary>
                  <ol className="connectors" aria-label={t('introPlanner.possibleConnectorsBestFirst')}>
                    {askButtons}
                  </ol>
                </details>
              ) : (
                <ol className="connectors" aria-label={t('introPlanner.possibleConnectorsBestFirst')}>
                  {askButtons}
                </ol>
              ))}
            {options.suggestions.map((s) => (
              <div key={s.name} className="suggestion">
                {s.matches.map((m) => (
                  <p key={m.id}>
                    {tx(roleLine(m) ? 'introPlanner.isTheMutualWithRole' : 'introPlanner.isTheMutual', { mutual: <strong>{s.name}</strong>, name: m.name, role: roleLine(m) })}
                    <span className="button-row">
                      <button type="button" onClick={() => void run(confirmMutual(db, person.id, m.id))} aria-label={t('introPlanner.yesIsTheMutualConnection', { name: m.name })}>
                        {t('introPlanner.yesSamePerson')}
                      </button>
                      <button type="button" onClick={() => void run(dismissMutual(db, person.id, m.id))} aria-label={t('introPlanner.noIsSomeoneElse', { name: m.name })}>
                        {t('introPlanner.notThem')}
                      </button>
                    </span>
                  </p>
                ))}
              </div>
            ))}
            {options.dismissed.length > 0 && (
              <ul className="dismissed" aria-label={t('introPlanner.dismissedMatches')}>
                {options.dismissed.map((d) => (
                  <li key={d.person.id}>
                    <span className="muted">
                      {roleLine(d.person)
                        ? t('introPlanner.notTheMutualWithRole', { mutual: d.name, name: d.person.name, role: roleLine(d.person) ?? '' })
                        : t('introPlanner.notTheMutual', { mutual: d.name, name: d.person.name })}
                    </span>
                    <button type="button" className="link-button" onClick={() => void run(undismissMutual(db, person.id, d.person.id))} aria-label={t('introPlanner.undoMayBeTheMutualConnection', { name: d.person.name })}>
                      {t('common.undo')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {options.unmatched.length > 0 && (
              <div className="muted">
                {t('introPlanner.notSavedYet', { names: formatList(options.unmatched) })}
                <span className="button-row">
                  {options.unmatched.slice(0, 3).map((name) => (
                    <button key={name} type="button" onClick={() => setAdding(name)} aria-label={t('introPlanner.addAsSomeoneWhoCanIntroduce', { name })}>
                      {t('introPlanner.add', { name })}
                    </button>
                  ))}
                </span>
              </div>
            )}
          </>
        )}
        <ErrorMessage text={error} />
        {adding === null ? (
          <div className="actions">
            <button type="button" onClick={() => setAdding('')}>
              {t('introPlanner.addAConnectorByHand')}
            </button>
            <button
              type="button"
              className={answer?.connected && !settled ? 'primary' : undefined}
              onClick={() => onStartRequest({ kind: 'direct', targetId: person.id, connectorId: null })}
            >
              {t('introPlanner.askDirectly', { first })}
            </button>
          </div>
        ) : (
          <AddConnectorForm db={db} target={person} initialName={adding} onDone={() => setAdding(null)} />
        )}
      </section>
      {requests && requests.length > 0 && (
        <section className="subpanel" aria-labelledby={`req-${person.id}`}>
          <h3 id={`req-${person.id}`} className="panel-title">
            {t('introPlanner.requestsToMeet', { name: person.name })}
          </h3>
          <ul className="history">
            {requests.map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button" onClick={() => onOpenRequest(r.id)}>
                  {r.kind === 'intro' ? t('introPlanner.introRequest') : t('introPlanner.directAsk')} · {STATUS_LABELS[r.status]}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Relationship({ person, db }: { person: Person; db: IntrobookDB }) {
  const [knows, setKnows] = useState(person.knowsPersonally);
  const [closeness, setCloseness] = useState<string>(person.closeness ? String(person.closeness) : '');
  const [howWeKnow, setHowWeKnow] = useState(person.howWeKnow);
  const [email, setEmail] = useState(person.email);
  const [status, setStatus] = useTransient();

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await setRelationship(db, person.id, {
        knowsPersonally: knows,
        closeness: closeness ? (Number(closeness) as Closeness) : null,
        howWeKnow: howWeKnow.trim(),
        email: email.trim(),
      });
      setStatus(t('introPlanner.saved'));
    } catch (err) {
      setStatus(storageErrorMessage(err, t('introPlanner.checkTheEmailAddress')));
    }
  }

  return (
    <details className="subpanel" open={person.knowsPersonally || person.degree === 1}>
      <summary>
        {t('introPlanner.yourRelationship')}
        {isContact(person) ? t('introPlanner.canIntroduceYouToOthers') : ''}
      </summary>
      <form onSubmit={save} aria-label={t('introPlanner.yourRelationshipWith', { name: person.name })}>
        <label className="inline">
          <input type="checkbox" checked={knows} onChange={(e) => setKnows(e.target.checked)} /> {t('introPlanner.iKnowThem')}
        </label>
        {person.degree === 1 && <p className="muted">{t('introPlanner.a1stDegreeConnectionTheyCan')}</p>}
        <ClosenessSelect value={closeness} onChange={setCloseness} />
        <TextField label={t('introPlanner.howYouKnowThem')} value={howWeKnow} onChange={setHowWeKnow} maxLength={500} />
        <TextField label={t('common.email')} value={email} onChange={setEmail} type="email" maxLength={200} />
        <div className="actions">
          <button type="submit">{t('introPlanner.saveRelationship')}</button>
          <span role="status">{status}</span>
        </div>
      </form>
    </details>
  );
}

/**
 * Add someone who can introduce the user. As the name is typed, saved people
 * with that name are offered; saving a name that saved people share asks
 * "Is this the … you saved?" instead of making a second record.
 */
function AddConnectorForm({ db, target, initialName, onDone }: { db: IntrobookDB; target: Person; initialName: string; onDone: () => void }) {
  const [name, setName] = useState(initialName);
  const [howWeKnow, setHowWeKnow] = useState('');
  const [email, setEmail] = useState('');
  const [profileUrl, setProfileUrl] = useState('');
  const [closeness, setCloseness] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [same, setSame] = useState<Person[] | null>(null);
  const typedMatches = useLiveQuery(() => peopleNameStartsWith(db, name, 5, target.id), [name, target.id]);

  const input = (): HandAddedConnector => ({
    name: name.trim(),
    howWeKnow: howWeKnow.trim(),
    email: email.trim(),
    profileUrl: profileUrl.trim(),
    closeness: closeness ? (Number(closeness) as Closeness) : null,
  });

  async function save(choice: { useId?: string; asNew?: boolean } = {}) {
    try {
      const person = await addConnector(db, input(), target.id, undefined, choice);
      showToast(t('introPlanner.canIntroduceYouTo', { name: person.name, name2: target.name }));
      onDone();
    } catch (err) {
      if (err instanceof SameNameError) return setSame(err.matches);
      setError(storageErrorMessage(err, err instanceof UserError ? err.message : t('common.checkTheFieldsANameIs')));
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    void save();
  }

  if (same) {
    return (
      <div className="confirm" role="alertdialog" aria-labelledby={`same-${target.id}`}>
        <p id={`same-${target.id}`}>
          {same.length === 1 ? t('common.isThisTheYouSaved', { name: same[0]!.name }) : tn('common.youSavedPeopleNamed', same.length, { name: same[0]!.name })}
        </p>
        <ul className="people-list">
          {same.map((p) => (
            <li key={p.id}>
              <button type="button" className="primary" onClick={() => void save({ useId: p.id })}>
                {t('introPlanner.yesName', { name: p.name })}
                {roleLine(p) ? ` (${roleLine(p)})` : ''}
              </button>
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" onClick={() => void save({ asNew: true })}>
            {t('common.noAddSomeoneNew')}
          </button>
          <button type="button" onClick={() => setSame(null)}>
            {t('common.back')}
          </button>
        </div>
      </div>
    );
  }

  const offered = (typedMatches ?? []).filter((p) => p.id !== target.id);
  return (
    <form className="capture-form" aria-label={t('introPlanner.addAConnector')} onSubmit={submit}>
      <TextField label={t('common.name')} value={name} onChange={setName} required maxLength={LIMITS.name} autoComplete="off" />
      {offered.length > 0 && (
        <div className="offer" aria-label={t('common.savedPeopleWithThisName')}>
          <p className="muted small">{t('common.alreadySaved')}</p>
          <ul className="people-list">
            {offered.map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => void save({ useId: p.id })}>
                  {t('introPlanner.useName', { name: p.name })}
                  {roleLine(p) ? ` (${roleLine(p)})` : ''}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextField label={t('introPlanner.howYouKnowThem')} value={howWeKnow} onChange={setHowWeKnow} maxLength={500} />
      <TextField label={t('common.email')} value={email} onChange={setEmail} type="email" maxLength={200} />
      <TextField label={t('common.profileLink')} value={profileUrl} onChange={setProfileUrl} type="url" maxLength={2048} />
      <ClosenessSelect value={closeness} onChange={setCloseness} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('introPlanner.addConnector')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </form>
  );
}

export function ClosenessSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('introPlanner.howWell')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('introPlanner.notSet')}</option>
        {([3, 2, 1] as const).map((c) => (
          <option key={c} value={c}>
            {CLOSENESS_LABELS[c]}
          </option>
        ))}
      </select>
    </div>
  );
}
