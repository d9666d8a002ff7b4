/**
 * Message templates with `{{path.to.value}}` variables. Rendering never leaves
 * a silent blank: an unknown variable stays visible and is reported, a known
 * one without a value is reported too. Pure.
 */

import { TEMPLATE_KIND_VALUES } from './schemas';

export const TEMPLATE_KINDS = TEMPLATE_KIND_VALUES;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  'intro-ask': 'Ask a connector for an intro',
  blurb: 'Forwardable blurb about you',
  'direct-ask': 'Ask someone directly',
  nudge: 'Nudge',
  'thanks-connector': 'Thank the connector and report back',
  'thanks-target': 'Thank-you after the meeting',
};

/** Every variable a template may use, with what it means. */
export const VARIABLES = {
  'me.name': 'Your name',
  'me.firstName': 'Your first name',
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
        issues.push({ kind: 'missing-value', variable: name, message: `No value for {{${name}}} (${VARIABLES[name].toLowerCase()}).` });
      }
      return `[${VARIABLES[name].toLowerCase()}]`;
    }
    return value;
  });
  return { text: rendered, issues };
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
