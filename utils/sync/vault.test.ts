/**
 * The row ↔ Yjs mapping and every conflict rule, with two (or three) vaults
 * standing in for devices. "Offline" is simply not trading updates; `sync`
 * trades everything each side lacks, in both directions.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ALL_SPECS } from './tables';
import { CONFLICTS_TABLE, Vault, type Row } from './vault';

function device(name: string, clientID?: number): Vault {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  let t = 1_000;
  return new Vault(ALL_SPECS, name, () => ++t, doc);
}

/** Send `from`'s changes that `to` lacks. */
function send(from: Vault, to: Vault): void {
  to.applyRemote(Y.encodeStateAsUpdateV2(from.doc, Y.encodeStateVector(to.doc)));
}
function sync(...vaults: Vault[]): void {
  for (let round = 0; round < 2; round++) for (const a of vaults) for (const b of vaults) if (a !== b) send(a, b);
}

const ADA = '11111111-1111-4111-8111-111111111111';
const ADA_B = '22222222-2222-4222-8222-222222222222';
const CHARLES = '33333333-3333-4333-8333-333333333333';

function person(over: Row = {}): Row {
  return {
    id: ADA,
    profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
    name: 'Ada Lovelace',
    role: 'Principal Engineer',
    company: 'Analytical Engines',
    notes: '',
    editedFields: [],
    aliases: [],
    mutualContactIds: [],
    dismissedMutualIds: [],
    fieldSources: { profileUrl: 'url', name: 'heading' },
    mutualConnections: { count: 2, names: ['Charles Babbage', 'Mary Somerville'] },
    roleHistory: [],
    createdAt: 1000,
    updatedAt: 1000,
    capturedAt: 1000,
    deletedAt: null,
    ...over,
  };
}

const read = (v: Vault, table: string, id: string) => v.readRow(table, id)?.row;
const conflicts = (v: Vault) =>
  v
    .rowIds(CONFLICTS_TABLE)
    .map((id) => read(v, CONFLICTS_TABLE, id)!)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('rows in and out of the vault', () => {
  it('a row comes back exactly as written: values, nested values, sets and records', () => {
    const a = device('A');
    const row = person({ editedFields: ['role', 'name'], aliases: ['https://www.linkedin.com/in/ACoAAB/'], fieldSources: { name: 'user' } });
    expect(a.pushRows('people', [row])).toBe(1);
    // Sets come back in one order on every device.
    expect(a.readRow('people', ADA)!.row).toStrictEqual({ ...row, editedFields: ['name', 'role'] });
  });

  it('writes only what changed: the same row again changes nothing, one field changes one key', () => {
    const a = device('A');
    a.pushRows('people', [person()]);
    const updates: Uint8Array[] = [];
    a.doc.on('updateV2', (u: Uint8Array) => updates.push(u));
    expect(a.pushRows('people', [person()])).toBe(0);
    expect(updates).toHaveLength(0);
    expect(a.pushRows('people', [person({ notes: 'Met at the Royal Society', updatedAt: 2000 })])).toBe(1);
    // Three new map entries: notes, updatedAt and the row's stamp.
    const { structs } = Y.decodeUpdateV2(updates[0]!);
    expect(structs.map((s) => (s as Y.Item).content.getContent()[0])).toStrictEqual(['Met at the Royal Society', 2000, { d: 'A', del: false }]);
  });

  it('reaches another device, which is told to write it into its store', () => {
    const a = device('A');
    const b = device('B');
    a.pushRows('people', [person()]);
    sync(a, b);
    expect(read(b, 'people', ADA)).toStrictEqual(person());
    expect(b.takeMirror().get('people')).toStrictEqual(new Set([ADA]));
    // A wrote it from its own store: nothing for A to write back.
    expect(a.takeMirror().get('people')).toBeUndefined();
  });

  it('keeps fields it does not know (written by a newer version) when an older device writes the row', () => {
    const a = device('A');
    const b = device('B');
    a.pushRows('people', [person({ pronouns: 'she/her' })]);
    sync(a, b);
    b.pushRows('people', [person({ notes: 'hello', updatedAt: 2000 })]);
    sync(a, b);
    expect(read(a, 'people', ADA)).toMatchObject({ pronouns: 'she/her', notes: 'hello' });
  });
});

describe('values that cannot travel', () => {
  it('a Blob, a Date or a Map in a row stays on the device; the rest of the row syncs', () => {
    const a = device('A');
    const b = device('B');
    a.pushRows('people', [person({ photo: new Blob(['x']), seenAt: new Date(5), extra: new Map(), nested: { when: new Date(5) } })]);
    sync(a, b);
    const row = read(b, 'people', ADA)!;
    expect(row.name).toBe('Ada Lovelace');
    expect(row).not.toHaveProperty('photo');
    expect(row).not.toHaveProperty('seenAt');
    expect(row).not.toHaveProperty('extra');
    expect(row).not.toHaveProperty('nested');
  });
});

describe('tombstones', () => {
  it('a soft delete travels as a field; a hard delete as a tombstone that a later write clears', () => {
    const a = device('A');
    const b = device('B');
    a.pushRows('people', [person()]);
    sync(a, b);
    a.pushRows('people', [person({ deletedAt: 2000, updatedAt: 2000 })]);
    sync(a, b);
    expect(read(b, 'people', ADA)).toMatchObject({ deletedAt: 2000 });

    a.pushRows('templates', [{ id: 'default-nudge', name: 'Nudge', body: 'x', updatedAt: 1, deletedAt: null }]);
    sync(a, b);
    a.pushGone('templates', ['default-nudge']);
    sync(a, b);
    expect(b.readRow('templates', 'default-nudge')?.gone).toBe(true);
    // Re-created (a built-in restored): back everywhere.
    b.pushRows('templates', [{ id: 'default-nudge', name: 'Nudge', body: 'x', updatedAt: 3, deletedAt: null }]);
    sync(a, b);
    expect(a.readRow('templates', 'default-nudge')?.gone).toBe(false);
  });
});

describe('conflicts', () => {
  it('different fields edited on two devices: both edits survive', () => {
    const a = device('A');
    const b = device('B');
    a.pushRows('people', [person()]);
    sync(a, b);
    a.pushRows('people', [person({ role: 'CTO', editedFields: ['role'], updatedAt: 2000 })]);
    b.pushRows('people', [person({ notes: 'Loves Bernoulli numbers', editedFields: ['name'], name: 'Augusta Ada King', updatedAt: 2001 })]);
    sync(a, b);
    for (const v of [a, b]) {
      expect(read(v, 'people', ADA)).toMatchObject({ role: 'CTO', notes: 'Loves Bernoulli numbers', name: 'Augusta Ada King' });
      expect((read(v, 'people', ADA)!.editedFields as string[]).sort()).toStrictEqual(['name', 'role']);
    }
    // Nothing to show: no field was changed on both.
    expect(conflicts(a).filter((c) => c.kind === 'field')).toStrictEqual([]);
  });

  it.each([
    ['A sends first', (a: Vault, b: Vault) => (send(a, b), send(b, a))],
    ['B sends first', (a: Vault, b: Vault) => (send(b, a), send(a, b))],
  ])('the same field on both: one winner everywhere, the other value in the history (%s)', (_, trade) => {
    const a = device('A', 1);
    const b = device('B', 2);
    a.pushRows('people', [person()]);
    sync(a, b);
    a.pushRows('people', [person({ role: 'Chief Engineer', updatedAt: 2000 })]);
    // B changes its mind while offline: only its last value is a contender.
    b.pushRows('people', [person({ role: 'VP Engineering', updatedAt: 2001 })]);
    b.pushRows('people', [person({ role: 'VP of Engineering', updatedAt: 2002 })]);
    trade(a, b);
    const roleA = read(a, 'people', ADA)!.role;
    expect(read(b, 'people', ADA)!.role).toBe(roleA);
    expect(['Chief Engineer', 'VP of Engineering']).toContain(roleA);
    const other = roleA === 'Chief Engineer' ? 'VP of Engineering' : 'Chief Engineer';
    for (const v of [a, b]) {
      expect(conflicts(v).map(({ kind, table, rowId, field, kept, other }) => ({ kind, table, rowId, field, kept, other }))).toStrictEqual([
        { kind: 'field', table: 'people', rowId: ADA, field: 'role', kept: roleA, other },
      ]);
    }
    // The conflict record itself syncs without doubling: both devices derived the same id.
    sync(a, b);
    expect(conflicts(a)).toHaveLength(1);
    expect(conflicts(a)[0]!.id).toBe(conflicts(b)[0]!.id);
  });

  it('a third device that joins later converges on the same winner', () => {
    const a = device('A');
    const b = device('B');
    const c = device('C');
    a.pushRows('people', [person()]);
    sync(a, b);
    a.pushRows('people', [person({ company: 'Engines Ltd', updatedAt: 2000 })]);
    b.pushRows('people', [person({ company: 'Difference Co', updatedAt: 2000 })]);
    sync(a, b);
    sync(a, b, c);
    expect(read(c, 'people', ADA)!.company).toBe(read(a, 'people', ADA)!.company);
    expect(conflicts(c)).toStrictEqual(conflicts(a));
  });

  it('the same value written on both is no conflict', () => {
    const a = device('A');
    const b = device('B');
    a.pushRows('people', [person()]);
    sync(a, b);
    a.pushRows('people', [person({ role: 'CTO', updatedAt: 2000 })]);
    b.pushRows('people', [person({ role: 'CTO', updatedAt: 2001 })]);
    sync(a, b);
    expect(conflicts(a)).toStrictEqual([]);
  });

  it('a request moved on two devices: status and history stay together, the losing move is recorded', () => {
    const a = device('A', 1);
    const b = device('B', 2);
    const draft = { from: null, to: 'draft', at: 1, note: '', correction: false };
    const asked = { from: 'draft', to: 'asked', at: 2, note: '', correction: false };
    const base = { id: 'r1', kind: 'intro', targetId: ADA, connectorId: CHARLES, status: 'asked', history: [draft, asked], updatedAt: 2, deletedAt: null };
    a.pushRows('intros', [base]);
    sync(a, b);
    a.pushRows('intros', [{ ...base, status: 'agreed', history: [draft, asked, { from: 'asked', to: 'agreed', at: 3, note: '', correction: false }], updatedAt: 3 }]);
    b.pushRows('intros', [{ ...base, status: 'declined', history: [draft, asked, { from: 'asked', to: 'declined', at: 4, note: '', correction: false }], updatedAt: 4 }]);
    sync(a, b);
    for (const v of [a, b]) {
      const r = read(v, 'intros', 'r1')!;
      expect((r.history as { to: string }[]).at(-1)!.to).toBe(r.status);
      expect(r.status).toBe(read(a, 'intros', 'r1')!.status);
    }
    const [c] = conflicts(a);
    expect(c).toMatchObject({ kind: 'field', table: 'intros', field: 'pipeline' });
    expect((c!.other as { status: string }).status).not.toBe(read(a, 'intros', 'r1')!.status);
  });

  it('removed on one device, edited on the other: the edit stays in the row and a restore is offered on both', () => {
    const a = device('A', 1);
    const b = device('B', 2);
    a.pushRows('people', [person()]);
    sync(a, b);
    a.pushRows('people', [person({ deletedAt: 2000, updatedAt: 2000 })]);
    b.pushRows('people', [person({ notes: 'Introduced by Charles', updatedAt: 2001 })]);
    sync(a, b);
    for (const v of [a, b]) {
      expect(read(v, 'people', ADA)).toMatchObject({ deletedAt: 2000, notes: 'Introduced by Charles' });
      expect(conflicts(v).map(({ kind, table, rowId }) => ({ kind, table, rowId }))).toStrictEqual([{ kind: 'restore', table: 'people', rowId: ADA }]);
    }
    expect(conflicts(a)[0]!.id).toBe(conflicts(b)[0]!.id);
  });

  it('removed on both, or removed then restored on one: no restore offer', () => {
    const a = device('A');
    const b = device('B');
    a.pushRows('people', [person()]);
    sync(a, b);
    a.pushRows('people', [person({ deletedAt: 2000, updatedAt: 2000 })]);
    b.pushRows('people', [person({ deletedAt: 2001, updatedAt: 2001 })]);
    sync(a, b);
    expect(conflicts(a).filter((c) => c.kind === 'restore')).toStrictEqual([]);
    // Saved again on A while B edits: the row is live, nothing to restore.
    a.pushRows('people', [person({ deletedAt: null, updatedAt: 3000 })]);
    b.pushRows('people', [person({ deletedAt: 2001, notes: 'x', updatedAt: 3001 })]);
    sync(a, b);
    if (read(a, 'people', ADA)!.deletedAt === null) expect(conflicts(a).filter((c) => c.kind === 'restore')).toStrictEqual([]);
  });

  it.each([
    [1, 2],
    [2, 1],
  ])('a row created with one id on two devices (a built-in template): fields only one side had are kept, differing ones recorded (client ids %i, %i)', (ca, cb) => {
    const a = device('A', ca);
    const b = device('B', cb);
    a.pushRows('templates', [{ id: 'default-intro-ask', kind: 'intro-ask', name: 'Intro ask', body: 'My own words', createdAt: 5, updatedAt: 9, deletedAt: null }]);
    b.pushRows('templates', [{ id: 'default-intro-ask', kind: 'intro-ask', name: 'Intro ask', body: 'The default', createdAt: 7, updatedAt: 7, deletedAt: null, builtIn: true }]);
    sync(a, b);
    const ta = read(a, 'templates', 'default-intro-ask')!;
    expect(read(b, 'templates', 'default-intro-ask')).toStrictEqual(ta);
    expect(ta.builtIn).toBe(true);
    // Written last wins (whichever map Yjs kept); the other body is in the history.
    expect(ta.body).toBe('My own words');
    expect(conflicts(a).find((c) => c.field === 'body')).toMatchObject({ kept: 'My own words', other: 'The default' });
  });

  it.each([
    [1, 2],
    [2, 1],
  ])('settings set on two devices before pairing: each field that only one device set survives (client ids %i, %i)', (ca, cb) => {
    const a = device('A', ca);
    const b = device('B', cb);
    a.pushRows('settings', [{ id: 'user', name: 'Sam Rivera', goal: '' }]);
    b.pushRows('settings', [{ id: 'user', name: '', goal: 'product', background: 'data analyst' }]);
    sync(a, b);
    // An empty field never beats a filled one, whichever device's row Yjs kept.
    expect(read(a, 'settings', 'user')).toMatchObject({ name: 'Sam Rivera', goal: 'product', background: 'data analyst' });
    expect(read(b, 'settings', 'user')).toStrictEqual(read(a, 'settings', 'user'));
  });
});

describe('one person saved on two devices while apart', () => {
  it('folds the two ids into one person, keeps what each knew, and points every reference at the survivor', () => {
    const a = device('A', 1);
    const b = device('B', 2);
    a.pushRows('people', [person({ id: ADA, notes: 'Met at the Royal Society', updatedAt: 1000 })]);
    b.pushRows('people', [
      person({ id: ADA_B, email: 'ada@example.org', role: 'Chief Engineer', updatedAt: 3000, editedFields: ['role'] }),
      person({ id: CHARLES, profileUrl: 'https://www.linkedin.com/in/charles-babbage/', name: 'Charles Babbage', mutualContactIds: [ADA_B] }),
    ]);
    b.pushRows('intros', [{ id: 'r1', kind: 'intro', targetId: ADA_B, connectorId: CHARLES, status: 'draft', history: [], updatedAt: 3000, deletedAt: null }]);
    sync(a, b);
    for (const v of [a, b]) {
      const ada = v.readRow('people', ADA)!;
      expect(ada.gone).toBe(false);
      expect(ada.row).toMatchObject({ notes: 'Met at the Royal Society', email: 'ada@example.org', role: 'Chief Engineer', editedFields: ['role'], updatedAt: 3000 });
      expect(v.readRow('people', ADA_B)).toMatchObject({ gone: true, mergedInto: ADA });
      expect(read(v, 'intros', 'r1')!.targetId).toBe(ADA);
      expect(read(v, 'people', CHARLES)!.mutualContactIds).toStrictEqual([ADA]);
      expect(conflicts(v).map((c) => [c.kind, c.field])).toContainEqual(['field', 'role']);
      expect(conflicts(v).map((c) => [c.kind, c.rowId, c.other])).toContainEqual(['merge', ADA, ADA_B]);
    }
    expect(conflicts(a)).toStrictEqual(conflicts(b));
    // The device that held the folded id is told to write the survivor and drop the loser.
    const mirrored = b.takeMirror().get('people')!;
    expect(mirrored.has(ADA) && mirrored.has(ADA_B)).toBe(true);
  });

  it('an edit that reaches the folded-away id later still lands on the survivor', () => {
    const a = device('A', 1);
    const b = device('B', 2);
    const c = device('C', 3);
    a.pushRows('people', [person({ id: ADA })]);
    b.pushRows('people', [person({ id: ADA_B })]);
    sync(b, c);
    sync(a, b);
    // C never heard of the fold and edits the loser's notes.
    c.pushRows('people', [person({ id: ADA_B, notes: 'Edited on C', updatedAt: 5000 })]);
    sync(a, b, c);
    for (const v of [a, b, c]) {
      expect(read(v, 'people', ADA)!.notes).toBe('Edited on C');
      expect(v.readRow('people', ADA_B)!.gone).toBe(true);
    }
  });
});
