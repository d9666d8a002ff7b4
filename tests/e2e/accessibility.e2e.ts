/**
 * Automated accessibility check (axe-core, WCAG 2.x A/AA rules) of every view
 * of the popup and the side panel, filled with real data, plus the in-page
 * button on a profile. Complements the keyboard tests in the other specs.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, popupUrl, sidePanelUrl, tabIdOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  it('popup, side panel views and the in-page button have no WCAG A/AA violations', async () => {
    const profile = await h.context.newPage();
    await profile.goto('https://www.linkedin.com/in/ada-lovelace/');
    await profile.getByRole('button', { name: /^Save to Introbook/ }).click();
    await expect.poll(() => profile.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    expect(await violations(profile, '#introbook-save-root')).toStrictEqual([]);

    const popup = await h.context.newPage();
    await popup.goto(popupUrl(h, await tabIdOf(h.worker, profile)));
    await popup.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
    expect(await violations(popup)).toStrictEqual([]);
    // The check itself can fail: an unlabeled field is caught.
    await popup.evaluate(() => document.querySelector('main')!.append(document.createElement('input')));
    expect((await violations(popup)).join('\n')).toMatch(/^label \(critical\)/m);

    const panel = await h.context.newPage();
    await panel.goto(sidePanelUrl(h));
    const nav = (section: string) => panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section });
    await panel.getByRole('button', { name: /Ada Lovelace/ }).click();
    await panel.getByRole('button', { name: 'Ask Ada directly' }).click();
    await panel.getByRole('region', { name: 'Request to meet Ada Lovelace' }).waitFor();
    expect(await violations(panel)).toStrictEqual([]);
    // The warm-intro loop's own views: a request with its history, the add-person form, the merge view.
    const request = panel.getByRole('region', { name: 'Request to meet Ada Lovelace' });
    await request.getByRole('button', { name: 'I sent it another way' }).click();
    await request.getByRole('group', { name: 'Next status' }).getByRole('button', { name: 'Mark as meeting scheduled' }).click();
    await request.getByRole('form', { name: 'Meeting details' }).waitFor();
    expect(await violations(panel), 'meeting form').toStrictEqual([]);
    await request.getByRole('button', { name: '← Back to Ada Lovelace' }).click();
    await panel.getByRole('button', { name: 'Merge with another record…' }).click();
    await panel.getByRole('region', { name: 'Merge people' }).waitFor();
    expect(await violations(panel), 'merge view').toStrictEqual([]);
    await panel.getByRole('button', { name: '← Back' }).click();
    await nav('People').click();
    await panel.getByRole('button', { name: 'Add a person' }).click();
    await panel.getByRole('form', { name: 'Add a person' }).getByRole('textbox', { name: 'Name' }).fill('Ada');
    expect(await violations(panel), 'add a person').toStrictEqual([]);
    for (const section of ['People', 'Requests', 'Templates', 'Settings']) {
      await nav(section).click();
      await panel.waitForTimeout(200);
      expect(await violations(panel), section).toStrictEqual([]);
    }
    await Promise.all([profile.close(), popup.close(), panel.close()]);
  });
});
