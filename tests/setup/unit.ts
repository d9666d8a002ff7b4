// fake-indexeddb must be in place before Dexie is imported anywhere.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, loadMessages } from '../helpers/messages';

// fakeBrowser has no i18n: give it the real English messages (locales/en.yml).
const getMessage = getMessageFrom(loadMessages('en'));
const installI18n = () => {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
};
installI18n();
beforeEach(installI18n);

// Extension pages read through the background's data API (utils/remote/): by default, over the
// default database, through the real server and an in-memory port (tests/helpers/remote.ts). A
// test with a database of its own installs its own (localRemote(db)).
beforeEach(async () => {
  const [{ localRemote }, { getDb }] = await Promise.all([import('../helpers/remote'), import('../../utils/db/db')]);
  localRemote(getDb());
});

afterEach(async () => {
  fakeBrowser.reset();
  // Settings live in the extension's database (utils/settings.ts), which
  // fakeBrowser.reset() does not reach: start every test from the defaults.
  const { getDb } = await import('../../utils/db/db');
  await getDb()
    .settings.clear()
    .catch(() => {});
  // Capture problems live in the database's `meta` table (utils/capture-problems.ts).
  await getDb()
    .meta.delete('captureProblems')
    .catch(() => {});
});
