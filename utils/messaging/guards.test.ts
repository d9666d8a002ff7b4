import { describe, expect, it } from 'vitest';
import { makeCapture } from '@/tests/helpers/db';
import { LINKEDIN_MATCHES } from '../core/canonical-url';
import { checkCaptureForPage, classifySender } from './guards';

const ID = 'abc';
const ORIGIN = 'chrome-extension://abc/';

describe('classifySender', () => {
  it.each([
    [{ id: ID, url: 'chrome-extension://abc/popup.html' }, 'extension-page'],
    [{ id: ID, url: 'chrome-extension://abc/sidepanel.html', tab: { id: 3 } }, 'extension-page'],
    [{ id: ID, url: 'https://www.linkedin.com/in/ada/', tab: { id: 3 } }, 'content'],
    [{ id: ID, url: 'https://uk.linkedin.com/in/ada/', tab: { id: 3 } }, 'content'],
    [{ id: ID, url: 'https://m.linkedin.com/in/ada/', tab: { id: 3 } }, 'content'],
    [{ id: ID, url: 'https://de.linkedin.com/in/ada/', tab: { id: 3 } }, 'content'],
    // Only the hosts the content script is declared for: not bare, not any subdomain, not another port.
    [{ id: ID, url: 'https://linkedin.com/feed/', tab: { id: 3 } }, null],
    [{ id: ID, url: 'https://business.linkedin.com/in/ada/', tab: { id: 3 } }, null],
    [{ id: ID, url: 'https://xx.linkedin.com/in/ada/', tab: { id: 3 } }, null],
    [{ id: ID, url: 'https://www.linkedin.com:444/in/ada/', tab: { id: 3 } }, null],
    [{ id: ID, url: 'https://www.linkedin.com/in/ada/' }, null],
    [{ id: ID, url: 'https://meet.google.com/abc-defg-hij', tab: { id: 3 } }, 'meeting-content'],
    [{ id: ID, url: 'https://app.zoom.us/wc/81234567890/join', tab: { id: 3 } }, 'meeting-content'],
    [{ id: ID, url: 'https://us02web.zoom.us/wc/81234567890/join', tab: { id: 3 } }, 'meeting-content'],
    [{ id: ID, url: 'https://teams.microsoft.com/v2/', tab: { id: 3 } }, 'meeting-content'],
    [{ id: ID, url: 'https://teams.live.com/meet/123456789', tab: { id: 3 } }, 'meeting-content'],
    [{ id: ID, url: 'https://teams.cloud.microsoft/', tab: { id: 3 } }, 'meeting-content'],
    [{ id: ID, url: 'http://meet.google.com/abc-defg-hij', tab: { id: 3 } }, null],
    [{ id: ID, url: 'https://meet.google.com.evil.example/abc-defg-hij', tab: { id: 3 } }, null],
    [{ id: ID, url: 'https://zoom.us.evil.example/wc/1/join', tab: { id: 3 } }, null],
    [{ id: ID, url: 'https://meet.google.com/abc-defg-hij' }, null],
    [{ id: ID, url: 'https://www.linkedin.com.evil.example/in/ada/', tab: { id: 3 } }, null],
    [{ id: ID, url: 'https://notlinkedin.com/in/ada/', tab: { id: 3 } }, null],
    [{ id: ID, url: 'http://www.linkedin.com/in/ada/', tab: { id: 3 } }, null],
    [{ id: 'other', url: 'chrome-extension://abc/popup.html' }, null],
    [{ id: ID, url: 'chrome-extension://other/popup.html' }, null],
    [{ id: ID }, null],
    [{}, null],
  ])('%j → %s', (sender, kind) => {
    expect(classifySender(sender, ID, ORIGIN)).toBe(kind);
  });
});

describe('the content script and the sender check cover the same hosts', () => {
  it('every match pattern is an https LinkedIn host the sender check accepts, and nothing wider', () => {
    for (const pattern of LINKEDIN_MATCHES) {
      expect(pattern).toMatch(/^https:\/\/(?:www|m|[a-z]{2})\.linkedin\.com\/\*$/);
      const url = pattern.replace('*', 'in/ada/');
      expect(classifySender({ id: ID, url, tab: { id: 1 } }, ID, ORIGIN)).toBe('content');
    }
    expect(LINKEDIN_MATCHES).toContain('https://uk.linkedin.com/*');
    expect(LINKEDIN_MATCHES).not.toContain('https://*.linkedin.com/*');
  });
});

describe('checkCaptureForPage', () => {
  const ADA = 'https://www.linkedin.com/in/ada-lovelace/';
  const GRACE = 'https://www.linkedin.com/in/grace-hopper/';
  const GRACE_ID = 'https://www.linkedin.com/in/acoaab1234xyz/';
  const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAA123/';

  it.each([
    ['the page’s own key, any form of its URL', makeCapture(), 'https://uk.linkedin.com/in/Ada-Lovelace?trk=x', true, { ok: true, pageKey: ADA }],
    ['a member-id page naming its member URL', makeCapture({ profileUrl: GRACE, aliases: [GRACE_ID] }), 'https://www.linkedin.com/in/ACoAAB1234xyz/', true, { ok: true, pageKey: GRACE_ID }],
    ['a lead naming its member URL', makeCapture({ profileUrl: GRACE, aliases: [LEAD] }), 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,x', true, { ok: true, pageKey: LEAD }],
    ['a lead naming its member URL, unconfirmed', makeCapture({ profileUrl: GRACE, aliases: [LEAD] }), LEAD, false, { ok: false, why: 'not-confirmed' }],
    ['another profile than the page', makeCapture({ profileUrl: GRACE }), ADA, true, { ok: false, why: 'other-person' }],
    ['another profile, with the page as alias', makeCapture({ profileUrl: GRACE, aliases: [ADA] }), ADA, true, { ok: false, why: 'other-person' }],
    ['a member-id page naming another member id', makeCapture({ profileUrl: 'https://www.linkedin.com/in/acoaaother/', aliases: [GRACE_ID] }), GRACE_ID, true, { ok: false, why: 'other-person' }],
    ['a lead with two aliases', makeCapture({ profileUrl: GRACE, aliases: [LEAD, GRACE_ID] }), LEAD, true, { ok: false, why: 'other-person' }],
    ['a LinkedIn key from a GitHub page', makeCapture(), 'https://github.com/ada', true, { ok: false, why: 'other-person' }],
    ['a GitHub user', makeCapture({ profileUrl: 'https://github.com/ada' }), 'https://github.com/Ada', true, { ok: true }],
    ['no URL to check against', makeCapture(), undefined, true, { ok: false, why: 'no-page' }],
    ['an http page', makeCapture({ profileUrl: 'https://example.org/ada' }), 'http://example.org/ada', true, { ok: false, why: 'no-page' }],
  ])('%s', (_, capture, tabUrl, confirmed, expected) => {
    expect(checkCaptureForPage(capture, tabUrl, confirmed)).toMatchObject(expected);
  });

  it('passes on exactly the aliases the store may trust', () => {
    const own = checkCaptureForPage(makeCapture({ aliases: [ADA] }), ADA, true);
    expect(own.ok && own.capture.aliases).toStrictEqual([]);
    const lead = checkCaptureForPage(makeCapture({ profileUrl: GRACE, aliases: [LEAD] }), LEAD, true);
    expect(lead.ok && lead.capture.aliases).toStrictEqual([LEAD]);
  });
});
