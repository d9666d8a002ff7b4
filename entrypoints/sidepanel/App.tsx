import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { PeopleList } from '@/components/PeopleList';
import { PersonDetails } from '@/components/PersonDetails';
import { getDb } from '@/utils/db/db';
import { getPerson, listRecentPeople } from '@/utils/db/people';
import { focusedPersonId } from '@/utils/ui-state';

/** How many people the list shows; an indexed walk, so it stays fast however many are saved. */
const LIST_LIMIT = 500;

export function App() {
  const db = getDb();
  const [selectedId, setSelectedId] = useState<string | null>(null);

  // Follow "Open in side panel" from a page or the popup, also while the panel is open.
  useEffect(() => {
    void focusedPersonId.getValue().then((id) => id && setSelectedId(id));
    return focusedPersonId.watch((id) => id && setSelectedId(id));
  }, []);

  const people = useLiveQuery(() => listRecentPeople(db, LIST_LIMIT), []);
  const selected = useLiveQuery(() => (selectedId ? getPerson(db, selectedId) : Promise.resolve(undefined)), [selectedId]);

  function back() {
    setSelectedId(null);
    void focusedPersonId.setValue(null);
  }

  return (
    <main className="app">
      <h1>
        <span className="brand">Introbook</span>
      </h1>
      {selectedId && selected ? (
        <PersonDetails person={selected} db={db} onBack={back} />
      ) : (
        <section className="panel" aria-labelledby="saved-people">
          <h2 className="panel-title" id="saved-people">
            Saved people{people ? ` (${people.length})` : ''}
          </h2>
          {people === undefined && <p className="muted">Loading…</p>}
          {people?.length === 0 && (
            <p className="muted">Nobody saved yet. On a LinkedIn profile, click “Save to Introbook” next to the name.</p>
          )}
          {people && people.length > 0 && (
            <PeopleList people={people} onOpen={(p) => setSelectedId(p.id)} label="Saved people, newest first" />
          )}
        </section>
      )}
    </main>
  );
}
