import { describe, expect, it } from 'vitest';
import { lintOutreach, wordCount } from './outreach-lint';
import { DEFAULT_TEMPLATES, renderTemplate, validateTemplate, type TemplateValues } from './templates';

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

  it('reports unfilled [prompts]', () => {
    expect(byId('Thanks! Your advice on [the specific advice] helped. Talk soon?')['prompts-filled']).toBe(false);
  });
});
