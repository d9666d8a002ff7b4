/**
 * Save integrity and the capture boundary in the built extension (issues #7
 * and #10): a save never lands on the wrong person, a page's script can
 * neither save nor learn anything through the in-page control, unsure fields
 * say "check this", and pages with no person get no button.
 *
 * Pages: the fixture server's LinkedIn pages plus this spec's own, served
 * at their LinkedIn URLs by the browser context (tests/fixtures/integrity/).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, popupUrl, storedPeople, tabIdOf, waitForPeople, type Harness, type StoredPerson } from './harness';
import { inPage } from './in-page';

let h: Harness;

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures', name), 'utf8');

/** This spec's pages: path (lower-case) and query → fixture HTML. */
const PAGES: { match: (url: URL) => boolean; html: () => string }[] = [
  { match: (u) => u.pathname === '/in/alice-example/', html: () => fixture('integrity/alice.html') },
  { match: (u) => u.pathname.startsWith('/sales/lead/ACwAAD0001'), html: () => fixture('integrity/lead-shared-connection.html') },
  { match: (u) => u.pathname.startsWith('/sales/lead/ACwAAAnna1'), html: () => fixture('integrity/lead-anna.html') },
  { match: (u) => u.pathname.startsWith('/sales/lead/ACwAABert2'), html: () => fixture('integrity/lead-bert.html') },
  { match: (u) => u.pathname.toLowerCase() === '/in/acoaagrace999/' && u.searchParams.get('v') === 'linked', html: () => fixture('integrity/member-id-linked.html') },
  { match: (u) => u.pathname.toLowerCase() === '/in/acoaagrace999/', html: () => fixture('integrity/member-id-bare.html') },
  { match: (u) => u.pathname === '/authwall', html: () => fixture('integrity/authwall.html') },
  // Ada's page after she changed her name.
  {
    match: (u) => u.pathname === '/in/ada-lovelace/' && u.searchParams.get('v') === 'renamed',
    html: () => fixture('linkedin/current-layout.html').replaceAll('Ada Lovelace', 'Augusta Ada King'),
  },
];

beforeAll(async () => {
  h = await launch();
  await h.context.route(
    (url) => url.hostname === 'www.linkedin.com' && PAGES.some((p) => p.match(url)),
    (route) => {
      const url = new URL(route.request().url());
      const page = PAGES.find((p) => p.match(url))!;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html() });
    },
  );
});
afterAll(async () => {
  await h?.close();
});

async function open(url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  return page;
}

async function popupFor(page: Page): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.goto(popupUrl(h, await tabIdOf(h.worker, page)));
  // tabIdOf brought the profile to the front; a background tab's animation frames are throttled.
  await popup.bringToFront();
  return popup;
}

const byUrl = async (url: string) => (await storedPeople(h.worker)).find((p) => p.profileUrl === url);
const pendingMerge = () => h.worker.evaluate(async () => (await chrome.storage.session.get('pendingMerge')).pendingMerge ?? null);

interface Stored extends StoredPerson {
  fieldConfidence?: Record<string, string>;
}

describe('the in-page control tells a page’s scripts nothing and obeys only the user', () => {
  it('a page script can’t reach the control, its clicks save nothing, and its box is the same saved or not', async () => {
    const page = await open('https://www.linkedin.com/in/ada-lovelace/');
    const control = inPage(page);
    await control.waitForText('Save to Introbook');
    const before = await control.box();

    const seen = await page.evaluate(async () => {
      const host = document.getElementById('introbook-save-root')!;
      const r = host.getBoundingClientRect();
      const atPoint = document.elementFromPoint(r.left + 20, r.top + r.height / 2);
      // Everything a script can do to a button it can't reach.
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: r.left + 20, clientY: r.top + 10 }));
      (atPoint as HTMLElement | null)?.click();
      host.focus();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true, composed: true }));
      await new Promise((done) => setTimeout(done, 1500));
      return { shadowRoot: host.shadowRoot, text: host.textContent, children: host.children.length, hitIsHost: atPoint === host };
    });
    expect(seen).toStrictEqual({ shadowRoot: null, text: '', children: 0, hitIsHost: true });
    expect(await storedPeople(h.worker)).toStrictEqual([]);
    expect(await control.buttons()).toStrictEqual(['Save to Introbook']);

    // The user's own click saves, and the control's box does not change with what it says.
    await control.click('Save to Introbook');
    await control.waitForText('Saved');
    await waitForPeople(h.worker, (p) => p.length === 1);
    expect(await control.box()).toStrictEqual(before);
    // Arriving on a saved profile: same box again.
    const again = await open('https://www.linkedin.com/in/ada-lovelace/?trk=again');
    await inPage(again).waitForText('Saved');
    expect(await inPage(again).box()).toStrictEqual(before);
    await Promise.all([page.close(), again.close()]);
  });
});

describe('honest capture: “check this”', () => {
  it('marks fields read from the page layout in the popup; confirming clears the mark, before and after saving', async () => {
    const page = await open('https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m/');
    const popup = await popupFor(page);
    const form = popup.getByRole('form', { name: 'Review and save' });
    await form.getByRole('textbox', { name: 'Headline' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Headline' }).getAttribute('aria-describedby')).toMatch(/check/);
    expect(await form.getByRole('button', { name: 'Headline looks right' }).count()).toBe(1);
    // The first name, split from a name with an emoji in it, is a guess too.
    expect(await form.getByRole('button', { name: 'First name looks right' }).count()).toBe(1);
    // The name, read from the heading that links to this very profile, is not a guess: no mark.
    expect(await form.getByRole('button', { name: 'Name looks right', exact: true }).count()).toBe(0);

    await form.getByRole('button', { name: 'Headline looks right' }).click();
    expect(await form.getByRole('button', { name: 'Headline looks right' }).count()).toBe(0);
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: /^Saved \S.*\.$/ }).count()).toBe(1);
    const [zoe] = (await waitForPeople(h.worker, (p) => p.some((x) => x.name.startsWith('Zoë')))).filter((x) => x.name.startsWith('Zoë')) as Stored[];
    expect(zoe!.fieldConfidence).toMatchObject({ headline: 'high' });

    // Saved: the store remembers what was confirmed and what still needs a look.
    const review = await popupFor(page);
    const again = review.getByRole('form', { name: 'Review and save' });
    // At a glance only the field still to check is open; the confirmed headline is not. The form first shows
    // the page's reading and then, once the store has answered, the saved record ("Save changes"): wait for that.
    await again.getByRole('button', { name: 'Save changes' }).waitFor();
    await again.getByRole('textbox', { name: 'First name' }).waitFor();
    expect(await again.getByRole('textbox', { name: 'Headline' }).count()).toBe(0);
    expect(await again.getByRole('button', { name: 'Headline looks right' }).count()).toBe(0);
    await again.getByRole('button', { name: 'First name looks right' }).click();
    await expect
      .poll(async () => ((await byUrl('https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m/')) as Stored | undefined)?.fieldConfidence?.firstName)
      .toBe('high');
    expect(await again.getByRole('button', { name: 'First name looks right' }).count()).toBe(0);
    await Promise.all([page.close(), popup.close(), review.close()]);
  });
});

describe('pages with no person', () => {
  it.each([
    ['the login wall', 'https://www.linkedin.com/authwall?trk=public_profile&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fada-lovelace'],
    // Served under a profile's own address, where the content script runs: "Welcome to your professional community".
    ['the login wall under /in/…', 'https://www.linkedin.com/in/rahel-mekonnen/'],
    ['“Profile not found” under /in/…', 'https://www.linkedin.com/in/removed-member-123/'],
  ])('%s gets no button, and the popup says it is not a profile', async (_, url) => {
    const page = await open(url);
    const popup = await popupFor(page);
    await popup.getByText('This page is not a person’s profile.').waitFor({ timeout: 2000 });
    expect(await inPage(page).count()).toBe(0);
    expect(await popup.getByRole('button', { name: /^Save/ }).count()).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('never write onto the wrong person (the audit’s scenarios)', () => {
  it('a Sales Navigator lead showing a “Shared connection” link never renames that connection’s record', async () => {
    const alicePage = await open('https://www.linkedin.com/in/alice-example/');
    await inPage(alicePage).click('Save to Introbook');
    await inPage(alicePage).waitForText('Saved');
    const alice = (await waitForPeople(h.worker, (p) => p.some((x) => x.name === 'Alice Example'))).find((x) => x.name === 'Alice Example')!;

    const lead = await open('https://www.linkedin.com/sales/lead/ACwAAD0001,NAME_SEARCH,dl');
    const control = inPage(lead);
    await control.click('Save to Introbook');
    // Either the lead is saved as Dana (the member link read by structure), or Introbook asks before
    // touching a record under another name: Alice's record is never rewritten.
    await control.waitForText(/Saved|another name/);
    if ((await control.text()).includes('another name')) {
      expect(await control.buttons()).toStrictEqual(['Rename and save as Dana Lead', 'Cancel, keep the saved name']);
      await control.click('Cancel, keep the saved name');
      await control.waitForText('Save to Introbook');
    }
    expect(await byUrl(alice.profileUrl)).toStrictEqual(alice);
    await Promise.all([alicePage.close(), lead.close()]);
  });

  it('moving from one lead to another: nothing to save in the stale window, then the right person', async () => {
    const page = await open('https://www.linkedin.com/sales/lead/ACwAAAnna1,NAME_SEARCH,x');
    await inPage(page).click('Save to Introbook');
    await inPage(page).waitForText('Saved');
    const anna = (await waitForPeople(h.worker, (p) => p.some((x) => x.name === 'Anna Lead-Example'))).find((x) => x.name === 'Anna Lead-Example')!;
    expect(anna).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/anna-lead-example/', aliases: ['https://www.linkedin.com/sales/lead/ACwAAAnna1/'] });

    // Like LinkedIn: the URL moves to Bert's lead; Anna's page stays on screen for a while.
    const bertHtml = await page.evaluate(async () => {
      const html = await (await fetch('/sales/lead/ACwAABert2,NAME_SEARCH,x')).text();
      history.pushState({}, '', '/sales/lead/ACwAABert2,NAME_SEARCH,x');
      return html;
    });
    await expect.poll(() => inPage(page).count()).toBe(0);
    const popup = await popupFor(page);
    await popup.getByText('The page is still loading this person. Try again in a moment.').waitFor();
    expect(await popup.getByRole('button', { name: /^Save/ }).count()).toBe(0);
    await popup.close();

    // Bert's page arrives: now he can be saved, as himself.
    await page.evaluate((html) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.querySelector('main')!.replaceWith(document.adoptNode(next.querySelector('main')!));
      document.title = next.title;
    }, bertHtml);
    await inPage(page).click('Save to Introbook');
    await inPage(page).waitForText('Saved');
    const people = await waitForPeople(h.worker, (p) => p.some((x) => x.name === 'Bert Lead-Example'));
    expect(people.find((x) => x.name === 'Bert Lead-Example')).toMatchObject({
      profileUrl: 'https://www.linkedin.com/in/bert-lead-example/',
      aliases: ['https://www.linkedin.com/sales/lead/ACwAABert2/'],
    });
    expect(await byUrl(anna.profileUrl)).toStrictEqual(anna);
    await page.close();
  });

  it('records from a member-id page and the vanity page collide: the save lands and asks to merge, never “could not save”', async () => {
    const bare = await open('https://www.linkedin.com/in/ACoAAGrace999/');
    await inPage(bare).click('Save to Introbook');
    await inPage(bare).waitForText('Saved');
    const vanity = await open('https://www.linkedin.com/in/grace-hopper/');
    await inPage(vanity).click('Save to Introbook');
    await inPage(vanity).waitForText('Saved');
    const [byId, byVanity] = await Promise.all([
      waitForPeople(h.worker, (p) => p.some((x) => x.profileUrl === 'https://www.linkedin.com/in/acoaagrace999/')).then(() => byUrl('https://www.linkedin.com/in/acoaagrace999/')),
      waitForPeople(h.worker, (p) => p.some((x) => x.profileUrl === 'https://www.linkedin.com/in/grace-hopper/')).then(() => byUrl('https://www.linkedin.com/in/grace-hopper/')),
    ]);

    // The member-id page now names the vanity URL. Its own key is saved (the control says so);
    // saving it again, which used to fail with ConstraintError, lands and asks to merge.
    const linked = await open('https://www.linkedin.com/in/ACoAAGrace999/?v=linked');
    await inPage(linked).waitForText('Saved');
    const popup = await popupFor(linked);
    await popup.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Updated Grace Hopper.' }).count()).toBe(1);
    expect(await popup.getByText('Introbook has this person twice — review and merge in the side panel.').count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Review in side panel' }).count()).toBe(1);
    expect(await popup.getByRole('alert').count()).toBe(0);
    expect(await pendingMerge()).toStrictEqual({ aId: byVanity!.id, bId: byId!.id });
    // Both records are still there, the one the save went to updated, the other untouched.
    expect((await storedPeople(h.worker)).filter((p) => p.name === 'Grace Hopper')).toHaveLength(2);
    expect(await byUrl('https://www.linkedin.com/in/acoaagrace999/')).toStrictEqual(byId);
    await Promise.all([bare.close(), vanity.close(), linked.close(), popup.close()]);
  });

  it('a save that changes a saved person’s name asks first: old → new in the popup, nothing renamed without a yes', async () => {
    // Ada is saved (first test). Her page now shows another name.
    const ada = (await byUrl('https://www.linkedin.com/in/ada-lovelace/'))!;
    const page = await open('https://www.linkedin.com/in/ada-lovelace/?v=renamed');
    // The page's control only says the profile is saved; it renames nobody.
    await inPage(page).waitForText('Saved');
    const popup = await popupFor(page);
    const form = popup.getByRole('form', { name: 'Review and save' });
    await form.getByRole('button', { name: 'Save changes' }).click();
    const dialog = form.getByRole('alertdialog', { name: 'Rename Ada Lovelace to Augusta Ada King?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await byUrl(ada.profileUrl)).toStrictEqual(ada);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByRole('button', { name: 'Rename and save' }).click();
    await expect.poll(async () => (await byUrl(ada.profileUrl))!.name).toBe('Augusta Ada King');
    expect((await byUrl(ada.profileUrl))!.id).toBe(ada.id);
    await Promise.all([page.close(), popup.close()]);

    // The user removes her; later her page (under the old name) is saved again: the removed
    // record comes back, but not under another name without a yes.
    await h.worker.evaluate(
      (id) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('introbook');
          open.onsuccess = () => {
            const store = open.result.transaction('people', 'readwrite').objectStore('people');
            const get = store.get(id);
            get.onsuccess = () => {
              const put = store.put({ ...get.result, deletedAt: Date.now() });
              put.onsuccess = () => {
                open.result.close();
                done();
              };
              put.onerror = () => fail(put.error);
            };
          };
          open.onerror = () => fail(open.error);
        }),
      ada.id,
    );
    const back = await open('https://www.linkedin.com/in/ada-lovelace/');
    const review = await popupFor(back);
    await review.getByRole('button', { name: 'Save', exact: true }).click();
    const ask = review.getByRole('alertdialog', { name: 'Rename Augusta Ada King to Ada Lovelace?' });
    await ask.waitFor();
    expect((await byUrl(ada.profileUrl))!.deletedAt).not.toBeNull();
    await ask.getByRole('button', { name: 'Rename and save' }).click();
    await expect.poll(async () => (await byUrl(ada.profileUrl))!.deletedAt).toBeNull();
    expect(await byUrl(ada.profileUrl)).toMatchObject({ id: ada.id, name: 'Ada Lovelace' });
    await Promise.all([back.close(), review.close()]);
  });
});
