// Opt-in: the content script's main-thread breakdown from a CDP trace (tests/bench/content-trace.ts).
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const outfile = '.output/bench/content-trace.mjs';
await build({ entryPoints: ['tests/bench/content-trace.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning' });
await import(pathToFileURL(outfile).href);
