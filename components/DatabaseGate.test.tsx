// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/utils/db/db';
import { DatabaseGate } from './DatabaseGate';

afterEach(cleanup);

describe('DatabaseGate', () => {
  it('shows the page once the store is open', async () => {
    render(
      <DatabaseGate>
        <p>the app</p>
      </DatabaseGate>,
    );
    expect(await screen.findByText('the app')).toBeInTheDocument();
  });

  it('explains, without crashing, when the store cannot be opened', async () => {
    vi.spyOn(getDb(), 'open').mockRejectedValue(new Dexie.MissingAPIError('IndexedDB API missing'));
    render(
      <DatabaseGate>
        <p>the app</p>
      </DatabaseGate>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Introbook can’t open its storage in this browser profile.');
    expect(screen.getByRole('alert')).toHaveTextContent('MissingAPIError');
    expect(screen.queryByText('the app')).toBeNull();
  });
});
