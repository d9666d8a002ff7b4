/**
 * A file the user picked → a backup Introbook can read, or one sentence
 * saying why not. Nothing here touches the store.
 */
import { SCHEMA_VERSIONS } from '../db/app-db';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  FORMAT_UPGRADES,
  MAX_FILE_BYTES,
  backupFileSchema,
  backupHeaderSchema,
  type BackupFile,
} from './format';

export type ReadBackupResult = { ok: true; file: BackupFile } | { ok: false; error: string };

const NOTHING_CHANGED = 'Nothing was changed.';

/** The newest data version this build of Introbook knows. */
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

export function readBackupText(text: string): ReadBackupResult {
  if (text.length > MAX_FILE_BYTES) return tooLarge();
  const trimmed = text.trimStart();
  if (trimmed === '') return { ok: false, error: `This file is empty. ${NOTHING_CHANGED}` };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    if (/^BEGIN:VCARD/i.test(trimmed) || !/^[[{]/.test(trimmed)) {
      return { ok: false, error: `This is not an Introbook backup: Introbook imports the JSON backups it exports (CSV and vCard files are for other apps). ${NOTHING_CHANGED}` };
    }
    return {
      ok: false,
      error: `This backup is damaged or incomplete: it is not valid JSON (it may have been cut short while copying or downloading). ${NOTHING_CHANGED}`,
    };
  }
  return readBackupJson(json);
}

export function readBackupJson(json: unknown): ReadBackupResult {
  const header = backupHeaderSchema.safeParse(json);
  if (!header.success) {
    return { ok: false, error: `This is not an Introbook backup (it has no "format": "${BACKUP_FORMAT}" header). ${NOTHING_CHANGED}` };
  }
  let version = header.data.formatVersion;
  if (version > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      error: `This backup was made by a newer version of Introbook (backup format ${version}; this version reads up to ${BACKUP_FORMAT_VERSION}). Update Introbook, then import it again. ${NOTHING_CHANGED}`,
    };
  }
  let upgraded = json as Record<string, unknown>;
  while (version < BACKUP_FORMAT_VERSION) {
    const step = FORMAT_UPGRADES[version];
    if (!step) return { ok: false, error: `Introbook cannot read backup format ${version}. ${NOTHING_CHANGED}` };
    upgraded = step(upgraded);
    version += 1;
  }
  const parsed = backupFileSchema.safeParse(upgraded);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
    return { ok: false, error: `This backup is damaged: ${where}: ${issue.message}. ${NOTHING_CHANGED}` };
  }
  if (parsed.data.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `This backup was made by a newer version of Introbook (data version ${parsed.data.schemaVersion}; this version knows up to ${CURRENT_SCHEMA_VERSION}). Update Introbook, then import it again. ${NOTHING_CHANGED}`,
    };
  }
  return { ok: true, file: parsed.data };
}

/** Read a picked file: its text, then as above. */
export async function readBackupFile(file: Blob): Promise<ReadBackupResult> {
  if (file.size > MAX_FILE_BYTES) return tooLarge();
  return readBackupText(await file.text());
}

function tooLarge(): ReadBackupResult {
  return { ok: false, error: `This file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, too large to be an Introbook backup. ${NOTHING_CHANGED}` };
}
