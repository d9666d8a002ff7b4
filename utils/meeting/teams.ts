/**
 * Microsoft Teams on the web (teams.microsoft.com, teams.live.com,
 * teams.cloud.microsoft). After joining, the URL is the generic app shell, so
 * the meeting id comes from the join link the tab first opened (kept by the
 * content script) or from the page. `data-tid` test ids are the stable hooks;
 * `fui-…`/`___…` classes change per build and are not used.
 */
import { cleanText } from '../core/text';
import { cleanNames } from './read';
import type { MeetingSite } from './types';

const TEAMS_HOST = /(?:^|\.)teams\.(?:microsoft\.com|live\.com|cloud\.microsoft)$/;

export const teams: MeetingSite = {
  site: 'teams',
  isMeetingUrl: (url) => TEAMS_HOST.test(url.hostname),
  signals: {
    'in-call': [
      { id: 'hangup-button', selector: '#hangup-button, #hang-up-button, button[data-tid="hangup-main-btn"]' },
      { id: 'call-duration', selector: '[data-tid="call-duration"]' },
      { id: 'calling-toolbar', selector: '[data-tid="calling-toolbar"], [data-tid="ubar-toolbar-wrapper"]' },
      { id: 'more-button', selector: '#callingButtons-showMoreBtn' },
      { id: 'participant-stream', selector: '[data-cid="calling-participant-stream"]' },
      { id: 'leave-label', selector: 'button[aria-label]', attr: 'aria-label', text: /^(?:Leave|Hang up|Verlassen|Auflegen|Quitter|Raccrocher|Salir|Colgar)/i },
    ],
    lobby: [
      { id: 'prejoin-join-button', selector: '#prejoin-join-button, button[data-tid="prejoin-join-button"]' },
      { id: 'prejoin-name-input', selector: 'input[data-tid="prejoin-display-name-input"]' },
      { id: 'prejoin-screen', selector: '[data-tid="prejoin-screen"], [data-tid="pre-join-screen"]' },
      { id: 'lobby-screen', selector: '[data-tid="lobby-screen"]' },
      {
        id: 'lobby-text',
        selector: 'h1, h2, [role="heading"], [aria-live]',
        text: /someone in the meeting should let you in soon|Choose your (?:audio|video) and audio options|Wählen Sie Ihre Audio-|Choisissez vos options/i,
      },
    ],
    ended: [
      { id: 'call-end-screen', selector: '[data-tid="call-end-screen"], [data-tid="anon-meeting-end-screen"], [data-tid="post-call-screen"]' },
      { id: 'rejoin-button', selector: 'button[data-tid="rejoin-button"], button[data-tid="call-rejoin"]' },
      {
        id: 'ended-text',
        selector: 'h1, h2, [role="heading"], [role="alert"]',
        text: /Meeting ended|The meeting has ended|You left the meeting|You(?:'|’)ve been removed|You have been removed|Besprechung beendet|Réunion terminée/i,
      },
    ],
  },
  title(doc) {
    const title = cleanText(doc.title.replace(/^\(\d+\)\s*/, '').replace(/\s*\|\s*Microsoft Teams.*$/i, ''));
    if (!title || /^(?:Microsoft Teams|Teams|Calendar|Chat|Activity|Meeting)$/i.test(title)) return null;
    return title;
  },
  code(_doc, url) {
    return teamsCode(url);
  },
  participants(doc) {
    const raw: string[] = [];
    // Video tiles and roster entries are labelled "Name, muted, …": the name is the text before the first comma.
    const beforeComma = (value: string | null) => (value ?? '').split(',')[0] ?? '';
    for (const tile of Array.from(doc.querySelectorAll('[data-cid="calling-participant-stream"][aria-label]'))) raw.push(beforeComma(tile.getAttribute('aria-label')));
    for (const item of Array.from(doc.querySelectorAll('[role="treeitem"][aria-label], [data-tid^="participantsInCall-"][aria-label]'))) {
      const label = item.getAttribute('aria-label') ?? '';
      // Keep a "(You)" marker that sits after the name so the user is recognised.
      const name = beforeComma(label);
      raw.push(/\((?:you|me)\)/i.test(label) && !/\((?:you|me)\)/i.test(name) ? `${name} (You)` : name);
    }
    for (const el of Array.from(doc.querySelectorAll('[data-tid$="display-name"]'))) raw.push(el.textContent ?? '');
    return cleanNames(raw);
  },
};

/** The meeting's id from a Teams link: a meetup-join thread id, or a /meet/<digits> id. */
export function teamsCode(url: URL): string | null {
  if (!TEAMS_HOST.test(url.hostname)) return null;
  const join = /\/l\/meetup-join\/([^/?#]+)/.exec(url.pathname);
  if (join?.[1]) {
    let thread = join[1];
    try {
      thread = decodeURIComponent(thread);
    } catch {
      // keep as is
    }
    return thread.toLowerCase().slice(0, 200);
  }
  const meetId = /\/meet\/(\d{6,20})(?=$|[/?#])/.exec(url.pathname);
  return meetId?.[1] ?? null;
}
