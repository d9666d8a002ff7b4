/**
 * Field accuracy on the fixture corpus (issue #7): for every page, each field
 * the extractor returns is compared with what the page shows (the corpus's
 * expectation), and counted right or wrong; a wrong value the capture marks
 * "high" confidence is a silent error. Prints a Markdown table for the README.
 *
 *   npm run accuracy            the current extractor
 *   npm run accuracy -- --json  machine-readable
 *
 * Run against an older commit (a worktree with this file and the fixtures
 * copied in) to compare.
 */
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS } from '../fixtures/corpus';
import { RECENT } from '../fixtures/corpus-recent';
import { readProfile } from '../../utils/extract';

const FIELDS = ['profileUrl', 'name', 'firstName', 'lastName', 'headline', 'role', 'company', 'location', 'photoUrl', 'degree', 'mutualConnections', 'positions'] as const;
type Field = (typeof FIELDS)[number] | 'page kind';

const window = new Window();
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

interface Tally {
  right: number;
  total: number;
  silent: number;
}
/** Per field: over every page, and over the pages built for issue #7 (./corpus-recent.ts). */
const tally = new Map<Field, { all: Tally; recent: Tally }>();
const recentPages = new Set(RECENT);
const zero = (): Tally => ({ right: 0, total: 0, silent: 0 });
const add = (t: Tally, right: boolean, silent: boolean) => {
  t.total++;
  if (right) t.right++;
  if (silent) t.silent++;
};
let current: (typeof CORPUS)[number];
const count = (field: Field, right: boolean, silent = false) => {
  const t = tally.get(field) ?? { all: zero(), recent: zero() };
  add(t.all, right, silent);
  if (recentPages.has(current)) add(t.recent, right, silent);
  tally.set(field, t);
};

const wrong: string[] = [];
for (const c of CORPUS) {
  current = c;
  const html = readFileSync(resolve(process.cwd(), 'tests/fixtures', c.fixture), 'utf8');
  const result = readProfile(parse(html), c.url, { selection: c.selection });
  const expected = c.expected;
  count('page kind', result.status === expected.status);
  if (expected.status !== 'ok') continue;
  for (const field of FIELDS) {
    const want = JSON.stringify(expected.capture[field]);
    const got = result.status === 'ok' ? JSON.stringify(result.capture[field]) : undefined;
    const right = got === want;
    // A wrong value presented as sure: no "check this" for the user.
    const confidence = result.status === 'ok' ? (result.capture as { fieldConfidence?: Record<string, string> }).fieldConfidence?.[field] : undefined;
    const silent = !right && result.status === 'ok' && field !== 'positions' && confidence !== 'low';
    count(field, right, silent);
    if (!right) wrong.push(`${c.fixture} ${field}: ${got ?? `(${result.status})`} ≠ ${want}`);
  }
}

const rows = [...tally.entries()];
const total = (pick: 'all' | 'recent') =>
  rows.reduce((a, [, t]) => ({ right: a.right + t[pick].right, total: a.total + t[pick].total, silent: a.silent + t[pick].silent }), zero());
const pct = (t: Tally) => `${((100 * t.right) / Math.max(1, t.total)).toFixed(1)}%`;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ pages: CORPUS.length, recentPages: RECENT.length, fields: Object.fromEntries(rows), all: total('all'), recent: total('recent'), wrong }, null, 2));
} else {
  console.log(`Field accuracy on ${CORPUS.length} corpus pages, ${RECENT.length} of them built for issue #7\n`);
  console.log('| field | all pages: right / total | issue #7 pages: right / total | wrong yet not marked "check this" |');
  console.log('| --- | --- | --- | --- |');
  for (const [field, t] of rows) console.log(`| ${field} | ${t.all.right} / ${t.all.total} | ${t.recent.right} / ${t.recent.total} | ${t.all.silent} |`);
  const [all, recent] = [total('all'), total('recent')];
  console.log(`| **every field** | **${all.right} / ${all.total}** (${pct(all)}) | **${recent.right} / ${recent.total}** (${pct(recent)}) | ${all.silent} |`);
  if (wrong.length > 0) console.log(`\nWrong:\n${wrong.map((w) => `- ${w}`).join('\n')}`);
}
