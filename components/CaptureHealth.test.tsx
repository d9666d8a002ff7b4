// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFixture } from '@/tests/helpers/fixtures';
import { captureProblems, recordCaptureProblem } from '@/utils/capture-problems';
import { captureHealthReport } from '@/utils/extract/health';
import { readProfile } from '@/utils/extract';
import { CaptureHealth } from './CaptureHealth';

afterEach(cleanup);

function report(fixture: string, url: string) {
  const doc = loadFixture(fixture);
  return captureHealthReport(doc, url, readProfile(doc, url))!;
}

describe('Settings → Capture problems', () => {
  it('says there are none, with its buttons disabled', async () => {
    render(<CaptureHealth />);
    expect(await screen.findByRole('heading', { name: 'Capture problems (0)' })).toBeInTheDocument();
    for (const name of ['Copy reports', 'Download reports', 'Clear capture problems']) expect(screen.getByRole('button', { name })).toBeDisabled();
    expect(screen.getByText(/Nothing is sent anywhere/)).toBeInTheDocument();
  });

  it('counts and lists the problems in plain words, live, and copies them as JSON', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CaptureHealth />);
    await screen.findByRole('heading', { name: 'Capture problems (0)' });
    await recordCaptureProblem(report('linkedin/lazy-topcard.html', 'https://www.linkedin.com/in/chidi-nwosu/'), Date.UTC(2026, 2, 1));
    await recordCaptureProblem(report('linkedin/no-person-settled.html', 'https://www.linkedin.com/in/wanda-nl/'), Date.UTC(2026, 2, 2));
    expect(await screen.findByRole('heading', { name: 'Capture problems (2)' })).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: 'Recorded capture problems' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toStrictEqual([
      expect.stringMatching(/^LinkedIn profile: no name found; seen once/),
      expect.stringMatching(/^LinkedIn profile \(layout app-2025\): no role found, unsure of the headline, unsure of the location; seen once/),
    ]);
    await user.click(screen.getByRole('button', { name: 'Copy reports' }));
    expect(writeText).toHaveBeenCalledOnce();
    const copied = JSON.parse(writeText.mock.calls[0]![0] as string);
    expect(copied.problems).toHaveLength(2);
    expect(screen.getByRole('status')).toHaveTextContent('Copied 2 reports to the clipboard.');
  });

  it('downloads the reports as a file, and clears them', async () => {
    const user = userEvent.setup();
    await recordCaptureProblem(report('linkedin/lazy-topcard.html', 'https://www.linkedin.com/in/chidi-nwosu/'));
    const createObjectURL = vi.fn(() => 'blob:introbook/1');
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(<CaptureHealth />);
    await screen.findByRole('heading', { name: 'Capture problems (1)' });
    await user.click(screen.getByRole('button', { name: 'Download reports' }));
    expect(click).toHaveBeenCalledOnce();
    expect(clicks[0]).toMatch(/^introbook-capture-problems-\d{4}-\d{2}-\d{2}\.json$/);
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(JSON.parse(await blob.text()).problems).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Clear capture problems' }));
    expect(await screen.findByRole('heading', { name: 'Capture problems (0)' })).toBeInTheDocument();
    expect(await captureProblems()).toStrictEqual([]);
  });

  it('works from the keyboard', async () => {
    const user = userEvent.setup();
    await recordCaptureProblem(report('linkedin/lazy-topcard.html', 'https://www.linkedin.com/in/chidi-nwosu/'));
    render(<CaptureHealth />);
    await screen.findByRole('heading', { name: 'Capture problems (1)' });
    await user.tab();
    expect(screen.getByRole('button', { name: 'Copy reports' })).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Clear capture problems' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Capture problems (0)' })).toBeInTheDocument();
  });
});
