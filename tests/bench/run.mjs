// npm run bench: bundle each benchmark (TypeScript) with esbuild and run it in Node.
// `npm run bench -- backup` runs only the benchmarks whose file name contains "backup";
// flags after it (`--people 0,10000,50000 --requests 5000 --json`) reach every benchmark
// (each reads the ones it knows from process.argv).
import { build } from 'esbuild';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { readdirSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

// Plain Node has no extension API: label maps and messages (utils/i18n.ts) read
// browser.i18n, so give it the shipped English messages, with Chrome's $1…$9 rules
// (as tests/helpers/messages.ts does for unit tests). The extension itself carries
// no copy of them: the browser has them.
const english = new Map(
  Object.entries(generateChromeMessages(parseMessagesText(readFileSync('locales/en.yml', 'utf8'), 'YAML'))).map(([key, m]) => [key.toLowerCase(), m.message]),
);
globalThis.chrome ??= {};
globalThis.chrome.i18n ??= {
  getMessage: (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (english.get(key.toLowerCase()) ?? '').replace(/\$(\$|[1-9])/g, (_, d) => (d === '$' ? '$' : (list[Number(d) - 1] ?? '')));
  },
  getUILanguage: () => 'en',
};

const args = process.argv.slice(2);
// The first word that is neither a flag nor a flag's value names the benchmarks to run.
const only = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && !['--json', '--no-build', '--prefixes'].includes(args[i - 1]))) ?? '';
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
