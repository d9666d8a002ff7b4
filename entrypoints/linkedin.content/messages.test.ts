/**
 * The in-page words come from the background (one message) instead of the
 * browser's i18n API, whose first call in a content script loads every
 * message of the extension on the page's main thread (issue #11).
 */
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { IN_PAGE_KEYS } from '@/utils/messaging/wire';
import { msg, useTexts } from './messages';

const given = () => Object.fromEntries(IN_PAGE_KEYS.map((key) => [key, browser.i18n.getMessage(key.replaceAll('.', '_') as never, ['$1'])]));

describe('the in-page words', () => {
  it('come from the browser’s i18n API until the background’s are taken, then from those, the same', () => {
    const before = msg('inPage.openLabel', 'Ada Lovelace');
    expect(before).toBe('Open Ada Lovelace in the Introbook side panel');
    expect(useTexts({ ...given(), 'inPage.save': 'Speichern' })).toBe(true);
    expect(msg('inPage.save')).toBe('Speichern');
    expect(msg('inPage.openLabel', 'Ada Lovelace')).toBe(before);
  });

  it('put a name in literally, whatever it holds', () => {
    expect(useTexts(given())).toBe(true);
    expect(msg('inPage.saveAs', "$& $1 $$ <b>x</b>")).toBe("Save as $& $1 $$ <b>x</b>");
  });

  it.each([
    ['nothing', undefined],
    ['an error reply', { ok: false, error: 'Message rejected.' }],
    ['a reply missing a text', { ...given(), 'inPage.cancel': undefined }],
    ['a text that is not a string', { ...given(), 'inPage.cancel': 42 }],
  ])('refuse %s and keep what they had', (_, reply) => {
    expect(useTexts(given())).toBe(true);
    expect(useTexts(reply)).toBe(false);
    expect(msg('inPage.cancel')).toBe('Cancel');
  });

  it('are every inPage and pageRead message the locales have', async () => {
    const { readFileSync } = await import('node:fs');
    const yml = readFileSync('locales/en.yml', 'utf8');
    const keys = ['inPage', 'pageRead'].flatMap((group) => {
      const block = new RegExp(`^${group}:\\n((?: {2}.*\\n)+)`, 'm').exec(yml)?.[1] ?? '';
      return [...block.matchAll(/^ {2}(\w+):/gm)].map((m) => `${group}.${m[1]}`);
    });
    expect(keys.length).toBeGreaterThan(20);
    expect([...IN_PAGE_KEYS].sort()).toStrictEqual(keys.sort());
  });
});
