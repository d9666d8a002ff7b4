import type { Person } from './schemas';

/**
 * Role and company are the current position: `positions[0]` always agrees with
 * them. When the user clears both, the first position goes.
 */
export function alignPositions(person: Pick<Person, 'role' | 'company' | 'positions'>, jobEdit: 'none' | 'set' | 'cleared'): Person['positions'] {
  const { role, company, positions } = person;
  if (role === null && company === null) return jobEdit === 'cleared' ? positions.slice(1) : positions;
  const current = { title: role, company };
  const first = positions[0];
  if (first && first.title === role && first.company === company) return positions;
  return [current, ...positions.slice(1)].slice(0, 20);
}
