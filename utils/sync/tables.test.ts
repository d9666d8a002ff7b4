/**
 * The schema keeps sync cheap: every table is declared synced or device-only,
 * synced tables have string ids, `updatedAt` in epoch ms (indexed) and soft
 * deletes, and their migrations only ever add.
 */
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../tests/helpers/db';
import { SCHEMA_VERSIONS } from '../db/app-db';
import { DEVICE_ONLY_TABLES, SETTINGS_TABLE, SYNCED_SETTINGS, SYNCED_TABLES } from './tables';
import { settingsSchema } from '../domain/schemas';
import type { ZodType } from 'zod';

const latest = SCHEMA_VERSIONS.at(-1)!;
const synced = SYNCED_TABLES.map((t) => t.name);

/** Dexie's store spec → primary key and indexes. */
function parse(spec: string): { primary: string; indexes: string[] } {
  const [primary = '', ...indexes] = spec.split(',').map((s) => s.trim());
  return { primary, indexes };
}

function shapeOf(schema: ZodType): Record<string, ZodType> {
  return (schema as unknown as { shape: Record<string, ZodType> }).shape;
}

describe('what syncs', () => {
  it('declares every table of the current schema as synced or device-only, and nothing else', () => {
    const tables = Object.keys(latest.stores).sort();
    expect([...synced, ...DEVICE_ONLY_TABLES, SETTINGS_TABLE].sort()).toStrictEqual(tables);
  });

  it.each(SYNCED_TABLES.map((t) => [t.name, t] as const))('%s: string id, updatedAt and deletedAt in epoch ms, updatedAt indexed', (name, spec) => {
    const { primary, indexes } = parse(latest.stores[name]!);
    expect(primary).toBe('id');
    expect(indexes).toContain('updatedAt');
    const shape = shapeOf(spec.schema!);
    expect(shape.id!.safeParse('6a0f9c55-1d3c-4a4e-9a43-0a2b3c4d5e6f').success).toBe(true);
    expect(shape.id!.safeParse(42).success).toBe(false);
    for (const field of ['createdAt', 'updatedAt']) {
      expect(shape[field]!.safeParse(Date.now()).success, field).toBe(true);
      expect(shape[field]!.safeParse(1.5).success, field).toBe(false);
      expect(shape[field]!.safeParse('2026-01-01').success, field).toBe(false);
    }
    expect(shape.deletedAt!.safeParse(null).success).toBe(true);
    expect(shape.deletedAt!.safeParse(Date.now()).success).toBe(true);
  });

  it('declares only fields the tables have (sets, records, groups, references, natural keys)', () => {
    for (const spec of SYNCED_TABLES) {
      const fields = Object.keys(shapeOf(spec.schema!));
      const named = [
        ...Object.keys(spec.kinds ?? {}),
        ...Object.values(spec.groups ?? {}).flat(),
        ...Object.keys(spec.refs ?? {}),
        ...(spec.naturalKey ? [spec.naturalKey] : []),
      ];
      for (const field of named) expect(fields, `${spec.name}.${field}`).toContain(field);
      for (const target of Object.values(spec.refs ?? {})) expect(synced).toContain(target);
    }
  });

  it('syncs only settings fields that exist', () => {
    for (const field of SYNCED_SETTINGS) expect(Object.keys(settingsSchema.shape)).toContain(field);
  });

  it('synced tables only grow from one version to the next: no table, index or primary key taken away', () => {
    for (let i = 1; i < SCHEMA_VERSIONS.length; i++) {
      const before = SCHEMA_VERSIONS[i - 1]!.stores;
      const after = SCHEMA_VERSIONS[i]!.stores;
      for (const [table, spec] of Object.entries(before)) {
        if (!synced.includes(table)) continue;
        expect(after[table], `v${SCHEMA_VERSIONS[i]!.version} drops ${table}`).toBeDefined();
        const old = parse(spec);
        const next = parse(after[table]!);
        expect(next.primary, `${table} primary key`).toBe(old.primary);
        for (const index of old.indexes) expect(next.indexes, `${table} index ${index}`).toContain(index);
      }
    }
  });

  it('the database opens with every declared table', async () => {
    const db = makeTestDb();
    await db.open();
    const names = db.tables.map((t) => t.name).sort();
    expect(names).toStrictEqual([...synced, ...DEVICE_ONLY_TABLES, SETTINGS_TABLE].sort());
    db.close();
  });
});
