// @vitest-environment happy-dom
/**
 * Property tests: mutate every corpus page — drop nodes, shuffle attributes,
 * inject text (markup-as-text, RTL, emoji) and markup — and check that the
 * extractors never throw, always return a valid result, and never return a
 * value that is not on the page.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '@/tests/fixtures/corpus';
import { fixtureHtml } from '@/tests/helpers/fixtures';
import { profileCaptureSchema } from '../domain/schemas';
import { readProfile } from './index';
import { stripInvisible } from '../core/text';

/** Property runs are CPU-bound, not timed: a shared CI machine may take a while (the default is 5 s). */
const PROPERTY_TIMEOUT = 120_000;

const NASTY_TEXT = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '👩🏽‍💻🚀',
  'مرحبا بالعالم',
  'שלום',
  '· 2nd',
  '3rd+',
  'LinkedIn',
  'LinkedIn Member',
  '(12)',
  'Jan 2020 - Present',
  '{{constructor.constructor("alert(1)")()}}',
  '"; DROP TABLE people; --',
  '\u0000\u0007',
  // Fillers and invisible marks (issue #10): never a value, nor the whole of one.
  '\u3164',
  '\u115F\u1160',
  '\u200B\u00AD\u200B',
  '\uFFA0',
  '\uD800',
];

const MARKUP = [
  '<h1>Impostor Name</h1>',
  '<a href="/in/someone-else/"><h2>Someone Else</h2></a>',
  '<p>· 1st</p>',
  '<section><h2>Experience</h2><ul><li><p>Fake Role</p><p>Fake Co</p><p>2001 - Present</p></li></ul></section>',
  '<script type="application/ld+json">{"@type":"Person","name":"Injected Person","url":"https://www.linkedin.com/in/ada-lovelace/"}</script>',
  '<script type="application/ld+json">{ broken</script>',
  '<code id="bpr-guid-9">{"included":[{"$type":"x.Profile","publicIdentifier":"ada-lovelace","firstName":"Emb","lastName":"Edded"}]}</code>',
  '<a href="/search/results/people/?network=%5B%22F%22%5D&connectionOf=%5B%22x%22%5D"><strong>Mutual Person</strong> and 9 others</a>',
  '<img src="javascript:alert(1)" alt="Ada Lovelace">',
  '<span class="visually-hidden">hidden copy</span>',
  '<div class="h-card"><span class="p-name">Card Person</span></div>',
  '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Micro Person</span></div>',
];

const text = fc.oneof(fc.constantFrom(...NASTY_TEXT), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'shuffle'; at: number; seed: number }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'markup'; at: number; html: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('markup' as const), at: fc.nat(), html: fc.constantFrom(...MARKUP) }),
);

function mutate(doc: Document, mutations: Mutation[]): void {
  for (const m of mutations) {
    const all = Array.from(doc.documentElement.querySelectorAll('*'));
    const el = all[m.at % all.length];
    if (!el) continue;
    switch (m.kind) {
      case 'drop':
        if (el !== doc.body && el !== doc.head) el.remove();
        break;
      case 'shuffle': {
        const attrs = Array.from(el.attributes).map((a) => [a.name, a.value] as const);
        for (const [name] of attrs) el.removeAttribute(name);
        const order = [...attrs].sort((a, b) => ((a[0].length * 31 + m.seed) % 7) - ((b[0].length * 31 + m.seed) % 7));
        for (const [name, value] of order) el.setAttribute(name, value);
        break;
      }
      case 'text':
        el.append(doc.createTextNode(m.text));
        break;
      case 'markup': {
        const fragment = new DOMParser().parseFromString(`<body>${m.html}</body>`, 'text/html');
        // Scripts move from <head> parsing into body here; both are valid places.
        for (const node of Array.from(fragment.body.childNodes)) el.append(doc.importNode(node, true));
        break;
      }
    }
  }
}

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** Text as a reader sees it: invisible characters and fillers (utils/core/text.ts) gone, no spaces. */
const squash = (s: string) => stripInvisible(s).replace(INVISIBLE, '').replace(/\s+/g, '');

/** Everything on the page a value may come from: its URL, text, attribute values, JSON strings. */
function haystack(doc: Document, url: string): string {
  const parts: string[] = [url, doc.title];
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
  for (const el of Array.from(doc.querySelectorAll('*'))) for (const a of Array.from(el.attributes)) parts.push(a.value);
  for (const script of Array.from(doc.querySelectorAll('script, code'))) {
    try {
      JSON.stringify(JSON.parse(script.textContent ?? ''), (_, v: unknown) => {
        if (typeof v === 'string') parts.push(v);
        return v;
      });
    } catch {
      // not JSON
    }
  }
  // The text as shown: screen-reader copies and scripts removed, so runs that
  // read as one word on screen are one word here too.
  const shown = doc.documentElement.cloneNode(true) as Element;
  // What the page's stylesheet hides (happy-dom computes styles) is not shown either: a value may skip it.
  if (doc.querySelector('style') && doc.defaultView) {
    const originals = Array.from(doc.documentElement.querySelectorAll('*'));
    const copies = Array.from(shown.querySelectorAll('*'));
    originals.forEach((el, i) => {
      if (el.hasAttribute('class') && el.checkVisibility?.({ visibilityProperty: true }) === false) copies[i]?.remove();
    });
  }
  for (const el of Array.from(shown.querySelectorAll('script, style, template, noscript, svg, .visually-hidden, .a11y-text, .sr-only'))) el.remove();
  parts.push(shown.textContent ?? '');
  return squash(parts.join(' '));
}

function assertFromPage(doc: Document, url: string, selection: string | undefined): void {
  const result = readProfile(doc, url, { selection });
  expect(['ok', 'not-profile', 'unreadable']).toContain(result.status);
  if (result.status !== 'ok') return;
  const capture = result.capture;
  expect(profileCaptureSchema.safeParse(capture).success).toBe(true);
  const hay = haystack(doc, url);
  const values = [
    capture.name,
    capture.firstName,
    capture.lastName,
    capture.headline,
    capture.role,
    capture.company,
    ...(capture.location?.split(', ') ?? []),
    ...capture.mutualConnections.names,
    ...capture.positions.flatMap((p) => [p.title, p.company]),
  ];
  for (const value of values) {
    if (value === null) continue;
    for (const word of value.split(/\s+/)) {
      const w = squash(word);
      if (w !== '') expect(hay, `"${w}" (from "${value}") is not on the page`).toContain(w);
    }
  }
  if (capture.photoUrl) {
    const path = new URL(capture.photoUrl).pathname;
    expect(hay.includes(path) || hay.includes(decodeURIComponent(path))).toBe(true);
  }
}

describe('extractors on mutated pages', () => {
  it.each(CORPUS.map((c) => [c.fixture + (c.selection ? ' (selection)' : ''), c] as const))('%s', (_, { fixture, url, selection }) => {
    const html = fixtureHtml(fixture);
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 10 }), (mutations) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        mutate(doc, mutations);
        expect(() => readProfile(doc, url, { selection })).not.toThrow();
        assertFromPage(doc, url, selection);
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT);

  it('never throws on arbitrary URLs', () => {
    const doc = new DOMParser().parseFromString(fixtureHtml('linkedin/current-layout.html'), 'text/html');
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string()), (url) => {
        expect(() => readProfile(doc, url)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);
});
