/**
 * Message templates with `{{path.to.value}}` variables. Rendering never leaves
 * a silent blank: an unknown variable stays visible and is reported, a known
 * one without a value is reported too. Pure.
 */

import { TEMPLATE_KIND_VALUES } from './schemas';
import { labels } from '../i18n';

export const TEMPLATE_KINDS = TEMPLATE_KIND_VALUES;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = labels({
  'intro-ask': 'labels.templateKind.introAsk',
  blurb: 'labels.templateKind.blurb',
  'direct-ask': 'labels.templateKind.directAsk',
  nudge: 'labels.templateKind.nudge',
  'last-follow-up': 'labels.templateKind.lastFollowUp',
  'reply-intro': 'labels.templateKind.replyIntro',
  'thanks-target': 'labels.templateKind.thanksTarget',
  'thanks-connector': 'labels.templateKind.thanksConnector',
});

/** Every variable a template may use, with what it means. */
export const VARIABLES = {
  'me.name': 'Your name',
  'me.firstName': 'Your first name',
  'me.role': 'Your current role',
  'me.background': 'Your background, in a line',
  'me.goal': 'What you are exploring',
  'me.resumeUrl': 'Link to your résumé (share only if asked)',
  'target.name': 'The person you want to meet',
  'target.firstName': 'Their first name',
  'target.role': 'Their role',
  'target.company': 'Their company',
  'target.headline': 'Their headline',
  'target.location': 'Where they are',
  'connector.name': 'The person introducing you',
  'connector.firstName': 'Their first name',
  'connector.company': 'Their company',
  'recipient.name': 'Who this message goes to',
  'recipient.firstName': 'Their first name',
  'meeting.advice': 'The advice you noted after the meeting',
  'meeting.plan': 'What you will do with it',
} as const;
export type Variable = keyof typeof VARIABLES;
export type TemplateValues = Partial<Record<Variable, string | null>>;

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface TemplateIssue {
  kind: 'unknown-variable' | 'missing-value' | 'unclosed-braces';
  variable: string;
  message: string;
}

function isVariable(name: string): name is Variable {
  return Object.hasOwn(VARIABLES, name);
}

/** Problems a template has whatever it is filled with. */
export function validateTemplate(text: string): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1] ?? '';
    if (!isVariable(name) && !issues.some((i) => i.variable === name)) {
      issues.push({ kind: 'unknown-variable', variable: name, message: `{{${name}}} is not a variable Introbook knows.` });
    }
  }
  const stray = text.replace(VARIABLE, '');
  if (stray.includes('{{') || stray.includes('}}')) {
    issues.push({ kind: 'unclosed-braces', variable: '', message: 'A {{ or }} is not closed.' });
  }
  return issues;
}

/** Fill in a template. Unknown variables stay as written; every problem is listed. */
export function renderTemplate(text: string, values: TemplateValues): { text: string; issues: TemplateIssue[] } {
  const issues = validateTemplate(text);
  const rendered = text.replace(VARIABLE, (whole, raw: string) => {
    const name = raw.trim();
    if (!isVariable(name)) return whole;
    const value = values[name]?.trim();
    if (!value) {
      if (!issues.some((i) => i.variable === name)) {
        issues.push({ kind: 'missing-value', variable: name, message: `Missing: ${missingLabel(name)}.` });
      }
      return `[${VARIABLES[name].toLowerCase()}]`;
    }
    return value;
  });
  return { text: rendered, issues };
}

/**
 * Replace the stand-ins of values that were missing when a message was drafted
 * with the values now known (after the user filled in a setting), leaving the
 * rest of the user's text as they wrote it.
 */
export function fillPlaceholders(text: string, values: TemplateValues): string {
  let out = text;
  for (const name of Object.keys(VARIABLES) as Variable[]) {
    const value = values[name]?.trim();
    if (value) out = out.split(missingPlaceholder(name)).join(value);
  }
  return out;
}

/** What a missing value is, in the user's words ("your goal", "Ada's role" is for the caller to say). */
export function missingLabel(name: Variable): string {
  return VARIABLES[name].toLowerCase();
}

/**
 * Text still to fill in before sending: a [bracketed prompt] (a template's own,
 * or a missing value's stand-in) or a {{variable}} left as written.
 */
export function unfilledPlaceholders(text: string): string[] {
  const found = [...(text.match(/\[[^\]\n]{2,80}\]/g) ?? []), ...(text.match(/\{\{[^{}\n]*\}\}/g) ?? [])];
  return Array.from(new Set(found));
}

/** Where a missing value is filled in: one of the user's settings, or a field of one of the two people. */
export type ValueSource =
  | { kind: 'setting'; field: 'name' | 'currentRole' | 'background' | 'goal' | 'resumeUrl' }
  | { kind: 'person'; who: 'target' | 'connector' | 'recipient'; field: 'name' | 'role' | 'company' | 'headline' | 'location' };

export function sourceOf(variable: Variable): ValueSource {
  const [scope, field] = variable.split('.') as [string, string];
  if (scope === 'me') return { kind: 'setting', field: field === 'firstName' ? 'name' : field === 'role' ? 'currentRole' : (field as 'background' | 'goal' | 'resumeUrl' | 'name') };
  return {
    kind: 'person',
    who: scope as 'target' | 'connector' | 'recipient',
    field: field === 'firstName' ? 'name' : (field as 'name' | 'role' | 'company' | 'headline' | 'location'),
  };
}

/** The text a missing value leaves in the message, to be replaced once the value is known. */
export function missingPlaceholder(name: Variable): string {
  return `[${missingLabel(name)}]`;
}

export interface TemplateDefinition {
  id: string;
  kind: TemplateKind;
  name: string;
  subject: string;
  body: string;
}

/**
 * Introbook's own starting templates. Short, advice-seeking, connection first,
 * ending on a question, easy to say no to. Bracketed prompts in the thank-you
 * ask the user for specifics instead of filling them with generic words
 * (`{{meeting.advice}}` and `{{meeting.plan}}` come from the after-call notes;
 * without them the draft shows a visible prompt).
 */
export const DEFAULT_TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'default-intro-ask',
    kind: 'intro-ask',
    name: 'Intro ask (to a connector)',
    subject: 'Would you introduce me to {{target.firstName}}?',
    body:
      'Hi {{connector.firstName}},\n\n' +
      'I see you know {{target.name}} at {{target.company}}. I’m exploring {{me.goal}} and would value 15 minutes of {{target.firstName}}’s advice on how they got into their work as {{target.role}}.\n\n' +
      'Would you be comfortable asking whether they are open to an introduction? A short note you can forward is below. No worries at all if the timing is wrong.\n\n' +
      'Thank you,\n{{me.firstName}}',
  },
  {
    id: 'default-blurb',
    kind: 'blurb',
    name: 'Forwardable blurb',
    subject: 'Introduction: {{me.name}}',
    body:
      '{{me.name}} ({{me.background}}) would love 15 minutes of your advice. They are exploring {{me.goal}} and admire your path to {{target.role}} at {{target.company}}. ' +
      'They are hoping for your perspective, nothing more. Would you be open to a short call? Saying no is completely fine.',
  },
  {
    id: 'default-direct-ask',
    kind: 'direct-ask',
    name: 'Direct ask (informational interview)',
    subject: 'Your advice on {{me.goal}}?',
    body:
      'Hi {{target.firstName}},\n\n' +
      'Your work as {{target.role}} at {{target.company}} caught my eye while I explore {{me.goal}}. Could I ask you for 15 minutes of advice in the next few weeks? ' +
      'I’d love to hear what you wish you had known earlier.\n\nThanks,\n{{me.firstName}}',
  },
  {
    id: 'default-nudge',
    kind: 'nudge',
    name: 'Friendly nudge',
    subject: 'Re: {{target.firstName}}',
    body:
      'Hi {{connector.firstName}}, just bringing this back to the top of your inbox in case it got buried. Would an intro to {{target.firstName}} still work for you? Totally fine if not.\n\n{{me.firstName}}',
  },
  {
    id: 'default-direct-nudge',
    kind: 'nudge',
    name: 'Friendly nudge (direct ask)',
    subject: 'Re: {{me.goal}}',
    body:
      'Hi {{target.firstName}}, bringing my note below back to the top of your inbox in case it got buried. Would 15 minutes in the next few weeks work for you? Totally fine if not.\n\n{{me.firstName}}',
  },
  {
    id: 'default-last-follow-up',
    kind: 'last-follow-up',
    name: 'Last follow-up',
    subject: 'Re: my note',
    body:
      'Hi {{recipient.firstName}}, one last note on my message below, and then I’ll leave it with you. If the timing is wrong, no problem at all. Would a one-line reply either way be possible?\n\n{{me.firstName}}',
  },
  {
    id: 'default-reply-intro',
    kind: 'reply-intro',
    name: 'Reply to the introduction',
    subject: 'Re: Introduction: {{me.name}} and {{target.name}}',
    body:
      'Thank you, {{connector.firstName}} (moving you to bcc).\n\nHi {{target.firstName}}, thank you for being open to a chat. Would 15 minutes work for you at [two or three times that suit you]? I’m happy to fit around your week.\n\n{{me.firstName}}',
  },
  {
    id: 'default-thanks-connector',
    kind: 'thanks-connector',
    name: 'Thank the connector and report back',
    subject: 'Thank you for the intro to {{target.firstName}}',
    body:
      'Hi {{connector.firstName}},\n\nThank you for introducing me to {{target.name}}. We spoke, and I am going to {{meeting.plan}}. ' +
      'I really appreciate you vouching for me. Is there anything I can do for you in return?\n\n{{me.firstName}}',
  },
  {
    id: 'default-thanks-target',
    kind: 'thanks-target',
    name: 'Thank-you after the meeting',
    subject: 'Thank you, {{target.firstName}}',
    body:
      'Hi {{target.firstName}},\n\nThank you for your time today. Your advice about {{meeting.advice}} was especially useful, and I am going to {{meeting.plan}}. ' +
      'I’ll let you know how it goes. Could I keep you posted?\n\n{{me.firstName}}',
  },
];
