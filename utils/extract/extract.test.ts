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
      code: 'no-name',
      // Placeholders are still on screen: the page may yet render the name.
      settled: false,
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

  it('caps over-long text instead of failing the capture, and says a name was cut', () => {
    const long = 'x'.repeat(5000);
    const doc = new DOMParser().parseFromString(
      `<main><section><a href="/in/long/"><h1>Long ${long}</h1></a><p>${long}</p></section></main>`,
      'text/html',
    );
    const capture = extractProfile(doc, 'https://www.linkedin.com/in/long/');
    expect(capture?.name.length).toBe(500);
    expect(capture?.name.endsWith('…')).toBe(true);
    expect(capture?.fieldConfidence?.name).toBe('low');
    expect(capture?.fieldNotes?.name).toBe('name-cut');
    expect(capture?.headline?.length).toBe(500);
  });

  it('keeps a long name whole up to 500 characters (it used to cut at 200, mid-word)', () => {
    const name = Array.from({ length: 30 }, (_, i) => `Name${i}`).join(' ') + ' Zedsurname'; // ~230 characters
    const doc = new DOMParser().parseFromString(`<title>x</title><main><section><a href="/in/long/"><h1>${name}</h1></a></section></main>`, 'text/html');
    const capture = extractProfile(doc, 'https://www.linkedin.com/in/long/');
    expect(capture?.name).toBe(name);
    expect(capture?.fieldNotes).toBeUndefined();
    expect(capture?.fieldConfidence?.name).toBe('high');
  });

  it('cuts a name longer than 500 characters at a word, marks the cut and says so', () => {
    const words = Array.from({ length: 120 }, (_, i) => `Word${i}`);
    const doc = new DOMParser().parseFromString(`<main><section><a href="/in/long/"><h1>${words.join(' ')}</h1></a></section></main>`, 'text/html');
    const capture = extractProfile(doc, 'https://www.linkedin.com/in/long/')!;
    expect(capture.name.length).toBeLessThanOrEqual(500);
    expect(capture.name.endsWith('…')).toBe(true);
    const kept = capture.name.slice(0, -1).split(' ');
    // Every kept word is whole.
    expect(kept).toStrictEqual(words.slice(0, kept.length));
    expect(capture.fieldNotes?.name).toBe('name-cut');
    expect(capture.fieldConfidence?.name).toBe('low');
  });

  it('never throws on an empty or broken document', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    expect(() => readProfile(doc, 'https://www.linkedin.com/in/x/')).not.toThrow();
    expect(readProfile(doc, 'https://www.linkedin.com/in/x/')).toMatchObject({ status: 'unreadable' });
  });
});
