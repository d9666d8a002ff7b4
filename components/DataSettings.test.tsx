// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedEverything } from '@/tests/helpers/backup';
import { makeCapture, makeTestDb } from '@/tests/helpers/db';
import { exportBackup } from '@/utils/backup/export';
import { getSafetyDb } from '@/utils/backup/safety';
import { getDb } from '@/utils/db/db';
import { savePersonCapture } from '@/utils/db/people';
import { DataSettings } from './DataSettings';

async function clearAll() {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  const safety = getSafetyDb();
  await Promise.all(safety.tables.map((t) => t.clear()));
}

let downloads: { name: string; blob: Blob }[];
beforeEach(async () => {
  await clearAll();
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { estimate: async () => ({ usage: 3 * 1024 * 1024, quota: 50 * 1024 ** 3 }), persisted: async () => true },
  });
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await clearAll();
});

async function backupOfSomeoneElse(): Promise<File> {
  const source = makeTestDb(new IDBFactory());
  await seedEverything(source);
  const { blob } = await exportBackup(source);
  source.close();
  return new File([await blob.text()], 'introbook-backup-2026-01-01.json', { type: 'application/json' });
}

describe('DataSettings', () => {
  it('shows usage and quota, the uninstall warning and that nothing was exported yet', async () => {
    render(<DataSettings />);
    expect(await screen.findByText(/Introbook uses 3\.0 MB of the 50\.0 GB the browser allows it on this computer, kept even when disk space runs low\./)).toBeInTheDocument();
    expect(screen.getByText(/Uninstalling Introbook deletes everything it keeps on this computer/)).toBeInTheDocument();
    expect(await screen.findByText('You have not exported your data yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'What Introbook stores, and what each permission is for' })).toHaveAttribute('href', expect.stringMatching(/privacy\.html$/));
  });

  it('exports everything to a dated file and remembers when', async () => {
    await savePersonCapture(getDb(), makeCapture());
    const user = userEvent.setup();
    render(<DataSettings />);
    await user.click(screen.getByRole('button', { name: 'Export everything (JSON backup)' }));
    expect(await screen.findByText(/^Exported 1 person and 0 requests to introbook-backup-\d{4}-\d\d-\d\d\.json\.$/)).toHaveAttribute('role', 'status');
    expect(downloads).toHaveLength(1);
    expect(JSON.parse(await downloads[0]!.blob.text()).tables.people).toHaveLength(1);
    expect(await screen.findByText(/^Last export: /)).toBeInTheDocument();
  });

  it('imports a file after a review, keeping a safety copy of what was there', async () => {
    await savePersonCapture(getDb(), makeCapture({ profileUrl: 'https://www.linkedin.com/in/mine/', name: 'Mine Only' }));
    const user = userEvent.setup();
    render(<DataSettings />);
    await user.upload(screen.getByLabelText('Choose an Introbook backup (.json)'), await backupOfSomeoneElse());
    const review = await screen.findByRole('region', { name: 'Review the import from introbook-backup-2026-01-01.json' });
    expect(await getDb().people.count()).toBe(1); // nothing written yet
    const people = within(review).getByRole('row', { name: /^People/ });
    expect(within(people).getAllByRole('cell').map((c) => c.textContent)).toStrictEqual(['4', '0', '0', '0', '0']);
    await waitFor(() => expect(within(review).getByRole('heading', { level: 3 })).toHaveFocus());
    await user.click(within(review).getByRole('button', { name: /^Import \d+ changes$/ }));
    // A safety copy and the write: give a busy machine time (findBy waits 1 s by default).
    expect(await screen.findByText(/^Imported: \d+ new, 0 updated\./, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(await getDb().people.count()).toBe(5);
    expect(await screen.findByRole('list', { name: 'Safety copies, newest first' })).toHaveTextContent(/Before an import, .*: 1 person, 0 requests/);
  });

  it('says why a file cannot be read, and writes nothing', async () => {
    const user = userEvent.setup();
    render(<DataSettings />);
    await user.upload(screen.getByLabelText('Choose an Introbook backup (.json)'), new File(['{"format":"introbook-backup","formatVersion":99}'], 'future.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/newer version of Introbook \(backup format 99.*Nothing was changed\./);
    expect(screen.queryByRole('region', { name: /^Review/ })).toBeNull();
    expect(await getDb().people.count()).toBe(0);
  });

  it('restores a safety copy only after the user confirms', async () => {
    const db = getDb();
    await savePersonCapture(db, makeCapture());
    const user = userEvent.setup();
    render(<DataSettings />);
    await user.click(screen.getByRole('button', { name: 'Make a safety copy now' }));
    await screen.findByText('Safety copy made.');
    await db.people.clear();
    await user.click(await screen.findByRole('button', { name: /^Restore the copy of / }));
    const review = await screen.findByRole('region', { name: /^Replace your data with the safety copy of / });
    const replace = within(review).getByRole('button', { name: 'Replace my data' });
    expect(replace).toBeDisabled();
    await user.click(within(review).getByRole('checkbox', { name: /I understand/ }));
    await user.click(replace);
    await waitFor(async () => expect(await db.people.count()).toBe(1));
    expect(await screen.findByText(/^Restored \d+ records?\./, {}, { timeout: 15_000 })).toBeInTheDocument();
  });
});
