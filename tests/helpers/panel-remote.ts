/**
 * For the side panel's component tests: each test gets a fresh database, served to the views over
 * the real data API (tests/helpers/remote.ts) as the background serves the panel; torn down after.
 */
import { cleanup } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import type { IntrobookDB } from '@/utils/db/app-db';
import { setRemote } from '@/utils/remote/client';
import { makeTestDb } from './db';
import { localRemote, TEST_ORIGIN } from './remote';

/** Call at the top of a test file; returns the current test's database. */
export function servePanelDb(): () => IntrobookDB {
  let db: IntrobookDB;
  beforeEach(() => {
    db = makeTestDb(new IDBFactory());
    localRemote(db, {}, { pageUrl: `${TEST_ORIGIN}sidepanel.html` });
  });
  afterEach(() => {
    cleanup();
    setRemote(undefined);
    db.close();
  });
  return () => db;
}
