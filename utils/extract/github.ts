/**
 * GitHub user pages: an mf2 h-card combined with schema.org Person microdata
 * (reference §12). Organisations and repositories have no Person card and are
 * not profiles. Pure, over an injected Document and URL.
 */
import { LIMITS, type ProfileCapture } from '../domain/schemas';
import { canonicalGitHubUrl } from '../core/canonical-url';
import { createPicker } from './fields';
import { finish, type ReadResult } from './result';
import { cleanText, splitName } from '../core/text';
import { acceptName, httpsUrlOrNull, visibleText } from './text';

const PERSON_CARD = '.h-card[itemtype$="schema.org/Person"], [itemscope][itemtype$="schema.org/Person"], .h-card.vcard';

export function readGitHubProfile(doc: Document, url: string): ReadResult {
  const profileUrl = canonicalGitHubUrl(url);
  if (profileUrl === null) return { status: 'not-profile' };
  const card = doc.querySelector(PERSON_CARD);
  if (!card) return { status: 'not-profile' };
  const login = profileUrl.slice('https://github.com/'.length);
  const { pick, sources } = createPicker();
  sources.profileUrl = 'url';
  const text = (selector: string, max: number = LIMITS.short) => {
    const el = card.querySelector(selector);
    return el ? cleanText(visibleText(el, max), max) : null;
  };

  const displayName = pick(
    'name',
    ['microdata', () => acceptName(text('[itemprop="name"]', LIMITS.name), LIMITS.name)],
    ['h-card', () => acceptName(text('.p-name', LIMITS.name), LIMITS.name)],
    ['title', () => acceptName(/^\S+ \((.+)\)\s*·\s*GitHub$/.exec(doc.title.trim())?.[1] ?? null, LIMITS.name)],
  );
  // Many users leave the display name empty: the login is what GitHub shows then.
  const name =
    displayName ??
    pick(
      'name',
      ['microdata', () => acceptName(text('[itemprop="additionalName"]', LIMITS.name), LIMITS.name)],
      ['h-card', () => acceptName(text('.p-nickname', LIMITS.name), LIMITS.name)],
      ['url', () => login],
    )!;
  const split = displayName ? splitName(displayName) : { first: null, last: null };
  const company = pick(
    'company',
    ['microdata', () => stripAt(text('[itemprop="worksFor"]'))],
    ['h-card', () => stripAt(text('.p-org'))],
  );
  const photo = card.querySelector('img.avatar-user, img.avatar, img.u-photo, [itemprop="image"] img, img[itemprop="image"]');
  const capture: ProfileCapture = {
    profileUrl,
    name,
    firstName: pick('firstName', ['structure', () => split.first]),
    lastName: pick('lastName', ['structure', () => split.last]),
    headline: pick(
      'headline',
      ['h-card', () => text('.p-note, [data-bio-text]', LIMITS.headline)],
      ['microdata', () => text('[itemprop="description"]', LIMITS.headline)],
    ),
    role: null,
    company,
    location: pick(
      'location',
      ['microdata', () => text('[itemprop="homeLocation"]')],
      ['h-card', () => text('.p-label, .p-locality')],
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
  return finish(capture, true);
}

/** "@acme-corp" → "acme-corp" (GitHub's company field links an org with a leading @). */
function stripAt(value: string | null): string | null {
  return cleanText(value?.replace(/^@/, ''), LIMITS.short);
}
