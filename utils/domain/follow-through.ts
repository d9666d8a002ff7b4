/**
 * Words for following through: what the thank-you and the connector's report
 * cite from the after-call notes, and the double opt-in messages for an
 * introduction the user makes. Pure.
 */
import { splitName } from '../core/text';
import type { MeetingNotes } from './prep';
import type { Person } from './schemas';
import type { TemplateValues } from './templates';

/** "a", "a and b", "a, b and c". */
export function listPhrase(items: readonly string[]): string {
  const clean = items.map((s) => s.trim().replace(/[.!]+$/, '')).filter(Boolean);
  if (clean.length <= 1) return clean[0] ?? '';
  return `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1]}`;
}

/**
 * The template values the after-call notes give: the advice noted (at most two
 * pieces, lower-cased first letter to read inside a sentence) and the plan.
 * Missing notes stay missing: the draft then shows a prompt, not filler.
 */
export function meetingTemplateValues(notes: Pick<MeetingNotes, 'advice' | 'plan'> | undefined): TemplateValues {
  const advice = (notes?.advice ?? []).slice(0, 2).map((a) => lowerFirst(a.text));
  return { 'meeting.advice': listPhrase(advice) || null, 'meeting.plan': notes?.plan.trim().replace(/[.!]+$/, '') || null };
}

function lowerFirst(text: string): string {
  const t = text.trim();
  // Keep proper nouns and acronyms ("LinkedIn", "SQL") as written.
  return /^\p{Lu}\p{Ll}/u.test(t) && !/^\p{Lu}\p{Ll}+\p{Lu}/u.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

const first = (p: Pick<Person, 'name' | 'firstName'>) => p.firstName ?? splitName(p.name).first ?? p.name;

/** Double opt-in, step one: ask the first person whether they would like the introduction. */
export function introOptInMessage(a: Pick<Person, 'name' | 'firstName'>, b: Pick<Person, 'name' | 'firstName' | 'role' | 'company'>, reason: string, me: string): string {
  const who = [b.role, b.company].filter(Boolean).join(' at ');
  return (
    `Hi ${first(a)},\n\nI know ${b.name}${who ? ` (${who})` : ''} and think you two should talk: ${reason.trim().replace(/[.!]+$/, '')}. ` +
    `Would you like me to introduce you? No pressure at all if the timing is wrong.\n\n${splitName(me).first ?? me}`
  ).trim();
}

/** Step two, once they said yes: introduce both in one message and step out. */
export function introMessage(a: Pick<Person, 'name' | 'firstName'>, b: Pick<Person, 'name' | 'firstName'>, reason: string, me: string): string {
  return (
    `Hi ${first(a)} and ${first(b)},\n\nI'd like to introduce you two: ${reason.trim().replace(/[.!]+$/, '')}. ` +
    `${first(a)}, ${first(b)} is happy to chat; I'll let you take it from here.\n\n${splitName(me).first ?? me}`
  ).trim();
}
