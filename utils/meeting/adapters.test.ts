// @vitest-environment happy-dom
/**
 * Each meeting site's adapter on pages written for these tests (tests/fixtures/meeting/):
 * the state, the title, the meeting code and the participants, the user excluded.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@/tests/helpers/fixtures';
import { callKeyOf, callKeyOfLink } from './call-key';
import { meet } from './meet';
import { readCall } from './read';
import { teams } from './teams';
import type { MeetingSite } from './types';
import { zoom } from './zoom';

const MEET = 'https://meet.google.com/abc-defg-hij';
const ZOOM = 'https://app.zoom.us/wc/81234567890/join?fromPWA=1&pwd=secret';
const TEAMS = 'https://teams.microsoft.com/v2/';

function read(site: MeetingSite, fixture: string, url: string) {
  const { evidence: _evidence, ...rest } = readCall(loadFixture(`meeting/${fixture}`), new URL(url), site);
  return rest;
}

describe('Google Meet', () => {
  it.each([
    ['meet/lobby.html', 'lobby'],
    ['meet/waiting.html', 'lobby'],
    ['meet/in-call.html', 'in-call'],
    ['meet/in-call-legacy-de.html', 'in-call'],
    ['meet/ended.html', 'ended'],
  ])('%s is %s', (fixture, state) => {
    expect(read(meet, fixture, MEET).state).toBe(state);
  });

  it('reads the title, code and participants in a call, without the user or device ids', () => {
    expect(read(meet, 'meet/in-call.html', MEET)).toStrictEqual({
      state: 'in-call',
      title: 'Coffee chat: Priya / Sam',
      code: 'abc-defg-hij',
      participants: ['Priya Raman'],
      self: 'Sam Rivera',
    });
  });

  it('older markup in German: the self tile is the user, duplicates fold, icon words are not names', () => {
    expect(read(meet, 'meet/in-call-legacy-de.html', 'https://meet.google.com/xyz-abcd-efg?authuser=1')).toStrictEqual({
      state: 'in-call',
      title: 'Projektgespräch',
      code: 'xyz-abcd-efg',
      participants: ['Zoë Ångström', 'Jürgen Müller'],
      self: 'Sam Rivera',
    });
  });

  it('an ad-hoc meeting has no title but its code', () => {
    expect(read(meet, 'meet/waiting.html', MEET)).toMatchObject({ title: null, code: 'abc-defg-hij', participants: [] });
  });

  it('a hang-up glyph alone (waiting to be let in) is not a call: two signals must agree', () => {
    const reading = readCall(loadFixture('meeting/meet/waiting.html'), new URL(MEET), meet);
    expect(reading.evidence['in-call']).toStrictEqual(['call-end-glyph']);
    expect(reading.state).toBe('lobby');
  });

  it('only meeting-code URLs are meeting pages', () => {
    expect(meet.isMeetingUrl(new URL(MEET))).toBe(true);
    expect(meet.isMeetingUrl(new URL('https://meet.google.com/'))).toBe(false);
    expect(meet.isMeetingUrl(new URL('https://meet.google.com/landing'))).toBe(false);
  });
});

describe('Zoom web client', () => {
  it.each([
    ['zoom/lobby.html', 'lobby'],
    ['zoom/waiting-room.html', 'lobby'],
    ['zoom/in-call.html', 'in-call'],
    ['zoom/ended.html', 'ended'],
  ])('%s is %s', (fixture, state) => {
    expect(read(zoom, fixture, ZOOM).state).toBe(state);
  });

  it('reads the topic, meeting id and participants; "(Host, me)" marks the user', () => {
    expect(read(zoom, 'zoom/in-call.html', ZOOM)).toStrictEqual({
      state: 'in-call',
      title: 'Informational interview with Jürgen',
      code: '81234567890',
      participants: ['Jürgen Müller'],
      self: 'Sam Rivera',
    });
  });

  it('the leave page counts as ended from its URL plus the page', () => {
    expect(read(zoom, 'zoom/ended.html', 'https://app.zoom.us/wc/81234567890/leave').state).toBe('ended');
  });

  it('a generic "Zoom" title is no title', () => {
    expect(read(zoom, 'zoom/lobby.html', ZOOM).title).toBeNull();
  });
});

describe('Teams on the web', () => {
  it.each([
    ['teams/prejoin.html', 'lobby'],
    ['teams/in-call.html', 'in-call'],
    ['teams/ended.html', 'ended'],
  ])('%s is %s', (fixture, state) => {
    expect(read(teams, fixture, TEAMS).state).toBe(state);
  });

  it('reads the title and participants (names before the first comma), the user excluded', () => {
    expect(read(teams, 'teams/in-call.html', TEAMS)).toStrictEqual({
      state: 'in-call',
      title: 'Coffee chat with Zoë',
      code: null,
      participants: ['Zoë Ångström'],
      self: 'Sam Rivera',
    });
  });

  it('finds the meeting id in join links, not in the app shell', () => {
    const join = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ4%40thread.v2/0?context=%7b%7d';
    expect(teams.code(document, new URL(join))).toBe('19:meeting_nzq4@thread.v2');
    expect(teams.code(document, new URL('https://teams.live.com/meet/9387123456789?p=secret'))).toBe('9387123456789');
    expect(teams.code(document, new URL(TEAMS))).toBeNull();
  });
});

describe('call keys', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'meet:abc-defg-hij'],
    ['https://meet.google.com/ABC-DEFG-HIJ?authuser=0', 'meet:abc-defg-hij'],
    ['https://zoom.us/j/81234567890?pwd=abc', 'zoom:81234567890'],
    ['https://us02web.zoom.us/j/81234567890', 'zoom:81234567890'],
    ['https://app.zoom.us/wc/81234567890/join?pwd=abc', 'zoom:81234567890'],
    ['https://app.zoom.us/wc/join/81234567890', 'zoom:81234567890'],
    ['https://teams.live.com/meet/9387123456789?p=x', 'teams:9387123456789'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ4%40thread.v2/0', 'teams:19:meeting_nzq4@thread.v2'],
    ['https://meet.google.com/', null],
    ['http://meet.google.com/abc-defg-hij', null],
    ['https://evil.example/abc-defg-hij', null],
    ['not a link', null],
    ['', null],
  ])('%s → %s', (link, key) => {
    expect(callKeyOfLink(link)).toBe(key);
  });

  it('a page reading gives the same key as the scheduled link', () => {
    expect(callKeyOf('zoom', '81234567890')).toBe(callKeyOfLink('https://zoom.us/j/81234567890'));
    expect(callKeyOf('meet', 'nope')).toBeNull();
  });
});
