// @vitest-environment happy-dom
/**
 * The side panel's home reads through the background (utils/remote/, issue #11): these run it over
 * the real protocol (tests/helpers/remote.ts) against a test database.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { makeCapture } from '@/tests/helpers/db';
import { servePanelDb } from '@/tests/helpers/panel-remote';
import { savePersonCapture } from '@/utils/db/people';
import { defaultSettings } from '@/utils/settings';
import { initialWorkspaceView, Workspace } from './Workspace';

const panelDb = servePanelDb();

const NOW = Date.now();

function Home({ opened }: { opened: string[] }) {
  const [view, setView] = useState(initialWorkspaceView);
  return <Workspace settings={defaultSettings()} now={NOW} focusSignal={0} view={view} onView={setView} onOpen={(id) => opened.push(id)} onOpenRequest={() => {}} />;
}

async function save(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await savePersonCapture(panelDb(), makeCapture({ profileUrl: `https://www.linkedin.com/in/p${i}/`, name: `Person Number${i}`, firstName: 'Person', lastName: `Number${i}` }));
  }
}

describe('the side panel’s home', () => {
  it('searches as the user types, and opens the person found', async () => {
    await save(3);
    await savePersonCapture(panelDb(), makeCapture());
    const opened: string[] = [];
    const user = userEvent.setup();
    render(<Home opened={opened} />);
    expect(await screen.findByRole('list', { name: 'Saved people, newest first' })).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), 'lovel');
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getAllByRole('button').map((b) => b.textContent)).toStrictEqual([expect.stringContaining('Ada Lovelace')]);
    await user.click(within(results).getByRole('button'));
    expect(opened).toHaveLength(1);
  });

  it('pages through everyone with the list and the focus kept while the next page comes', async () => {
    await save(55);
    const user = userEvent.setup();
    render(<Home opened={[]} />);
    await user.click(await screen.findByText('All people'));
    expect(await screen.findByText('Page 1, newest first (1–50)')).toBeInTheDocument();
    const older = screen.getByRole('button', { name: 'Older →' });
    older.focus();
    await user.keyboard('{Enter}');
    // While the second page is on its way the first stays, and the button keeps the keyboard focus.
    expect(screen.getByRole('button', { name: 'Older →' })).toHaveFocus();
    expect(await screen.findByText('Page 2, newest first (51–55)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Older →' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Older →' })).toBeDisabled();
    await act(async () => {
      await user.click(screen.getByRole('button', { name: '← Newer' }));
    });
    expect(await screen.findByText('Page 1, newest first (1–50)')).toBeInTheDocument();
  });
});
