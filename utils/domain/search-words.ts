/**
 * The words a saved person is found by: folded (accents and case ignored, see
 * foldText) from their name, company, role, headline, tags and the user's
 * notes about them. Name words are also stored with a mark so a search can
 * rank name matches first. The `people` table indexes these (multi-entry);
 * a search is a prefix range on that index, never a scan. Pure.
 */
import { foldText } from '../core/text';

/** Marks a name word in the index ("=priya"); foldText never yields "=". */
export const NAME_MARK = '=';
/** At most this many index entries per person: writes stay cheap, and notes can't flood the index. */
export const MAX_SEARCH_WORDS = 120;
/** Longer words are cut: prefixes up to this length still match. */
export const MAX_WORD_LENGTH = 40;
/** At most this many words in one query. */
export const MAX_QUERY_TERMS = 6;

export interface Searchable {
  name: string;
  company?: string | null;
  role?: string | null;
  headline?: string | null;
  tags?: readonly string[] | null;
  notes?: string | null;
}

function words(text: string | null | undefined): string[] {
  if (!text) return [];
  return foldText(text)
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => Array.from(w).slice(0, MAX_WORD_LENGTH).join(''));
}

/** The index entries for one person: name words (plain and marked), then the other fields' words. */
export function searchWordsOf(person: Searchable): string[] {
  const out = new Set<string>();
  const add = (w: string) => {
    if (out.size < MAX_SEARCH_WORDS) out.add(w);
  };
  const nameWords = words(person.name);
  for (const w of nameWords) add(NAME_MARK + w);
  for (const w of nameWords) add(w);
  // One-letter words from other fields ("a", "&") are noise; a name keeps them (CJK given names).
  const rest = [person.company, person.role, person.headline, ...(person.tags ?? []), person.notes];
  for (const field of rest) for (const w of words(field)) if (w.length > 1 || /\p{N}/u.test(w)) add(w);
  return Array.from(out);
}

/** A query as index prefixes: folded words, de-duplicated, longest first (the longest is usually the rarest). */
export function queryTerms(query: string): string[] {
  const terms = Array.from(new Set(words(query)));
  // A term that is a prefix of another adds nothing when both must match the same person… but they may match
  // different words ("ann annabel"), so keep both; just cap the count.
  return terms.sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, MAX_QUERY_TERMS);
}

/** Whether a person's index words satisfy every term (each term a prefix of some word). */
export function matchesAll(wordsOfPerson: readonly string[], terms: readonly string[], mark = ''): boolean {
  return terms.every((t) => wordsOfPerson.some((w) => w.startsWith(mark + t)));
}
