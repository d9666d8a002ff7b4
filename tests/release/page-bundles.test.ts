/**
 * What the popup loads before its first paint, in the archive users install (issue #11): its module
 * script and the chunks its HTML preloads, gzip -9, stay within 90 KB, and none of them carries Dexie
 * or zod (classic): the popup's first view reads through the background (utils/remote/), and what needs
 * the database loads on demand. A size and composition guard on the production build, not a timing test.
 * The side panel's figure is printed beside it (its first view still loads Dexie and zod: not guarded yet).
 *
 * `npm run bench -- bundles` says what each page's initial JS is made of.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip } from './zip';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const entries = readZip(resolve('.output', `${pkg.name}-${pkg.version}-chrome.zip`));

const AIM_BYTES = 90 * 1024;
/** Strings only these libraries' code holds (names they give their error and schema classes). */
const MARKERS: Record<string, RegExp> = {
  dexie: /DatabaseClosedError|MissingAPIError/,
  'zod (classic)': /[`'"]ZodType[`'"]|[`'"]ZodError[`'"]/,
};

function initialJs(page: string): { files: string[]; gz: number; code: string } {
  const html = entries.get(`${page}.html`)?.toString('utf8');
  if (!html) throw new Error(`no ${page}.html in the archive`);
  const files = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const bodies = files.map((f) => {
    const body = entries.get(f);
    if (!body) throw new Error(`${page}.html loads ${f}, which is not in the archive`);
    return body;
  });
  return { files, gz: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), code: bodies.map((b) => b.toString('utf8')).join('\n') };
}

describe('the popup before first paint (production build)', () => {
  const popup = initialJs('popup');

  it(`loads at most ${AIM_BYTES / 1024} KB of JavaScript, gzipped`, () => {
    const sidepanel = initialJs('sidepanel');
    console.log(`popup: ${(popup.gz / 1024).toFixed(1)} KB gz in ${popup.files.length} files; side panel: ${(sidepanel.gz / 1024).toFixed(1)} KB gz`);
    expect(popup.files.length).toBeGreaterThan(0);
    expect(popup.gz).toBeLessThanOrEqual(AIM_BYTES);
  });

  it('loads neither Dexie nor zod', () => {
    const found = Object.entries(MARKERS).flatMap(([name, marker]) => (marker.test(popup.code) ? [name] : []));
    expect(found).toStrictEqual([]);
  });

  it('the markers do find those libraries where they are (the options page keeps them)', () => {
    const options = initialJs('options');
    for (const marker of Object.values(MARKERS)) expect(options.code).toMatch(marker);
  });
});
