/**
 * "Save person from this page" beyond LinkedIn: GitHub (read as soon as the
 * popup opens), a JSON-LD profile page and pages with several or no people (the
 * extractors injected on demand, then the user's selection).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, popupUrl, tabIdOf, waitForPeople, type Harness, editDetails } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

async function popupFor(page: Page): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.goto(popupUrl(h, await tabIdOf(h.worker, page)));
  return popup;
}

describe('Save person from this page', () => {
  it('saves a GitHub user from the popup', async () => {
    const page = await h.context.newPage();
    await page.goto('https://github.com/octo-ada');
    // Nothing of Introbook runs on GitHub until the popup asks.
    expect(await page.locator('#introbook-save-root').count()).toBe(0);
    const popup = await popupFor(page);
    await editDetails(popup);
    await expect.poll(() => popup.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Ada Octocat');
    expect(await popup.getByRole('textbox', { name: 'Company', exact: true }).inputValue()).toBe('analytical-engines');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    const people = await waitForPeople(h.worker, (p) => p.some((x) => x.profileUrl === 'https://github.com/octo-ada'));
    expect(people.find((x) => x.profileUrl === 'https://github.com/octo-ada')).toMatchObject({ name: 'Ada Octocat', location: 'London, UK' });
    await Promise.all([popup.close(), page.close()]);
  });

  it('saves the person of a JSON-LD profile page, read only when asked', async () => {
    const page = await h.context.newPage();
    await page.goto('https://people.example.edu/liskov');
    const popup = await popupFor(page);
    await popup.getByRole('button', { name: 'Save person from this page' }).click();
    await editDetails(popup);
    await expect.poll(() => popup.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Barbara Liskov');
    expect(await popup.getByRole('textbox', { name: 'Company', exact: true }).inputValue()).toBe('MIT');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    const people = await waitForPeople(h.worker, (p) => p.some((x) => x.name === 'Barbara Liskov'));
    expect(people.find((x) => x.name === 'Barbara Liskov')).toMatchObject({
      profileUrl: 'https://people.example.edu/liskov',
      role: 'Institute Professor',
      company: 'MIT',
    });
    await Promise.all([popup.close(), page.close()]);
  });

  it('on a page with several people, takes the one whose name is selected', async () => {
    const page = await h.context.newPage();
    await page.goto('https://team.example.org/team');
    await page.evaluate(() => {
      const heading = Array.from(document.querySelectorAll('h2')).find((el) => el.textContent === 'Christine Darden')!;
      window.getSelection()!.selectAllChildren(heading);
    });
    const popup = await popupFor(page);
    await popup.getByRole('button', { name: 'Save person from this page' }).click();
    await editDetails(popup);
    await expect.poll(() => popup.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Christine Darden');
    expect(await popup.getByRole('textbox', { name: 'Role', exact: true }).inputValue()).toBe('Aeronautical engineer');
    await popup.close();

    // Without a selection Introbook asks for one instead of guessing.
    await page.evaluate(() => window.getSelection()!.removeAllRanges());
    const again = await popupFor(page);
    await again.getByRole('button', { name: 'Save person from this page' }).click();
    await expect.poll(() => again.getByRole('status').first().innerText()).toContain('several people');
    expect(await again.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('');
    await Promise.all([again.close(), page.close()]);
  });

  it('pre-fills the form from the selected text where the page has no profile data', async () => {
    const page = await h.context.newPage();
    await page.goto('https://team.example.org/blog');
    await page.evaluate(() => {
      const p = document.querySelector('main p')!;
      p.textContent = 'Mary Winston Jackson';
      window.getSelection()!.selectAllChildren(p);
    });
    const popup = await popupFor(page);
    await popup.getByRole('button', { name: 'Save person from this page' }).click();
    await editDetails(popup);
    await expect.poll(() => popup.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Mary Winston Jackson');
    await popup.getByRole('textbox', { name: 'Role', exact: true }).fill('Engineer');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    const people = await waitForPeople(h.worker, (p) => p.some((x) => x.name === 'Mary Winston Jackson'));
    expect(people.find((x) => x.name === 'Mary Winston Jackson')).toMatchObject({
      profileUrl: 'https://team.example.org/blog',
      role: 'Engineer',
    });
    await Promise.all([popup.close(), page.close()]);
  });
});
