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
import { formatNumber, t } from '../i18n';

export type ReadBackupResult = { ok: true; file: BackupFile } | { ok: false; error: string };

const fail = (error: string): ReadBackupResult => ({ ok: false, error: t('backupErrors.nothingChanged', { error }) });

/** The newest data version this build of Introbook knows. */
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

export function readBackupText(text: string): ReadBackupResult {
  if (text.length > MAX_FILE_BYTES) return tooLarge();
  const trimmed = text.trimStart();
  if (trimmed === '') return fail(t('backupErrors.empty'));
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    if (/^BEGIN:VCARD/i.test(trimmed) || !/^[[{]/.test(trimmed)) {
      return fail(t('backupErrors.notJsonBackup'));
    }
    return fail(t('backupErrors.notValidJson'));
  }
  return readBackupJson(json);
}

export function readBackupJson(json: unknown): ReadBackupResult {
  const header = backupHeaderSchema.safeParse(json);
  if (!header.success) {
    return fail(t('backupErrors.noHeader', { format: BACKUP_FORMAT }));
  }
  let version = header.data.formatVersion;
  if (version > BACKUP_FORMAT_VERSION) {
    return fail(t('backupErrors.newerFormat', { version: formatNumber(version), max: formatNumber(BACKUP_FORMAT_VERSION) }));
  }
  let upgraded = json as Record<string, unknown>;
  while (version < BACKUP_FORMAT_VERSION) {
    const step = FORMAT_UPGRADES[version];
    if (!step) return fail(t('backupErrors.unknownFormat', { version: formatNumber(version) }));
    upgraded = step(upgraded);
    version += 1;
  }
  const parsed = backupFileSchema.safeParse(upgraded);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(
      issue.path.length > 0 ? t('backupErrors.damagedAt', { where: issue.path.map(String).join('.'), problem: issue.message }) : t('backupErrors.damaged', { problem: issue.message }),
    );
  }
  if (parsed.data.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return fail(t('backupErrors.newerData', { version: formatNumber(parsed.data.schemaVersion), max: formatNumber(CURRENT_SCHEMA_VERSION) }));
  }
  return { ok: true, file: parsed.data };
}

/** Read a picked file: its text, then as above. */
export async function readBackupFile(file: Blob): Promise<ReadBackupResult> {
  if (file.size > MAX_FILE_BYTES) return tooLarge();
  return readBackupText(await file.text());
}

function tooLarge(): ReadBackupResult {
  return fail(t('backupErrors.tooLarge', { size: formatNumber(MAX_FILE_BYTES / 1024 / 1024) }));
}
