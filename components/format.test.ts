import { describe, expect, it } from 'vitest';
import { formatTime, formatWhen, fromDateAndTime } from './format';

describe('formatWhen', () => {
  it('builds one Intl.DateTimeFormat per time zone, not one per call', () => {
    const Real = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        built++;
      }
    } as typeof Real;
    try {
      const zone = 'America/Sao_Paulo';
      const when = new Set<string>();
      for (let i = 0; i < 500; i++) when.add(formatWhen(1_764_000_000_000 + i * 60_000, zone));
      for (let i = 0; i < 500; i++) formatTime(1_764_000_000_000 + i * 60_000, zone);
      expect(built).toBeLessThanOrEqual(2);
      expect(when.size).toBe(500);
    } finally {
      Intl.DateTimeFormat = Real;
    }
  });

  it('reads a date and a time in the user’s zone', () => {
    expect(fromDateAndTime('2026-07-01', '09:30', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 8, 30));
    expect(fromDateAndTime('2026-07-01', '', 'Europe/London')).toBeNull();
  });
});
