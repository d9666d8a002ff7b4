import { useEffect, useRef } from 'react';
import type { Person } from '@/utils/domain/schemas';
import { Avatar, roleLine } from './PersonCard';

/** Saved people as a list of buttons; each opens that person. `focusId`: the row to give focus back to (the person just left). */
export function PeopleList({
  people,
  onOpen,
  label,
  focusId,
}: {
  people: Person[];
  onOpen: (person: Person) => void;
  label: string;
  focusId?: string | null;
}) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (focusId) list.current?.querySelector<HTMLButtonElement>(`[data-person="${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId]);
  return (
    <ul className="people-list" aria-label={label} ref={list}>
      {people.map((person) => (
        <li key={person.id}>
          <button type="button" className="person-row" data-person={person.id} onClick={() => onOpen(person)}>
            <Avatar name={person.name} photoUrl={person.photoUrl} size={32} />
            <span className="person-row-text">
              <span className="person-row-name">{person.name}</span>
              <span className="person-row-role">{roleLine(person) ?? person.headline ?? ''}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
