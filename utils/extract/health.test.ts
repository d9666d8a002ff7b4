// @vitest-environment happy-dom
/**
 * Capture-health structure reports (issue #7): made only when a read went
 * wrong, and never holding page text, URLs or names — checked on every corpus
 * page by the shape of every string a report contains.
 */
import { describe, expect, it } from 'vitest';
import { CORPUS } from '@/tests/fixtures/corpus';
import { fixtureHtml, loadFixture } from '@/tests/helpers/fixtures';
import { CAPTURED_FIELDS, FIELD_ORIGINS } from '../domain/limits';
import { ARIA_ROLES, captureHealthReport, classShape, HTML_TAGS, type CaptureHealthReport } from './health';
import { LAYOUTS } from './layouts/linkedin';
import { readProfile } from './index';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Every string in a report: object keys and values, all the way down. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

const FIXED = new Set<string>([
  ...CAPTURED_FIELDS,
  ...FIELD_ORIGINS,
  ...ARIA_ROLES,
  ...LAYOUTS.map((l) => l.key),
  'unknown',
  // keys
  'v', 'site', 'page', 'layout', 'outcome', 'problems', 'fields', 'stats', 'outline', 'signature', 'origin', 'confidence', 'path',
  'elements', 'depth', 'h1', 'h2', 'jsonLd', 'embeddedData', 'main', 'dialogs', 't', 'r', 'a', 'c', 'l', 'x', 'hid', 'k', 'more',
  // values
  'linkedin', 'github', 'other', 'profile', 'member-id', 'sales-lead', 'recruiter', 'ok', 'no-name', 'too-complex', 'several-people', 'invalid', 'error',
  'no-role', 'high', 'low', 'profile-subpage', 'company', 'school', 'mutuals', 'connections', 'messaging', 'search', 'sales', 'same-site', 'other-site', 'fragment', 'none',
  'degree', 'date', 'count', 'text', 'custom',
  'componentkey', 'hidden', 'href', 'alt', 'src', 'style', 'open', 'itemscope', 'itemprop', 'itemtype',
]);

/** Words a report is made of: its keys and values, tag and role names. */
const VOCABULARY = new Set<string>([...FIXED, ...HTML_TAGS, ...ARIA_ROLES, 'data', 'aria'].flatMap((s) => [s.toLowerCase(), ...s.toLowerCase().split(/[^a-z0-9]+/)]));

/** The words of a report's strings: attribute names by their parts, everything else whole. */
function reportTokens(all: string[]): Set<string> {
  const tokens = new Set<string>();
  for (const s of all) {
    const lower = s.toLowerCase();
    tokens.add(lower);
    if (/^(?:data|aria)-/.test(lower)) for (const part of lower.split('-')) tokens.add(part);
  }
  return tokens;
}

/** The only shapes a string in a report may have. */
function allowed(s: string): boolean {
  return (
    FIXED.has(s) ||
    /^low:[a-zA-Z]+$/.test(s) && CAPTURED_FIELDS.includes(s.slice(4) as never) ||
    /^[hwx]\d{1,2}$/.test(s) || // class shape
    /^(?:data|aria)-[a-z]+(?:-[a-z]+){0,5}$/.test(s) || // attribute name
    /^\^?[a-z][a-z0-9]*(?::\d+)?$/.test(s) && tagLike(s) || // path step or tag
    /^[0-9a-f]{8}$/.test(s) // signature
  );
}

function tagLike(s: string): boolean {
  const tag = s.replace(/^\^/, '').replace(/:\d+$/, '');
  return /^(?:[a-z]+[1-6]?|custom)$/.test(tag) && tag.length <= 10;
}

describe('capture-health structure reports', () => {
  it.each(CORPUS.map((c) => [c.fixture + (c.selection ? ' (selection)' : ''), c] as const))('%s: a report holds no page text, URL or name', (_, c) => {
    const doc = loadFixture(c.fixture);
    const result = readProfile(doc, c.url, { selection: c.selection });
    const report = captureHealthReport(doc, c.url, result, { always: true });
    if (!report) return;
    const all = strings(report);
    expect(all.filter((s) => !allowed(s))).toStrictEqual([]);
    // And no word the page says about the person, nor of its address, other than the report's own vocabulary.
    const tokens = reportTokens(all);
    const said = result.status === 'ok' ? [result.capture.name, result.capture.headline, result.capture.company, result.capture.location, ...result.capture.mutualConnections.names] : [];
    for (const value of [...said, c.url]) {
      for (const word of (value ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (word.length >= 3 && !VOCABULARY.has(word)) expect(tokens.has(word), `"${word}" from the page is in the report`).toBe(false);
      }
    }
  });

  it('leaves out names and text even where a page puts them in ids, classes, labels and data values', () => {
    const doc = parse(
      `<main><section id="ada-lovelace" class="ada-lovelace Ks9q1" data-member="Ada Lovelace" aria-label="Ada Lovelace">` +
        `<a href="/in/ada/"><h1 title="Ada Lovelace">Ada Lovelace</h1></a><p>Countess of Lovelace</p><img alt="Ada Lovelace" src="https://x.org/ada.jpg"></section></main>`,
    );
    const url = 'https://www.linkedin.com/in/ada/';
    const report = captureHealthReport(doc, url, readProfile(doc, url), { always: true })!;
    const json = JSON.stringify(report).toLowerCase();
    for (const word of ['ada', 'lovelace', 'countess', 'x.org', 'jpg']) expect(json).not.toContain(`"${word}`);
    expect(reportTokens(strings(report))).not.toContain('lovelace');
    expect(report.outline).toMatchObject({ t: 'section', a: ['aria-label', 'data-member'], c: ['w12', 'h5'] });
  });

  it('is made only when a read went wrong: no name, no role, or a field to check', () => {
    const report = (fixture: string, url: string) => {
      const doc = loadFixture(fixture);
      return captureHealthReport(doc, url, readProfile(doc, url));
    };
    // Everything tied down: no report.
    expect(report('linkedin/public-signin-modal.html', 'https://www.linkedin.com/in/grace-nakamura')).toBeNull();
    expect(report('linkedin/legacy-layout.html', 'https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-1a2b/')).toBeNull();
    // Not a person's page: nothing to report.
    expect(report('linkedin/login-wall.html', 'https://www.linkedin.com/in/rahel-mekonnen/')).toBeNull();
    expect(report('linkedin/feed.html', 'https://www.linkedin.com/feed/')).toBeNull();
    // No name.
    expect(report('linkedin/no-person-settled.html', 'https://www.linkedin.com/in/wanda-nl/')).toMatchObject({ outcome: 'no-name', problems: ['no-name'], site: 'linkedin', page: 'profile' });
    // No role, and fields only the layout vouches for.
    expect(report('linkedin/lazy-topcard.html', 'https://www.linkedin.com/in/chidi-nwosu/')).toMatchObject({
      outcome: 'ok',
      problems: ['no-role', 'low:headline', 'low:location'],
      layout: 'app-2025',
    });
  });

  it('gives the path from the name to each field read from the page', () => {
    const doc = loadFixture('linkedin/current-layout.html');
    const url = 'https://www.linkedin.com/in/ada-lovelace/';
    const report = captureHealthReport(doc, url, readProfile(doc, url))!;
    expect(report.problems).toStrictEqual(['low:headline']);
    // h1 → up through its link and the name row to the top card → its 3rd child, the headline <p>.
    expect(report.fields.headline).toStrictEqual({ origin: 'structure', confidence: 'low', path: ['^a', '^div', '^section', 'p:3'] });
    expect(report.fields.name).toStrictEqual({ origin: 'heading', confidence: 'high', path: [] });
    expect(report.fields.location).toStrictEqual({ origin: 'structure', confidence: 'high', path: ['^a', '^div', '^section', 'div:4', 'p:1'] });
    // Structured or URL-derived fields have no place on the page.
    expect(report.fields.profileUrl?.path).toBeNull();
  });

  it('describes the same structure with the same signature, and a different one differently', () => {
    const url = 'https://www.linkedin.com/in/ada-lovelace/';
    const one = captureHealthReport(loadFixture('linkedin/current-layout.html'), url, readProfile(loadFixture('linkedin/current-layout.html'), url))!;
    const renamed = parse(fixtureHtml('linkedin/current-layout.html').replaceAll('Ada Lovelace', 'Ida Noname').replaceAll('London', 'Paris'));
    const two = captureHealthReport(renamed, url, readProfile(renamed, url))!;
    expect(two.signature).toBe(one.signature);
    const other = loadFixture('linkedin/topcard-2026.html');
    const three = captureHealthReport(other, 'https://www.linkedin.com/in/aiko-tanaka-ds/', readProfile(other, 'https://www.linkedin.com/in/aiko-tanaka-ds/'))!;
    expect(three.signature).not.toBe(one.signature);
    expect(three.layout).toBe('topcard-2026');
  });

  it('stays bounded on a huge page: counts, and an outline of at most 250 elements', () => {
    const doc = parse(`<main><section><a href="/in/big/"><h1>Big Page</h1></a>${'<p>x</p>'.repeat(2000)}</section></main>`);
    const url = 'https://www.linkedin.com/in/big/';
    const report = captureHealthReport(doc, url, { status: 'unreadable', profileUrl: url, reason: 'x', code: 'too-complex', settled: true })!;
    expect(report.outcome).toBe('too-complex');
    let nodes = 0;
    const count = (n: { k?: unknown[] } | null) => {
      if (!n) return;
      nodes++;
      for (const k of (n.k ?? []) as { k?: unknown[] }[]) count(k);
    };
    count(report.outline as never);
    expect(nodes).toBeLessThanOrEqual(250);
    expect(report.stats.elements).toBeGreaterThan(2000);
  });

  it('tells class-name shapes apart: hashed, word-like, other', () => {
    expect(['Jx3kL2', 'a81kD', 'text-heading-xlarge', 'top-card-layout__title', 'babybear:rounded-[0px]', 't-24'].map(classShape)).toStrictEqual([
      'h6',
      'h5',
      'w19',
      'w22',
      'x22',
      'h4',
    ]);
  });
});

// Keep the report type in the compiled test (a shape change must be deliberate).
export type { CaptureHealthReport };
