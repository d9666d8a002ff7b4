import { useId, useState } from 'react';
import type { IntrobookDB } from '@/utils/db/app-db';
import { editPerson, removePerson } from '@/utils/db/people';
import type { Person } from '@/utils/domain/schemas';
import { IntroPlanner } from './IntroPlanner';
import { PersonCard } from './PersonCard';
import { LazyPersonWorkspace } from './Lazy';

/** One saved person: what was captured, a link to the profile, and the user's own notes. */
export function PersonDetails({
  person,
  db,
  onBack,
  onOpenRequest,
}: {
  person: Person;
  db: IntrobookDB;
  onBack: () => void;
  onOpenRequest: (id: string) => void;
}) {
  const notesId = useId();
  const [notes, setNotes] = useState(person.notes);
  const [status, setStatus] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  async function saveNotes() {
    try {
      await editPerson(db, person.id, { notes });
      setStatus('Notes saved.');
    } catch {
      setStatus('Notes could not be saved. Your text is still here.');
    }
  }

  async function remove() {
    await removePerson(db, person.id);
    onBack();
  }

  return (
    <section className="panel" aria-label={`Details for ${person.name}`}>
      <button type="button" onClick={onBack}>
        ← All people
      </button>
      <div style={{ marginTop: 10 }}>
        <PersonCard person={person} />
      </div>
      {person.positions.length > 1 && (
        <>
          <h3 className="panel-title">Current positions</h3>
          <ul className="history" aria-label="Current positions">
            {person.positions.map((p, i) => (
              <li key={i}>{[p.title, p.company].filter(Boolean).join(' · ')}</li>
            ))}
          </ul>
        </>
      )}
      {person.roleHistory.length > 0 && (
        <>
          <h3 className="panel-title">Earlier roles</h3>
          <ul className="history" aria-label="Earlier roles">
            {person.roleHistory.map((h) => (
              <li key={h.until}>
                {[h.role, h.company].filter(Boolean).join(' · ') || 'Unknown role'}{' '}
                <span className="muted">(until {new Date(h.until).toLocaleDateString()})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {person.profileUrl.startsWith('https://') && (
        <p>
          <a href={person.profileUrl} target="_blank" rel="noopener noreferrer">
            Open profile{person.source.startsWith('linkedin') ? ' on LinkedIn' : ''}
          </a>
        </p>
      )}
      <p className="muted">
        Saved {new Date(person.createdAt).toLocaleDateString()} · last captured {new Date(person.capturedAt).toLocaleString()}
      </p>
      <IntroPlanner person={person} db={db} onOpenRequest={onOpenRequest} />
      <LazyPersonWorkspace person={person} db={db} />
      <label htmlFor={notesId}>Your notes</label>
      <textarea id={notesId} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={20_000} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void saveNotes()} disabled={notes === person.notes}>
          Save notes
        </button>
        {confirmRemove ? (
          <>
            <button type="button" className="danger" onClick={() => void remove()}>
              Yes, remove {person.name}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
            Remove from Introbook
          </button>
        )}
      </div>
      {status && (
        <p className="message" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
