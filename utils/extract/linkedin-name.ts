/**
 * The person's name on a LinkedIn member profile: where it is (the element the
 * in-page button sits beside) and, cheaply, whether the page ties it to the
 * URL's person. Shared by the full reader (./linkedin.ts) and the LinkedIn
 * content script's load path (`probeLinkedInName`), which must stay small and
 * fast (issue #11): this module pulls in no readers, no health report and none
 * of the per-language layout data beyond the page names.
 */
import { LIMITS } from '../domain/limits';
import { canonicalProfileUrl, isMemberIdUrl, linkedInPage } from '../core/canonical-url';
import { cleanText, foldText } from '../core/text';
import { hooks, NOT_A_PERSON } from './layouts/linkedin';
import { DIALOG_SELECTOR } from './layouts/common';
import { acceptName, isShown, READ_BUDGET, textOf, spend, withinReadBudget } from './text';

/** Names are read generously, then cut at a word if they pass LIMITS.name. */
export const NAME_READ = LIMITS.name * 4;

/** How the name's element was found: only the first two tie it to this profile by themselves. */
export type HeadingVia = 'self-link' | 'layout' | 'first-heading';

export interface NameHeading {
  el: Element;
  via: HeadingVia;
  /** The profile the name's own link points at (self-link only). */
  href: string | null;
}

export function resolveHref(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

export function sameProfile(href: string | null, base: string, ...keys: string[]): boolean {
  const url = resolveHref(href, base);
  const canonical = url ? canonicalProfileUrl(url) : null;
  return canonical !== null && keys.includes(canonical);
}

export function isVanityLink(href: string | null, base: string): boolean {
  const url = resolveHref(href, base);
  const canonical = url ? canonicalProfileUrl(url) : null;
  return canonical !== null && !isMemberIdUrl(canonical);
}

/** Text that names a page, not a person ("Profile not found", the login wall's greeting); folded on first use, not on load. */
let pageNames: ReadonlySet<string> | null = null;
export function isPageName(value: string | null | undefined): boolean {
  const text = cleanText(value, 200);
  if (text === null || text === undefined) return false;
  pageNames ??= new Set(NOT_A_PERSON.map(foldText));
  return pageNames.has(foldText(text));
}

/** A person's name: not UI chrome, not the name of a page. */
export function acceptPerson(value: string | null | undefined): string | null {
  const name = acceptName(value ?? null, NAME_READ);
  return name && !isPageName(name) ? name : null;
}

/**
 * The element showing the person's name. Current layouts wrap it in a link to
 * the profile itself (the level flips between h1 and h2, so never depend on
 * it); then each layout's name hook; then the first heading, which alone
 * proves nothing (the login wall's greeting is an h1 too).
 */
export function findNameHeading(doc: Document, isSelf: (href: string | null) => boolean, tiers: 'all' | 'sure' = 'all'): NameHeading | null {
  const scope = doc.querySelector('main') ?? doc.body;
  if (!scope) return null;
  for (const link of Array.from(scope.querySelectorAll('a[href]'))) {
    spend();
    const href = link.getAttribute('href');
    if (!isSelf(href)) continue;
    const heading = link.querySelector('h1, h2') ?? link.closest('h1, h2');
    if (heading && isShown(heading, { skip: DIALOG_SELECTOR }) && isShown(link) && textOf(heading)) return { el: heading, via: 'self-link', href };
  }
  for (const selector of hooks('name')) {
    const el = Array.from(scope.querySelectorAll(selector)).find((e) => isShown(e, { skip: DIALOG_SELECTOR }) && textOf(e));
    if (el) return { el, via: 'layout', href: null };
  }
  if (tiers === 'sure') return null;
  const first = Array.from(scope.querySelectorAll('h1')).find((e) => isShown(e, { skip: DIALOG_SELECTOR }) && textOf(e));
  return first ? { el: first, via: 'first-heading', href: null } : null;
}

/** What the content script's load path sees: the name, where it is, and whether the page ties it to the URL. */
export interface NameProbe {
  el: Element;
  name: string;
  /** A link around the name points at the URL's own profile (the full reader calls such a read confirmed). */
  selfLink: boolean;
}

/**
 * The load path's cheap look at a member profile (/in/<vanity>/): the name
 * the page shows by its own link to this profile or by a layout's name hook —
 * the two ways the full reader trusts a heading by itself — or null. Null
 * means "ask the full reader" (JSON-LD or embedded-data names, bare headings,
 * member-id URLs, Sales Navigator and Recruiter, login walls and "not found"
 * pages all go there). The name is the heading's text as the reader takes it,
 * before its JSON-LD or embedded data might name the person more fully. Never
 * throws.
 */
export function probeLinkedInName(doc: Document, url: string): NameProbe | null {
  try {
    const page = linkedInPage(url);
    if (page?.kind !== 'profile' || isMemberIdUrl(url)) return null;
    return withinReadBudget(READ_BUDGET, () => {
      // Only links that can be a profile's are resolved (a URL parse and a normalisation each).
      const heading = findNameHeading(doc, (href) => href !== null && /\/in\//i.test(href) && sameProfile(href, url, page.key), 'sure');
      if (!heading) return null;
      const text = textOf(heading.el, NAME_READ, undefined, true);
      const name = isPageName(text) ? null : acceptPerson(text);
      return name ? { el: heading.el, name, selfLink: heading.via === 'self-link' } : null;
    });
  } catch {
    return null;
  }
}
