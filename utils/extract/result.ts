/**
 * What an extractor returns, and its last step. Zod-free on purpose: this file
 * is bundled into the LinkedIn content script, which must stay small (issue
 * #11); the receiving end (background, popup) parses every capture with the
 * zod schema anyway. `checkCapture` holds the same rules as
 * `profileCaptureSchema` (a property test keeps the two in step).
 */
import type { ProfileCapture } from '../domain/schemas';
import { CAPTURED_FIELDS, CONFIDENCE_LEVELS, FIELD_ORIGINS, LIMITS, SOURCES } from '../domain/limits';
import { hasVisibleText, stripInvisible } from '../core/text';

/** Why a page that is a person's page (by its URL) gave no capture. */
export type UnreadableCode =
  /** No name the page confirms. */
  | 'no-name'
  /** Too large or too deeply nested to read within the budget. */
  | 'too-complex'
  /** Several people and no way to choose (generic pages). */
  | 'several-people'
  /** The values read failed the capture's rules. */
  | 'invalid'
  /** An unexpected error while reading. */
  | 'error';

export type ReadResult =
  | {
      status: 'ok';
      capture: ProfileCapture;
      /**
       * True when the page itself ties what is shown to the URL's person (a
       * self-link in the top card, JSON-LD or embedded data naming this
       * profile; on member-id, Sales Navigator and Recruiter pages, the page
       * naming the URL's own id). After in-app navigation the DOM can still
       * show the previous person until this holds.
       */
      confirmed: boolean;
    }
  | { status: 'not-profile' }
  | {
      status: 'unreadable';
      profileUrl: string;
      /**
       * English, for logs and tests only: views say `code` in the user's
       * language (READ_PROBLEM_KEYS, utils/messaging/wire.ts). The reader
       * holds no messages, so the content script stays small.
       */
      reason: string;
      code: UnreadableCode;
      /**
       * True when the page has finished rendering and still shows no person:
       * waiting won't help, so say so at once (and offer a hand-typed record).
       * False while it may still be loading (placeholders, a busy region, no
       * content yet): wait for it, within a time limit.
       */
      settled: boolean;
    };

export const NO_NAME = "Introbook couldn't find this person's name on the page.";
export const TOO_COMPLEX = "Introbook can't read this page: it is too large or too deeply nested.";
export const INVALID = 'The page gave values Introbook could not use.';

/** Every extractor's last step: a capture that breaks the rules is reported, never returned. */
export function finish(candidate: ProfileCapture, confirmed: boolean): ReadResult {
  const capture = checkCapture(candidate);
  if (!capture) return { status: 'unreadable', profileUrl: candidate.profileUrl, reason: INVALID, code: 'invalid', settled: true };
  return { status: 'ok', capture, confirmed };
}

// --- The capture's rules, without a schema library ---------------------------------------

const SOURCE_SET: ReadonlySet<string> = new Set(SOURCES);
const ORIGIN_SET: ReadonlySet<string> = new Set(FIELD_ORIGINS);
const FIELD_SET: ReadonlySet<string> = new Set(CAPTURED_FIELDS);
const LEVEL_SET: ReadonlySet<string> = new Set(CONFIDENCE_LEVELS);

class Invalid extends Error {}

/** The schema's `text()` rules, in its order: invisible characters dropped, trimmed, a length, something visible. */
function text(value: unknown, max: number): string {
  if (typeof value !== 'string') throw new Invalid();
  const trimmed = stripInvisible(value).trim();
  if (trimmed.length < 1 || trimmed.length > max || !hasVisibleText(trimmed)) throw new Invalid();
  return trimmed;
}

function nullableText(value: unknown, max: number): string | null {
  return value === null ? null : text(value, max);
}

function https(value: unknown): string {
  if (typeof value !== 'string' || value.length > LIMITS.url) throw new Invalid();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Invalid();
  }
  if (url.protocol !== 'https:') throw new Invalid();
  return value;
}

function record<T extends string>(value: unknown, values: ReadonlySet<string>): Partial<Record<(typeof CAPTURED_FIELDS)[number], T>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid();
  const out: Partial<Record<string, T>> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!FIELD_SET.has(key)) throw new Invalid();
    if (v === undefined) continue;
    if (typeof v !== 'string' || !values.has(v)) throw new Invalid();
    out[key] = v as T;
  }
  return out;
}

function notes(value: unknown): Partial<Record<(typeof CAPTURED_FIELDS)[number], string>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid();
  const out: Partial<Record<string, string>> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!FIELD_SET.has(key)) throw new Invalid();
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length < 1 || v.length > LIMITS.fieldNote) throw new Invalid();
    out[key] = v;
  }
  return out;
}

function integer(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new Invalid();
  return value;
}

/**
 * The capture with text trimmed, or null when it breaks a rule of
 * `profileCaptureSchema` (lengths, https URLs, known sources and origins,
 * degree 1–3, counts). Unknown keys are dropped, as zod does.
 */
export function checkCapture(c: ProfileCapture): ProfileCapture | null {
  try {
    if (typeof c !== 'object' || c === null) return null;
    const degree = c.degree === null ? null : integer(c.degree, 1, 3);
    const mutual = c.mutualConnections;
    if (typeof mutual !== 'object' || mutual === null || !Array.isArray(mutual.names)) return null;
    if (mutual.names.length > LIMITS.mutualNames) return null;
    if (!Array.isArray(c.positions) || c.positions.length > LIMITS.positions) return null;
    if (!Array.isArray(c.aliases) || c.aliases.length > LIMITS.aliases) return null;
    if (typeof c.source !== 'string' || !SOURCE_SET.has(c.source)) return null;
    const out: ProfileCapture = {
      profileUrl: https(c.profileUrl),
      name: text(c.name, LIMITS.name),
      firstName: nullableText(c.firstName, LIMITS.name),
      lastName: nullableText(c.lastName, LIMITS.name),
      headline: nullableText(c.headline, LIMITS.headline),
      role: nullableText(c.role, LIMITS.short),
      company: nullableText(c.company, LIMITS.short),
      location: nullableText(c.location, LIMITS.short),
      photoUrl: c.photoUrl === null ? null : https(c.photoUrl),
      degree: degree as ProfileCapture['degree'],
      mutualConnections: {
        count: integer(mutual.count, 0, LIMITS.mutualCount),
        names: mutual.names.map((n) => text(n, LIMITS.name)),
      },
      source: c.source,
      positions: c.positions.map((p) => {
        if (typeof p !== 'object' || p === null) throw new Invalid();
        return { title: nullableText(p.title, LIMITS.short), company: nullableText(p.company, LIMITS.short) };
      }),
      aliases: c.aliases.map(https),
      fieldSources: record(c.fieldSources, ORIGIN_SET),
    };
    if (c.fieldConfidence !== undefined) out.fieldConfidence = record(c.fieldConfidence, LEVEL_SET);
    if (c.fieldNotes !== undefined) out.fieldNotes = notes(c.fieldNotes);
    return out;
  } catch (error) {
    if (error instanceof Invalid) return null;
    throw error;
  }
}
