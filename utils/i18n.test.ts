import { describe, expect, it } from 'vitest';
import { formatNumber, t, weekdayNames } from './i18n';

describe('i18n', () => {
  it('reads messages from locales/en.yml', () => {
    expect(t('extName')).toBe('Introbook');
  });
  it('formats numbers in the user locale', () => {
    expect(formatNumber(1204)).toBe(new Intl.NumberFormat().format(1204));
    expect(weekdayNames()).toHaveLength(7);
  });
});
