import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Tests run from the project root (vitest's root). */
export const FIXTURES_DIR = resolve(process.cwd(), 'tests/fixtures');

export function fixtureHtml(path: string): string {
  return readFileSync(resolve(FIXTURES_DIR, path), 'utf8');
}

/** Parse a fixture into a Document, as the content script would see the page. Needs a DOM environment. */
export function loadFixture(path: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(path), 'text/html');
}
