/**
 * Zoom's web client (app.zoom.us/wc/<id>/join, <sub>.zoom.us/wc/<id>/…). The
 * client may run inside `iframe#webclient` (the content script runs in every
 * frame of these pages). `zoom.us/j/<id>` is a launcher, not the client.
 * Signals from reference/meeting-sites.md: pre-join `#input-for-name`,
 * `button.preview-join-button`; in call `.meeting-app`, `#audioOptionMenu`, the
 * footer leave button; names in `.video-avatar__avatar-footer`.
 */
import { cleanText } from '../core/text';
import { cleanNames } from './read';
import type { MeetingSite } from './types';

const WC_ID = /^\/wc\/(?:join\/)?(\d{9,12})(?=$|[/?#])/;

export const zoom: MeetingSite = {
  site: 'zoom',
  isMeetingUrl: (url) => (url.hostname === 'zoom.us' || url.hostname.endsWith('.zoom.us')) && url.pathname.startsWith('/wc/'),
  signals: {
    'in-call': [
      { id: 'audio-option-menu', selector: '#audioOptionMenu' },
      { id: 'meeting-app', selector: '.meeting-app' },
      { id: 'leave-container', selector: '.footer__leave-btn-container, .footer__leave-btn' },
      { id: 'video-avatar', selector: '.video-avatar__avatar, .video-avatar__avatar-footer' },
      { id: 'participants-button', selector: '.footer-button__participants-icon, [data-feature="participants"]' },
      { id: 'leave-label', selector: 'button[aria-label]', attr: 'aria-label', text: /^(?:Leave|Verlassen|Quitter|Salir|Sair)$/i },
    ],
    lobby: [
      { id: 'name-input', selector: '#input-for-name' },
      { id: 'preview-join-button', selector: 'button.preview-join-button' },
      { id: 'preview-audio', selector: '#preview-audio-control-button, #preview-video-control-button' },
      {
        id: 'waiting-text',
        selector: 'h1, h2, h3, [role="heading"], [aria-live], .wr-tile, .waiting-room-container',
        text: /host will let you in soon|Please wait|waiting room|Warten Sie|Veuillez patienter|Espere/i,
      },
    ],
    ended: [
      { id: 'leave-url', url: /^\/wc\/(?:\d+\/)?leave|^\/postattendee/ },
      { id: 'ended-modal', selector: '.zm-modal-body-title' },
      { id: 'meeting-ended-container', selector: '.meeting-ended, [data-meeting-ended="true"]' },
      {
        id: 'ended-text',
        selector: '.zm-modal-body-title, h1, h2, [role="heading"], [role="alertdialog"]',
        text: /meeting has been ended|meeting has ended|ended by (?:the )?host|You (?:have )?left the meeting|Das Meeting wurde beendet|La réunion a été terminée/i,
      },
    ],
  },
  title(doc) {
    const title = cleanText(doc.title.replace(/\s*[-|–]\s*Zoom\s*$/i, ''));
    if (!title || /^(?:Zoom|Error|Zoom Meeting|Zoom Webinar)$/i.test(title)) return null;
    return title;
  },
  code(_doc, url) {
    return WC_ID.exec(url.pathname)?.[1] ?? null;
  },
  participants(doc) {
    const raw: string[] = [];
    for (const footer of Array.from(doc.querySelectorAll('.video-avatar__avatar-footer'))) raw.push(footer.textContent ?? '');
    for (const img of Array.from(doc.querySelectorAll('img.video-avatar__avatar-img[alt]'))) raw.push(img.getAttribute('alt') ?? '');
    // The participants panel, when open: a name plus a label such as "(Host, me)".
    for (const item of Array.from(doc.querySelectorAll('.participants-item__display-name'))) {
      const label = item.parentElement?.querySelector('.participants-item__name-label')?.textContent ?? '';
      raw.push(`${item.textContent ?? ''} ${label}`);
    }
    return cleanNames(raw);
  },
};
