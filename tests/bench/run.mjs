// npm run bench [-- extract|search] [options]: bundle each benchmark (TypeScript) with esbuild and run it in Node.
// With no name, every benchmark runs. Options after the name go to the benchmark (e.g. search --people 10000 --json).
import { build } from 'esbuild';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const BENCHES = { extract: 'tests/bench/extract-bench.ts', search: 'tests/bench/search-bench.ts' };
const chosen = process.argv[2] && !process.argv[2].startsWith('--') ? [process.argv[2]] : Object.keys(BENCHES);
for (const name of chosen) {
  const entry = BENCHES[name];
  if (!entry) throw new Error(`No benchmark "${name}": pick one of ${Object.keys(BENCHES).join(', ')}`);
  const outfile = `.output/bench/${name}-bench.mjs`;
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning' });
  await import(pathToFileURL(outfile).href);
}
