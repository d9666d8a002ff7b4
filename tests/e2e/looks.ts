/**
 * Light and dark: every view is checked with axe-core (WCAG 2.1 A/AA) in both
 * colour schemes, and the suite writes its screenshots from the real build
 * into docs/screenshots/ (the README shows them). Assertions are about the
 * page (no violations, the scheme really changed), never about pixels.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOTS = resolve(process.cwd(), 'docs/screenshots');
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** WCAG 2.1 A/AA violations axe-core finds on the page (or inside `include`). */
export async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`);
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * The view as it is now, in light then dark: zero axe violations in each, the
 * page's background really changing with the scheme (our pages follow
 * prefers-color-scheme), and a screenshot `<name>-<scheme>.png` unless
 * `shot: false`. Leaves the page in light.
 */
export async function inBothSchemes(
  page: Page,
  name: string,
  options: { fullPage?: boolean; shot?: boolean; element?: Locator; ownBackground?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const backgrounds: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await settle(page);
    expect(await violations(page), `${name} (${scheme})`).toStrictEqual([]);
    backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    if (options.shot !== false) {
      const path = resolve(SCREENSHOTS, `${name}-${scheme}.png`);
      if (options.element) await options.element.screenshot({ path });
      else await page.screenshot({ path, fullPage: options.fullPage ?? true });
    }
  }
  if (options.ownBackground !== false) expect(backgrounds[0], `${name}: dark mode changes the page`).not.toBe(backgrounds[1]);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
}
