// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCapture, makeTestDb, quotaError } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { storageFullMessage } from '@/utils/db/errors';
import { savePersonCapture } from '@/utils/db/people';
import type { Person } from '@/utils/domain/schemas';
import { IntroPlanner } from './IntroPlanner';

let db: IntrobookDB;
let ada: Person;

beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  // Ada's page names Charles Babbage among the mutual connections; a Charles Babbage is saved.
  ada = (await savePersonCapture(db, makeCapture())).person;
  await savePersonCapture(db, makeCapture({ profileUrl: 'https://www.linkedin.com/in/charles-babbage/', name: 'Charles Babbage', firstName: 'Charles', lastName: 'Babbage', mutualConnections: { count: 0, names: [] } }));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});


describe('who can introduce me, with a full disk', () => {
  for (const [button, label] of [
    ['Yes, Charles Babbage is the mutual connection', 'confirming a name match'],
    ['No, Charles Babbage is someone else', 'dismissing a name match'],
  ] as const) {
    it(`says so when ${label} cannot be stored`, async () => {
      const user = userEvent.setup();
      render(<IntroPlanner person={ada} db={db} onStartRequest={() => {}} onOpenRequest={() => {}} />);
      const yes = await screen.findByRole('button', { name: button });
      vi.spyOn(db.people, 'put').mockRejectedValue(quotaError());
      vi.spyOn(db.people, 'update').mockRejectedValue(quotaError());
      await user.click(yes);
      expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
      expect((await db.people.get(ada.id))?.mutualContactIds).toStrictEqual([]);
    });
  }
});
