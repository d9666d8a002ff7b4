// npm run bench: bundle each benchmark (TypeScript) with esbuild and run it in Node.
// `npm run bench -- backup` runs only the benchmarks whose file name contains "backup";
// flags after it (`--people 0,10000,50000 --requests 5000 --json`) reach every benchmark
// (each reads the ones it knows from process.argv).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
// The first word that is neither a flag nor a flag's value names the benchmarks to run.
const only = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && !['--json'].includes(args[i - 1]))) ?? '';
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
