/**
 * The in-page button's words, from locales/<lang>.yml like the rest of
 * Introbook: no i18n library in the page (the content script's weight budget,
 * issue #11). `$1` in a message takes the first substitution.
 *
 * The background hands them over (`inPage/text`, the IN_PAGE_KEYS messages in
 * the browser's language) before the first word is shown: in Chrome, a content
 * script's first `i18n.getMessage` loads the whole extension's message bundle
 * (1,000+ messages) on the page's main thread, ~20–35 ms of a profile load.
 * `i18n.getMessage` is the fallback when the background can't answer.
 */
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';
import { IN_PAGE_KEYS } from '@/utils/messaging/wire';

export type InPageKey = Extract<keyof GeneratedI18nStructure, `inPage.${string}` | `pageRead.${string}`>;

let texts: Readonly<Record<string, string>> | null = null;

export function msg(key: InPageKey, ...substitutions: string[]): string {
  const template = texts?.[key];
  // One substitution at most in the in-page texts; split/join takes the name literally (no `$&` patterns).
  if (template !== undefined) return template.split('$1').join(substitutions[0] ?? '');
  return browser.i18n.getMessage(key.replaceAll('.', '_') as never, substitutions);
}

/** Take the background's texts if the reply holds every in-page message as a string; true when it did. */
export function useTexts(reply: unknown): boolean {
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) return false;
  const given = reply as Record<string, unknown>;
  const taken: Record<string, string> = {};
  for (const key of IN_PAGE_KEYS) {
    const value = given[key];
    if (typeof value !== 'string' || value.length > 500) return false;
    taken[key] = value;
  }
  texts = taken;
  return true;
}
