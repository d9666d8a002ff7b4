/**
 * The checklist's texts come from locales/en.yml (issue #12): rendered
 * through the same messages.json the browser reads, they must read exactly as
 * written — template braces, plural forms and numbers included.
 */
import { describe, expect, it } from 'vitest';
import { checklistFor, lintOutreach } from './outreach-lint';

const detail = (text: string, id: string, names: string[] = []) => lintOutreach(text, names).find((c) => c.id === id)!.detail;

describe('the outreach checklist’s texts', () => {
  it('shows a template variable’s double braces literally, not as an i18n placeholder', () => {
    expect(detail('Hi Ada, could we talk?', 'prompts-filled')).toBe('Nothing left in [brackets] or {{braces}}.');
    expect(detail('Hi {{target.firstName}}, about [your goal]?', 'prompts-filled')).toMatch(/^Still to write: .+\.$/);
  });

  it('counts words with the right plural form and the locale’s digits', () => {
    expect(detail('Hello', 'length')).toBe('1 word.');
    expect(detail('Hello there', 'length')).toBe('2 words.');
    const long = Array.from({ length: 80 }, () => 'word').join(' ');
    expect(detail(long, 'length')).toBe('80 words (75 or fewer reads best on a phone).');
    const tooLong = Array.from({ length: 1234 }, () => 'word').join(' ');
    const check = lintOutreach(tooLong, [], { limit: 1000 }).find((c) => c.id === 'length')!;
    expect(check).toMatchObject({ ok: false, label: 'Under 1,000 words', detail: '1,234 words.' });
  });

  it('labels every check of every kind of message with English text and no leftover placeholder', () => {
    const ctx = { connector: ['Charles'], target: ['Ada'], targetWork: ['Analytical Engines'] };
    const kinds = [
      { step: 'blurb' as const },
      ...(['ask', 'nudge', 'last-follow-up', 'reply-intro', 'thank-you', 'report-back'] as const).flatMap((step) => [
        { step, requestKind: 'intro' as const },
        { step, requestKind: 'direct' as const },
      ]),
    ];
    const seen = new Set<string>();
    for (const kind of kinds) {
      for (const c of checklistFor(kind, 'Hi Ada, Charles said you know engines. Could I ask about your job?', ctx)) {
        for (const text of [c.label, c.detail]) {
          expect(text, `${c.id}`).toMatch(/^[\p{Lu}“\d]/u);
          expect(text, `${c.id}`).not.toMatch(/(?<!\{)\{\w+\}(?!\})|\$\d|\|/);
        }
        seen.add(c.id);
      }
    }
    expect([...seen].sort()).toStrictEqual(['about-them', 'connection-first', 'length', 'names-them', 'no-job', 'prompts-filled', 'question', 'thanks-connector', 'why-them']);
    const direct = checklistFor({ step: 'ask', requestKind: 'direct' }, 'Hi', ctx).find((c) => c.id === 'why-them')!;
    expect(direct.label).toBe('Says why them');
    expect(detail('I I you', 'about-them')).toBe('“you” words 1, “I” words 2.');
  });
});
