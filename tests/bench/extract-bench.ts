/**
 * Extraction speed in real Chromium: the extractor bundle runs inside a page
 * holding a 2 MB LinkedIn profile (tests/helpers/huge-page.ts) and the small
 * fixtures, as the content script would. Prints median / p95 / max per page.
 * Target (issue #3): under 5 ms median on the 2 MB page.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { hugeProfileHtml } from '../helpers/huge-page';

const RUNS = 200;
const WARMUP = 20;
const TARGET_MS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const fixture = (name: string) => readFileSync(`tests/fixtures/${name}`, 'utf8');

/** A page nested 5,000 elements deep below the top card (issue #10: it took 25 s per read). */
function deepPage(depth: number): string {
  let deep = '';
  for (let i = 0; i < depth; i++) deep += `<div>level ${i} `;
  return `<title>Deep Person | LinkedIn</title><main><section><a href="/in/deep-person/"><h1>Deep Person</h1></a><p>· 2nd</p><p>Headline</p>${deep}${'</div>'.repeat(depth)}</section></main>`;
}

/** A mutual-connections line naming 10,000 people (issue #10: the count came out as 50). */
function manyMutuals(names: number): string {
  const list = Array.from({ length: names }, (_, i) => `<strong>Person ${i}</strong>`).join(', ');
  return `<title>Many Mutuals | LinkedIn</title><main><section><a href="/in/many-mutuals/"><h1>Many Mutuals</h1></a><p>· 2nd</p><p>Headline</p><a href="/search/results/people/?network=%5B%22F%22%5D&amp;connectionOf=%5B%22ACoAAMm%22%5D"><span>${list} and 5 other mutual connections</span></a></section></main>`;
}
const pages: { label: string; url: string; html: string }[] = [
  { label: '2 MB logged-in profile', url: 'https://www.linkedin.com/in/ada-lovelace/', html: hugeProfileHtml(fixture('linkedin/current-layout.html')) },
  { label: 'current layout', url: 'https://www.linkedin.com/in/ada-lovelace/', html: fixture('linkedin/current-layout.html') },
  { label: 'legacy layout', url: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b/', html: fixture('linkedin/legacy-layout.html') },
  { label: 'public page (JSON-LD)', url: 'https://uk.linkedin.com/in/margaret-hamilton-apollo', html: fixture('linkedin/public-page.html') },
  { label: 'GitHub user', url: 'https://github.com/octo-ada', html: fixture('github/user.html') },
  { label: '2026 top card', url: 'https://www.linkedin.com/in/aiko-tanaka-ds/', html: fixture('linkedin/topcard-2026.html') },
  { label: '5,000-deep nested page', url: 'https://www.linkedin.com/in/deep-person/', html: deepPage(5000) },
  { label: '10,000 mutual names', url: 'https://www.linkedin.com/in/many-mutuals/', html: manyMutuals(10_000) },
];

/** What the LinkedIn content script bundles of extraction (utils/extract/linkedin-page.ts), and all extractors. */
async function bundleSize(entry: string): Promise<{ raw: number; gzip: number }> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, minify: true, target: 'chrome120', logLevel: 'silent' });
  const code = out.outputFiles[0]!.contents;
  return { raw: code.byteLength, gzip: gzipSync(code).byteLength };
}
const sizes = {
  linkedin: await bundleSize('utils/extract/linkedin-page.ts'),
  all: await bundleSize('utils/extract/index.ts'),
};

const bundle = await build({
  entryPoints: ['utils/extract/index.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'IntrobookExtract',
  write: false,
  minify: true,
  target: 'chrome120',
});
const extractor = bundle.outputFiles[0]!.text;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows: string[][] = [];
let hugeMedian = Number.NaN;
try {
  for (const { label, url, html } of pages) {
    const page = await browser.newPage();
    // Fixture pages are self-contained; block any stray request so timings stay local.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: extractor });
    const stats = await page.evaluate(
      ({ url, runs, warmup }) => {
        const api = (globalThis as unknown as { IntrobookExtract: { readProfile(d: Document, u: string): { status: string; capture?: { mutualConnections: { count: number } } } } })
          .IntrobookExtract;
        let status = '';
        for (let i = 0; i < warmup; i++) {
          const result = api.readProfile(document, url);
          status = result.capture && result.capture.mutualConnections.count > 100 ? `ok (${result.capture.mutualConnections.count} mutual)` : result.status;
        }
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          api.readProfile(document, url);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
        return { status, median: at(0.5), p95: at(0.95), max: times[times.length - 1]!, elements: document.getElementsByTagName('*').length };
      },
      { url, runs: RUNS, warmup: WARMUP },
    );
    if (label.startsWith('2 MB')) hugeMedian = stats.median;
    rows.push([
      label,
      `${(html.length / 1024).toFixed(0)} KiB`,
      String(stats.elements),
      stats.status,
      stats.median.toFixed(2),
      stats.p95.toFixed(2),
      stats.max.toFixed(2),
    ]);
    await page.close();
  }
} finally {
  await browser.close();
}

const header = ['page', 'size', 'elements', 'result', 'median ms', 'p95 ms', 'max ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(`Extraction in ${CHROMIUM} (headless), ${RUNS} runs after ${WARMUP} warm-up runs`);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
console.log(
  `\n2 MB page median: ${hugeMedian.toFixed(2)} ms (target < ${TARGET_MS} ms): ${hugeMedian < TARGET_MS ? 'met' : 'NOT MET'}`,
);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `Extraction bundles (minified, no zod): LinkedIn content script part ${kb(sizes.linkedin.raw)} / ${kb(sizes.linkedin.gzip)} gzip; ` +
    `all extractors ${kb(sizes.all.raw)} / ${kb(sizes.all.gzip)} gzip`,
);
