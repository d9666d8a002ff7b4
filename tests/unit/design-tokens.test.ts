/**
 * One design system: the in-page button's shadow root repeats the colour
 * tokens it uses from components/tokens.css (it sees none of our pages'
 * styles); here they are checked against the source, in light and in dark.
 * And every colour in components/styles.css comes from a token.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(resolve(process.cwd(), path), 'utf8');
const tokens = read('components/tokens.css');
const button = read('entrypoints/linkedin.content/save-button.ts');
const styles = read('components/styles.css');

/** `--ib-x: value;` declarations in a block of CSS. */
function declarations(css: string): Map<string, string> {
  return new Map(Array.from(css.matchAll(/(--ib-[a-z0-9-]+):\s*([^;]+);/g), (m) => [m[1]!, m[2]!.trim()]));
}

function split(css: string): { light: string; dark: string } {
  const at = css.indexOf('@media (prefers-color-scheme: dark)');
  expect(at).toBeGreaterThan(0);
  const dark = css.slice(at, css.indexOf('@media (prefers-reduced-motion', at));
  return { light: css.slice(0, at), dark };
}

describe('design tokens', () => {
  it('the in-page button uses the same colour values as the pages, light and dark', () => {
    const page = split(tokens);
    const own = split(button.slice(button.indexOf('const STYLE'), button.indexOf('`;', button.indexOf('const STYLE'))));
    for (const scheme of ['light', 'dark'] as const) {
      const expected = declarations(page[scheme]);
      const used = declarations(own[scheme]);
      expect(used.size, scheme).toBeGreaterThan(5);
      for (const [name, value] of used) {
        if (name === '--ib-ease') continue;
        expect([name, value], scheme).toStrictEqual([name, expected.get(name)]);
      }
    }
  });

  it('dark mode redefines every colour token', () => {
    const { light, dark } = split(tokens);
    const colours = [...declarations(light)].filter(([, v]) => /^#|rgb/.test(v)).map(([k]) => k);
    expect(colours.length).toBeGreaterThan(15);
    const darkNames = new Set(declarations(dark).keys());
    expect(colours.filter((c) => !darkNames.has(c))).toStrictEqual([]);
  });

  it('styles.css takes every colour from a token', () => {
    const literal = styles
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split('\n')
      .filter((line) => /#[0-9a-f]{3,8}\b|rgba?\(/i.test(line));
    expect(literal).toStrictEqual([]);
  });
});
