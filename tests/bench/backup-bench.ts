/**
 * Import speed in real Chromium (IndexedDB on disk): 10,000 people imported
 * from a backup file (read, validate every row with zod, plan against the
 * store, write in one strict transaction) against a raw IndexedDB write of
 * the same rows into the same indexes, in one transaction of the same
 * durability. Target (issue #10): the import takes at most 2× the raw write.
 * Also prints the restore (through a staging database) for the record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { englishI18n } from './english-i18n';

const PEOPLE = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_RATIO = 2;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const bundle = await build({
  entryPoints: ['tests/bench/backup-entry.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'IntrobookBackup',
  write: false,
  minify: true,
  target: 'chrome120',
  plugins: [englishI18n],
  define: { 'import.meta.env.MODE': '"production"' },
});
const code = bundle.outputFiles[0]!.text;

const profile = mkdtempSync(join(tmpdir(), 'introbook-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
type Api = {
  people(n: number): unknown[];
  backupText(rows: unknown[]): Promise<string>;
  rawWrite(rows: unknown[], durability: 'strict' | 'relaxed'): Promise<number>;
  importText(text: string): Promise<{ total: number; read: number; validate: number; plan: number; write: number; added: number }>;
  restoreText(text: string): Promise<number>;
  reimportText(text: string): Promise<number>;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const page = await context.newPage();
  // A secure origin of our own (IndexedDB on disk), served from memory.
  await page.route('https://bench.introbook.test/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
  await page.goto('https://bench.introbook.test/');
  await page.addScriptTag({ content: code });
  const result = await page.evaluate(
    async ({ n, runs }) => {
      const api = (globalThis as unknown as { IntrobookBackup: Api }).IntrobookBackup;
      const rows = api.people(n);
      const text = await api.backupText(rows);
      const raw: number[] = [];
      const rawRelaxed: number[] = [];
      const imports: { total: number; read: number; validate: number; plan: number; write: number; added: number }[] = [];
      const restores: number[] = [];
      const reimports: number[] = [];
      // Warm-up, then alternate so disk and cache effects hit both sides alike.
      await api.rawWrite(rows.slice(0, 500), 'strict');
      await api.importText(await api.backupText(rows.slice(0, 500)));
      for (let i = 0; i < runs; i++) {
        raw.push(await api.rawWrite(rows, 'strict'));
        imports.push(await api.importText(text));
        rawRelaxed.push(await api.rawWrite(rows, 'relaxed'));
        restores.push(await api.restoreText(text));
        reimports.push(await api.reimportText(text));
      }
      return { raw, rawRelaxed, imports, restores, reimports, bytes: text.length };
    },
    { n: PEOPLE, runs: RUNS },
  );
  const imp = (key: 'total' | 'read' | 'validate' | 'plan' | 'write') => median(result.imports.map((r) => r[key]));
  const raw = median(result.raw);
  // Each run's import against the raw write just before it: both see the same load on a shared machine.
  const ratio = median(result.imports.map((r, i) => r.total / result.raw[i]!));
  console.log(`\nImport of ${PEOPLE.toLocaleString('en')} people (backup file ${(result.bytes / 1024 / 1024).toFixed(1)} MB) in ${CHROMIUM} (headless), median of ${RUNS}`);
  console.log(`  raw IndexedDB write, one strict transaction:   ${raw.toFixed(0)} ms`);
  console.log(`  raw IndexedDB write, one relaxed transaction:  ${median(result.rawRelaxed).toFixed(0)} ms`);
  console.log(
    `  Introbook import (strict):                     ${imp('total').toFixed(0)} ms  = parse ${imp('read').toFixed(0)} + validate ${imp('validate').toFixed(0)} + plan ${imp('plan').toFixed(0)} + write ${imp('write').toFixed(0)}`,
  );
  console.log(`  Introbook restore through staging (strict):    ${median(result.restores).toFixed(0)} ms`);
  console.log(`  the same file again into the full store (all unchanged, nothing written): ${median(result.reimports).toFixed(0)} ms`);
  console.log(`  rows added per import: ${result.imports[0]!.added.toLocaleString('en')}`);
  console.log(`\nImport / raw write (median of per-run ratios): ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×): ${ratio <= TARGET_RATIO ? 'met' : 'NOT MET'}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
