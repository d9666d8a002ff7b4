/**
 * Where the LinkedIn content script's main-thread time goes (issue #11): a CDP
 * trace (devtools.timeline, v8.execute, toplevel) of each profile load, page
 * alone / idle script / Introbook, broken down by the trace's own event names
 * (self time on the page's renderer main thread, from navigation to AFTER_LOAD_MS
 * after `load`), median of TRACE_RUNS loads. Opt-in, not part of `npm run bench`:
 *   npx wxt build && node tests/bench/run-trace.mjs
 * (bundles this file the way tests/bench/run.mjs does and runs it).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { withBrowser } from '../e2e/harness';
import { startFixtureServer } from '../e2e/server';

const BUILD = resolve(process.cwd(), process.env.TRACE_BUILD ?? '.output/chrome-mv3');
const RUNS = Number(process.env.TRACE_RUNS ?? 9);
const AFTER_LOAD_MS = 1200;
const PAGE_URL = process.env.TRACE_URL ?? 'https://www.linkedin.com/in/ada-lovelace/';
const CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink',
  'loading',
  'extensions',
  'disabled-by-default-v8.compile',
].join(',');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(',').filter((c) => !c.startsWith('-')), excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
  await run();
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** Self time (ms) per event name on the page's main thread, plus totals. */
function breakdown(events: TraceEvent[], pageUrl: string): Map<string, number> {
  // The page's renderer: the process whose main thread commits the page's URL.
  const mains = new Map<string, number>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.set(`${e.pid}:${e.tid}`, 0);
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (mains.has(k) && JSON.stringify(e.args ?? {}).includes(new URL(pageUrl).host)) mains.set(k, mains.get(k)! + 1);
  }
  const main = [...mains.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const out = new Map<string, number>();
  if (!main) return out;
  const own = events.filter((e) => `${e.pid}:${e.tid}` === main && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E')).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Pair B/E into X.
  const complete: TraceEvent[] = [];
  const open: TraceEvent[] = [];
  for (const e of own) {
    if (e.ph === 'X') complete.push(e);
    else if (e.ph === 'B') open.push(e);
    else {
      const b = open.pop();
      if (b) complete.push({ ...b, ph: 'X', dur: e.ts - b.ts });
    }
  }
  complete.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { e: TraceEvent; end: number; child: number; key: string }[] = [];
  const key = (e: TraceEvent) => {
    const url = String((e.args?.data?.url as string | undefined) ?? (e.args?.data?.scriptName as string | undefined) ?? (e.args?.data?.fileName as string | undefined) ?? '');
    const ext = url.startsWith('chrome-extension://') ? ` [ext ${url.split('/').slice(3).join('/')}]` : '';
    return `${e.name}${ext}`;
  };
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      const self = (top.e.dur ?? 0) - top.child;
      out.set(top.key, (out.get(top.key) ?? 0) + self / 1000);
      if (stack.length) stack[stack.length - 1]!.child += top.e.dur ?? 0;
      else out.set('= top-level tasks', (out.get('= top-level tasks') ?? 0) + (top.e.dur ?? 0) / 1000);
    }
  };
  for (const e of complete) {
    close(e.ts);
    const parentKey = stack.length ? stack[stack.length - 1]!.key : '';
    // Inherit the extension tag: everything under a content-script call is the script's.
    let k = key(e);
    if (!k.includes('[ext') && parentKey.includes('[ext')) k = `${k} [under ext]`;
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0, key: k });
  }
  close(Number.POSITIVE_INFINITY);
  return out;
}


async function loads(context: BrowserContext): Promise<Map<string, number>[]> {
  const all: Map<string, number>[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events = await trace(cdp, async () => {
      await page.goto(PAGE_URL, { waitUntil: 'load' });
      await page.waitForTimeout(AFTER_LOAD_MS);
    });
    if (i >= 2) all.push(breakdown(events, PAGE_URL));
    if (process.env.TRACE_DUMP && i === RUNS + 1) writeFileSync(process.env.TRACE_DUMP + `-${all.length}.json`, JSON.stringify({ traceEvents: events }));
    await page.close();
  }
  return all;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const server = await startFixtureServer();
const IDLE = mkdtempSync(join(tmpdir(), 'introbook-idle-'));
cpSync(BUILD, IDLE, { recursive: true });
writeFileSync(join(IDLE, 'content-scripts/linkedin.js'), '(() => {})();\n');
// More builds to compare: `node tests/bench/run-trace.mjs name=dir …` (each an unpacked extension), after the three.
const configs: [string, string | null][] = [
  ['page alone', null],
  ['idle script', IDLE],
  ['Introbook', BUILD],
  ...process.argv.slice(2).filter((a) => a.includes('=')).map((a) => a.split('=') as [string, string]).map(([name, dir]): [string, string] => [name, resolve(dir)]),
];
const results: Map<string, number>[][] = [];
try {
  for (const [, ext] of configs) results.push(await withBrowser(server.port, ext, loads));
} finally {
  await server.close();
  rmSync(IDLE, { recursive: true, force: true });
}
const names = new Set<string>();
for (const r of results) for (const m of r) for (const k of m.keys()) names.add(k);
const rows = [...names].map((name) => ({ name, ms: results.map((r) => median(r.map((m) => m.get(name) ?? 0))), mean: results.map((r) => r.reduce((s, m) => s + (m.get(name) ?? 0), 0) / r.length) }));
rows.sort((a, b) => b.mean[2]! - b.mean[1]! - (a.mean[2]! - a.mean[1]!));
console.log(`Self time on the page's main thread per load (ms; mean of ${RUNS}; ${PAGE_URL}); Δ: each build − idle script`);
console.log(['event'.padEnd(60), ...configs.map(([c]) => c.slice(0, 11).padStart(12)), ...configs.slice(2).map(([c]) => `Δ ${c}`.slice(0, 11).padStart(12))].join(' '));
for (const r of rows) {
  const deltas = r.mean.slice(2).map((v) => v - r.mean[1]!);
  if (deltas.every((d) => Math.abs(d) < 0.1) && !r.name.startsWith('=')) continue;
  console.log([r.name.slice(0, 60).padEnd(60), ...r.mean.map((v) => v.toFixed(2).padStart(12)), ...deltas.map((d) => d.toFixed(2).padStart(12))].join(' '));
}
