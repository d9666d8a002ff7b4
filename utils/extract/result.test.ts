/**
 * finish() checks captures without zod (the content script must not bundle it,
 * issue #11). The receiving end still parses with `profileCaptureSchema`, so
 * the two must agree: whatever the plain checks let through, zod accepts, and
 * whatever zod accepts, the plain checks let through with the same values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTURED_FIELDS, FIELD_ORIGINS, LIMITS, SOURCES } from '../domain/limits';
import { profileCaptureSchema, type ProfileCapture } from '../domain/schemas';
import { checkCapture, finish } from './result';

/** Mostly valid values, sometimes one that breaks a rule, so both sides of every rule are reached. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad });
const goodText = (max: number) => fc.oneof(fc.constantFrom('Ada Lovelace', 'x', ' padded ', 'x'.repeat(max)), fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== ''));
/**
 * Invisible characters and fillers (issue #10's input hygiene): dropped before the length checks, and a value
 * made only of them is no value. Some of these are valid once cleaned, some not; both sides must agree.
 */
const INVISIBLE = ['\u200B', '\u200D', '\u00AD', '\u3164', '\u115F', '\u1160', '\uFFA0', '\u2800', '\u202E', '\uFEFF', '\uD800', '\uDC00', '\u0007', '\u{E0041}', '\uFE0F'];
const invisibleText = (max: number) =>
  fc.oneof(
    fc.constantFrom(
      '\u3164',
      '\u115F\u1160',
      ' \u200B ',
      '\u00AD\u00AD',
      `${'x'.repeat(max)}\u200B`,
      `\u200B${'x'.repeat(max)}\u00AD`,
      ` \u200B${'x'.repeat(max)}`,
      '\u200BAda\u200B Lovelace\u00AD',
      'Ad\u00ADa',
      '👩‍💻',
      '🇫🇷',
      '\uD800Ada',
    ),
    fc.array(fc.oneof(fc.constantFrom(...INVISIBLE, ' '), fc.string({ maxLength: 2 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  );
const text = (max: number) =>
  fc.oneof({ weight: 10, arbitrary: mostly(goodText(max), fc.constantFrom('', '   ', 'x'.repeat(max + 1), 42, undefined)) }, { weight: 2, arbitrary: invisibleText(max) });
const goodUrl = fc.oneof(fc.constantFrom('https://www.linkedin.com/in/ada/', 'https://github.com/ada'), fc.webUrl({ validSchemes: ['https'] }));
const url = mostly(goodUrl, fc.constantFrom('http://www.linkedin.com/in/ada/', 'javascript:alert(1)', 'not a url', `https://e.com/${'p'.repeat(LIMITS.url)}`));
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const fieldRecord = <T, U>(values: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  mostly(fc.dictionary(fc.constantFrom(...CAPTURED_FIELDS), values, { maxKeys: 4 }), fc.record({ bogus: values, name: bad }));

const capture: fc.Arbitrary<ProfileCapture> = fc
  .record(
    {
      profileUrl: url,
      name: text(LIMITS.name),
      firstName: nullable(text(LIMITS.name)),
      lastName: nullable(text(LIMITS.name)),
      headline: nullable(text(LIMITS.headline)),
      role: nullable(text(LIMITS.short)),
      company: nullable(text(LIMITS.short)),
      location: nullable(text(LIMITS.short)),
      photoUrl: nullable(url),
      degree: nullable(mostly(fc.constantFrom(1, 2, 3), fc.constantFrom(0, 4, 1.5, '2'))),
      mutualConnections: fc.record({
        count: mostly(fc.integer({ min: 0, max: LIMITS.mutualCount }), fc.constantFrom(-1, Number.NaN, 2.5, LIMITS.mutualCount + 1)),
        names: mostly(fc.array(fc.oneof({ weight: 5, arbitrary: goodText(LIMITS.name) }, { weight: 1, arbitrary: invisibleText(LIMITS.name) }), { maxLength: 3 }), fc.constantFrom(Array(LIMITS.mutualNames + 1).fill('A'), [''], ['x'.repeat(LIMITS.name + 1)], ['\u3164'])),
      }),
      source: mostly(fc.constantFrom(...SOURCES), fc.constant('myspace')),
      positions: mostly(
        fc.array(fc.record({ title: nullable(text(LIMITS.short)), company: nullable(text(LIMITS.short)) }), { maxLength: 3 }),
        fc.constantFrom(Array(LIMITS.positions + 1).fill({ title: 'a', company: null }), [{ title: '', company: null }]),
      ),
      aliases: fc.array(url, { maxLength: 2 }),
      fieldSources: fieldRecord(fc.constantFrom(...FIELD_ORIGINS), fc.constant('guess')),
      fieldConfidence: fc.option(fieldRecord(fc.constantFrom('high', 'low'), fc.constant('medium')), { nil: undefined }),
      fieldNotes: fc.option(fieldRecord(goodText(LIMITS.fieldNote), fc.constantFrom('', 'x'.repeat(LIMITS.fieldNote + 1))), { nil: undefined }),
    },
    { requiredKeys: ['profileUrl', 'name', 'firstName', 'lastName', 'headline', 'role', 'company', 'location', 'photoUrl', 'degree', 'mutualConnections', 'source', 'positions', 'aliases', 'fieldSources'] },
  )
  .map((c) => c as unknown as ProfileCapture);

describe('finish(): the capture rules without zod', () => {
  it('agrees with profileCaptureSchema on every capture, valid or not', () => {
    let valid = 0;
    fc.assert(
      fc.property(capture, (c) => {
        const zod = profileCaptureSchema.safeParse(c);
        const plain = checkCapture(c);
        if (zod.success) valid++;
        expect(plain !== null).toBe(zod.success);
        // Same values (an optional key present as undefined is the same as absent once sent).
        if (zod.success) expect(JSON.parse(JSON.stringify(plain))).toStrictEqual(JSON.parse(JSON.stringify(zod.data)));
      }),
      { numRuns: 2000 },
    );
    // The generator reaches both sides of every rule.
    expect(valid).toBeGreaterThan(100);
    expect(valid).toBeLessThan(1900);
  });

  it('drops invisible characters and fillers as the schema does, and takes no value made only of them', () => {
    const base = profileCaptureSchema.parse({ profileUrl: 'https://x.org/a', name: 'A', firstName: null, lastName: null, headline: null, role: null, company: null, location: null, photoUrl: null, degree: null, mutualConnections: { count: 0, names: [] }, source: 'manual', positions: [], aliases: [], fieldSources: {} });
    expect(checkCapture({ ...base, name: '\u200BAda\u00AD Lovelace\u200B ' })?.name).toBe('Ada Lovelace');
    expect(checkCapture({ ...base, name: `${'x'.repeat(LIMITS.name)}\u200B` })?.name).toBe('x'.repeat(LIMITS.name));
    for (const filler of ['\u3164', '\u115F\u1160', '\uFFA0', ' \u200B ', '\u00AD', '\uD800']) {
      expect(checkCapture({ ...base, name: filler }), JSON.stringify(filler)).toBeNull();
      expect(checkCapture({ ...base, headline: filler }), JSON.stringify(filler)).toBeNull();
      expect(checkCapture({ ...base, mutualConnections: { count: 1, names: [filler] } }), JSON.stringify(filler)).toBeNull();
    }
  });

  it('reports a capture that breaks the rules instead of returning it', () => {
    const bad = { ...profileCaptureSchema.parse({ profileUrl: 'https://x.org/a', name: 'A', firstName: null, lastName: null, headline: null, role: null, company: null, location: null, photoUrl: null, degree: null, mutualConnections: { count: 0, names: [] }, source: 'manual', positions: [], aliases: [], fieldSources: {} }), photoUrl: 'javascript:alert(1)' };
    expect(finish(bad, true)).toStrictEqual({
      status: 'unreadable',
      profileUrl: 'https://x.org/a',
      reason: 'The page gave values Introbook could not use.',
      code: 'invalid',
      settled: true,
    });
  });
});
