import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl } from './canonical-url';

describe('canonicalProfileUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/ada-lovelace/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['http://linkedin.com/in/ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://uk.linkedin.com/in/ada-lovelace?originalSubdomain=uk', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://fr.linkedin.com/in/Ada-Lovelace/fr', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/ada-lovelace/?trk=public_profile#experience', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/ada-lovelace/details/experience/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/ada-lovelace/overlay/contact-info/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/ada-lovelace/recent-activity/all/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/ADA-LOVELACE/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/mwlite/in/ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://m.linkedin.com/in/ada-lovelace/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['linkedin://in/ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace/'],
    // Percent-encoded and raw non-ASCII ids give the same key, lower-cased and re-encoded.
    ['https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-1a2b/', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b/'],
    ['https://de.linkedin.com/in/jürgen-müller-1a2b', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b/'],
    // NFD (decomposed ü) normalises to the same key as NFC.
    ['https://www.linkedin.com/in/ju%CC%88rgen-mu%CC%88ller-1a2b/', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b/'],
    // A broken escape falls back to the raw id instead of throwing.
    ['https://www.linkedin.com/in/bad%E0%A4%A/', 'https://www.linkedin.com/in/bad%e0%a4%a/'],
    // Escaped escapes decode all the way: the key is the same however often it was encoded.
    ['https://www.linkedin.com/in/%2541/', 'https://www.linkedin.com/in/a/'],
    ['https://www.linkedin.com/in/%41/', 'https://www.linkedin.com/in/a/'],
    ['https://www.linkedin.com/in/ada%252Dlovelace/', 'https://www.linkedin.com/in/ada-lovelace/'],
    // Zero-width and other invisible characters are no part of an id.
    ['https://www.linkedin.com/in/ada%E2%80%8B-lovelace/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/ada\u200D-love\u00ADlace\uFEFF/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/\u2060ada-lovelace/', 'https://www.linkedin.com/in/ada-lovelace/'],
    // Full-width (and other compatibility) look-alikes fold to the plain characters.
    ['https://www.linkedin.com/in/\uFF41\uFF44\uFF41-lovelace/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/%EF%BC%A1DA-LOVELACE/', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['https://www.linkedin.com/in/ada\uFF0Dlovelace/', 'https://www.linkedin.com/in/ada-lovelace/'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalProfileUrl(input)).toBe(expected);
    // The rule from the issue: what new URL(...) gives for the decoded, lower-cased id.
    expect(canonicalProfileUrl(expected)).toBe(expected);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/analytical-engines/',
    'https://www.linkedin.com/school/university-of-london/',
    'https://www.linkedin.com/search/results/people/?keywords=ada',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in/a%2Fb/',
    'https://www.linkedin.com/in/a%252Fb/',
    'https://www.linkedin.com/in/%E2%80%8B/',
    'https://www.linkedin.com/in/%E3%85%A4/',
    'https://www.linkedin.com/in/%252E%252E/',
    'https://www.linkedin.com/in/a%EF%BC%8Fb/',
    'https://www.linkedin.com.evil.example/in/ada/',
    'https://evil-linkedin.com/in/ada/',
    'https://github.com/ada',
    'ftp://www.linkedin.com/in/ada/',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('%s is not a profile', (input) => {
    expect(canonicalProfileUrl(input)).toBeNull();
  });
});

describe('canonicalProfileUrl is idempotent', () => {
  // A table of hostile and odd ids: the key of a key is the key.
  it.each([
    '%2541',
    '%252541',
    '%25',
    '100%',
    '%41%',
    'a%2Bb',
    'a+b',
    'zo%C3%AB',
    'ZO%CC%88',
    '%EF%BD%81%E2%80%8B',
    '\u212Bngstr%C3%B6m',
    '\u1E9E',
    '\u0130stanbul',
    '\u2167',
    '%F0%9F%9A%80',
    'a|b^c',
    '%22quoted%22',
    '%7Bbraces%7D',
    'x%60y',
    'bad%E0%A4%A',
  ])('%s', (id) => {
    const once = canonicalProfileUrl(`https://www.linkedin.com/in/${id}/`);
    if (once === null) return;
    expect(canonicalProfileUrl(once)).toBe(once);
    expect(canonicalProfileUrl(canonicalProfileUrl(once)!)).toBe(once);
  });
});
