/**
 * What each extension page loads before first paint, and what it is made of (issue #11).
 *
 * Builds the production extension with source maps into .output/bundles/ (INTROBOOK_SOURCEMAP=1; the
 * build users get in .output/chrome-mv3 is untouched), then for every HTML page sums its module script
 * and the chunks it preloads (the initial JS: gzip -9 of each file), and lists the chunks it can load
 * later (React.lazy views). Each initial chunk's bytes are attributed to their sources through its source
 * map (minified bytes per npm package or app folder); a part's gzip share is its share of the chunk's
 * minified bytes times the chunk's gzip size, an estimate (gzip compresses some code better than other).
 * The content scripts are weighed the same way.
 *
 * `npm run bench -- bundles` (add `--json` for machines, `--no-build` to weigh the last build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

const JSON_OUT = process.argv.includes('--json');
const OUT = resolve('.output/bundles/chrome-mv3');
const PAGE_AIM_KB = 90;
const CONTENT_AIM_KB = 15;

if (!process.argv.includes('--no-build') || !existsSync(join(OUT, 'manifest.json'))) {
  if (!JSON_OUT) console.log('Building the production extension with source maps into .output/bundles (INTROBOOK_SOURCEMAP=1 wxt build)…');
  const built = spawnSync('npx', ['wxt', 'build'], { stdio: JSON_OUT ? 'ignore' : ['ignore', 'ignore', 'inherit'], env: { ...process.env, INTROBOOK_SOURCEMAP: '1' } });
  if (built.status !== 0) throw new Error('wxt build failed');
}

const gzCache = new Map<string, number>();
const gz = (file: string) => {
  let n = gzCache.get(file);
  if (n === undefined) gzCache.set(file, (n = gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length));
  return n;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The part of the code a source file belongs to: its npm package, or its app folder (components/SettingsView.tsx → components/SettingsView). */
function partOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const app = source.replace(/^(?:\.\.\/)+/, '').replace(/\.[cm]?[jt]sx?$/, '');
  const dirs = app.split('/');
  // components/ and entrypoints/ by file; utils/ by folder (utils/db, utils/domain…), top-level utils files by file.
  if (dirs[0] === 'utils' && dirs.length > 2) return `${dirs[0]}/${dirs[1]}`;
  return dirs.slice(0, 3).join('/');
}

/** Minified bytes of a chunk per part, from its source map. */
function composition(file: string): Map<string, number> {
  const parts = new Map<string, number>();
  const mapFile = join(OUT, `${file}.map`);
  const code = readFileSync(join(OUT, file), 'utf8');
  if (!existsSync(mapFile)) {
    parts.set('(no source map)', Buffer.byteLength(code));
    return parts;
  }
  const lines = code.split('\n');
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')) as RawSourceMap);
  const segments: { line: number; column: number; source: string | null }[] = [];
  consumer.eachMapping((m) => segments.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }), null, SourceMapConsumer.GENERATED_ORDER);
  let attributed = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const next = segments[i + 1];
    const text = lines[s.line - 1] ?? '';
    const end = next && next.line === s.line ? next.column : text.length;
    const bytes = Buffer.byteLength(text.slice(s.column, end));
    attributed += bytes;
    const part = s.source ? partOf(s.source) : '(glue)';
    parts.set(part, (parts.get(part) ?? 0) + bytes);
  }
  const total = Buffer.byteLength(code);
  if (total > attributed) parts.set('(glue)', (parts.get('(glue)') ?? 0) + total - attributed);
  return parts;
}

interface Weighed {
  files: string[];
  gz: number;
  raw: number;
  /** Estimated gzip bytes per part (npm package or app folder), largest first. */
  parts: [string, number][];
}

function weigh(files: string[]): Weighed {
  const parts = new Map<string, number>();
  let raw = 0;
  for (const file of files) {
    const comp = composition(file);
    const size = [...comp.values()].reduce((a, b) => a + b, 0);
    raw += size;
    for (const [part, bytes] of comp) parts.set(part, (parts.get(part) ?? 0) + (size ? (bytes / size) * gz(file) : 0));
  }
  return { files, raw, gz: files.reduce((n, f) => n + gz(f), 0), parts: [...parts].sort((a, b) => b[1] - a[1]) };
}

/** Chunks a chunk can import later (`import()` through Vite's preload map), for the lazily loaded list. */
function lazyChunks(initial: string[]): string[] {
  const seen = new Set(initial);
  const lazy: string[] = [];
  const queue = [...initial];
  while (queue.length) {
    const code = readFileSync(join(OUT, queue.shift()!), 'utf8');
    for (const m of code.matchAll(/["'](?:\.{1,2}\/|\/chunks\/|chunks\/)([\w.-]+\.js)["']/g)) {
      const file = `chunks/${m[1]}`;
      if (seen.has(file) || !existsSync(join(OUT, file))) continue;
      seen.add(file);
      lazy.push(file);
      queue.push(file);
    }
  }
  return lazy;
}

const pages = readdirSync(OUT)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((html) => {
    const text = readFileSync(join(OUT, html), 'utf8');
    const initial = [...text.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const later = lazyChunks(initial);
    return { page: html.replace(/\.html$/, ''), initial: weigh(initial), lazy: later.map((f) => ({ file: f, gz: gz(f) })) };
  });
const contentScripts = readdirSync(join(OUT, 'content-scripts'))
  .filter((f) => f.endsWith('.js'))
  .sort()
  .map((f) => ({ script: f.replace(/\.js$/, ''), ...weigh([`content-scripts/${f}`]) }));

if (JSON_OUT) {
  console.log(JSON.stringify({ bench: 'bundles', out: OUT, pages, contentScripts }, null, 2));
} else {
  const top = (w: Weighed, n: number) =>
    w.parts
      .slice(0, n)
      .map(([p, b]) => `${p} ${kb(b)}`)
      .join(', ');
  console.log(`\nInitial JS per page (module script + preloaded chunks, gzip -9), production build with source maps (${OUT}):`);
  for (const p of pages) {
    const aim = p.page === 'popup' || p.page === 'sidepanel' ? ` (aim ≤ ${PAGE_AIM_KB} KB: ${p.initial.gz <= PAGE_AIM_KB * 1024 ? 'met' : 'NOT MET'})` : '';
    const lazy = p.lazy.reduce((n, l) => n + l.gz, 0);
    console.log(`  ${p.page.padEnd(10)} ${kb(p.initial.gz).padStart(9)} gz, ${kb(p.initial.raw).padStart(9)} min in ${p.initial.files.length} files${aim}; loaded later: ${p.lazy.length} chunks, ${kb(lazy)} gz`);
  }
  for (const p of pages) console.log(`\n  ${p.page}, largest parts (est. gz): ${top(p.initial, 14)}`);
  console.log('\nContent scripts (gzip -9):');
  for (const c of contentScripts) {
    const aim = c.script === 'linkedin' ? ` (aim ≤ ${CONTENT_AIM_KB} KB: ${c.gz <= CONTENT_AIM_KB * 1024 ? 'met' : 'NOT MET'})` : '';
    console.log(`  ${c.script.padEnd(10)} ${kb(c.gz).padStart(9)} gz, ${kb(c.raw).padStart(9)} min${aim}`);
    console.log(`    largest parts (est. gz): ${top(c, 10)}`);
  }
}
