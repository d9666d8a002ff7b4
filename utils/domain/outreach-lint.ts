/**
 * The outreach checklist (reference: informational-interview-method.md §5):
 * short, advice not a job, the connection first, a question, more about them
 * than about you. Advice for the user, never a gate. Pure.
 */

export interface LintCheck {
  id: 'length' | 'no-job' | 'connection-first' | 'question' | 'about-them' | 'prompts-filled';
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
  const prompts = text.match(/\[[^\]\n]{2,80}\]/g) ?? [];
  return [
    {
      id: 'length',
      ok: words <= limit,
      label: `Under ${limit} words`,
      detail: `${words} words${words > 75 && words <= limit ? ' (75 or fewer reads best on a phone)' : ''}.`,
    },
    {
      id: 'no-job',
      ok: jobs.length === 0,
      label: 'Asks for advice, not a job',
      detail: jobs.length === 0 ? 'No job words.' : `Mentions ${jobs.join(', ')}: ask for insight instead.`,
    },
    {
      id: 'connection-first',
      ok: names.length === 0 ? /\b(introduc|mutual|met|know)/.test(first) : names.some((n) => first.includes(n)),
      label: 'Names the connection first',
      detail: 'The first sentence should say who connects you.',
    },
    {
      id: 'question',
      ok: /\?/.test(text),
      label: 'The ask is a question',
      detail: /\?/.test(text) ? 'Ends the ask on a question.' : 'Phrase the ask as a question.',
    },
    {
      id: 'about-them',
      ok: you >= me,
      label: 'More about them than you',
      detail: `“you” words ${you}, “I” words ${me}.`,
    },
    {
      id: 'prompts-filled',
      ok: prompts.length === 0,
      label: 'Placeholders filled in',
      detail: prompts.length === 0 ? 'Nothing left in [brackets].' : `Still to write: ${prompts.join(', ')}.`,
    },
  ];
}
