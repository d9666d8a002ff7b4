/**
 * The in-page Save button on every LinkedIn variant, served on its real
 * hostname, and the user's review of a re-capture that differs from the store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '@/tests/fixtures/corpus';
import { launch, popupUrl, storedPeople, tabIdOf, waitForPeople, type Harness, editDetails } from './harness';
import { inPage } from './in-page';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** [fixture, URL the page is opened at (a real LinkedIn form of it)] */
const VARIANTS: [string, string][] = [
  ['linkedin/legacy-layout.html', 'https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-1a2b/'],
  ['linkedin/public-page.html', 'https://uk.linkedin.com/in/margaret-hamilton-apollo'],
  ['linkedin/fr-current.html', 'https://www.linkedin.com/in/marie-curie-fr/'],
  ['linkedin/de-count-only.html', 'https://www.linkedin.com/in/lise-meitner/'],
  ['linkedin/es-multiple-current.html', 'https://www.linkedin.com/in/ramon-y-cajal/'],
  ['linkedin/ja-nonlatin.html', 'https://www.linkedin.com/in/%E5%B1%B1%E7%94%B0-%E8%8A%B1%E5%AD%90/'],
  ['linkedin/ar-rtl.html', 'https://www.linkedin.com/in/layla-ahmed/'],
  ['linkedin/voyager-embedded.html', 'https://www.linkedin.com/in/katherine-johnson/'],
  ['linkedin/member-id-url.html', 'https://www.linkedin.com/in/ACoAAB1234xyz/'],
  ['linkedin/mwlite.html', 'https://www.linkedin.com/mwlite/in/alan-turing'],
  ['linkedin/sidebar-first.html', 'https://www.linkedin.com/in/claude-shannon/'],
  ['linkedin/sales-navigator-no-link.html', 'https://www.linkedin.com/sales/lead/ACwAAB456,NAME_SEARCH,xyz'],
  ['linkedin/recruiter.html', 'https://www.linkedin.com/talent/profile/AEMAAA123?project=9'],
];

describe('in-page Save on every LinkedIn variant', () => {
  it.each(VARIANTS)('%s', async (fixture, url) => {
    const expected = CORPUS.find((c) => c.fixture === fixture)?.expected;
    if (expected?.status !== 'ok') throw new Error(`${fixture} has no expected capture in the corpus`);
    const page = await h.context.newPage();
    await page.goto(url);
    await inPage(page).click('Save to Introbook');
    await inPage(page).waitForText('Saved');
    expect(await page.locator('#introbook-save-root').count()).toBe(1);
    const people = await waitForPeople(h.worker, (p) => p.some((x) => x.profileUrl === expected.capture.profileUrl));
    const { capture } = expected;
    expect(people.find((x) => x.profileUrl === capture.profileUrl)).toMatchObject({
      name: capture.name,
      role: capture.role,
      company: capture.company,
      degree: capture.degree,
      mutualConnections: capture.mutualConnections,
    });
    await page.close();
  });

  it('finds a Sales Navigator lead and the member profile it links to as one person', async () => {
    const lead = await h.context.newPage();
    await lead.goto('https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abc');
    await inPage(lead).click('Save to Introbook');
    await inPage(lead).waitForText('Saved');
    // The embedded-data profile page of the same person is already "Saved": one record, two URLs.
    const profile = await h.context.newPage();
    await profile.goto('https://www.linkedin.com/in/katherine-johnson/');
    await inPage(profile).waitForText('Saved');
    const katherines = (await storedPeople(h.worker)).filter((p) => p.name === 'Katherine Johnson');
    expect(katherines).toHaveLength(1);
    expect(katherines[0]).toMatchObject({ aliases: ['https://www.linkedin.com/sales/lead/ACwAAA123/'] });
    await Promise.all([lead.close(), profile.close()]);
  });
});

describe('the user in control', () => {
  it('edits a field before saving, keeps it on re-capture, and accepts the page’s new value when asked', async () => {
    const page = await h.context.newPage();
    await page.goto('https://www.linkedin.com/in/ada-lovelace/');
    const popup = await h.context.newPage();
    await popup.goto(popupUrl(h, await tabIdOf(h.worker, page)));
    await editDetails(popup);
    const role = popup.getByRole('textbox', { name: 'Role', exact: true });
    await expect.poll(() => role.inputValue()).toBe('Principal Engineer');
    expect(await popup.getByText('from the page layout').count()).toBeGreaterThan(0);
    await role.fill('Countess of Computing');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Saved Ada Lovelace.' }).count()).toBe(1);
    let [ada] = (await storedPeople(h.worker)).filter((p) => p.name === 'Ada Lovelace');
    expect(ada).toMatchObject({ role: 'Countess of Computing', editedFields: ['role'] });

    // She is promoted: the in-page Save updates the record but keeps the user's role.
    await page.goto('https://www.linkedin.com/in/ada-lovelace/?variant=promoted');
    await inPage(page).waitForText('Saved');
    await inPage(page).waitForText('Open in side panel');
    const review = await h.context.newPage();
    await review.goto(popupUrl(h, await tabIdOf(h.worker, page)));
    const changes = review.getByRole('region', { name: 'Changed on the page since you saved' });
    await expect.poll(() => changes.innerText()).toContain('Countess of Computing → Chief Engineer');
    expect(await changes.innerText()).toContain('Principal Engineer at Analytical Engines | Mentor for women in computing → Chief Engineer at Analytical Engines | Mentor for women in computing');
    await editDetails(review);
    expect(await review.getByRole('textbox', { name: 'Role', exact: true }).inputValue()).toBe('Countess of Computing');
    await review.getByRole('button', { name: /^Use the page's role/ }).click();
    expect(await review.getByRole('textbox', { name: 'Role', exact: true }).inputValue()).toBe('Chief Engineer');
    await review.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => review.getByRole('status').filter({ hasText: 'Updated Ada Lovelace.' }).count()).toBe(1);

    [ada] = (await storedPeople(h.worker)).filter((p) => p.name === 'Ada Lovelace');
    expect(ada).toMatchObject({
      role: 'Chief Engineer',
      headline: 'Chief Engineer at Analytical Engines | Mentor for women in computing',
      editedFields: [],
      roleHistory: [{ role: 'Countess of Computing', company: 'Analytical Engines' }],
    });
    await Promise.all([page.close(), popup.close(), review.close()]);
  });
});
