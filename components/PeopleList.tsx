import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Person } from '@/utils/domain/schemas';
import { Avatar, roleLine } from './PersonCard';

/**
 * Up and Down move between the rows of the list (and of the lists that follow
 * it inside the same `[data-arrow-nav]` region); Up from the first row goes
 * back to the search box that controls the region.
 */
function arrowKeys(e: KeyboardEvent<HTMLButtonElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const root = e.currentTarget.closest('[data-arrow-nav]');
  if (!root) return;
  const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('button.person-row'));
  const at = buttons.indexOf(e.currentTarget);
  e.preventDefault();
  if (e.key === 'ArrowDown') buttons[Math.min(buttons.length - 1, at + 1)]?.focus();
  else if (at <= 0) document.querySelector<HTMLInputElement>(`[aria-controls="${root.id}"]`)?.focus();
  else buttons[at - 1]?.focus();
}

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
          <button type="button" className="person-row" data-person={person.id} onClick={() => onOpen(person)} onKeyDown={arrowKeys}>
            <Avatar name={person.name} photoUrl={person.photoUrl} size={32} />
            <span className="person-row-text">
              <span className="person-row-name">{person.name}</span>
              <span className="person-row-role">{roleLine(person) ?? person.headline ?? ''}</span>
              {(person.tags?.length ?? 0) > 0 && <span className="person-row-tags">{person.tags.join(' · ')}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
