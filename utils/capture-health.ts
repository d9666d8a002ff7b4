/**
 * Capture problems, kept on this device only (issue #7, "Capture health,
 * locally"): the structure reports the content script makes when a profile
 * page yields no name, no role or a value Introbook isn't sure of
 * (utils/extract/health.ts). This module is what a report must look like (and
 * the message that carries one); utils/capture-problems.ts stores them.
 *
 * They are kept in the extension's own IndexedDB (`meta` table), never synced,
 * never sent; Settings shows them and lets the user copy or download them for
 * a bug report. Not in `storage.local`: Firefox lets content scripts read and
 * write it. The background is the only writer (it receives reports from
 * content scripts, which can't reach the extension's IndexedDB — theirs is the
 * web page's): it validates each report again before storing it.
 */
import type { CaptureHealthReport } from './extract/health';
import { z } from './zod';
import { CAPTURED_FIELDS, CONFIDENCE_LEVELS, FIELD_ORIGINS } from './domain/limits';
import { ARIA_ROLES, HTML_TAGS } from './extract/health-vocabulary';
import { t } from './i18n';

/** At most this many distinct problems are kept, the most recently seen first. */
export const CAPTURE_PROBLEMS_MAX = 50;
/** A report larger than this (as JSON) is refused: the builder never makes one. */
export const CAPTURE_REPORT_MAX_BYTES = 64 * 1024;

// Every string in a report has one of the builder's shapes (utils/extract/health.ts): a word from its
// vocabulary, a tag, an attribute name, a class shape, a path step. Checked here too, because a report
// arrives from a content script, which a page can compromise: no sentence, name or URL fits these shapes.
const isTag = (name: string) => name === 'custom' || HTML_TAGS.has(name);
// i18n-ignore: a validation issue for the log (a report that fails is dropped), never shown
const tag = z.string().max(16).refine(isTag, 'not a tag name');
// i18n-ignore: as above
const ariaRole = z.string().max(24).refine((role) => ARIA_ROLES.has(role), 'not an ARIA role');
const attributeName = z
  .string()
  .max(64)
  .regex(/^(?:(?:data|aria)-[a-z]+(?:-[a-z]+){0,5}|componentkey|hidden|href|alt|src|style|open|itemscope|itemprop|itemtype)$/);
const classShape = z.string().regex(/^[hwx]\d{1,2}$/);
const linkKind = z.enum(['profile', 'profile-subpage', 'company', 'school', 'mutuals', 'connections', 'messaging', 'search', 'sales', 'recruiter', 'same-site', 'other-site', 'fragment', 'none']);
const textKind = z.enum(['degree', 'date', 'count', 'text']);
const layoutKey = z.string().max(32).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const outcome = z.enum(['ok', 'no-name', 'too-complex', 'several-people', 'invalid', 'error']);
const problem = z.union([outcome.exclude(['ok']), z.literal('no-role'), z.templateLiteral(['low:', z.enum(CAPTURED_FIELDS)])]);
/** "^tag" up to the parent, "tag:n" down to the n-th child. */
const pathStep = z.string().max(16).refine((step) => {
  const m = /^(?:\^([a-z0-9]+)|([a-z0-9]+):\d{1,4})$/.exec(step);
  return m !== null && isTag(m[1] ?? m[2] ?? '');
  // i18n-ignore: as above
}, 'not a path step');

const outlineNode: z.ZodType<unknown> = z.lazy(() =>
  z
    .object({
      t: tag,
      r: ariaRole.optional(),
      a: z.array(attributeName).max(40).optional(),
      c: z.array(classShape).max(12).optional(),
      l: linkKind.optional(),
      x: textKind.optional(),
      hid: z.literal(true).optional(),
      k: z.array(outlineNode).max(24).optional(),
      more: z.number().int().min(0).max(1_000_000).optional(),
    })
    .strict(),
);

/** What a report must look like to be stored (the builder's output; see CaptureHealthReport). */
export const captureHealthReportSchema = z
  .object({
    v: z.literal(1),
    site: z.enum(['linkedin', 'github', 'other']),
    page: z.enum(['profile', 'member-id', 'sales-lead', 'recruiter', 'other']),
    layout: layoutKey,
    outcome,
    problems: z.array(problem).max(20),
    fields: z.partialRecord(
      z.enum(CAPTURED_FIELDS),
      z.object({ origin: z.enum(FIELD_ORIGINS), confidence: z.enum(CONFIDENCE_LEVELS), path: z.array(pathStep).max(130).nullable() }).strict(),
    ),
    stats: z
      .object({
        elements: z.number().int().min(0),
        depth: z.number().int().min(0),
        h1: z.number().int().min(0),
        h2: z.number().int().min(0),
        jsonLd: z.number().int().min(0),
        embeddedData: z.boolean(),
        main: z.boolean(),
        dialogs: z.number().int().min(0),
      })
      .strict(),
    outline: outlineNode.nullable(),
    signature: z.string().regex(/^[0-9a-f]{0,8}$/),
  })
  .strict();

/**
 * The message a content script sends when a read went wrong: `{ type:
 * 'capture/health', report }`. It names no page or person, so the router
 * takes it before its "this tab's profile" check and hands the report to
 * `recordCaptureProblem` (which validates it again and caps what is kept).
 */
export const captureHealthMessage = z.object({ type: z.literal('capture/health'), report: captureHealthReportSchema }).strict();

export interface CaptureProblem {
  report: CaptureHealthReport;
  /** When this structure was first and last seen (ms since epoch), and how often. */
  firstSeen: number;
  lastSeen: number;
  times: number;
}

/**
 * The text users copy or download: a self-describing JSON document. Its keys
 * and values are the report's technical vocabulary; its one sentence
 * (`about`) is a message, in the user's language.
 */
export function captureProblemsFile(problems: CaptureProblem[], now: number = Date.now()): string {
  return JSON.stringify(
    {
      format: 'introbook-capture-problems',
      version: 1,
      exportedAt: new Date(now).toISOString(),
      about: t('captureReport.about'),
      problems,
    },
    null,
    2,
  );
}
