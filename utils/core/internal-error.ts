/**
 * A broken invariant: a bug or a protocol misuse, never a state the user
 * caused or can act on. Its message is for developers and logs, in English;
 * views never show it as their text (they show their own message instead).
 * Every other error Introbook throws carries a message from locales/en.yml.
 */
export class InternalError extends Error {
  override name = 'InternalError';
}
