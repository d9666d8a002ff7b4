import type { DexieOptions } from 'dexie';
import { trackLocalChanges } from '../sync/changes';
import { IntrobookDB } from './app-db';

let instance: IntrobookDB | null = null;

/**
 * The database, opened lazily in the extension's own origin: the background and
 * extension pages. Content scripts must never import this module — their
 * IndexedDB belongs to the web page.
 *
 * One instance for the life of the context: callers may keep the reference
 * (the background hands it to the router and the reminders at start-up).
 */
export function getDb(): IntrobookDB {
  if (!instance) {
    // In the background (no document), no liveQuery cache: the worker lives long and answers the pages'
    // live queries (utils/remote/), and a cached answer outlives its last subscriber by seconds, so a
    // popup opened again at once could be shown it. Each subscription reads the store, as each page did.
    instance = openAppDb(typeof document === 'undefined' ? { cache: 'disabled' } : undefined);
    trackLocalChanges(instance); // sync hears of every write to a synced table
  }
  return instance;
}

/**
 * A database that survives another connection upgrading the schema (a newer
 * version of the extension, or a page that loaded newer code). It steps aside
 * so the upgrade is not blocked, then:
 * - in a page, reloads onto the new code;
 * - in the background (no document), reopens on its next call, at whatever
 *   version is now installed (Dexie opens a newer database whose tables it
 *   knows). Closing for good here would fail every later save until the
 *   service worker restarts.
 */
export function openAppDb(options?: DexieOptions, name?: string, onPage = typeof document !== 'undefined'): IntrobookDB {
  const db = new IntrobookDB(options, name);
  db.on('versionchange', () => {
    if (onPage) {
      db.close();
      location.reload();
    } else {
      db.close({ disableAutoOpen: false });
    }
    return false;
  });
  return db;
}
