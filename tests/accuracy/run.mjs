// npm run accuracy: bundle the accuracy script (TypeScript) with esbuild and run it in Node.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const outfile = '.output/accuracy/field-accuracy.mjs';
await build({
  entryPoints: ['tests/accuracy/field-accuracy.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
