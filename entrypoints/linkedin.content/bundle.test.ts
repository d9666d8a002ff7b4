/**
 * The LinkedIn content script runs on every LinkedIn page load, so it stays
 * small (issue #11: ≤ 15 KB gzipped) and carries no zod, no React and no full
 * reader: it imports only types from the protocol and checks what it receives
 * by hand, and it finds the name with the probe (utils/extract/linkedin-name);
 * the reader is injected when a read is needed (entrypoints/linkedin-reader.ts).
 *
 * Bundled here as WXT builds it — WXT's content-script entry and context, the
 * browser's own extension API object (wxt.config.ts), minified — with esbuild
 * instead of WXT's bundler (esbuild's output measured 0.6 KB larger than the
 * shipped file, so the guard errs on the strict side). `npm run bench --
 * content` weighs the shipped file itself.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const BUDGET_GZ = 15 * 1024;

const asWxtBuildsIt: Plugin = {
  name: 'as-wxt-builds-it',
  setup(b) {
    b.onResolve({ filter: /^virtual:user-content-script-isolated-world-entrypoint$/ }, () => ({ path: resolve('entrypoints/linkedin.content/index.ts') }));
    b.onResolve({ filter: /^virtual:wxt-plugins$/ }, () => ({ path: 'wxt-plugins', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export function initPlugins() {}', loader: 'js' }));
    // wxt.config.ts: content scripts get the browser's own API object, not webextension-polyfill.
    b.onResolve({ filter: /^wxt\/browser$/ }, () => ({ path: resolve('node_modules/@wxt-dev/browser/src/index.mjs') }));
    b.onResolve({ filter: /^@\// }, (args) => ({ path: resolve(`${args.path.slice(2)}.ts`) }));
  },
};

async function contentScript() {
  const result = await build({
    entryPoints: [resolve('node_modules/wxt/dist/virtual/content-script-isolated-world-entrypoint.mjs')],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    charset: 'utf8',
    define: { 'import.meta.env.MODE': '"production"', 'import.meta.env.ENTRYPOINT': '"linkedin"', 'import.meta.env.COMMAND': '"build"' },
    plugins: [asWxtBuildsIt],
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => p.replace(/^.*?(node_modules\/|entrypoints\/|utils\/)/, '$1'));
  return { inputs, gz: gzipSync(result.outputFiles[0]!.contents, { level: 9 }).byteLength };
}

describe('the LinkedIn content script bundle', () => {
  it('pulls in no zod, no schemas, no React, no database and no full reader', async () => {
    const { inputs } = await contentScript();
    expect(inputs).toContain('entrypoints/linkedin.content/page.ts');
    expect(inputs).toContain('utils/extract/linkedin-name.ts');
    expect(inputs.filter((i) => /zod|domain\/schemas|messaging\/protocol|node_modules\/react|dexie|utils\/db\//.test(i))).toStrictEqual([]);
    // No reader, no health report, no webextension-polyfill: they are the injected file's, or not needed.
    expect(inputs.filter((i) => /extract\/(?:linkedin|health|generic|github|index|voyager|structured-data)\.ts$|webextension-polyfill/.test(i))).toStrictEqual([]);
  });

  it(`is at most ${BUDGET_GZ / 1024} KB gzipped`, async () => {
    const { gz } = await contentScript();
    expect(gz).toBeLessThanOrEqual(BUDGET_GZ);
  });
});
