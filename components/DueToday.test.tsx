// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countReads, makeCapture, makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { createRequest, markSent } from '@/utils/db/intros';
import { savePersonCapture } from '@/utils/db/people';
import { addTask } from '@/utils/db/ledger';
import { defaultSettings, saveSettings } from '@/utils/settings';
import { localRemote } from '@/tests/helpers/remote';
import { setRemote } from '@/utils/remote/client';
import { DUE_SHOWN } from '@/utils/remote/first-view';
import { DueToday } from './DueToday';

let db: IntrobookDB;
let reads: ReturnType<typeof countReads>;
beforeEach(async () => {
  db = makeTestDb(new IDBFactory());
  reads = countReads(db);
  await saveSettings({ ...defaultSettings(), timeZone: 'Europe/London' }, db);
  // The list comes from the background's data API, here over the test's database.
  localRemote(db);
});
afterEach(() => {
  cleanup();
  setRemote(undefined);
  db.close();
});

describe('Due today', () => {
  it('lists the longest overdue first, reads only those, and counts the rest', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    const weekAgo = Date.now() - 10 * 86400_000;
    for (let i = 0; i < DUE_SHOWN + 45; i++) {
      const person = (await savePersonCapture(db, makeCapture({ profileUrl: `https://www.linkedin.com/in/p-${i}/`, name: `Person ${i}`, degree: 1 }))).person;
      await markSent(db, (await createRequest(db, { kind: 'intro', targetId: ada.id, connectorId: person.id })).id, 'copy', weekAgo - i * 86400_000);
    }
    // Not due: asked just now.
    await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null })).id, 'copy');
    reads.reset();
    render(<DueToday onOpenRequest={() => {}} onOpenPerson={() => {}} />);
    const section = await screen.findByRole('region', { name: `Due today (${DUE_SHOWN + 45})` });
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(DUE_SHOWN);
    // Longest overdue first: the one asked earliest.
    expect(items[0]).toHaveTextContent(`Nudge Person ${DUE_SHOWN + 44}`);
    expect(section).toHaveTextContent('And 45 more');
    // Each run reads at most DUE_SHOWN requests (the list, then the count's run, which reads them again), never all 65.
    expect(reads.rows.intros).toBeLessThanOrEqual(2 * DUE_SHOWN);
  });

  it('with no more due than it lists, shows the count without counting the index', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    for (let i = 0; i < 3; i++) await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null })).id, 'copy', Date.now() - (10 + i) * 86400_000);
    reads.reset();
    render(<DueToday onOpenRequest={() => {}} onOpenPerson={() => {}} />);
    expect(within(await screen.findByRole('region', { name: 'Due today (3)' })).getAllByRole('listitem')).toHaveLength(3);
    expect(reads.counts).toStrictEqual({});
  });

  it('lists follow-through tasks with request steps; a task opens its person, a step its request', async () => {
    const ada = (await savePersonCapture(db, makeCapture())).person;
    const request = await markSent(db, (await createRequest(db, { kind: 'direct', targetId: ada.id, connectorId: null })).id, 'copy', Date.now() - 10 * 86400_000);
    const task = await addTask(db, { personId: ada.id, kind: 'offer', text: 'Send Ada the article', dueAt: Date.now() - 60_000 });
    const opened: string[] = [];
    render(<DueToday onOpenRequest={(id) => opened.push(`request ${id}`)} onOpenPerson={(id) => opened.push(`person ${id}`)} />);
    const section = await screen.findByRole('region', { name: 'Due today (2)' });
    const buttons = within(section).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toStrictEqual(['Nudge Ada Lovelace', 'Send Ada the article']);
    fireEvent.click(buttons[0]!);
    fireEvent.click(buttons[1]!);
    expect(opened).toStrictEqual([`request ${request.id}`, `person ${task.personId}`]);
  });

  it('says nothing is due where asked to, and nothing at all elsewhere', async () => {
    const { container } = render(<DueToday onOpenRequest={() => {}} onOpenPerson={() => {}} />);
    render(<DueToday onOpenRequest={() => {}} onOpenPerson={() => {}} emptyText="Nothing due today." />);
    expect(await screen.findByText('Nothing due today.')).toBeInTheDocument();
    expect(container).toBeEmptyDOMElement();
  });
});

