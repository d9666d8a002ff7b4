// npm run bench: bundle the benchmark (TypeScript) with esbuild and run it in Node.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const outfile = '.output/bench/extract-bench.mjs';
await build({
  entryPoints: ['tests/bench/extract-bench.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
