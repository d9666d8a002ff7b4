// @vitest-environment happy-dom
/**
 * The content script's load path decides "a person is here, Save goes beside
 * this name" with `probeLinkedInName` alone, and runs the full reader only when
 * the probe can't tell (issue #11). So the probe must never offer a page the
 * full reader would refuse: on every LinkedIn page of the corpus, a probe that
 * finds a name agrees with the reader's verdict, and a self-link is a read the
 * reader calls confirmed.
 */
import { describe, expect, it } from 'vitest';
import { CORPUS } from '@/tests/fixtures/corpus';
import { loadFixture } from '@/tests/helpers/fixtures';
import { readLinkedInPage } from './linkedin-page';
import { probeLinkedInName } from './linkedin-name';

const LINKEDIN = CORPUS.filter((c) => c.fixture.startsWith('linkedin/'));

describe('the load path’s name probe', () => {
  it.each(LINKEDIN.map((c) => [c.fixture, c] as const))('%s: offers a person only where the full reader reads one', (_, { fixture, url }) => {
    const doc = loadFixture(fixture);
    const probe = probeLinkedInName(doc, url);
    const read = readLinkedInPage(doc, url);
    if (probe === null) return;
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(probe.el.isConnected).toBe(true);
    if (probe.selfLink) expect(read.confirmed).toBe(true);
    // The heading's text is the reader's name, or the name its structured data spells out in full.
    if (read.capture.fieldSources.name === 'heading') expect(probe.name).toBe(read.capture.name);
  });

  it('finds the name at once on the layouts people see most, and leaves login walls, "not found" and name-less pages to the reader', () => {
    const found = (fixture: string, url: string) => probeLinkedInName(loadFixture(fixture), url)?.name ?? null;
    expect(found('linkedin/current-layout.html', 'https://www.linkedin.com/in/ada-lovelace/')).toBe('Ada Lovelace');
    expect(found('linkedin/legacy-layout.html', 'https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-1a2b/')).not.toBeNull();
    expect(found('linkedin/topcard-2026.html', 'https://www.linkedin.com/in/aiko-tanaka-ds/')).not.toBeNull();
    expect(found('linkedin/login-wall.html', 'https://www.linkedin.com/in/rahel-mekonnen/')).toBeNull();
    expect(found('linkedin/profile-not-found.html', 'https://www.linkedin.com/in/removed-member-123/')).toBeNull();
    expect(found('linkedin/no-person-settled.html', 'https://www.linkedin.com/in/wanda-nl/')).toBeNull();
    expect(found('linkedin/no-name.html', 'https://www.linkedin.com/in/ghost/')).toBeNull();
    // Sales Navigator, Recruiter and member-id pages always go through the full reader.
    expect(found('linkedin/sales-navigator.html', 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abc')).toBeNull();
  });

  it('a name the page ties to another profile (the previous person after in-app navigation) is not this page’s', () => {
    expect(probeLinkedInName(loadFixture('linkedin/current-layout.html'), 'https://www.linkedin.com/in/someone-else/')).toBeNull();
  });
});
