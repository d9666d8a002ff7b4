// npm run bench: bundle each benchmark (TypeScript) with esbuild and run it in Node, one after the other.
import { build } from 'esbuild';
import { argv } from 'node:process';
import { pathToFileURL } from 'node:url';

const only = argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of ['extract-bench', 'content-script-bench']) {
  if (only.length > 0 && !only.includes(name)) continue;
  const outfile = `.output/bench/${name}.mjs`;
  await build({
    entryPoints: [`tests/bench/${name}.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  await import(pathToFileURL(outfile).href);
}
