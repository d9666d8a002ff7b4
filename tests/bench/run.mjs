// npm run bench: bundle each benchmark (TypeScript) with esbuild and run it in Node.
/* global process */
// BENCH=extract or BENCH=sync runs one of them.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const benches = ['extract', 'sync'].filter((name) => !process.env.BENCH || process.env.BENCH === name);
for (const name of benches) {
  const outfile = `.output/bench/${name}-bench.mjs`;
  await build({
    entryPoints: [`tests/bench/${name}-bench.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  await import(pathToFileURL(outfile).href);
}
