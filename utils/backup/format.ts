/**
 * The backup file: one JSON document holding every table of the store.
 * Documented in docs/backup-format.md; this module is its schema.
 *
 *   {
 *     "format": "introbook-backup",
 *     "formatVersion": 1,
 *     "exportedAt": 1767225600000,
 *     "app": { "name": "Introbook", "version": "0.1.0" },
 *     "schemaVersion": 4,
 *     "kind": "export",
 *     "tables": { "people": [ … ], "intros": [ … ], … }
 *   }
 *
 * Tables are picked up generically (every table of the database except the
 * LOCAL_ONLY ones), so a table another part of Introbook adds is exported
 * without touching this code. On import each row is validated with its
 * table's zod schema from ROW_SCHEMAS; a table with no registered schema falls
 * back to a structural check (string id, plain JSON, bounded sizes).
 */
import { z } from '../zod';
import { photoSchema, settingsRowSchema } from '../domain/local-data';
import { mergeRecordSchema } from '../domain/merge';
import { syncConflictSchema } from '../sync/schemas';
import { introRequestSchema, meetingSchema, personSchema, templateSchema } from '../domain/schemas';
import { callLinkSchema, favourSchema, introIdeaSchema, taskSchema } from '../domain/ledger';
import { meetingNotesSchema } from '../domain/prep';
import { formatNumber, labels, t } from '../i18n';

export const BACKUP_FORMAT = 'introbook-backup';
/** The version of the file layout (not of the rows: that is `schemaVersion`). */
export const BACKUP_FORMAT_VERSION = 1;

/** Refuse files bigger than this before parsing (JavaScript strings top out near 512 MB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_ROWS_PER_TABLE = 1_000_000;

const tableName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: () => t('backupErrors.tableName') });

/** Just enough to tell an Introbook backup, and which layout it uses, from anything else. */
export const backupHeaderSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
});

export const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  /** Epoch milliseconds. */
  exportedAt: z.number().int().nonnegative(),
  app: z.object({ name: z.string().max(100), version: z.string().max(50) }),
  /** The database schema version the rows were written under (utils/db/app-db.ts SCHEMA_VERSIONS). */
  schemaVersion: z.number().int().positive().max(10_000),
  /** A file the user exported, or an automatic safety copy. */
  kind: z.enum(['export', 'safety-copy']).default('export'),
  /** Table name → rows, each an object whose `id` is its primary key. */
  tables: z.record(tableName, z.array(z.unknown()).max(MAX_ROWS_PER_TABLE)),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/**
 * Older layouts, upgraded step by step: FORMAT_UPGRADES[n] turns a version-n
 * file into a version n+1 file. Version 1 is the first; when the layout
 * changes, bump BACKUP_FORMAT_VERSION and add the step from the old one here.
 */
export const FORMAT_UPGRADES: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * The zod schema of each table's rows. A table added to the database should
 * be registered here (backup.test.ts fails until it is); until then its rows
 * get the structural check below.
 */
export const ROW_SCHEMAS: Record<string, z.ZodType<Record<string, unknown>>> = {
  people: personSchema,
  intros: introRequestSchema,
  templates: templateSchema,
  meetings: meetingSchema,
  meetingNotes: meetingNotesSchema,
  tasks: taskSchema,
  favours: favourSchema,
  introIdeas: introIdeaSchema,
  callLinks: callLinkSchema,
  merges: mergeRecordSchema,
  syncConflicts: syncConflictSchema,
  photos: photoSchema,
  settings: settingsRowSchema,
};

/** How each table is named to the user. */
export const TABLE_LABELS: Record<string, string> = labels({
  people: 'labels.table.people',
  intros: 'labels.table.intros',
  templates: 'labels.table.templates',
  meetings: 'labels.table.meetings',
  meetingNotes: 'labels.table.meetingNotes',
  tasks: 'labels.table.tasks',
  favours: 'labels.table.favours',
  introIdeas: 'labels.table.introIdeas',
  callLinks: 'labels.table.callLinks',
  merges: 'labels.table.merges',
  syncConflicts: 'labels.table.syncConflicts',
  photos: 'labels.table.photos',
  settings: 'labels.table.settings',
});
export const tableLabel = (table: string): string => TABLE_LABELS[table] ?? table;

/**
 * Fields holding the id of a row in another table, checked on import so a
 * merge never leaves a request pointing at nobody.
 */
export const REFERENCES: Record<string, Record<string, string>> = {
  intros: { targetId: 'people', connectorId: 'people' },
  meetings: { personId: 'people', requestId: 'intros' },
  // A meeting's notes have the meeting's id, as a photo has its person's.
  meetingNotes: { id: 'meetings', personId: 'people' },
  tasks: { personId: 'people', meetingId: 'meetings' },
  favours: { personId: 'people' },
  introIdeas: { aId: 'people', bId: 'people' },
  callLinks: { personId: 'people', meetingId: 'meetings' },
  photos: { id: 'people' },
  merges: { keptId: 'people', otherId: 'people' },
};

const LIMITS = { string: 1_000_000, array: 100_000, keys: 500, depth: 12 };

/** Plain JSON with bounded sizes: what any row must be, whatever its table. */
export function jsonProblem(value: unknown, depth = 0): string | null {
  if (depth > LIMITS.depth) return t('backupErrors.nestedTooDeeply');
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : t('backupErrors.notAFiniteNumber');
  if (typeof value === 'string') return value.length > LIMITS.string ? t('backupErrors.textTooLong', { max: formatNumber(LIMITS.string) }) : null;
  if (Array.isArray(value)) {
    if (value.length > LIMITS.array) return t('backupErrors.listTooLong', { max: formatNumber(LIMITS.array) });
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return t('backupErrors.notPlainData');
    const keys = Object.keys(value);
    if (keys.length > LIMITS.keys) return t('backupErrors.tooManyFields');
    for (const key of keys) {
      const problem = jsonProblem((value as Record<string, unknown>)[key], depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return t('backupErrors.notJsonData');
}

/** Rows of a table with no registered schema: a string id and plain, bounded JSON. */
export const genericRowSchema = z
  .looseObject({ id: z.string().min(1).max(200) })
  .superRefine((row, ctx) => {
    const problem = jsonProblem(row);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }) as unknown as z.ZodType<Record<string, unknown>>;

export function rowSchemaFor(table: string): z.ZodType<Record<string, unknown>> {
  return ROW_SCHEMAS[table] ?? genericRowSchema;
}
