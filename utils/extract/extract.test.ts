// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../tests/helpers/fixtures';
import { extractProfile, readProfile } from './index';

describe('extractProfile edge cases', () => {
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
