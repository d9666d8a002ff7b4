import type { Person } from '@/utils/domain/schemas';
import { Avatar, roleLine } from './PersonCard';

/** Saved people as a list of buttons; each opens that person. */
export function PeopleList({
  people,
  onOpen,
  label,
}: {
  people: Person[];
  onOpen: (person: Person) => void;
  label: string;
}) {
  return (
    <ul className="people-list" aria-label={label}>
      {people.map((person) => (
        <li key={person.id}>
          <button type="button" className="person-row" onClick={() => onOpen(person)}>
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
