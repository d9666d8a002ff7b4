/**
 * Benchmark pages are plain web pages, with no extension API: label maps and
 * messages (utils/i18n.ts) read browser.i18n. This esbuild plugin puts the
 * shipped English messages (locales/en.yml, through @wxt-dev/i18n's own build
 * step) in the page as `chrome.i18n.getMessage`, with Chrome's $1…$9 rules,
 * before `#i18n` is loaded. The extension itself carries no copy: the browser
 * has them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import type { Plugin } from 'esbuild';

function englishMessages(): Record<string, string> {
  const chrome = generateChromeMessages(parseMessagesText(readFileSync(resolve('locales/en.yml'), 'utf8'), 'YAML'));
  return Object.fromEntries(Object.entries(chrome).map(([key, m]) => [key.toLowerCase(), m.message]));
}

export const englishI18n: Plugin = {
  name: 'english-i18n',
  setup(b) {
    b.onResolve({ filter: /^#i18n$/ }, () => ({ path: 'i18n', namespace: 'english-i18n' }));
    b.onResolve({ filter: /^english-i18n:install$/ }, () => ({ path: 'install', namespace: 'english-i18n' }));
    b.onLoad({ filter: /^install$/, namespace: 'english-i18n' }, () => ({
      loader: 'js',
      contents: `
        const messages = ${JSON.stringify(englishMessages())};
        const api = (globalThis.chrome ??= {});
        api.i18n ??= {
          getMessage(key, subs) {
            const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
            return (messages[key.toLowerCase()] ?? '').replace(/\\$(\\$|[1-9])/g, (_, d) => (d === '$' ? '$' : (list[Number(d) - 1] ?? '')));
          },
          getUILanguage: () => 'en',
        };`,
    }));
    // Imports run in order: the messages are in place before @wxt-dev/i18n picks its browser object.
    b.onLoad({ filter: /^i18n$/, namespace: 'english-i18n' }, () => ({
      loader: 'ts',
      resolveDir: resolve('.wxt/i18n'),
      contents: `import 'english-i18n:install';\nexport { i18n } from './index.ts';`,
    }));
  },
};
