/**
 * The in-page button's words, from locales/<lang>.yml like the rest of
 * Introbook, through the browser's own i18n API: no i18n library in the page
 * (the content script's weight budget, issue #11). `$1` in a message takes the
 * first substitution.
 */
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

export type InPageKey = Extract<keyof GeneratedI18nStructure, `inPage.${string}`>;

export function msg(key: InPageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key.replaceAll('.', '_') as never, substitutions);
}
