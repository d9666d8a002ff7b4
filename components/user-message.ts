import { InternalError } from '@/utils/core/internal-error';
import { isQuotaError, storageFullMessage } from '@/utils/db/errors';

/** Errors whose message is the JavaScript engine's or the browser's English, never one of ours. */
const FOREIGN: readonly (abstract new (...args: never[]) => Error)[] = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/**
 * Names of the store's errors: IndexedDB's DOMExceptions as Dexie rethrows them (plain Errors
 * with the browser's English text) and Dexie's own (dexie.org/docs/DexieErrors/DexieError).
 */
const STORE_ERRORS = new Set([
  'AbortError', 'BulkError', 'ConstraintError', 'DataCloneError', 'DataError', 'DatabaseClosedError', 'ForeignAwaitError',
  'InvalidAccessError', 'InvalidArgumentError', 'InvalidStateError', 'InvalidTableError', 'MissingAPIError', 'ModifyError',
  'NoSuchDatabaseError', 'NotFoundError', 'OpenFailedError', 'PrematureCommitError', 'QuotaExceededError', 'ReadOnlyError',
  'SchemaError', 'SubTransactionError', 'TimeoutError', 'TransactionInactiveError', 'UnknownError', 'UnsupportedError',
  'UpgradeError', 'VersionChangeError', 'VersionError',
]);

/**
 * The words a view shows for something it caught (issue #12). A full disk or
 * exhausted quota, however wrapped, says so. Introbook's own errors carry a
 * message from locales/en.yml: that one. A broken invariant (InternalError,
 * English for developers), the engine's, the browser's or the store's own
 * errors, and anything thrown that is not an Error get the view's `fallback`,
 * a message that says what did not happen.
 */
export function userMessage(error: unknown, fallback: string): string {
  if (isQuotaError(error)) return storageFullMessage();
  if (!(error instanceof Error) || error instanceof InternalError || !error.message) return fallback;
  if (FOREIGN.some((type) => error instanceof type)) return fallback;
  if (typeof DOMException !== 'undefined' && error instanceof DOMException) return fallback;
  if (STORE_ERRORS.has(error.name)) return fallback;
  return error.message;
}
