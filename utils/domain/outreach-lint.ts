/**
 * The outreach checklist (reference: informational-interview-method.md §5):
 * short, advice not a job, the connection first, a question, more about them
 * than about you. Advice for the user, never a gate. Pure.
 */

import type { MessageStep } from './schemas';
import { unfilledPlaceholders } from './templates';
import { formatNumber, t, tn } from '../i18n';

export interface LintCheck {
  id: 'length' | 'no-job' | 'connection-first' | 'why-them' | 'question' | 'about-them' | 'prompts-filled' | 'thanks-connector' | 'names-them';
  ok: boolean;
  label: string;
  detail: string;
}

// Word edges that know accented letters (\b does not: "résumé" has none after the é).
const JOB_WORDS = /(?<![\p{L}\p{N}])(jobs?|positions?|openings?|hiring|vacanc(?:y|ies)|r[ée]sum[ée]s?|cv|referrals?|refer me|apply|applying|application)(?![\p{L}\p{N}])/giu;
const YOU = /(?<![\p{L}\p{N}])(you|your|yours|you're|you’re|you've|you’ve|yourself)(?![\p{L}\p{N}])/giu;
const ME = /(?<![\p{L}\p{N}])(i|me|my|mine|i'm|i’m|i've|i’ve|i'd|i’d|myself)(?![\p{L}\p{N}])/giu;
/** Words, for counting: runs of letters, digits, apostrophes. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Messages of this length or shorter read best on a phone. */
const PHONE_WORDS = 75;

/**
 * A template's own variables are written {{like.this}}. The message says so
 * with {open}…{close} around a word the translation may change: written as
 * braces inside the message, i18n would take {braces} for a placeholder.
 */
const BRACES = { open: '{{', close: '}}' };

export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The greeting ("Hi Ada,") is not the first sentence. */
function firstSentence(text: string): string {
  const body = text.replace(/^\s*(?:hi|hello|hey|dear|bonjour|hallo|hola)\b[^\n,]*[,\n]\s*/i, '');
  return body.split(/(?<=[.!?])\s|\n/)[0] ?? '';
}

export function lintOutreach(text: string, connectionNames: readonly string[], options: { limit?: number } = {}): LintCheck[] {
  const limit = options.limit ?? 100;
  const words = wordCount(text);
  const jobs = Array.from(new Set((text.match(JOB_WORDS) ?? []).map((w) => w.toLowerCase())));
  const first = firstSentence(text).toLowerCase();
  const names = connectionNames.map((n) => n.trim().toLowerCase()).filter((n) => n.length > 1);
  const you = text.match(YOU)?.length ?? 0;
  const me = text.match(ME)?.length ?? 0;
  const prompts = unfilledPlaceholders(text);
  return [
    {
      id: 'length',
      ok: words <= limit,
      label: t('checklist.underWords', { limit: formatNumber(limit) }),
      detail: words > PHONE_WORDS && words <= limit ? tn('checklist.wordCountPhone', words, { best: formatNumber(PHONE_WORDS) }) : tn('checklist.wordCount', words),
    },
    {
      id: 'no-job',
      ok: jobs.length === 0,
      label: t('checklist.noJob'),
      detail: jobs.length === 0 ? t('checklist.noJobWords') : t('checklist.mentionsJobWords', { words: jobs.join(', ') }),
    },
    {
      id: 'connection-first',
      ok: names.length === 0 ? /\b(introduc|mutual|met|know)/.test(first) : names.some((n) => first.includes(n)),
      label: t('checklist.connectionFirst'),
      detail: t('checklist.connectionFirstDetail'),
    },
    {
      id: 'question',
      ok: /\?/.test(text),
      label: t('checklist.question'),
      detail: /\?/.test(text) ? t('checklist.questionOk') : t('checklist.questionMissing'),
    },
    {
      id: 'about-them',
      ok: you >= me,
      label: t('checklist.aboutThem'),
      detail: t('checklist.aboutThemDetail', { you: formatNumber(you), me: formatNumber(me) }),
    },
    {
      id: 'prompts-filled',
      ok: prompts.length === 0,
      label: t('checklist.promptsFilled'),
      detail: prompts.length === 0 ? t('checklist.nothingLeft', BRACES) : t('checklist.stillToWrite', { prompts: prompts.join(', ') }),
    },
  ];
}

/** What a message is, for the checklist: a step of the loop, or the blurb that goes with an intro ask. */
export type MessageKind = { step: MessageStep; requestKind: 'intro' | 'direct' } | { step: 'blurb' };

export interface ChecklistContext {
  /** The names of the connector (intro requests). */
  connector: readonly string[];
  /** The names of the person to meet, and what they do (role, company). */
  target: readonly string[];
  targetWork: readonly string[];
}

const mentionsAny = (text: string, needles: readonly string[]) => {
  const hay = text.toLowerCase();
  return needles.map((n) => n.trim().toLowerCase()).some((n) => n.length > 1 && hay.includes(n));
};

/**
 * The checklist for one kind of message. An intro ask names the connection
 * first; a direct ask has no connection to name, so it says why this person;
 * a nudge is short; a reply to an introduction thanks the connector; a
 * thank-you and a report back are specific. Advice, never a gate. Pure.
 */
export function checklistFor(kind: MessageKind, text: string, ctx: ChecklistContext): LintCheck[] {
  const base = lintOutreach(text, [...ctx.connector, ...ctx.target]);
  const pick = (...ids: LintCheck['id'][]) => ids.map((id) => base.find((c) => c.id === id)!);
  const withLimit = (limit: number) => lintOutreach(text, ctx.connector, { limit }).find((c) => c.id === 'length')!;
  switch (kind.step) {
    case 'blurb':
      return [withLimit(100), ...pick('no-job', 'question', 'prompts-filled')];
    case 'ask':
      if (kind.requestKind === 'intro') return [withLimit(100), ...pick('no-job', 'connection-first', 'question', 'about-them', 'prompts-filled')];
      return [
        withLimit(100),
        pick('no-job')[0]!,
        // With no role or company saved there is nothing to look for: the check would never pass.
        ...(ctx.targetWork.some((w) => w.trim().length > 1)
          ? [
              {
                id: 'why-them' as const,
                ok: mentionsAny(text, ctx.targetWork),
                label: t('checklist.whyThem'),
                detail: t('checklist.whyThemDetail'),
              },
            ]
          : []),
        ...pick('question', 'about-them', 'prompts-filled'),
      ];
    case 'nudge':
    case 'last-follow-up':
      return [withLimit(60), ...pick('no-job', 'question', 'prompts-filled')];
    case 'reply-intro':
      return [
        withLimit(100),
        {
          id: 'thanks-connector',
          ok: mentionsAny(text, ctx.connector) && /thank/i.test(text),
          label: t('checklist.thanksConnector'),
          detail: t('checklist.thanksConnectorDetail'),
        },
        ...pick('question', 'prompts-filled'),
      ];
    case 'thank-you':
      return [withLimit(150), ...pick('no-job', 'prompts-filled')];
    case 'report-back':
      return [
        withLimit(150),
        {
          id: 'names-them',
          ok: mentionsAny(text, ctx.target),
          label: t('checklist.namesThem'),
          detail: t('checklist.namesThemDetail'),
        },
        ...pick('prompts-filled'),
      ];
  }
}
