// npm run bench: bundle each benchmark (TypeScript) with esbuild and run it in Node.
// `npm run bench -- backup` runs only the benchmarks whose file name contains "backup".
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const only = process.argv[2] ?? '';
const benches = readdirSync('tests/bench')
  .filter((f) => f.endsWith('-bench.ts') && f.includes(only))
  .sort();
for (const file of benches) {
  const outfile = `.output/bench/${file.replace(/\.ts$/, '.mjs')}`;
  await build({
    entryPoints: [`tests/bench/${file}`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  await import(pathToFileURL(outfile).href);
}
