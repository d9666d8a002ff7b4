// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeTestDb } from '@/tests/helpers/db';
import type { IntrobookDB } from '@/utils/db/app-db';
import { AddPersonForm } from './AddPersonForm';

let db: IntrobookDB;
beforeEach(() => {
  db = makeTestDb(new IDBFactory());
});
afterEach(() => {
  cleanup();
  db.close();
});

/** The English messages, with one of them said in French: what a translated build shows. */
function inFrench(key: string, french: string) {
  const english = fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) =>
    name.toLowerCase() === key.toLowerCase() ? french : english(name, subs)) as typeof fakeBrowser.i18n.getMessage;
}

describe('adding a person by hand', () => {
  async function addWithLink(link: string) {
    const user = userEvent.setup();
    render(<AddPersonForm db={db} onDone={() => {}} onCancel={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Grace Hopper');
    await user.type(screen.getByRole('textbox', { name: /Profile link/ }), link);
    await user.click(screen.getByRole('button', { name: /^Add/ }));
  }

  it('says why the link was refused, in English', async () => {
    await addWithLink('http://example.com/grace');
    expect(await screen.findByText('The profile link must be an https address.')).toBeInTheDocument();
    expect(await db.people.count()).toBe(0);
  });

  // The view used to pick the store's message by English words in it ("https", "required"), so in
  // another language the reason was lost behind a generic one. It now goes by the error's class.
  it('says why in the user’s language, whatever the words', async () => {
    inFrench('dbErrors_profileLinkHttps', 'Le lien du profil doit être une adresse sécurisée.');
    await addWithLink('http://example.com/grace');
    expect(await screen.findByText('Le lien du profil doit être une adresse sécurisée.')).toBeInTheDocument();
    expect(await db.people.count()).toBe(0);
  });
});

describe('the side panel’s "Add a person" button', () => {
  it('opens the form once its code and the page’s database are there (no "Loading…" in between), and the form saves into that database', async () => {
    const { AddPerson } = await import('./AddPerson');
    const { getDb } = await import('@/utils/db/db');
    const opened: string[] = [];
    const user = userEvent.setup();
    render(<AddPerson onOpen={(p) => opened.push(p.name)} />);
    await user.click(screen.getByRole('button', { name: 'Add a person' }));
    const form = await screen.findByRole('form', { name: 'Add a person' });
    expect(screen.queryByRole('status')).toBeNull();
    await user.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Grace Hopper');
    await user.click(within(form).getByRole('button', { name: /^Add/ }));
    await expect.poll(() => opened).toStrictEqual(['Grace Hopper']);
    expect((await getDb().people.toArray()).map((p) => p.name)).toStrictEqual(['Grace Hopper']);
    await getDb().delete();
  });
});
