/**
 * Automated accessibility check (axe-core, WCAG 2.x A/AA rules), in light and in dark, of every view
 * of the popup and the side panel, filled with real data, plus the in-page
 * button on a profile. Complements the keyboard tests in the other specs.
 */
import AxeBuilder from '@axe-core/playwright';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, popupUrl, sidePanelUrl, tabIdOf, type Harness, editDetails } from './harness';
import { inPage } from './in-page';
import { loadMessages } from '../helpers/messages';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** Violations in light and in dark (prefers-color-scheme), each prefixed with its scheme when dark. */
async function violations(page: Page, include?: string): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    // Reduced motion: our colours change without transitions, so axe sees the scheme's settled colours.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    if (include) builder = builder.include(include);
    const result = await builder.analyze();
    found.push(...result.violations.map((v) => `${scheme === 'dark' ? '[dark] ' : ''}${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  return found;
}

/** Roles and names of the in-page control's nodes, from Chrome's accessibility tree (which sees closed roots). */
async function accessibleNodes(page: Page): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: "document.getElementById('introbook-save-root')" });
  const inside = await Promise.all(
    ['button', 'status'].map((role) => cdp.send('Accessibility.queryAXTree', { objectId: result.objectId!, role })),
  );
  return inside
    .flatMap((r) => r.nodes)
    .map((n) => ({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
}

/**
 * The in-page control in every state, built from the content script's own
 * module on a blank page where its shadow root is forced open, so axe can
 * check contrast, names and roles exactly as the user gets them.
 */
async function controlStatesPage(page: Page): Promise<void> {
  const bundle = await build({
    entryPoints: ['entrypoints/linkedin.content/save-button.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'IntrobookButton',
    write: false,
    target: 'chrome120',
  });
  await page.setContent('<!doctype html><html lang="en"><head><title>In-page control states</title></head><body><main></main></body></html>');
  await page.evaluate(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      return attach.call(this, { ...init, mode: 'open' });
    };
  });
  // A plain page has no extension API: give the control the real English messages, as the browser would.
  await page.evaluate((messages) => {
    const table = new Map(messages);
    const getMessage = (key: string, subs: string[] = []) => (table.get(key.toLowerCase()) ?? '').replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
    (globalThis as unknown as { chrome: unknown }).chrome = { i18n: { getMessage } };
  }, [...loadMessages('en')]);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  await page.evaluate(() => {
    const api = (globalThis as unknown as { IntrobookButton: typeof import('../../entrypoints/linkedin.content/save-button') }).IntrobookButton;
    const noop = { onSave() {}, onOpen() {}, onConfirmName() {}, onCancel() {} };
    const states = [
      { kind: 'idle' },
      { kind: 'saving' },
      { kind: 'saved', name: 'Ada Lovelace', notice: 'Introbook has this person twice — review and merge in the side panel.' },
      { kind: 'error', message: 'Introbook could not save this person. Nothing was changed.' },
      { kind: 'note', message: "Introbook couldn't find this person's name on the page." },
      { kind: 'confirm-name', name: 'Bert Example' },
    ] as const;
    for (const state of states) {
      const b = api.createSaveButton(document, noop);
      b.host.removeAttribute('id');
      const row = document.createElement('section');
      row.style.height = '140px';
      row.setAttribute('aria-label', state.kind);
      row.append(b.host);
      document.querySelector('main')!.append(row);
      b.render(state);
    }
  });
}

describe('accessibility', () => {
  it('the in-page control has no WCAG A/AA violations in any state', async () => {
    const page = await h.context.newPage();
    await controlStatesPage(page);
    expect(await page.locator('main section').count()).toBe(6);
    expect(await violations(page)).toStrictEqual([]);
    // The check reaches inside the (forced open) roots: a nameless button there is caught.
    await page.evaluate(() => document.querySelector('main section introbook-save')!.shadowRoot!.append(document.createElement('button')));
    expect((await violations(page)).join('\n')).toMatch(/^button-name \(critical\)/m);
    await page.close();
  });

  it('popup, side panel views and the in-page button have no WCAG A/AA violations', async () => {
    const profile = await h.context.newPage();
    await profile.goto('https://www.linkedin.com/in/ada-lovelace/');
    await inPage(profile).click('Save to Introbook');
    await inPage(profile).waitForText('Saved');
    // The control's closed root is out of axe's reach; the browser's accessibility tree is not.
    expect(await accessibleNodes(profile)).toStrictEqual(
      expect.arrayContaining([
        { role: 'status', name: '' },
        { role: 'button', name: 'Open Ada Lovelace in the Introbook side panel' },
      ]),
    );

    const popup = await h.context.newPage();
    await popup.goto(popupUrl(h, await tabIdOf(h.worker, profile)));
    await popup.getByRole('button', { name: 'Save changes' }).waitFor();
    expect(await violations(popup)).toStrictEqual([]);
    await editDetails(popup);
    await popup.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
    expect(await violations(popup), 'popup, every field open').toStrictEqual([]);
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
    // Settings are empty here, so the draft has blanks: the question before sending is checked too.
    const blanks = request.getByRole('alertdialog');
    await expect.poll(() => blanks.innerText()).toContain('Still to fill in:');
    expect(await violations(panel), 'unfilled-placeholders question').toStrictEqual([]);
    await blanks.getByRole('button', { name: 'Send anyway' }).click();
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
