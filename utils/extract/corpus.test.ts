// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '@/tests/fixtures/corpus';
import { FIXTURES_DIR, fixtureHtml, loadFixture } from '@/tests/helpers/fixtures';
import { hugeProfileHtml } from '@/tests/helpers/huge-page';
import { readProfile } from './index';

describe('fixture corpus', () => {
  it.each(CORPUS.map((c) => [`${c.fixture}${c.selection ? ` (selected "${c.selection}")` : ''}`, c] as const))(
    '%s',
    (_, { fixture, url, selection, expected }) => {
      const result = readProfile(loadFixture(fixture), url, { selection });
      const actual = result.status === 'ok' ? { status: result.status, capture: result.capture } : result;
      expect(actual).toStrictEqual(expected);
    },
  );

  it('covers every fixture page, and has at least 30', () => {
    const pages = ['linkedin', 'github', 'generic'].flatMap((dir) =>
      readdirSync(`${FIXTURES_DIR}/${dir}`)
        .filter((f) => f.endsWith('.html'))
        .map((f) => `${dir}/${f}`),
    );
    const covered = new Set(CORPUS.map((c) => c.fixture));
    expect(pages.filter((p) => !covered.has(p))).toStrictEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(30);
  });

  it('reads a 2 MB page like the small one, ignoring everything outside the top card', () => {
    const html = hugeProfileHtml(fixtureHtml('linkedin/current-layout.html'));
    expect(html.length).toBeGreaterThan(2_000_000);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const ada = CORPUS.find((c) => c.fixture === 'linkedin/current-layout.html')!;
    const result = readProfile(doc, ada.url);
    expect(result.status === 'ok' && result.capture).toStrictEqual(ada.expected.status === 'ok' && ada.expected.capture);
  });
});
