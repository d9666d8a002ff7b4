/**
 * What syncs, declared once. Sync is generic over this list: a table named here
 * is mirrored between Dexie and the vault document field by field; a table not
 * named here (and listed in DEVICE_ONLY_TABLES) stays on this device.
 *
 * Adding a table? Give it string ids, `createdAt`/`updatedAt`/`deletedAt` in
 * epoch ms (soft deletes) and an `updatedAt` index, then add an entry here —
 * tables.test.ts fails until every Dexie table is declared one way or the other.
 *
 * Per table:
 * - `kinds`: how a field merges when two devices change it. Default `value`:
 *   the field is one unit (last writer wins, deterministically). `set`: an array
 *   of strings merged as a set (adds on both devices are kept). `record`: an
 *   object merged key by key.
 * - `groups`: fields that only make sense together (a request's status and its
 *   history) merge as one unit.
 * - `quiet`: bookkeeping fields whose concurrent changes are not worth showing.
 * - `naturalKey`: rows with equal values are one thing (a person's canonical
 *   URL): two devices that saved it under two ids get them folded into one.
 * - `refs`: fields holding ids of rows in other tables, rewritten when two rows
 *   are folded into one.
 * - `schema`: rows arriving from another device are checked before they land;
 *   `defaults` fills fields that a device on an older version did not write.
 */
import type { ZodType } from 'zod';
import { blankUserFields, introRequestSchema, meetingSchema, personSchema, templateSchema, STATUS_VALUES } from '../domain/schemas';
import { STATUS_LABELS } from '../domain/intro-status';
import { callLinkSchema, favourSchema, introIdeaSchema, taskSchema } from '../domain/ledger';
import { meetingNotesSchema } from '../domain/prep';
import { syncConflictSchema } from './schemas';
import { t } from '../i18n';

export type FieldKind = 'value' | 'set' | 'record';

export interface SyncedTable {
  name: string;
  kinds?: Readonly<Record<string, Exclude<FieldKind, 'value'>>>;
  groups?: Readonly<Record<string, readonly string[]>>;
  quiet?: readonly string[];
  naturalKey?: string;
  refs?: Readonly<Record<string, string>>;
  /** Absent for the settings pseudo-table, whose fields are checked where they land. */
  schema?: ZodType;
  defaults?: () => Record<string, unknown>;
  /** How the user recognises a row (conflict lists, restore offers). */
  label?: (row: Record<string, unknown>) => string;
  /** How a field's value reads in the conflict history. */
  describe?: (field: string, value: unknown) => string | null;
}

/** Bookkeeping on every row: a concurrent change to these is never shown as a conflict. */
export const ALWAYS_QUIET = ['createdAt', 'updatedAt', 'capturedAt'] as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const SYNCED_TABLES: readonly SyncedTable[] = [
  {
    name: 'people',
    kinds: {
      editedFields: 'set',
      aliases: 'set',
      // Tags added on two browsers are both kept.
      tags: 'set',
      mutualContactIds: 'set',
      dismissedMutualIds: 'set',
      fieldSources: 'record',
      fieldConfidence: 'record',
    },
    quiet: ['fieldSources', 'fieldConfidence', 'source'],
    naturalKey: 'profileUrl',
    refs: { mutualContactIds: 'people', dismissedMutualIds: 'people' },
    schema: personSchema,
    defaults: () => ({ aliases: [], fieldSources: {}, positions: [], ...blankUserFields() }),
    label: (row) => str(row.name) || t('syncText.someone'),
  },
  {
    name: 'intros',
    // A status only makes sense with the history that led to it.
    groups: { pipeline: ['status', 'history'] },
    refs: { targetId: 'people', connectorId: 'people' },
    schema: introRequestSchema,
    label: (row) => str(row.subject) || t('syncText.aRequest'),
    describe: (field, value) => {
      if (field !== 'pipeline' || typeof value !== 'object' || value === null) return null;
      const status = (value as { status?: unknown }).status;
      return (STATUS_VALUES as readonly unknown[]).includes(status) ? STATUS_LABELS[status as keyof typeof STATUS_LABELS] : null;
    },
  },
  {
    name: 'templates',
    schema: templateSchema,
    label: (row) => str(row.name) || t('syncText.aTemplate'),
  },
  {
    name: 'meetings',
    refs: { personId: 'people', requestId: 'intros' },
    schema: meetingSchema,
    label: () => t('syncText.aMeeting'),
  },
  {
    // A meeting's prep sheet and notes: one row per meeting, with the meeting's
    // id, so two browsers that open one meeting's sheet write one row, merged
    // field by field. Culture observations and prepared answers merge key by key.
    name: 'meetingNotes',
    kinds: { why: 'set', answers: 'record', culture: 'record' },
    refs: { personId: 'people' },
    schema: meetingNotesSchema,
    label: () => t('syncText.aPrepSheet'),
  },
  {
    name: 'tasks',
    refs: { personId: 'people', meetingId: 'meetings' },
    schema: taskSchema,
    label: (row) => str(row.text) || t('syncText.aTask'),
  },
  {
    name: 'favours',
    refs: { personId: 'people' },
    schema: favourSchema,
    label: (row) => str(row.text) || t('syncText.aFavour'),
  },
  {
    name: 'introIdeas',
    refs: { aId: 'people', bId: 'people' },
    schema: introIdeaSchema,
    label: (row) => str(row.reason) || t('syncText.anIntroIdea'),
  },
  {
    // The user's answer to "who is this call with?" per call link: a choice,
    // not a cache, so a recurring link is known on every browser.
    name: 'callLinks',
    refs: { personId: 'people', meetingId: 'meetings' },
    schema: callLinkSchema,
    label: () => t('syncText.aCallLink'),
  },
  {
    name: 'syncConflicts',
    // Conflicts about conflicts help nobody.
    quiet: ['kind', 'table', 'rowId', 'field', 'kept', 'other', 'at', 'resolvedAt'],
    schema: syncConflictSchema,
  },
];

/**
 * Tables that stay on this device: sync's own state (the vault copy, the
 * secret, cursors); bookkeeping (`meta`); photos (each browser fetches and
 * keeps its own copy); and merge records (this browser's undo history — the
 * merge itself reaches other browsers as the rows it changed).
 */
export const DEVICE_ONLY_TABLES = ['syncState', 'syncUpdates', 'meta', 'photos', 'merges'] as const;

/**
 * Settings that are about the user (their profile for templates, their working
 * week) sync; anything else in settings stays on the device. Stored in the
 * vault as the single row `user` of the pseudo-table `settings`.
 */
/** Also the Dexie table settings live in (utils/settings.ts); it syncs through the settings port, not row by row. */
export const SETTINGS_TABLE = 'settings';
export const SETTINGS_ROW = 'user';
export const SYNCED_SETTINGS = ['name', 'background', 'goal', 'resumeUrl', 'timeZone', 'workingDays'] as const;

export const SETTINGS_SPEC: SyncedTable = {
  name: SETTINGS_TABLE,
  // Checked against settingsSchema where they land (utils/sync/sources.ts).
  label: () => t('syncText.yourSettings'),
};

export function tableSpec(name: string): SyncedTable | undefined {
  return name === SETTINGS_TABLE ? SETTINGS_SPEC : SYNCED_TABLES.find((t) => t.name === name);
}

export const ALL_SPECS: readonly SyncedTable[] = [...SYNCED_TABLES, SETTINGS_SPEC];
