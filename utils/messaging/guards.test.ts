import { describe, expect, it } from 'vitest';
import { classifySender } from './guards';

const ID = 'abc';
const ORIGIN = 'chrome-extension://abc/';

describe('classifySender', () => {
  it.each([
    [{ id: ID, url: 'chrome-extension://abc/popup.html' }, 'extension-page'],
    [{ id: ID, url: 'chrome-extension://abc/sidepanel.html', tab: { id: 3 } }, 'extension-page'],
    [{ id: ID, url: 'https://www.linkedin.com/in/ada/', tab: { id: 3 } }, 'content'],
    [{ id: ID, url: 'https://uk.linkedin.com/in/ada/', tab: { id: 3 } }, 'content'],
    [{ id: ID, url: 'https://linkedin.com/feed/', tab: { id: 3 } }, 'content'],
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
