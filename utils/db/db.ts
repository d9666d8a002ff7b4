import { trackLocalChanges } from '../sync/changes';
import { IntrobookDB } from './app-db';

let instance: IntrobookDB | null = null;

/**
 * The database, opened lazily in the extension's own origin: the background and
 * extension pages. Content scripts must never import this module — their
 * IndexedDB belongs to the web page.
 */
export function getDb(): IntrobookDB {
  if (!instance) {
    instance = new IntrobookDB();
    trackLocalChanges(instance); // sync hears of every write to a synced table
    // A newer version of the extension is upgrading the schema: step aside so it
    // isn't blocked. An open page reloads onto the new schema; the service
    // worker opens a fresh connection on its next call.
    instance.on('versionchange', () => {
      instance?.close();
      instance = null;
      if (typeof document !== 'undefined') location.reload();
      return false;
    });
  }
  return instance;
}
