/**
 * Schema version 8's moving parts: the search index kept on every write to
 * `people`, and the upgrade that brings existing rows up to it.
 */
import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Transaction } from 'dexie';
import { DEFAULT_TEMPLATES } from '../domain/templates';
import { searchWordsOf, type Searchable } from '../domain/search-words';

/** The search words a stored person row should carry (none for a tombstone: it drops out of the index). */
export function withSearchWords<T extends Searchable & { deletedAt?: number | null }>(row: T): T & { searchWords: string[] } {
  return { ...row, searchWords: row.deletedAt == null ? searchWordsOf(row) : [] };
}

/**
 * Keep `people.searchWords` right on every write, whichever code writes (a
 * capture, an edit, a merge, a restore, sync): a DBCore middleware rewrites
 * each added or put row before it reaches IndexedDB. Every Dexie write path
 * (add, put, bulkPut, update, modify, upsert) arrives here as full rows. The
 * field is the index's alone: reads through Dexie leave it out.
 */
export function installSearchIndex(db: Dexie): void {
  // Reads hand out plain people: the index field stays in the store (filters still see it).
  db.table('people').hook('reading', (row: Record<string, unknown>) => {
    if (!row || !('searchWords' in row)) return row;
    const { searchWords: _words, ...person } = row;
    return person;
  });
  db.use({
    stack: 'dbcore',
    name: 'IntrobookPeopleSearchWords',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        if (name !== 'people') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'add' || req.type === 'put') {
              return table.mutate({ ...req, values: req.values.map((v) => (isPersonRow(v) ? withSearchWords(v) : v)) } as DBCoreMutateRequest);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

function isPersonRow(value: unknown): value is Searchable & { deletedAt?: number | null } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

/** The built-in thank-you templates before they cited the after-call notes. */
const OLD_BUILT_IN_BODIES: Record<string, string> = {
  'default-thanks-connector':
    'Hi {{connector.firstName}},\n\nThank you for introducing me to {{target.name}}. We spoke, and [one thing you learned or will do]. ' +
    'I really appreciate you vouching for me. Is there anything I can do for you in return?\n\n{{me.firstName}}',
  'default-thanks-target':
    'Hi {{target.firstName}},\n\nThank you for your time today. Your advice about [the specific advice] was especially useful, and I am going to [what you will do with it]. ' +
    'I’ll let you know how it goes. Could I keep you posted?\n\n{{me.firstName}}',
};

/**
 * v7 → v8: every person gets tags (none) and search words; built-in thank-you
 * templates the user never changed now cite the after-call notes. Idempotent.
 */
export async function upgradeToV8(tx: Transaction): Promise<void> {
  await tx
    .table('people')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.tags ??= [];
      Object.assign(row, withSearchWords(row as unknown as Searchable & { deletedAt?: number | null }));
    });
  const templates = tx.table('templates');
  for (const [id, oldBody] of Object.entries(OLD_BUILT_IN_BODIES)) {
    const current = DEFAULT_TEMPLATES.find((t) => t.id === id);
    if (!current) continue;
    await templates
      .where('id')
      .equals(id)
      .modify((row: Record<string, unknown>) => {
        if (row.builtIn === true && row.body === oldBody) row.body = current.body;
      });
  }
}
