/**
 * The extractors run in the page: the LinkedIn reader injected on demand into
 * the LinkedIn content script's world (entrypoints/linkedin-reader.ts) and the
 * popup's reader for other sites (entrypoints/read-page.ts). Neither carries a
 * schema library (issue #11): their whole import graph is zod-free. Built with
 * esbuild from source. The always-on content script itself is held to 15 KB gz
 * in entrypoints/linkedin.content/bundle.test.ts.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

async function bundle(entry: string) {
  return build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    metafile: true,
    target: 'chrome120',
    // As WXT's build writes it: non-ASCII text (the layouts' Japanese and Arabic patterns) as UTF-8, not \u escapes.
    charset: 'utf8',
    logLevel: 'silent',
  });
}

const FORBIDDEN = /node_modules\/zod|utils\/zod\.ts|domain\/schemas\.ts|utils\/db\/|dexie|react/;

describe('the extraction bundle', () => {
  it('the LinkedIn reader (linkedin-page.ts, injected on demand) is zod-free and small', async () => {
    const result = await bundle('utils/extract/linkedin-page.ts');
    expect(Object.keys(result.metafile.inputs).filter((p) => FORBIDDEN.test(p))).toStrictEqual([]);
    // No generic or GitHub readers either.
    expect(Object.keys(result.metafile.inputs).filter((p) => /extract\/(?:generic|github)\.ts/.test(p))).toStrictEqual([]);
    const code = result.outputFiles[0]!.contents;
    // Fix 7f added ~2 KB gzipped of layout data (date lines, mutual sentences, not-a-person and view-profile
    // labels in every supported UI language) and the stylesheet-visibility check: 17.7 KB → 19.8 KB.
    expect(gzipSync(code).byteLength).toBeLessThan(20_500);
  });

  it('imports no zod, no schema module and no database, and stays small', async () => {
    const result = await build({
      entryPoints: ['utils/extract/index.ts'],
      bundle: true,
      format: 'esm',
      write: false,
      minify: true,
      metafile: true,
      target: 'chrome120',
      charset: 'utf8',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => FORBIDDEN.test(p))).toStrictEqual([]);
    const code = result.outputFiles[0]!.contents;
    // Generous ceilings that still catch a schema library (zod alone is far bigger). This is every reader, for the
    // on-demand page read; the LinkedIn content script is held tighter above. Input hygiene (utils/core/text.ts) added ~1 KB.
    // Fix 7f's layout data in every UI language: ~55 KB → ~61 KB.
    expect(code.byteLength).toBeLessThan(63_000);
    expect(gzipSync(code).byteLength).toBeLessThan(23_000);
  });
});
