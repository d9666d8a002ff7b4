import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestDb } from '../../tests/helpers/db';
import { DEFAULT_TEMPLATES } from '../domain/templates';
import type { IntrobookDB } from './app-db';
import { createTemplate, deleteTemplate, duplicateTemplate, listTemplates, restoreBuiltIns, templateIssues, updateTemplate } from './templates';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => db.close());

describe('templates', () => {
  it('creates, edits, duplicates and deletes; restores deleted built-ins', async () => {
    const mine = await createTemplate(db, { kind: 'nudge', name: 'Short nudge', subject: 'Hi', body: 'Any news, {{connector.firstName}}?' });
    await updateTemplate(db, mine.id, { kind: 'nudge', name: 'Shorter nudge', subject: 'Hi', body: 'News?' }, 5);
    const copy = await duplicateTemplate(db, mine.id);
    expect(copy).toMatchObject({ name: 'Shorter nudge (copy)', body: 'News?', builtIn: false });
    await deleteTemplate(db, 'default-nudge');
    let names = (await listTemplates(db)).map((t) => t.name);
    expect(names).toContain('Shorter nudge');
    expect(names).not.toContain('Friendly nudge');
    await restoreBuiltIns(db);
    names = (await listTemplates(db)).map((t) => t.name);
    expect(names).toContain('Friendly nudge');
    expect((await listTemplates(db)).length).toBe(DEFAULT_TEMPLATES.length + 2);
  });

  it('flags unknown variables, and refuses an empty body', async () => {
    expect(templateIssues({ subject: '{{target.nme}}', body: 'Hi {{me.firstName}}' })).toMatchObject([{ kind: 'unknown-variable', variable: 'target.nme' }]);
    await expect(createTemplate(db, { kind: 'nudge', name: 'Empty', subject: '', body: '' })).rejects.toThrow();
  });
});
