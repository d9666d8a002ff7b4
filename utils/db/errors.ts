import type { Person } from '../domain/schemas';
import { t } from '../i18n';
import { UserError } from '../core/user-error';

/**
 * What a failed write means for the user. IndexedDB reports a full disk or an
 * exhausted quota as QuotaExceededError, often wrapped: Dexie's AbortError
 * carries it as `inner`, a BulkError lists it among its `failures`
 * (dexie.org Dexie.QuotaExceededError; Dexie #776). A failed transaction
 * writes nothing, so earlier data is always intact.
 */

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

function causes(error: unknown, depth = 0): unknown[] {
  if (depth > 5 || error === null || typeof error !== 'object') return [error];
  const e = error as ErrorLike;
  const nested = [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures : Object.values((e.failures as object | undefined) ?? {}))];
  return [error, ...nested.filter((n) => n !== undefined && n !== null).flatMap((n) => causes(n, depth + 1))];
}

const named = (error: unknown, name: string) =>
  causes(error).some((e) => e !== null && typeof e === 'object' && (e as ErrorLike).name === name);

/** The browser refused the write for lack of space (quota or disk), however deeply wrapped. */
export function isQuotaError(error: unknown): boolean {
  return (
    named(error, 'QuotaExceededError') ||
    // Firefox reports a full disk inside an aborted transaction as NS_ERROR_FILE_NO_DEVICE_SPACE.
    causes(error).some((e) => typeof (e as ErrorLike | null)?.message === 'string' && /QuotaExceeded|NO_DEVICE_SPACE/i.test((e as { message: string }).message))
  );
}

/**
 * Names of the store's errors: IndexedDB's DOMExceptions as Dexie rethrows them (plain Errors
 * with the browser's English text) and Dexie's own (dexie.org/docs/DexieErrors/DexieError).
 */
const STORE_ERRORS = new Set(
  // i18n-ignore: error names, not user text
  'AbortError BulkError ConstraintError DataCloneError DataError DatabaseClosedError ForeignAwaitError InvalidAccessError InvalidArgumentError InvalidStateError InvalidTableError MissingAPIError ModifyError NoSuchDatabaseError NotFoundError OpenFailedError PrematureCommitError QuotaExceededError ReadOnlyError SchemaError SubTransactionError TimeoutError TransactionInactiveError UnknownError UnsupportedError UpgradeError VersionChangeError VersionError'.split(' '),
);

/** An error from the store itself (its English text is for developers, not a message for the user). */
export function isStoreError(error: unknown): boolean {
  return error instanceof Error && STORE_ERRORS.has(error.name);
}

/** What a full disk or quota means for the user (a message: read when shown). */
export const storageFullMessage = () => t('errors.storageFull');

/** One sentence for the user: the storage-full message when that is the cause, else `fallback`. */
export function storageErrorMessage(error: unknown, fallback: string): string {
  return isQuotaError(error) ? storageFullMessage() : fallback;
}

/** Thrown by Introbook's own long writes (import, restore, safety copies) with a message fit for the user. */
export class StorageFullError extends UserError {
  override name = 'StorageFullError';
  constructor(cause?: unknown) {
    super(storageFullMessage(), { cause });
  }
}

/** Saved people share the typed name: the user says whether one of them is meant before a new record is made. */
export class SameNameError extends UserError {
  constructor(readonly matches: Person[]) {
    super(t('errors.sameName', { name: matches[0]?.name ?? t('errors.someone') }));
    this.name = 'SameNameError';
  }
}

/** The profile link typed belongs to someone already saved. */
export class AlreadySavedError extends UserError {
  constructor(readonly person: Person) {
    super(t('addPerson.isAlreadySavedWithThisProfile', { name: person.name }));
    this.name = 'AlreadySavedError';
  }
}
