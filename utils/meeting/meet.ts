/**
 * Google Meet (meet.google.com/<abc-defg-hij>). The pre-join, call and
 * post-call screens share one URL; the state comes from the page. Signals
 * follow reference/meeting-sites.md: tiles carry `data-participant-id`
 * ("spaces/…/devices/N"), names sit in `span.notranslate`, the hang-up control
 * is the `call_end` icon glyph; older builds marked the user's tile with
 * `data-self-name`, newer ones mark "(You)" in the People panel.
 */
import { cleanText } from '../core/text';
import { cleanNames } from './read';
import type { MeetingSite } from './types';

export const MEET_CODE = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?=$|[/?#])/;

export const meet: MeetingSite = {
  site: 'meet',
  isMeetingUrl: (url) => url.hostname === 'meet.google.com' && MEET_CODE.test(url.pathname),
  signals: {
    'in-call': [
      // Only present once admitted: participant tiles (both generations of markup).
      { id: 'participant-tile', selector: '[data-participant-id], [data-requested-participant-id]' },
      { id: 'self-tile', selector: '[data-self-name]' },
      // The hang-up glyph (also shown while waiting to be let in, so never enough alone).
      { id: 'call-end-glyph', selector: '.google-symbols, .google-material-icons, i[aria-hidden="true"]', text: /^\s*call_end\s*$/ },
      { id: 'leave-button-jsname', selector: 'button[jsname="CQylAd"]' },
      { id: 'call-ended-false', selector: '[data-call-ended="false"]' },
      // Words last, per language.
      { id: 'leave-label', selector: 'button[aria-label]', attr: 'aria-label', text: /^(?:Leave call|Anruf verlassen|Quitter l['’]appel|Salir de la llamada|Sair da chamada|Abbandona la chiamata)/i },
    ],
    lobby: [
      { id: 'join-button-jsname', selector: 'button[jsname="Qx7uuf"], button[jsname="lKxP2d"]' },
      { id: 'prejoin-name-input', selector: 'input[jsname="YPqjbf"]' },
      { id: 'self-preview', selector: '[data-self-preview], [jsname="h6ZLUe"]' },
      {
        id: 'ready-text',
        selector: 'h1, h2, [role="heading"], [aria-live]',
        text: /Ready to join\?|Asking to be (?:let in|admitted)|Bereit zum Teilnehmen\?|Prêt à participer \?|¿Todo listo para unirte\?|Pronto para participar\?/i,
      },
      { id: 'join-label', selector: 'button', text: /^\s*(?:Join now|Ask to join|Jetzt teilnehmen|Teilnahme anfordern|Participer|Demander à participer|Unirse ahora|Solicitar unirse)\s*$/i },
    ],
    ended: [
      { id: 'call-ended-true', selector: '[data-call-ended="true"]' },
      { id: 'rejoin-jsname', selector: 'button[jsname="oI7Fj"]' },
      { id: 'return-home-jsname', selector: 'button[jsname="WTWvTb"], a[href="/"][jsname]' },
      {
        id: 'left-text',
        selector: 'h1, h2, [role="heading"]',
        text: /You left the meeting|The call has ended|Call ended|Sie haben die Besprechung verlassen|Vous avez quitté la réunion|Has salido de la reunión/i,
      },
      { id: 'rejoin-label', selector: 'button', text: /^\s*(?:Rejoin|Erneut teilnehmen|Revenir dans la réunion|Volver a unirse)\s*$/i },
    ],
  },
  title(doc, url) {
    const code = meet.code(doc, url);
    const candidates = [
      doc.querySelector('[data-meeting-title]')?.getAttribute('data-meeting-title'),
      doc.title.replace(/^\s*(?:Google\s+)?Meet\s*[-–—:]\s*/i, ''),
    ];
    for (const candidate of candidates) {
      const title = cleanText(candidate);
      // An ad-hoc meeting's title is only its code.
      if (title && title !== code && !/^(?:Google\s+)?Meet$/i.test(title)) return title;
    }
    return null;
  },
  code(doc, url) {
    const fromUrl = MEET_CODE.exec(url.pathname)?.[1];
    if (fromUrl) return fromUrl;
    const attr = doc.querySelector('[data-meeting-code]')?.getAttribute('data-meeting-code')?.trim().toLowerCase();
    return attr && /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/.test(attr) ? attr : null;
  },
  participants(doc) {
    const selfTile = doc.querySelector('[data-self-name]');
    const self = selfTile?.getAttribute('data-self-name') ?? null;
    const raw: string[] = [];
    // Tiles: the name element only (a tile's full text holds icon words and button labels).
    for (const tile of Array.from(doc.querySelectorAll('[data-participant-id], [data-requested-participant-id]'))) {
      if (tile.parentElement?.closest('[data-participant-id], [data-requested-participant-id]')) continue;
      const name = tile.querySelector('span.notranslate, [data-participant-name]');
      const text = name?.textContent ?? null;
      if (tile === selfTile || tile.contains(selfTile)) continue;
      raw.push(text ?? '');
    }
    // The People panel, when open: list items named by aria-label; the user's has a "(You)" marker.
    for (const item of Array.from(doc.querySelectorAll('[role="list"] [role="listitem"][aria-label]'))) {
      const label = item.getAttribute('aria-label') ?? '';
      const marker = item.querySelector('span.notranslate + span, [data-self-marker]')?.textContent ?? '';
      raw.push(`${label}${marker ? ` ${marker}` : ''}`);
    }
    return cleanNames(raw, self);
  },
};
