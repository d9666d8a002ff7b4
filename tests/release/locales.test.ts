/**
 * The store archives carry their words as the browser's own i18n messages
 * (issue #12): default_locale set, _locales/en/messages.json present, and
 * every __MSG_…__ the manifest (or an extension page's manifest title) names
 * has a message there.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from './zip';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zips = {
  chrome: resolve('.output', `${pkg.name}-${pkg.version}-chrome.zip`),
  firefox: resolve('.output', `${pkg.name}-${pkg.version}-firefox.zip`),
};

describe.each(Object.entries(zips))('the %s archive', (_browser, zip) => {
  const entries = readZip(zip);
  const manifestText = entries.get('manifest.json')!.toString('utf8');
  const manifest = JSON.parse(manifestText) as { default_locale?: string; name: string; description: string };
  const messages = JSON.parse(entries.get('_locales/en/messages.json')?.toString('utf8') ?? '{}') as Record<string, { message: string }>;

  it('is localised: default locale English, name and description from the messages', () => {
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(messages.extName?.message).toBe('Introbook');
  });

  it('has a message for every __MSG_…__ the manifest names', () => {
    const named = [...manifestText.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((key) => !messages[key]?.message)).toStrictEqual([]);
  });
});
