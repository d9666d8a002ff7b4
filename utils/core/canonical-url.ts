/**
 * Canonical profile URLs: one key per person, whatever form of link led to them.
 * Rules: ../shared/reference/linkedin-and-profile-pages.md §9 and §12.
 */

const LINKEDIN_HOST = /^(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com$/;
/** Path prefixes that end in a member's /in/<id>. */
const PROFILE_PATH = /^\/(?:mwlite\/|m\/)?in\/([^/]+)/;
/** LinkedIn member ids (`ACoAA…`) stand in the /in/ slot when no vanity is known. */
const MEMBER_ID = /^acoaa[\w-]+$/i;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Characters no id contains: default-ignorable code points (zero-width, bidi, soft hyphen, fillers) and controls. */
// eslint-disable-next-line no-control-regex
const INVISIBLE_IN_ID = /[\p{Default_Ignorable_Code_Point}\u0000-\u001F\u007F-\u009F]/gu;

/**
 * The id as one fixed point: decoded until no escape is left (`%2541` → `%41`
 * → `A`), invisible characters dropped, compatibility look-alikes folded
 * (full-width `ａ` → `a`), lower-cased. Applying it to its own output changes
 * nothing, so the key of a key is the key. Null when it never settles.
 */
function normaliseId(raw: string): string | null {
  let id = raw;
  for (let round = 0; round < 8; round++) {
    const next = safeDecode(id).replace(INVISIBLE_IN_ID, '').normalize('NFKC').toLowerCase().normalize('NFKC').trim();
    if (next === id) return id;
    id = next;
  }
  return null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isLinkedInHttp(parsed: URL): boolean {
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && LINKEDIN_HOST.test(parsed.hostname);
}

/** The profile id in a LinkedIn URL, decoded, NFC-normalised and lower-cased. */
export function linkedInProfileId(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  let path = parsed.pathname;
  if (parsed.protocol === 'linkedin:') {
    // linkedin://in/<id> parses with host "in".
    if (parsed.host !== 'in') return null;
    path = `/in${parsed.pathname}`;
  } else if (!isLinkedInHttp(parsed)) {
    return null;
  }
  const match = PROFILE_PATH.exec(path);
  if (!match?.[1]) return null;
  const id = normaliseId(match[1]);
  // A decoded id that would change the URL's structure is no profile id.
  if (id === null || id === '' || id === '.' || id === '..' || /[/?#\\\s]/.test(id)) return null;
  return id;
}

/**
 * `https://www.linkedin.com/in/<id>/` for any form of a LinkedIn profile URL
 * (country subdomains, query, hash, locale suffix, sub-pages, mobile paths), or
 * `null` when the URL names no profile. Never throws.
 */
export function canonicalProfileUrl(url: string): string | null {
  const id = linkedInProfileId(url);
  return id === null ? null : new URL(`https://www.linkedin.com/in/${id}/`).href;
}

/** True for `/in/ACoAA…` URLs: a member id, an alias until the page names the vanity. */
export function isMemberIdUrl(url: string): boolean {
  const id = linkedInProfileId(url);
  return id !== null && MEMBER_ID.test(id);
}

export type LinkedInPage =
  | { kind: 'profile'; key: string }
  | { kind: 'sales-lead'; key: string }
  | { kind: 'recruiter'; key: string };

/**
 * What kind of LinkedIn person page a URL is, with a stable key for it. Sales
 * Navigator and Recruiter ids live in their own id spaces: their keys are
 * aliases, never a member's canonical URL.
 */
export function linkedInPage(url: string): LinkedInPage | null {
  const profile = canonicalProfileUrl(url);
  if (profile) return { kind: 'profile', key: profile };
  const parsed = parse(url);
  if (!parsed || !isLinkedInHttp(parsed)) return null;
  // /sales/lead/ACwAA…,NAME_SEARCH,abcd  and  /sales/people/ACwAA…,NAME_SEARCH
  const sales = /^\/sales\/(?:lead|people)\/([^/,]+)/.exec(parsed.pathname);
  if (sales?.[1]) return { kind: 'sales-lead', key: `https://www.linkedin.com/sales/lead/${encodeURIComponent(safeDecode(sales[1]))}/` };
  // /talent/profile/<id>  and  /talent/hire/<project>/…/profile/<id>
  const recruiter = /^\/talent\/(?:.*\/)?profile\/([^/?#]+)/.exec(parsed.pathname);
  if (recruiter?.[1]) return { kind: 'recruiter', key: `https://www.linkedin.com/talent/profile/${encodeURIComponent(safeDecode(recruiter[1]))}/` };
  return null;
}

/** GitHub paths that are never a user (github-reserved-names, abridged to the routes a person can open). */
const GITHUB_RESERVED = /* @__PURE__ */ new Set(
  ('about account codespaces collections contact customer-stories dashboard enterprise events explore features ' +
    'issues login logout marketplace new notifications orgs organizations pricing pulls search security settings ' +
    'signup site sponsors stars topics trending users apps readme team teams watching wiki ' +
    'copilot discussions resources solutions partners premium-support').split(' '),
);

/** `https://github.com/<login>` for a GitHub user page, or null (repositories, reserved routes, other hosts). */
export function canonicalGitHubUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.hostname !== 'github.com') return null;
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (segments.length !== 1 || !segments[0]) return null;
  const login = segments[0].toLowerCase();
  if (!/^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/.test(login) || GITHUB_RESERVED.has(login)) return null;
  return `https://github.com/${login}`;
}

const TRACKING_PARAMS = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|trk)$/i;

/** Any other page: https only, no fragment, no tracking parameters. */
export function canonicalPageUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  for (const key of Array.from(parsed.searchParams.keys())) {
    if (TRACKING_PARAMS.test(key)) parsed.searchParams.delete(key);
  }
  parsed.search = parsed.searchParams.toString();
  return parsed.href;
}

/**
 * LinkedIn's country hosts (`uk.linkedin.com`, `de.linkedin.com`, …): public
 * profiles are served on them. Listed one by one so the content script and the
 * background's sender check cover exactly these, not every subdomain.
 */
export const LINKEDIN_COUNTRY_SUBDOMAINS = (
  'ae al ar at au az ba bd be bg bh bo br by ca ch cl cm cn co cr cy cz de dk do dz ec ee eg es et fi fr gh gr gt ' +
  'hk hn hr hu id ie il in iq ir is it jm jo jp ke kh kr kw kz lb lk lt lu lv ly ma md me mk mm mn mo mt mu mx my ' +
  'mz na ng ni nl no np nz om pa pe ph pk pl pr ps pt py qa ro rs ru rw sa se sg si sk sn sv sy th tn tr tt tw tz ' +
  'ua ug uk uy uz ve vn ye za zm zw'
).split(' ');

/** Every host Introbook reads LinkedIn pages on: www, mobile and the country hosts, https only. */
export const LINKEDIN_PAGE_HOSTS: readonly string[] = [
  'www.linkedin.com',
  'm.linkedin.com',
  ...LINKEDIN_COUNTRY_SUBDOMAINS.map((c) => `${c}.linkedin.com`),
];

/** Match patterns for LINKEDIN_PAGE_HOSTS (content scripts, context menus). */
export const LINKEDIN_MATCHES: readonly string[] = LINKEDIN_PAGE_HOSTS.map((host) => `https://${host}/*`);

const PAGE_HOSTS = /* @__PURE__ */ new Set(LINKEDIN_PAGE_HOSTS);

/** True for an https URL on one of the LinkedIn hosts Introbook reads. */
export function isLinkedInPageUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.port === '' && PAGE_HOSTS.has(parsed.hostname);
}

/** The key a page is known by: its LinkedIn key, GitHub user URL, or cleaned page URL. */
export function pageKey(url: string): string | null {
  return linkedInPage(url)?.key ?? canonicalGitHubUrl(url) ?? canonicalPageUrl(url);
}
