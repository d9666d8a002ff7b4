// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { setRelationship } from '@/utils/db/contacts';
import { editPerson, savePersonCapture } from '@/utils/db/people';
import type { Person } from '@/utils/domain/schemas';
import { MergeView } from './MergeView';

let db: IntrobookDB;
let first: Person;
let second: Person;

beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  first = (await savePersonCapture(db, makeCapture())).person;
  second = (await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/ada-lovelace-2/', company: 'Difference Engines', positions: [] }))).person;
  await setRelationship(db, first.id, { howWeKnow: 'Conference' });
  await setRelationship(db, second.id, { howWeKnow: 'Newsletter' });
  await editPerson(db, first.id, { notes: 'Met at the Royal Society' });
  await editPerson(db, second.id, { notes: 'Writes about engines' });
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('choosing each field', () => {
  it('names every choice by its field, "keep both" included, so a screen reader hears which field it is for', async () => {
    render(<MergeView db={db} firstId={first.id} secondId={second.id} onDone={() => {}} />);
    const table = await screen.findByRole('table', { name: 'Choose each field' });
    const radios = within(table).getAllByRole('radio');
    const names = radios.map((r) => r.getAttribute('aria-label') ?? '');
    // Each radio's accessible name is unique: none is just "Keep both".
    expect(new Set(names).size).toBe(radios.length);
    expect(within(table).queryByRole('radio', { name: 'Keep both' })).toBeNull();
    for (const field of ['Your notes', 'How you know them']) {
      const both = within(table).getByRole('radio', { name: `${field}: keep both` });
      expect(both).toBeChecked();
      expect(within(table).getByRole('radio', { name: `${field}: keep the first record’s value` })).not.toBeChecked();
    }
    expect(within(table).getByRole('radio', { name: 'Company: keep the first record’s value' })).toBeInTheDocument();
  });
});
