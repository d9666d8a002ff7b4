// @vitest-environment happy-dom
/**
 * Property tests across the whole corpus (issue #7, "Proof"):
 *
 * 1. No field value comes from text hidden from the user. Bait markup — closed
 *    dialogs and modals, an aria-hidden overlay wrapping a dialog, `hidden`,
 *    `display:none` and friends, templates, closed <details>, screen-reader-only
 *    copies — is planted anywhere on a page, holding a marker word, people
 *    links, degree badges, dates and mutual-connection links; no capture value
 *    may contain the marker, and the capture must be what it was without the
 *    bait.
 * 2. No value is read twice from a visible + screen-reader pair. Any text
 *    element may be turned into LinkedIn's pair (the visible copy in
 *    `aria-hidden` spans, a screen-reader copy beside it, under a known or a
 *    hashed class): the capture must not change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '@/tests/fixtures/corpus';
import { fixtureHtml } from '@/tests/helpers/fixtures';
import { readProfile, type ReadResult } from './index';

import { MARK, plant } from '@/tests/helpers/hidden-bait';

/** Property runs are CPU-bound, not timed: a shared CI machine may take a while (the default is 5 s). */
const PROPERTY_TIMEOUT = 120_000;

function values(result: ReadResult): string[] {
  if (result.status !== 'ok') return [];
  const c = result.capture;
  return [
    c.profileUrl,
    c.name,
    c.firstName,
    c.lastName,
    c.headline,
    c.role,
    c.company,
    c.location,
    c.photoUrl,
    ...c.mutualConnections.names,
    ...c.positions.flatMap((p) => [p.title, p.company]),
    ...c.aliases,
  ].filter((v): v is string => v !== null);
}

const read = (doc: Document, c: (typeof CORPUS)[number]) => readProfile(doc, c.url, { selection: c.selection });

describe('no field value comes from text hidden from the user', () => {
  it.each(CORPUS.map((c) => [c.fixture + (c.selection ? ' (selection)' : ''), c] as const))('%s', (_, c) => {
    const html = fixtureHtml(c.fixture);
    const clean = read(new DOMParser().parseFromString(html, 'text/html'), c);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (at, bait) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        plant(doc, at, bait);
        const result = read(doc, c);
        for (const value of values(result)) expect(value.toLowerCase(), `hidden text leaked into "${value}"`).not.toContain(MARK.toLowerCase());
        // Hidden markup changes nothing the user sees, so nothing read changes either.
        expect(JSON.stringify(result, null, 1)).toBe(JSON.stringify(clean, null, 1));
      }),
      { numRuns: Number(process.env.RUNS ?? 40) },
    );
  }, PROPERTY_TIMEOUT);
});

describe('a page still loading stays so with hidden text planted', () => {
  // Found by the property above (seed -1231008234): text a stylesheet hides, planted in a loading
  // skeleton, made the skeleton count as content and the no-name page as finished loading.
  it('linkedin/no-name.html with stylesheet-hidden text inside its skeleton', () => {
    const c = CORPUS.find((x) => x.fixture === 'linkedin/no-name.html')!;
    const html = fixtureHtml(c.fixture);
    const clean = read(new DOMParser().parseFromString(html, 'text/html'), c);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    plant(doc, [0, 1504375094, 0, 2099228031, 0], [0, 94789380, 0, 15, 0, 0]);
    expect(clean).toMatchObject({ status: 'unreadable', settled: false });
    expect(read(doc, c)).toStrictEqual(clean);
  });
});

/** Turn a text-only element into LinkedIn's visible + screen-reader pair. */
function pair(doc: Document, el: Element, srClass: string): void {
  const text = el.textContent ?? '';
  const visible = doc.createElement('span');
  visible.setAttribute('aria-hidden', 'true');
  visible.textContent = text;
  const copy = doc.createElement('span');
  copy.setAttribute('class', srClass);
  copy.textContent = text;
  el.replaceChildren(visible, copy);
}

/** Elements holding only text worth a screen-reader copy (two letters or digits or more). */
function textLeaves(doc: Document): Element[] {
  return Array.from(doc.body.querySelectorAll('*')).filter(
    (el) =>
      el.children.length === 0 &&
      !el.closest('script, style, template, code, title, head, textarea, option') &&
      /[\p{L}\p{N}].*[\p{L}\p{N}]/su.test(el.textContent ?? ''),
  );
}

describe('no value is read twice from a visible + screen-reader pair', () => {
  it.each(CORPUS.map((c) => [c.fixture + (c.selection ? ' (selection)' : ''), c] as const))('%s', (_, c) => {
    const html = fixtureHtml(c.fixture);
    const clean = read(new DOMParser().parseFromString(html, 'text/html'), c);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), fc.constantFrom('visually-hidden', 'sr-only', 'Xq7kP2', 'a1b2c3'), (picks, all, srClass) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const leaves = textLeaves(doc);
        const chosen = all ? leaves : picks.map((p) => leaves[p % leaves.length]).filter((el): el is Element => el !== undefined);
        for (const el of new Set(chosen)) pair(doc, el, srClass);
        expect(JSON.stringify(read(doc, c), null, 1)).toBe(JSON.stringify(clean, null, 1));
      }),
      { numRuns: Number(process.env.RUNS ?? 25) },
    );
  }, PROPERTY_TIMEOUT);
});
