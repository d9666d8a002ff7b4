import { describe, expect, it } from 'vitest';
import { confidenceOf, fieldConfidence, fieldsToCheck } from './confidence';

describe('capture confidence', () => {
  it.each([
    ['json-ld', 'high'],
    ['embedded-data', 'high'],
    ['link', 'high'],
    ['aria', 'high'],
    ['user', 'high'],
    ['structure', 'low'],
    ['class', 'low'],
    [undefined, 'high'],
  ] as const)('%s → %s', (origin, level) => {
    expect(confidenceOf(origin)).toBe(level);
  });

  it('lets an explicit confidence override the origin', () => {
    const record = { fieldSources: { company: 'structure' as const }, fieldConfidence: { company: 'high' as const } };
    expect(fieldConfidence(record, 'company')).toBe('high');
  });

  it('asks to check only low-confidence fields that hold a value', () => {
    const record = {
      name: 'Ada Lovelace',
      headline: 'Engineer',
      location: null,
      company: 'Analytical Engines',
      fieldSources: { name: 'heading' as const, headline: 'structure' as const, location: 'structure' as const, company: 'link' as const },
    };
    expect(fieldsToCheck(record)).toStrictEqual(['headline']);
    expect(fieldsToCheck({ ...record, fieldConfidence: { headline: 'high' } })).toStrictEqual([]);
  });
});
