/**
 * Canonical profile URLs: one key per person, whatever form of link led to them.
 * Rules: ../shared/reference/linkedin-and-profile-pages.md §9.
 */

const LINKEDIN_HOST = /^(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com$/;
/** Path prefixes that end in a member's /in/<id>. */
const PROFILE_PATH = /^\/(?:mwlite\/|m\/)?in\/([^/]+)/;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The profile id in a LinkedIn URL, decoded, NFC-normalised and lower-cased. */
export function linkedInProfileId(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  let path = parsed.pathname;
  if (parsed.protocol === 'linkedin:') {
    // linkedin://in/<id> parses with host "in".
    if (parsed.host !== 'in') return null;
    path = `/in${parsed.pathname}`;
  } else {
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    if (!LINKEDIN_HOST.test(parsed.hostname)) return null;
  }
  const match = PROFILE_PATH.exec(path);
  if (!match?.[1]) return null;
  const id = safeDecode(match[1]).normalize('NFC').toLowerCase().trim();
  // A decoded id that would change the URL's structure is no profile id.
  if (id === '' || id === '.' || id === '..' || /[/?#\\\s]/.test(id)) return null;
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
