/**
 * Something the user can act on, said in the user's language: its message was
 * made from locales/en.yml (through utils/i18n) where it was thrown, so a view
 * shows it as it is. Views decide what to show by this class, never by the
 * words of a message (which change with the language).
 */
export class UserError extends Error {
  override name = 'UserError';
}
