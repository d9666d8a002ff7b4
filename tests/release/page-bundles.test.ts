/**
 * What the popup and the side panel load before their first paint, in the archive users install
 * (issue #11): each page's module script and the chunks its HTML preloads, gzip -9, stay within
 * 90 KB, and none of them carries Dexie or zod (classic): their first views read through the
 * background (utils/remote/), and what needs the database loads on demand (components/Lazy.tsx).
 * A size and composition guard on the production build, not a timing test.
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
  // The link in Dexie's own "IndexedDB API missing" message: in every Dexie build, in no code of ours
  // (error names like DatabaseClosedError are not proof: utils/db/errors.ts lists them to recognise them).
  dexie: /tinyurl\.com\/y2uuvskb/,
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

describe('the markers', () => {
  it('find Dexie and zod in the background, which bundles both (else the guard below could never fail)', () => {
    const background = entries.get('background.js')?.toString('utf8') ?? '';
    expect(Object.entries(MARKERS).filter(([, marker]) => marker.test(background)).map(([name]) => name)).toStrictEqual(Object.keys(MARKERS));
  });
});

for (const page of ['popup', 'sidepanel']) {
  describe(`the ${page} before first paint (production build)`, () => {
    const initial = initialJs(page);

    it(`loads at most ${AIM_BYTES / 1024} KB of JavaScript, gzipped`, () => {
      console.log(`${page}: ${(initial.gz / 1024).toFixed(1)} KB gz in ${initial.files.length} files`);
      expect(initial.files.length).toBeGreaterThan(0);
      expect(initial.gz).toBeLessThanOrEqual(AIM_BYTES);
    });

    it('loads neither Dexie nor zod', () => {
      const found = Object.entries(MARKERS).flatMap(([name, marker]) => (marker.test(initial.code) ? [name] : []));
      expect(found).toStrictEqual([]);
    });
  });
}

describe('the markers', () => {
  it('do find those libraries where they are (the options page keeps them)', () => {
    const options = initialJs('options');
    for (const marker of Object.values(MARKERS)) expect(options.code).toMatch(marker);
  });
});
