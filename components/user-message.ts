import { InternalError } from '@/utils/core/internal-error';
import { isQuotaError, isStoreError, storageFullMessage } from '@/utils/db/errors';

/** Errors whose message is the JavaScript engine's or the browser's English, never one of ours. */
const FOREIGN: readonly (abstract new (...args: never[]) => Error)[] = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

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
  if (isStoreError(error)) return fallback;
  return error.message;
}
