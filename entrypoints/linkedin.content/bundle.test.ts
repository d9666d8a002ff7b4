/**
 * The content script's own code carries no zod (issue #11): it imports only
 * types from the protocol and checks what it receives by hand. Bundled here
 * with the extractors left out (they are lane 7a's, and go zod-free there);
 * `npm run bench` weighs the whole built script.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('content script bundle', () => {
  it('pulls in no zod and no schemas of its own', async () => {
    const result = await build({
      entryPoints: ['entrypoints/linkedin.content/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'iife',
      logLevel: 'silent',
      plugins: [
        {
          name: 'project-paths',
          setup(b) {
            b.onResolve({ filter: /^@\/utils\/extract(?:\/|$)/ }, (args) => ({ path: args.path, external: true }));
            b.onResolve({ filter: /^@\// }, (args) => ({ path: resolve(process.cwd(), `${args.path.slice(2)}.ts`) }));
            b.onResolve({ filter: /^wxt\// }, (args) => ({ path: args.path, external: true }));
          },
        },
      ],
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('entrypoints/linkedin.content/page.ts');
    expect(inputs.filter((i) => /zod|domain\/schemas|messaging\/protocol/.test(i))).toStrictEqual([]);
    // Extraction comes in through the LinkedIn-only entry: no generic or GitHub readers (they are in utils/extract/index.ts).
    const extractImports = Object.values(result.metafile.inputs)
      .flatMap((input) => input.imports)
      .filter((i) => i.path.startsWith('@/utils/extract'))
      .map((i) => i.path);
    expect(new Set(extractImports)).toStrictEqual(new Set(['@/utils/extract/linkedin-page']));
  });
});
