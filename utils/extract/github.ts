/**
 * GitHub user pages: an mf2 h-card combined with schema.org Person microdata
 * (reference §12). Organisations and repositories have no Person card and are
 * not profiles. Pure, over an injected Document and URL.
 */
import { LIMITS } from '../domain/limits';
import type { ProfileCapture } from '../domain/schemas';
import { GITHUB } from './layouts/github';
import { canonicalGitHubUrl } from '../core/canonical-url';
import { completeConfidence, createPicker, splitConfidence } from './fields';
import { finish, type ReadResult } from './result';
import { cleanText, splitName } from '../core/text';
import { acceptName, httpsUrlOrNull, isShown, textOf } from './text';

export function readGitHubProfile(doc: Document, url: string): ReadResult {
  const profileUrl = canonicalGitHubUrl(url);
  if (profileUrl === null) return { status: 'not-profile' };
  const card = doc.querySelector(GITHUB.personCard);
  if (!card) return { status: 'not-profile' };
  // The login as the address writes it ("Octo-Ada"); the key is lower-case.
  const login = new URL(url).pathname.split('/').find(Boolean) ?? profileUrl.slice('https://github.com/'.length);
  const { pick, sources, confidence } = createPicker();
  sources.profileUrl = 'url';
  const text = (selector: string, max: number = LIMITS.short) => {
    // The first one the user can see.
    const el = Array.from(card.querySelectorAll(selector)).find((e) => isShown(e));
    return el ? cleanText(textOf(el, max, undefined, true), max) : null;
  };

  const displayName = pick(
    'name',
    ['microdata', () => acceptName(text(GITHUB.name.microdata, LIMITS.name), LIMITS.name)],
    ['h-card', () => acceptName(text(GITHUB.name.hCard, LIMITS.name), LIMITS.name)],
    ['title', () => acceptName(GITHUB.title.exec(doc.title.trim())?.[1] ?? null, LIMITS.name)],
  );
  // Many users leave the display name empty: the login is what GitHub shows then.
  const name =
    displayName ??
    pick(
      'name',
      ['microdata', () => acceptName(text(GITHUB.login.microdata, LIMITS.name), LIMITS.name)],
      ['h-card', () => acceptName(text(GITHUB.login.hCard, LIMITS.name), LIMITS.name)],
      ['url', () => login],
    )!;
  const split = displayName ? splitName(displayName) : { first: null, last: null };
  const company = pick(
    'company',
    ['microdata', () => stripAt(text(GITHUB.company.microdata))],
    ['h-card', () => stripAt(text(GITHUB.company.hCard))],
  );
  const photo = Array.from(card.querySelectorAll(GITHUB.avatar)).find((img) => isShown(img)) ?? null;
  const capture: ProfileCapture = {
    profileUrl,
    name,
    firstName: pick('firstName', ['structure', () => split.first]),
    lastName: pick('lastName', ['structure', () => split.last]),
    headline: pick(
      'headline',
      ['h-card', () => text(GITHUB.bio.hCard, LIMITS.headline)],
      ['microdata', () => text(GITHUB.bio.microdata, LIMITS.headline)],
    ),
    role: null,
    company,
    location: pick(
      'location',
      ['microdata', () => text(GITHUB.location.microdata)],
      ['h-card', () => text(GITHUB.location.hCard)],
    ),
    photoUrl: pick(
      'photoUrl',
      ['microdata', () => httpsUrlOrNull(photo?.getAttribute('src'), url)],
      ['opengraph', () => httpsUrlOrNull(doc.querySelector('meta[property="og:image"]')?.getAttribute('content'), url)],
    ),
    degree: null,
    mutualConnections: { count: 0, names: [] },
    source: 'github',
    positions: company ? [{ title: null, company }] : [],
    aliases: [],
    fieldSources: sources,
  };
  if (displayName) splitConfidence(displayName, sources, confidence);
  capture.fieldConfidence = completeConfidence(sources, confidence);
  return finish(capture, true);
}

/** "@acme-corp" → "acme-corp" (GitHub's company field links an org with a leading @). */
function stripAt(value: string | null): string | null {
  return cleanText(value?.replace(/^@/, ''), LIMITS.short);
}
