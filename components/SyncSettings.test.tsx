// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/utils/db/db';
import { newVault, parsePairingCode } from '@/utils/sync/crypto';
import { syncStatusItem } from '@/utils/sync/status';
import { CONFIG_KEY } from '@/utils/sync/store';
import { SyncSettings } from './SyncSettings';

afterEach(cleanup);

let sent: unknown[];
beforeEach(async () => {
  sent = [];
  await getDb().syncState.clear();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    sent.push(message);
    return { ok: true };
  }) as typeof fakeBrowser.runtime.sendMessage);
});

/** Mounted inside the Settings form, as SettingsView does. */
function renderInForm(onSubmit = vi.fn()) {
  render(
    <form aria-label="Settings" onSubmit={(e) => (e.preventDefault(), onSubmit())}>
      <SyncSettings />
    </form>,
  );
  return onSubmit;
}

describe('SyncSettings', () => {
  it('is off by default and creates a vault on the relay typed, Enter included, without submitting the Settings form', async () => {
    const submit = renderInForm();
    const relay = await screen.findByRole('textbox', { name: 'Relay address' });
    expect(screen.getByRole('region', { name: 'Sync between browsers' })).toHaveTextContent('Off.');
    await userEvent.type(relay, 'wss://sync.example.org{Enter}');
    await waitFor(() => expect(sent).toStrictEqual([{ type: 'sync/create', relayUrl: 'wss://sync.example.org' }]));
    expect(submit).not.toHaveBeenCalled();
  });

  it('asks for what is missing before joining', async () => {
    renderInForm();
    await userEvent.click(await screen.findByRole('button', { name: 'Join with this code' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your relay’s address first.');
    await userEvent.type(screen.getByRole('textbox', { name: 'Relay address' }), 'wss://sync.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Join with this code' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the pairing code from your other browser.');
    await userEvent.type(screen.getByRole('textbox', { name: 'Pairing code' }), 'IB1-ABCDE');
    await userEvent.click(screen.getByRole('button', { name: 'Join with this code' }));
    await waitFor(() => expect(sent).toStrictEqual([{ type: 'sync/join', relayUrl: 'wss://sync.example.org', code: 'IB1-ABCDE' }]));
  });

  it('in a vault: shows the status, the pairing code with its QR code, and asks before leaving', async () => {
    const keys = newVault();
    await getDb().syncState.put({
      key: CONFIG_KEY,
      value: { ...keys, relayUrl: 'wss://sync.example.org', enabled: true, deviceId: 'device-1234', joinedAt: 1, createdVault: true },
    });
    await syncStatusItem.setValue({ state: 'offline', message: 'Offline — 2 changes waiting', pending: 2, relayUrl: 'wss://sync.example.org', lastSyncedAt: null });
    renderInForm();
    expect(await screen.findByRole('status', { name: 'Sync status' })).toHaveTextContent('Offline — 2 changes waiting');
    await userEvent.click(screen.getByRole('button', { name: 'Show pairing code' }));
    const code = await screen.findByRole('status', { name: 'Pairing code' });
    expect(await parsePairingCode(code.textContent ?? '')).toStrictEqual(keys);
    expect(screen.getByRole('img', { name: 'QR code of the pairing code' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Leave this vault…' }));
    expect(screen.getByRole('group', { name: 'Leave this vault' })).toHaveTextContent('your other browsers keep all of it');
    expect(sent).toStrictEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, leave the vault' }));
    await waitFor(() => expect(sent).toStrictEqual([{ type: 'sync/leave' }]));
  });
});
