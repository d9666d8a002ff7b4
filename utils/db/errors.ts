import type { Person } from '../domain/schemas';

/** Saved people share the typed name: the user says whether one of them is meant before a new record is made. */
export class SameNameError extends Error {
  constructor(readonly matches: Person[]) {
    super(`${matches[0]?.name ?? 'Someone'} with this name is already saved.`);
    this.name = 'SameNameError';
  }
}

/** The profile link typed belongs to someone already saved. */
export class AlreadySavedError extends Error {
  constructor(readonly person: Person) {
    super(`${person.name} is already saved with this profile link.`);
    this.name = 'AlreadySavedError';
  }
}
