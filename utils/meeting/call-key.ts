/**
 * A call's identity, comparable between a link the user scheduled (a
 * calendar link, a zoom.us/j launcher) and the page a tab is in (the web
 * client): "meet:abc-defg-hij", "zoom:81234567890", "teams:<meeting id>".
 */
import { MEET_CODE } from './meet';
import { teamsCode } from './teams';
import type { CallSite } from './types';

export function callKeyOf(site: CallSite, code: string | null): string | null {
  if (!code) return null;
  const c = code.trim().toLowerCase();
  if (site === 'meet') return /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/.test(c) ? `meet:${c}` : null;
  if (site === 'zoom') return /^\d{9,12}$/.test(c) ? `zoom:${c}` : null;
  return c.length >= 3 ? `teams:${c.slice(0, 200)}` : null;
}

/** The call key of any Meet, Zoom or Teams link, or null for anything else. */
export function callKeyOfLink(link: string | null | undefined): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  if (host === 'meet.google.com') return callKeyOf('meet', MEET_CODE.exec(url.pathname.toLowerCase())?.[1] ?? null);
  if (host === 'zoom.us' || host.endsWith('.zoom.us')) {
    const id = /^\/(?:j|s|w|wc(?:\/join)?|my)\/(\d{9,12})(?=$|[/?#])/.exec(url.pathname)?.[1] ?? null;
    return callKeyOf('zoom', id);
  }
  return callKeyOf('teams', teamsCode(url));
}
