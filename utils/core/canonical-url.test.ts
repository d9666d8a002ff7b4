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
