import { describe, expect, it } from 'vitest';
import { pickTemplate } from './messages';
import { checklistFor, lintOutreach, wordCount } from './outreach-lint';
import type { Template } from './schemas';
import { DEFAULT_TEMPLATES, fillPlaceholders, renderTemplate, sourceOf, unfilledPlaceholders, validateTemplate, type TemplateValues } from './templates';

const values: TemplateValues = {
  'me.name': 'Sam Rivera',
  'me.firstName': 'Sam',
  'me.background': 'a data analyst moving into product',
  'me.goal': 'product management in climate tech',
  'target.name': 'Ada Lovelace',
  'target.firstName': 'Ada',
  'target.role': 'Principal Engineer',
  'target.company': 'Analytical Engines',
  'connector.name': 'Charles Babbage',
  'connector.firstName': 'Charles',
  'recipient.name': 'Charles Babbage',
  'recipient.firstName': 'Charles',
  'meeting.advice': 'joining the reading group',
  'meeting.plan': 'go to the next session',
};

describe('renderTemplate', () => {
  it('fills known variables, with or without inner spaces', () => {
    expect(renderTemplate('Hi {{connector.firstName}}, meet {{ target.name }}.', values)).toStrictEqual({
      text: 'Hi Charles, meet Ada Lovelace.',
      issues: [],
    });
  });

  it('keeps an unknown variable visible and flags it', () => {
    const { text, issues } = renderTemplate('Hi {{conector.firstName}}!', values);
    expect(text).toBe('Hi {{conector.firstName}}!');
    expect(issues).toStrictEqual([
      { kind: 'unknown-variable', variable: 'conector.firstName', message: '{{conector.firstName}} is not a variable Introbook knows.' },
    ]);
  });

  it('flags a known variable with no value instead of leaving a silent blank', () => {
    const { text, issues } = renderTemplate('Résumé: {{me.resumeUrl}}', values);
    expect(text).toBe('Résumé: [link to your résumé (share only if asked)]');
    expect(issues).toMatchObject([{ kind: 'missing-value', variable: 'me.resumeUrl' }]);
  });

  it('names a missing value in words, never as a raw {{variable}}, and says where it is filled in', () => {
    const { text, issues } = renderTemplate('I am exploring {{me.goal}}. {{me.firstName}}', {});
    expect(text).toBe('I am exploring [what you are exploring]. [your first name]');
    expect(issues.map((i) => i.message)).toStrictEqual(['Missing: what you are exploring.', 'Missing: your first name.']);
    expect(issues.map((i) => i.message).join(' ')).not.toContain('{{');
    expect(sourceOf('me.goal')).toStrictEqual({ kind: 'setting', field: 'goal' });
    expect(sourceOf('me.firstName')).toStrictEqual({ kind: 'setting', field: 'name' });
    expect(sourceOf('target.role')).toStrictEqual({ kind: 'person', who: 'target', field: 'role' });
  });

  it('finds what is still to fill in, and fills stand-ins once the values are known', () => {
    const drafted = renderTemplate('Hi, I explore {{me.goal}}. Your advice on [the specific advice]? {{nope}}', {}).text;
    expect(unfilledPlaceholders(drafted)).toStrictEqual(['[what you are exploring]', '[the specific advice]', '{{nope}}']);
    const edited = `${drafted} (my own words)`;
    expect(fillPlaceholders(edited, { 'me.goal': 'climate tech' })).toBe(
      'Hi, I explore climate tech. Your advice on [the specific advice]? {{nope}} (my own words)',
    );
  });

  it('flags unclosed braces', () => {
    expect(validateTemplate('Hi {{connector.firstName}, and }}')).toMatchObject([{ kind: 'unclosed-braces' }]);
  });

  it('treats values as text: a value with braces or markup is not re-rendered', () => {
    const { text, issues } = renderTemplate('{{target.name}}', { 'target.name': '{{me.name}} <b>x</b>' });
    expect(text).toBe('{{me.name}} <b>x</b>');
    expect(issues).toStrictEqual([]);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.name, t] as const))('default template “%s” is valid and renders fully', (_, t) => {
    expect(validateTemplate(t.subject)).toStrictEqual([]);
    expect(validateTemplate(t.body)).toStrictEqual([]);
    expect(renderTemplate(t.body, values).issues).toStrictEqual([]);
  });
});

describe('lintOutreach', () => {
  const byId = (text: string, names: string[] = ['Charles']) => Object.fromEntries(lintOutreach(text, names).map((c) => [c.id, c.ok]));

  it('passes the default intro ask and blurb on the checks they are meant to pass', () => {
    const ask = renderTemplate(DEFAULT_TEMPLATES[0]!.body, values).text;
    expect(byId(ask, ['Ada Lovelace', 'Charles'])).toMatchObject({ length: true, 'no-job': true, question: true, 'connection-first': true });
    const blurb = renderTemplate(DEFAULT_TEMPLATES[1]!.body, values).text;
    expect(wordCount(blurb)).toBeLessThanOrEqual(75);
    expect(byId(blurb, ['Sam Rivera'])).toMatchObject({ length: true, question: true, 'connection-first': true, 'no-job': true, 'about-them': true });
  });

  it('flags job words, a missing question, self-focus and length', () => {
    const text = `Hi Charles, I am looking for a job and my résumé is attached. I think I would be great. ${'word '.repeat(100)}`;
    // The greeting names Charles, but the first sentence does not.
    expect(byId(text)).toMatchObject({ 'no-job': false, question: false, 'about-them': false, length: false, 'connection-first': false });
    expect(lintOutreach(text, ['Charles']).find((c) => c.id === 'no-job')?.detail).toBe('Mentions job, résumé: ask for insight instead.');
  });

  it('skips the greeting when looking for the connection in the first sentence', () => {
    expect(byId('Hi Ada,\nCharles suggested I reach out. Could we talk?', ['Charles'])['connection-first']).toBe(true);
    expect(byId('Hi Ada,\nI love your work. Charles suggested I reach out.', ['Charles'])['connection-first']).toBe(false);
  });

  it('checks a direct ask against a direct ask’s rules: no connection to name first', () => {
    const direct = renderTemplate(DEFAULT_TEMPLATES.find((t) => t.id === 'default-direct-ask')!.body, values).text;
    const checks = checklistFor({ step: 'ask', requestKind: 'direct' }, direct, { connector: [], target: ['Ada Lovelace', 'Ada'], targetWork: ['Principal Engineer', 'Analytical Engines'] });
    expect(checks.map((c) => c.id)).not.toContain('connection-first');
    expect(checks.filter((c) => !c.ok)).toStrictEqual([]);
    expect(checks.find((c) => c.id === 'why-them')?.ok).toBe(true);
    // The intro ask keeps its rule.
    const intro = renderTemplate(DEFAULT_TEMPLATES[0]!.body, values).text;
    // Nobody's work known (a person added by hand): no "why them" check that could never pass.
    expect(checklistFor({ step: 'ask', requestKind: 'direct' }, direct, { connector: [], target: ['Ada'], targetWork: [] }).map((c) => c.id)).not.toContain('why-them');
    expect(checklistFor({ step: 'ask', requestKind: 'intro' }, intro, { connector: ['Charles Babbage', 'Charles'], target: ['Ada'], targetWork: [] }).filter((c) => !c.ok)).toStrictEqual([]);
  });

  it('has rules for each message of the loop, and the built-ins pass them once their prompts are filled', () => {
    const ctx = { connector: ['Charles Babbage', 'Charles'], target: ['Ada Lovelace', 'Ada'], targetWork: ['Principal Engineer'] };
    const cases = [
      ['default-nudge', { step: 'nudge', requestKind: 'intro' }],
      ['default-last-follow-up', { step: 'last-follow-up', requestKind: 'intro' }],
      ['default-reply-intro', { step: 'reply-intro', requestKind: 'intro' }],
      ['default-thanks-target', { step: 'thank-you', requestKind: 'intro' }],
      ['default-thanks-connector', { step: 'report-back', requestKind: 'intro' }],
    ] as const;
    for (const [id, kind] of cases) {
      const body = renderTemplate(DEFAULT_TEMPLATES.find((t) => t.id === id)!.body, values).text;
      const checks = checklistFor(kind, body, ctx);
      expect(checks.filter((c) => !c.ok).map((c) => c.id), id).toStrictEqual(unfilledPlaceholders(body).length > 0 ? ['prompts-filled'] : []);
      const filled = body.replace(/\[[^\]]*\]/g, 'that book');
      expect(checklistFor(kind, filled, ctx).filter((c) => !c.ok), id).toStrictEqual([]);
    }
    expect(checklistFor({ step: 'nudge', requestKind: 'intro' }, 'word '.repeat(70), ctx).find((c) => c.id === 'length')?.ok).toBe(false);
  });

  it('picks a nudge that fits the kind of request', () => {
    const rows = DEFAULT_TEMPLATES.map((t) => ({ ...t, builtIn: true, createdAt: 0, updatedAt: 0, deletedAt: null }) as Template);
    expect(pickTemplate(rows, 'nudge', 'intro')?.id).toBe('default-nudge');
    expect(pickTemplate(rows, 'nudge', 'direct')?.id).toBe('default-direct-nudge');
    expect(pickTemplate(rows, 'nudge', 'direct', 'default-nudge')?.id).toBe('default-nudge');
  });

  it('reports unfilled [prompts]', () => {
    expect(byId('Thanks! Your advice on [the specific advice] helped. Talk soon?')['prompts-filled']).toBe(false);
  });
});
