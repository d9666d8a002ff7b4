import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { addConnector, confirmMutual, dismissMutual, isContact, setRelationship, whoCanIntroduce } from '@/utils/db/contacts';
import { createRequest } from '@/utils/db/intros';
import { CLOSENESS_LABELS, type Closeness, type Person } from '@/utils/domain/schemas';
import { STATUS_LABELS } from '@/utils/domain/intro-status';
import { refreshReminders } from '@/utils/messaging/client';
import { roleLine } from './PersonCard';
import { TextField } from './TextField';

/**
 * On a person's page: how the user knows them, who can introduce the user to
 * them (ranked), name matches to confirm, connectors to add by hand, and the
 * buttons that start an intro request or a direct ask.
 */
export function IntroPlanner({ person, db, onOpenRequest }: { person: Person; db: IntrobookDB; onOpenRequest: (id: string) => void }) {
  const options = useLiveQuery(() => whoCanIntroduce(db, person), [person]);
  const requests = useLiveQuery(
    () => db.intros.where('targetId').equals(person.id).filter((r) => r.deletedAt === null).toArray(),
    [person.id],
  );
  const [adding, setAdding] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(kind: 'intro' | 'direct', connectorId: string | null) {
    try {
      const request = await createRequest(db, { kind, targetId: person.id, connectorId });
      refreshReminders();
      onOpenRequest(request.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not start the request.');
    }
  }

  return (
    <>
      <Relationship person={person} db={db} />
      <section className="subpanel" aria-labelledby={`who-${person.id}`}>
        <h3 id={`who-${person.id}`} className="panel-title">
          Who can introduce me?
        </h3>
        {options === undefined && <p className="muted">Looking…</p>}
        {options && options.ranked.length === 0 && options.suggestions.length === 0 && (
          <p className="muted">
            {person.mutualConnections.count > 0
              ? 'None of the mutual connections on their profile is saved yet. Save them from their profiles, or add one below.'
              : 'No mutual connections known. Add someone who knows them below, or ask directly.'}
          </p>
        )}
        {options && options.ranked.length > 0 && (
          <ol className="connectors" aria-label="Possible connectors, best first">
            {options.ranked.map((c) => (
              <li key={c.person.id}>
                <span className="person-row-name">{c.person.name}</span>
                {c.reasons.length > 0 && <span className="muted"> — {c.reasons.join(' · ')}</span>}
                <div className="actions">
                  <button type="button" className="primary" onClick={() => void start('intro', c.person.id)}>
                    Ask {c.person.name} for an intro
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
        {options?.suggestions.map((s) => (
          <div key={s.name} className="suggestion">
            {s.matches.map((m) => (
              <p key={m.id}>
                Is the mutual connection <strong>{s.name}</strong> the {m.name} you saved
                {roleLine(m) ? ` (${roleLine(m)})` : ''}?{' '}
                <button type="button" onClick={() => void confirmMutual(db, person.id, m.id)} aria-label={`Yes, ${m.name} is the mutual connection`}>
                  Yes, same person
                </button>{' '}
                <button type="button" onClick={() => void dismissMutual(db, person.id, m.id)} aria-label={`No, ${m.name} is someone else`}>
                  Not them
                </button>
              </p>
            ))}
          </div>
        ))}
        {options && options.unmatched.length > 0 && (
          <p className="muted">
            Also mutual on their profile: {options.unmatched.join(', ')}.{' '}
            {options.unmatched.slice(0, 3).map((name) => (
              <button key={name} type="button" onClick={() => setAdding(name)} aria-label={`Add ${name} as someone who can introduce you`}>
                Add {name}
              </button>
            ))}
          </p>
        )}
        {adding === null ? (
          <div className="actions">
            <button type="button" onClick={() => setAdding('')}>
              Add a connector by hand
            </button>
            <button type="button" onClick={() => void start('direct', null)}>
              Ask {person.firstName ?? person.name} directly
            </button>
          </div>
        ) : (
          <AddConnectorForm
            initialName={adding}
            onCancel={() => setAdding(null)}
            onSave={async (input) => {
              await addConnector(db, input, person.id);
              setAdding(null);
            }}
          />
        )}
        {error && (
          <p className="message error" role="alert">
            {error}
          </p>
        )}
      </section>
      {requests && requests.length > 0 && (
        <section className="subpanel" aria-labelledby={`req-${person.id}`}>
          <h3 id={`req-${person.id}`} className="panel-title">
            Requests to meet {person.name}
          </h3>
          <ul className="history">
            {requests.map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button" onClick={() => onOpenRequest(r.id)}>
                  {r.kind === 'intro' ? 'Intro request' : 'Direct ask'} · {STATUS_LABELS[r.status]}
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
  const [status, setStatus] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await setRelationship(db, person.id, {
        knowsPersonally: knows,
        closeness: closeness ? (Number(closeness) as Closeness) : null,
        howWeKnow: howWeKnow.trim(),
        email: email.trim(),
      });
      setStatus('Saved.');
    } catch {
      setStatus('Check the email address.');
    }
  }

  return (
    <details className="subpanel" open={person.knowsPersonally || person.degree === 1}>
      <summary>Your relationship{isContact(person) ? ' (can introduce you to others)' : ''}</summary>
      <form onSubmit={save} aria-label={`Your relationship with ${person.name}`}>
        <label className="inline">
          <input type="checkbox" checked={knows} onChange={(e) => setKnows(e.target.checked)} /> I know them
        </label>
        {person.degree === 1 && <p className="muted">A 1st-degree connection: they can introduce you to others.</p>}
        <ClosenessSelect value={closeness} onChange={setCloseness} />
        <TextField label="How you know them" value={howWeKnow} onChange={setHowWeKnow} maxLength={500} />
        <TextField label="Email" value={email} onChange={setEmail} type="email" maxLength={200} />
        <div className="actions">
          <button type="submit">Save relationship</button>
          {status && <span role="status">{status}</span>}
        </div>
      </form>
    </details>
  );
}

function AddConnectorForm({
  initialName,
  onSave,
  onCancel,
}: {
  initialName: string;
  onSave: (input: { name: string; howWeKnow: string; email: string; profileUrl: string; closeness: Closeness | null }) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [howWeKnow, setHowWeKnow] = useState('');
  const [email, setEmail] = useState('');
  const [profileUrl, setProfileUrl] = useState('');
  const [closeness, setCloseness] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await onSave({ name: name.trim(), howWeKnow: howWeKnow.trim(), email: email.trim(), profileUrl: profileUrl.trim(), closeness: closeness ? (Number(closeness) as Closeness) : null });
    } catch (err) {
      setError(err instanceof Error && err.message.includes('https') ? err.message : 'Check the fields: a name is required, and the email and link must be valid.');
    }
  }

  return (
    <form className="capture-form" aria-label="Add a connector" onSubmit={submit}>
      <TextField label="Name" value={name} onChange={setName} required maxLength={200} />
      <TextField label="How you know them" value={howWeKnow} onChange={setHowWeKnow} maxLength={500} />
      <TextField label="Email" value={email} onChange={setEmail} type="email" maxLength={200} />
      <TextField label="Profile link" value={profileUrl} onChange={setProfileUrl} type="url" maxLength={2048} />
      <ClosenessSelect value={closeness} onChange={setCloseness} />
      <div className="actions">
        <button type="submit" className="primary">
          Add connector
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function ClosenessSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>How well</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Not set</option>
        {([3, 2, 1] as const).map((c) => (
          <option key={c} value={c}>
            {CLOSENESS_LABELS[c]}
          </option>
        ))}
      </select>
    </div>
  );
}
