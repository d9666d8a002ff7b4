// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadFixture } from '@/tests/helpers/fixtures';
import { CORPUS } from '@/tests/fixtures/corpus';
import {
  captureHealthMessage,
  captureHealthReportSchema,
  CAPTURE_PROBLEMS_MAX,
  captureProblemsFile,
} from './capture-health';
import { captureProblems, CAPTURE_PROBLEMS_KEY, clearCaptureProblems, recordCaptureProblem, watchCaptureProblems } from './capture-problems';
import { getDb } from './db/db';
import { captureHealthReport, type CaptureHealthReport } from './extract/health';
import { readProfile } from './extract';

function reportFor(fixture: string, url: string): CaptureHealthReport {
  const doc = loadFixture(fixture);
  return captureHealthReport(doc, url, readProfile(doc, url))!;
}

const lazy = () => reportFor('linkedin/lazy-topcard.html', 'https://www.linkedin.com/in/chidi-nwosu/');
const noName = () => reportFor('linkedin/no-person-settled.html', 'https://www.linkedin.com/in/wanda-nl/');

describe('capture problems on this device', () => {
  it('stores a report in the extension\'s IndexedDB (not storage.local, which Firefox content scripts reach; not sync), and the same structure again only raises its count', async () => {
    expect(await recordCaptureProblem(lazy(), 1000)).toBe(true);
    expect(await recordCaptureProblem(noName(), 2000)).toBe(true);
    expect(await recordCaptureProblem(lazy(), 3000)).toBe(true);
    const list = await captureProblems();
    expect(list.map((p) => [p.report.outcome, p.times, p.firstSeen, p.lastSeen])).toStrictEqual([
      ['ok', 2, 1000, 3000],
      ['no-name', 1, 2000, 2000],
    ]);
    expect((await getDb().meta.get(CAPTURE_PROBLEMS_KEY))?.value).toStrictEqual(list);
    expect(await fakeBrowser.storage.local.get()).toStrictEqual({});
    expect(await fakeBrowser.storage.sync.get()).toStrictEqual({});
  });

  it('moves reports an older version kept in storage.local into the database, dropping anything that is not a report', async () => {
    const good = { report: lazy(), firstSeen: 10, lastSeen: 20, times: 2 };
    // On Firefox a content script could have written there: only real reports are kept.
    await fakeBrowser.storage.local.set({ captureProblems: [good, { report: { ...lazy(), layout: 'Ada Lovelace' }, firstSeen: 1, lastSeen: 1, times: 1 }, 'Ada Lovelace'] });
    expect(await captureProblems()).toStrictEqual([good]);
    expect(await fakeBrowser.storage.local.get()).toStrictEqual({});
    expect(await recordCaptureProblem(lazy(), 30)).toBe(true);
    expect((await captureProblems()).map((p) => p.times)).toStrictEqual([3]);
  });

  it('refuses what is not a report: wrong shape, page text in odd places, oversized', async () => {
    const good = lazy();
    expect(await recordCaptureProblem({ ...good, extra: 'Ada Lovelace' })).toBe(false);
    expect(await recordCaptureProblem({ ...good, outcome: 'Ada Lovelace' })).toBe(false);
    expect(await recordCaptureProblem({ ...good, layout: 'x'.repeat(65) })).toBe(false);
    expect(await recordCaptureProblem('not a report')).toBe(false);
    expect(await captureProblems()).toStrictEqual([]);
  });

  it('takes only the builder’s shapes: a compromised content script can’t store text, names or links in a report', async () => {
    const good = lazy();
    const outline = good.outline as { t: string; k?: unknown[] };
    for (const bad of [
      { ...good, layout: 'ada-lovelace at analytical engines' },
      { ...good, layout: 'Ada Lovelace' },
      { ...good, problems: ['Ada Lovelace'] },
      { ...good, problems: ['low:ada'] },
      { ...good, fields: { name: { origin: 'heading', confidence: 'high', path: ['^Ada Lovelace'] } } },
      { ...good, fields: { name: { origin: 'heading', confidence: 'high', path: ['https://www.linkedin.com/in/ada/'] } } },
      { ...good, fields: { 'Ada Lovelace': { origin: 'heading', confidence: 'high', path: null } } },
      { ...good, outline: { ...outline, t: 'lovelace' } },
      { ...good, outline: { ...outline, r: 'Ada Lovelace' } },
      { ...good, outline: { ...outline, a: ['data-Ada Lovelace'] } },
      { ...good, outline: { ...outline, c: ['ada-lovelace'] } },
      { ...good, outline: { ...outline, l: 'https://www.linkedin.com/in/ada/' } },
      { ...good, outline: { ...outline, x: 'Countess of Lovelace' } },
    ]) {
      expect(captureHealthReportSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 200)).toBe(false);
    }
    expect(await captureProblems()).toStrictEqual([]);
  });

  it.each(CORPUS.map((c) => [c.fixture + (c.selection ? ' (selection)' : ''), c] as const))('the report the builder makes for %s is taken', (_, c) => {
    const doc = loadFixture(c.fixture);
    const report = captureHealthReport(doc, c.url, readProfile(doc, c.url, { selection: c.selection }), { always: true });
    if (report) expect(captureHealthReportSchema.parse(report)).toStrictEqual(report);
  });

  it(`keeps at most ${CAPTURE_PROBLEMS_MAX}, dropping the least recently seen`, async () => {
    const base = lazy();
    for (let i = 0; i < CAPTURE_PROBLEMS_MAX + 5; i++) {
      await recordCaptureProblem({ ...base, signature: i.toString(16).padStart(8, '0') }, i);
    }
    const list = await captureProblems();
    expect(list).toHaveLength(CAPTURE_PROBLEMS_MAX);
    expect(list[0]!.lastSeen).toBe(CAPTURE_PROBLEMS_MAX + 4);
    expect(list.at(-1)!.lastSeen).toBe(5);
  });

  it('records concurrent reports without losing one', async () => {
    const base = lazy();
    await Promise.all(Array.from({ length: 8 }, (_, i) => recordCaptureProblem({ ...base, signature: `0000000${i}` }, i)));
    expect(await captureProblems()).toHaveLength(8);
  });

  it('parses the content script’s message, which carries the report and nothing else', () => {
    expect(captureHealthMessage.safeParse({ type: 'capture/health', report: noName() }).success).toBe(true);
    expect(captureHealthMessage.safeParse({ type: 'capture/health', report: noName(), profileUrl: 'https://www.linkedin.com/in/x/' }).success).toBe(false);
    expect(captureHealthMessage.safeParse({ type: 'capture/health', report: { ...noName(), v: 2 } }).success).toBe(false);
  });

  it('tells watchers, clears, and exports a self-describing file', async () => {
    const seen: number[] = [];
    const unwatch = watchCaptureProblems((list) => seen.push(list.length));
    // The first value is the current one, which the caller reads itself.
    await new Promise((r) => setTimeout(r, 50));
    await recordCaptureProblem(noName(), 5);
    await vi.waitFor(() => expect(seen).toStrictEqual([1]));
    await clearCaptureProblems();
    await vi.waitFor(() => expect(seen).toStrictEqual([1, 0]));
    unwatch();
    await recordCaptureProblem(noName(), 5);
    const file = JSON.parse(captureProblemsFile(await captureProblems(), Date.UTC(2026, 0, 2)));
    expect(file).toMatchObject({ format: 'introbook-capture-problems', version: 1, exportedAt: '2026-01-02T00:00:00.000Z' });
    expect(file.problems).toHaveLength(1);
    expect(JSON.stringify(file)).not.toMatch(/wanda|Rotterdam|Operations/i);
  });
});
