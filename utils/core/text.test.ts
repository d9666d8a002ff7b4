import { describe, expect, it } from 'vitest';
import { cleanText, foldText, nameKey, splitName } from './text';

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
