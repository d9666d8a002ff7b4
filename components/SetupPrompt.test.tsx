// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/utils/db/db';
import { storageFullMessage } from '@/utils/db/errors';
import { defaultSettings, getSettings } from '@/utils/settings';
import { SetupPrompt } from './SetupPrompt';

afterEach(async () => {
  cleanup();
  await getDb().settings.clear();
});

describe('the first-run prompt (side panel, first view: loads the store only to save)', () => {
  it('shows nothing until the settings are read, and nothing once the three are filled in', () => {
    const { rerender } = render(<SetupPrompt settings={defaultSettings()} loaded={false} />);
    expect(screen.queryByRole('form')).toBeNull();
    rerender(<SetupPrompt settings={{ ...defaultSettings(), name: 'Sam', background: 'data analyst', goal: 'product' }} loaded />);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('asks only for what is missing and saves it into the store', async () => {
    const user = userEvent.setup();
    render(<SetupPrompt settings={{ ...defaultSettings(), name: 'Sam Rivera' }} loaded />);
    const form = screen.getByRole('form', { name: 'Before your first ask' });
    expect(screen.queryByRole('textbox', { name: 'Your name' })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Background' }), 'a data analyst');
    await user.type(screen.getByRole('textbox', { name: 'Goal' }), 'product management');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(async () => (await getSettings()).goal).toBe('product management');
    expect(await getSettings()).toMatchObject({ name: 'Sam Rivera', background: 'a data analyst', goal: 'product management', setupDismissed: false });
    expect(form).toBeInTheDocument();
  });

  it('"Not now" puts it off in the store', async () => {
    const user = userEvent.setup();
    render(<SetupPrompt settings={defaultSettings()} loaded />);
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    await expect.poll(async () => (await getSettings()).setupDismissed).toBe(true);
  });

  it('says the disk is full when the settings cannot be stored, and keeps what was typed', async () => {
    const user = userEvent.setup();
    render(<SetupPrompt settings={{ ...defaultSettings(), name: 'Sam Rivera' }} loaded />);
    vi.spyOn(getDb().settings, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await user.type(screen.getByRole('textbox', { name: 'Goal' }), 'product management');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(storageFullMessage());
    expect(screen.getByRole('textbox', { name: 'Goal' })).toHaveValue('product management');
  });
});
