import { describe, expect, it } from 'vitest';
import { cleanText, foldText, hasVisibleText, nameKey, splitName, stripInvisible } from './text';

describe('nameKey', () => {
  it('compares names without case, accents or spacing', () => {
    expect(nameKey('  Zoë   Ångström ')).toBe(nameKey('zoe angstrom'));
    expect(nameKey('Zoë Ångström')).toBe('zoe angstrom');
  });
  it('keeps different names apart', () => {
    expect(nameKey('Omar Haddad')).not.toBe(nameKey('Omar Hadad'));
  });
});

describe('foldText', () => {
  it.each([
    ['Priya RAMAN', 'priya raman'],
    ['Müller-Lüdenscheidt', 'muller ludenscheidt'],
    ['ｆｕｌｌ ｗｉｄｔｈ', 'full width'],
    ['O’Brien & Co.', 'o brien co'],
    ['', ''],
  ])('%j → %j', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('cleanText', () => {
  it('collapses whitespace, drops invisible characters and gives null for nothing', () => {
    expect(cleanText('  Ada\u200B  \n Lovelace ')).toBe('Ada Lovelace');
    expect(cleanText(' \u200B ')).toBeNull();
    expect(cleanText(null)).toBeNull();
  });
  it('never splits a surrogate pair when cutting', () => {
    expect(cleanText('ab😀', 3)).toBe('ab');
  });

  // Names made only of invisible or filler characters are no names.
  it.each([
    ['Hangul filler', '\u3164'],
    ['Hangul choseong filler', '\u115F\u1160'],
    ['half-width Hangul filler', '\uFFA0\uFFA0'],
    ['soft hyphens', '\u00AD\u00AD'],
    ['zero-width space, joiner and non-joiner', '\u200B\u200C\u200D'],
    ['bidi marks and isolates', '\u200E\u200F\u202E\u2066\u2069'],
    ['word joiner and invisible operators', '\u2060\u2062\u2063\u2064'],
    ['BOM', '\uFEFF'],
    ['Mongolian vowel separator', '\u180E'],
    ['Khmer inherent vowels', '\u17B4\u17B5'],
    ['combining grapheme joiner', '\u034F'],
    ['Arabic letter mark', '\u061C'],
    ['variation selectors', '\uFE0F\uFE0E'],
    ['tag characters', '\u{E0041}\u{E0064}\u{E0061}'],
    ['braille blank', '\u2800\u2800'],
    ['musical null notehead', '\u{1D159}'],
    ['lone surrogates (a low before a high: no pair)', '\uDFFF\uD800'],
    ['combining marks with no base', '\u0301\u0308'],
    ['controls', '\u0000\u0007\u009F'],
    ['a mix, with spaces', ' \u3164 \u200B\u00AD \uFFA0 '],
  ])('rejects a value made only of %s', (_, value) => {
    expect(cleanText(value)).toBeNull();
    expect(hasVisibleText(value)).toBe(false);
  });

  it.each([
    ['soft hyphen inside a name', 'Ada\u00ADLovelace', 'AdaLovelace'],
    ['filler between words', 'Ada\u3164Lovelace', 'AdaLovelace'],
    ['filler padding', '\u3164\u3164Ada\u3164', 'Ada'],
    ['bidi override', '\u202EAda Lovelace\u202C', 'Ada Lovelace'],
    ['lone surrogate in a name', 'Ada\uD800 Lovelace', 'Ada Lovelace'],
    ['tags outside a flag', 'Ada\u{E0041}', 'Ada'],
    ['zero-width joiner at an edge', '\u200DAda\u200D', 'Ada'],
    ['line breaks', 'Ada\nLovelace', 'Ada Lovelace'],
  ])('cleans %s', (_, value, cleaned) => {
    expect(cleanText(value)).toBe(cleaned);
  });

  it.each([
    ['an emoji ZWJ sequence', 'Zoë 👩\u200D💻'],
    ['an emoji with its presentation selector', 'Ada ❤\uFE0F'],
    ['a subdivision flag (tag sequence)', 'Gwen 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}'],
    ['a Persian name with a zero-width non-joiner', 'می\u200Cخواهم'],
    ['a Devanagari conjunct with a joiner', 'क्\u200Dष'],
    ['Korean', '김민준'],
    ['accents in NFD', 'Zoe\u0308'],
  ])('keeps %s intact', (_, value) => {
    expect(cleanText(value)).toBe(value);
  });

  it('is idempotent', () => {
    for (const value of ['Ada\u00AD\u3164 Lovelace', 'Zoë 👩\u200D💻', '  a \u200C b ']) {
      expect(cleanText(cleanText(value))).toBe(cleanText(value));
    }
  });
});

describe('stripInvisible', () => {
  it('drops invisible characters but leaves whitespace alone', () => {
    expect(stripInvisible('Ada\u00AD  Love\u200Blace\n')).toBe('Ada  Lovelace\n');
  });
});

describe('splitName', () => {
  it.each([
    ['Ada Lovelace, PhD (she/her)', { first: 'Ada', last: 'Lovelace' }],
    ['Grace', { first: 'Grace', last: null }],
    ['李 小龙', { first: '小龙', last: '李' }],
    ['🚀', { first: null, last: null }],
  ])('%j', (name, split) => {
    expect(splitName(name)).toStrictEqual(split);
  });
});
