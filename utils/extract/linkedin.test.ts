// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../tests/helpers/fixtures';
import type { ProfileCapture } from '../domain/schemas';
import { extractProfile, readProfile } from './index';

const cases: { fixture: string; url: string; expected: ProfileCapture }[] = [
  {
    fixture: 'linkedin/current-layout.html',
    url: 'https://www.linkedin.com/in/ada-lovelace/',
    expected: {
      profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
      name: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      headline: 'Principal Engineer at Analytical Engines | Mentor for women in computing',
      role: 'Principal Engineer',
      company: 'Analytical Engines',
      location: 'London, England, United Kingdom',
      photoUrl:
        'https://media.licdn.com/dms/image/v2/D4E03AQ/profile-displayphoto-shrink_400_400/0/1700000000000?e=1&v=beta&t=abc',
      degree: 2,
      mutualConnections: { count: 5, names: ['Charles Babbage', 'Mary Somerville'] },
      source: 'linkedin',
    },
  },
  {
    fixture: 'linkedin/current-layout-h2.html',
    url: 'https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m/?miniProfileUrn=x',
    expected: {
      profileUrl: 'https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m/',
      name: 'Zoë Ångström 🚀',
      firstName: 'Zoë',
      lastName: 'Ångström',
      headline: 'Staff Data Scientist · Climate models · Open source',
      role: 'Staff Data Scientist',
      company: 'Nordic Climate Institute',
      location: 'Malmö, Skåne County, Sweden',
      photoUrl: 'https://media.licdn.com/dms/image/v2/C5603AQ/profile-displayphoto-shrink_800_800/0/1?e=1',
      degree: 1,
      mutualConnections: { count: 1, names: ['Grace Hopper'] },
      source: 'linkedin',
    },
  },
  {
    fixture: 'linkedin/legacy-layout.html',
    url: 'https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-1a2b/',
    expected: {
      profileUrl: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b/',
      name: 'Jürgen Müller',
      firstName: 'Jürgen',
      lastName: 'Müller',
      headline: 'Head of Platform bei Beispiel GmbH · Kubernetes, Go',
      role: 'Head of Platform',
      company: 'Beispiel GmbH',
      location: 'Berlin, Berlin, Germany',
      photoUrl: 'https://media.licdn.com/dms/image/C4D03AQ/profile-displayphoto-shrink_200_200/0/1600000000000?e=1',
      degree: 3,
      mutualConnections: { count: 2, names: ['Hedy Lamarr', 'Alan Turing'] },
      source: 'linkedin',
    },
  },
  {
    fixture: 'linkedin/public-page.html',
    url: 'https://uk.linkedin.com/in/margaret-hamilton-apollo',
    expected: {
      profileUrl: 'https://www.linkedin.com/in/margaret-hamilton-apollo/',
      name: 'Margaret Hamilton',
      firstName: 'Margaret',
      lastName: 'Hamilton',
      headline: 'Software engineering pioneer. Led the Apollo on-board flight software team.',
      role: 'Founder and CEO',
      company: 'Hamilton Technologies',
      location: 'Boston, Massachusetts, United States',
      photoUrl: 'https://media.licdn.com/dms/image/v2/D5603AQ/profile-displayphoto-shrink_200_200/0/1?e=2',
      degree: null,
      mutualConnections: { count: 0, names: [] },
      source: 'linkedin',
    },
  },
  {
    fixture: 'linkedin/hostile-name.html',
    url: 'https://www.linkedin.com/in/xss-test/',
    expected: {
      profileUrl: 'https://www.linkedin.com/in/xss-test/',
      name: '<img src=x onerror=alert(1)>',
      firstName: null,
      lastName: null,
      headline: '<script>alert("headline")</script> Engineer at <b>Evil</b> Corp',
      role: '<script>alert("headline")</script> Engineer',
      company: '<b>Evil</b> Corp',
      location: '"; DROP TABLE people; --',
      photoUrl: null,
      degree: 3,
      mutualConnections: { count: 0, names: [] },
      source: 'linkedin',
    },
  },
];

describe('extractProfile on LinkedIn fixtures', () => {
  it.each(cases)('$fixture', ({ fixture, url, expected }) => {
    expect(extractProfile(loadFixture(fixture), url)).toStrictEqual(expected);
  });

  it.each(cases)('$fixture ties the page to its URL', ({ fixture, url }) => {
    const result = readProfile(loadFixture(fixture), url);
    expect(result).toMatchObject({ status: 'ok', confirmed: true });
  });

  it('does not confirm a page that shows another person than the URL names', () => {
    // After in-app navigation the URL changes before the DOM: Ada's page under Zoë's URL.
    const result = readProfile(loadFixture('linkedin/current-layout.html'), 'https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m/');
    expect(result).toMatchObject({ status: 'ok', confirmed: false });
  });

  it.each([
    ['linkedin/feed.html', 'https://www.linkedin.com/feed/'],
    ['linkedin/company.html', 'https://www.linkedin.com/company/analytical-engines/'],
    ['linkedin/current-layout.html', 'https://www.linkedin.com/search/results/people/?keywords=ada'],
  ])('%s at %s is not a profile', (fixture, url) => {
    expect(extractProfile(loadFixture(fixture), url)).toBeNull();
    expect(readProfile(loadFixture(fixture), url)).toStrictEqual({ status: 'not-profile' });
  });

  it('says why when a profile page has no readable name, and saves nothing', () => {
    const doc = loadFixture('linkedin/no-name.html');
    const url = 'https://www.linkedin.com/in/ghost/';
    expect(extractProfile(doc, url)).toBeNull();
    expect(readProfile(doc, url)).toStrictEqual({
      status: 'unreadable',
      profileUrl: 'https://www.linkedin.com/in/ghost/',
      reason: "Introbook couldn't find this person's name on the page.",
    });
  });

  it('never takes "LinkedIn" or a notification count as a name', () => {
    const doc = new DOMParser().parseFromString(
      '<title>(12) LinkedIn</title><main><section><h1>LinkedIn Member</h1><p>· 2nd</p></section></main>',
      'text/html',
    );
    expect(readProfile(doc, 'https://www.linkedin.com/in/someone/')).toMatchObject({ status: 'unreadable' });
  });

  it('falls back to the <title> when the name heading is missing', () => {
    const doc = new DOMParser().parseFromString('<title>(3) Léa Seydoux | LinkedIn</title><main><p>loading</p></main>', 'text/html');
    expect(extractProfile(doc, 'https://www.linkedin.com/in/lea/')).toMatchObject({ name: 'Léa Seydoux', firstName: 'Léa' });
  });

  it('caps over-long text instead of failing the capture', () => {
    const long = 'x'.repeat(5000);
    const doc = new DOMParser().parseFromString(
      `<main><section><a href="/in/long/"><h1>Long ${long}</h1></a><p>${long}</p></section></main>`,
      'text/html',
    );
    const capture = extractProfile(doc, 'https://www.linkedin.com/in/long/');
    expect(capture?.name.length).toBe(200);
    expect(capture?.headline?.length).toBe(500);
  });

  it('never throws on an empty or broken document', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    expect(() => readProfile(doc, 'https://www.linkedin.com/in/x/')).not.toThrow();
    expect(readProfile(doc, 'https://www.linkedin.com/in/x/')).toMatchObject({ status: 'unreadable' });
  });
});
