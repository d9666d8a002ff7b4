/**
 * Where capture problems are kept (utils/capture-health.ts says what one is):
 * one row of the extension's local-only `meta` table, in its own IndexedDB —
 * never synced, never exported, never sent, and out of content scripts' reach
 * (theirs is the web page's IndexedDB; Firefox lets content scripts read and
 * write `storage.local`, where an older version kept them).
 *
 * The background is the only writer (`recordCaptureProblem`, with a report a
 * content script sent, validated again here); Settings reads, watches and
 * clears them.
 */
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { IntrobookDB } from './db/app-db';
import { getDb } from './db/db';
import type { CaptureHealthReport } from './extract/health';
import { CAPTURE_PROBLEMS_MAX, CAPTURE_REPORT_MAX_BYTES, captureHealthReportSchema, type CaptureProblem } from './capture-health';

/** The `meta` row holding the list. */
export const CAPTURE_PROBLEMS_KEY = 'captureProblems';
/** Where an older version kept them (storage.local): moved over once, then removed there. */
const LEGACY_KEY = 'captureProblems';

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Stored entries that are what they claim to be (anything else is dropped, never shown). */
function valid(value: unknown): CaptureProblem[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((p: Partial<CaptureProblem> | null) => p && captureHealthReportSchema.safeParse(p.report).success && isTime(p.firstSeen) && isTime(p.lastSeen) && isTime(p.times))
    .slice(0, CAPTURE_PROBLEMS_MAX) as CaptureProblem[];
}

async function read(db: IntrobookDB): Promise<CaptureProblem[]> {
  const row = await db.meta.get(CAPTURE_PROBLEMS_KEY);
  return row ? valid(row.value) : [];
}

/** Reports an older version left in storage.local: checked one by one, kept here, removed there. */
async function moveLegacy(db: IntrobookDB): Promise<void> {
  let legacy: unknown;
  try {
    legacy = (await browser.storage.local.get(LEGACY_KEY))[LEGACY_KEY];
  } catch {
    return;
  }
  if (legacy === undefined) return;
  const old = valid(legacy);
  if (old.length > 0) {
    await db.transaction('rw', db.meta, async () => {
      if (await db.meta.get(CAPTURE_PROBLEMS_KEY)) return;
      await db.meta.put({ id: CAPTURE_PROBLEMS_KEY, value: old, updatedAt: Date.now() });
    });
  }
  await browser.storage.local.remove(LEGACY_KEY).catch(() => {});
}

/**
 * Store a report (validated first). The same structure (signature) seen again
 * moves to the front with its count raised. Returns false for a report that
 * isn't one, which is dropped. Read and write are one transaction, so two
 * reports at once both count.
 */
export async function recordCaptureProblem(report: unknown, now: number = Date.now(), db: IntrobookDB = getDb()): Promise<boolean> {
  const parsed = captureHealthReportSchema.safeParse(report);
  if (!parsed.success || JSON.stringify(parsed.data).length > CAPTURE_REPORT_MAX_BYTES) return false;
  await moveLegacy(db);
  const data = parsed.data as CaptureHealthReport;
  await db.transaction('rw', db.meta, async () => {
    const list = await read(db);
    const at = data.signature ? list.findIndex((p) => p.report.signature === data.signature) : -1;
    const seen = at >= 0 ? list.splice(at, 1)[0]! : null;
    const entry: CaptureProblem = { report: data, firstSeen: seen?.firstSeen ?? now, lastSeen: now, times: (seen?.times ?? 0) + 1 };
    await db.meta.put({ id: CAPTURE_PROBLEMS_KEY, value: [entry, ...list].slice(0, CAPTURE_PROBLEMS_MAX), updatedAt: now });
  });
  return true;
}

/** The stored problems, most recently seen first. */
export async function captureProblems(db: IntrobookDB = getDb()): Promise<CaptureProblem[]> {
  await moveLegacy(db);
  return read(db);
}

export async function clearCaptureProblems(db: IntrobookDB = getDb()): Promise<void> {
  await moveLegacy(db);
  await db.meta.put({ id: CAPTURE_PROBLEMS_KEY, value: [], updatedAt: Date.now() });
}

/** Calls `onChange` whenever the stored problems change (in this page or another); returns the unwatch function. */
export function watchCaptureProblems(onChange: (problems: CaptureProblem[]) => void, db: IntrobookDB = getDb()): () => void {
  let first = true;
  const subscription = liveQuery(() => read(db)).subscribe({
    next: (list) => {
      // The first value is the current one, which the caller reads itself.
      if (first) first = false;
      else onChange(list);
    },
    error: () => {},
  });
  return () => subscription.unsubscribe();
}
