// @vitest-environment happy-dom
/**
 * LinkedIn extraction rules beyond the corpus pages (issue #7, and #10's cost
 * items): mutual-connection sentences in every supported UI language, counts
 * read before any list is cut, members chosen by structure on Sales Navigator
 * and Recruiter pages, what confirms a read, "settled" pages, bounded cost.
 */
import { describe, expect, it } from 'vitest';
import { fixtureHtml as fixtureText, loadFixture } from '@/tests/helpers/fixtures';
import { readProfile, type ReadResult } from './index';
import { dateLine } from './linkedin';
import { NOT_A_PERSON } from './layouts/linkedin';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const MUTUAL_HREF = '/search/results/people/?origin=MEMBER_PROFILE_CANNED_SEARCH&amp;network=%5B%22F%22%5D&amp;connectionOf=%5B%22ACoAAXy%22%5D';

function ok(result: ReadResult) {
  if (result.status !== 'ok') throw new Error(`expected a capture, got ${JSON.stringify(result)}`);
  return result;
}

/** A small current-layout page whose mutual-connections link holds `inner`. */
function mutualPage(inner: string): Document {
  return parse(
    `<title>Ada Lovelace | LinkedIn</title><main><section><a href="/in/ada/"><h1>Ada Lovelace</h1></a><p>· 2nd</p><p>Engineer</p>` +
      `<a href="${MUTUAL_HREF}"><span>${inner}</span></a></section></main>`,
  );
}

const mutualsOf = (inner: string) => ok(readProfile(mutualPage(inner), 'https://www.linkedin.com/in/ada/')).capture.mutualConnections;
const confidenceOf = (inner: string) => ok(readProfile(mutualPage(inner), 'https://www.linkedin.com/in/ada/')).capture.fieldConfidence?.mutualConnections;

describe('mutual connections, plain-text sentences (count = names shown + the number)', () => {
  it.each([
    // English
    ['Li Wei, Omar Haddad, and 12 other mutual connections', 14, ['Li Wei', 'Omar Haddad']],
    ['Li Wei, Omar Haddad and 12 other mutual connections', 14, ['Li Wei', 'Omar Haddad']],
    ['Li Wei, Omar Haddad & 8 other', 10, ['Li Wei', 'Omar Haddad']],
    ['Li Wei & 8 others', 9, ['Li Wei']],
    ['Li Wei and 79 others', 80, ['Li Wei']],
    ['Li Wei and Omar Haddad are mutual connections', 2, ['Li Wei', 'Omar Haddad']],
    ['Li Wei, Omar Haddad and Ana Souza are mutual connections', 3, ['Li Wei', 'Omar Haddad', 'Ana Souza']],
    ['Li Wei is a mutual connection', 1, ['Li Wei']],
    ['1 mutual connection – Li Wei', 1, ['Li Wei']],
    ['2 mutual connections: Li Wei, Omar Haddad', 2, ['Li Wei', 'Omar Haddad']],
    ['12 mutual connections', 12, []],
    ['1,234 mutual connections', 1234, []],
    // French
    ['Pierre Curie, Irène Joliot-Curie et 4 autres relations en commun', 6, ['Pierre Curie', 'Irène Joliot-Curie']],
    ['Pierre Curie est une relation en commun', 1, ['Pierre Curie']],
    ['Pierre Curie et Irène Joliot-Curie sont des relations en commun', 2, ['Pierre Curie', 'Irène Joliot-Curie']],
    ['12 relations en commun', 12, []],
    // German
    ['Hedy Lamarr, Alan Turing und 5 weitere gemeinsame Kontakte', 7, ['Hedy Lamarr', 'Alan Turing']],
    ['Hedy Lamarr ist ein gemeinsamer Kontakt', 1, ['Hedy Lamarr']],
    ['Hedy Lamarr und Alan Turing sind gemeinsame Kontakte', 2, ['Hedy Lamarr', 'Alan Turing']],
    ['1.234 gemeinsame Kontakte', 1234, []],
    // Spanish: a name may hold "y"; the list's connective is the last one.
    ['Severo Ochoa, Margarita Salas y 3 contactos en común más', 5, ['Severo Ochoa', 'Margarita Salas']],
    ['Santiago Ramón y Cajal es un contacto en común', 1, ['Santiago Ramón y Cajal']],
    ['Santiago Ramón y Cajal y Severo Ochoa son contactos en común', 2, ['Santiago Ramón y Cajal', 'Severo Ochoa']],
    // Portuguese, Italian, Dutch
    ['Ana Souza, Bruno Lima e mais 4 conexões em comum', 6, ['Ana Souza', 'Bruno Lima']],
    ['Ana Souza é uma conexão em comum', 1, ['Ana Souza']],
    ['Marco Bianchi, Giulia Verdi e altri 3 collegamenti in comune', 5, ['Marco Bianchi', 'Giulia Verdi']],
    ['Marco Bianchi è un collegamento in comune', 1, ['Marco Bianchi']],
    ['Jan de Vries, Sanne Bakker en 2 andere gemeenschappelijke connecties', 4, ['Jan de Vries', 'Sanne Bakker']],
    ['Jan de Vries is een gemeenschappelijke connectie', 1, ['Jan de Vries']],
    // Japanese: "、" between names, "他N人" for the others, "さん" after a name is a courtesy word
    ['Li Wei、Omar Haddad、他12人の共通のつながり', 14, ['Li Wei', 'Omar Haddad']],
    ['Li Weiさん、Omar Haddadさん、他12人の共通のつながり', 14, ['Li Wei', 'Omar Haddad']],
    ['山田 太郎さん、他3人', 4, ['山田 太郎']],
    ['12人の共通のつながり', 12, []],
    ['Li Weiさん、Omar Haddadさんは共通のつながりです', 2, ['Li Wei', 'Omar Haddad']],
    // Arabic: "و" joins names and may cling to the number; Arabic-Indic digits count the same
    ['Li Wei و Omar Haddad و12 من الزملاء المشتركين', 14, ['Li Wei', 'Omar Haddad']],
    ['Li Wei و Omar Haddad و 11 من العلاقات المشتركة الأخرى', 13, ['Li Wei', 'Omar Haddad']],
    ['Li Wei، Omar Haddad و ١٢ من العلاقات المشتركة', 14, ['Li Wei', 'Omar Haddad']],
    ['12 علاقة مشتركة', 12, []],
    ['Li Wei علاقة مشتركة', 1, ['Li Wei']],
    // A name holding a connective stays whole when the list's connective is another language's
    ['Li Wei y Cajal Ramón, and 3 other mutual connections', 4, ['Li Wei y Cajal Ramón']],
  ])('"%s" → %i', (sentence, count, names) => {
    expect(mutualsOf(sentence)).toStrictEqual({ count, names });
    // A sentence a language's pattern reads is as sure as the link it sits in.
    expect(confidenceOf(sentence)).toBe('high');
  });

  it.each([
    // No supported language says it this way: the generic rule guesses, and the user checks.
    ['Li Wei, Omar Haddad 외 12명의 공통 1촌', 'Korean'],
    ['Li Wei, Omar Haddad ve 12 ortak bağlantı daha', 'Turkish'],
    ['12 общих контактов', 'Russian'],
    ['Li Wei ist gemeinsam mit dir vernetzt', 'an unknown German phrasing with no number'],
  ])('"%s" (%s) is read by the generic rule and marked "check this"', (sentence) => {
    expect(confidenceOf(sentence)).toBe('low');
  });

  it('reads names marked up in any language, with the number beside them', () => {
    expect(mutualsOf('<strong>山田 太郎</strong>、<strong>佐藤 花子</strong>、他12人の共通のつながり')).toStrictEqual({
      count: 14,
      names: ['山田 太郎', '佐藤 花子'],
    });
  });

  it('counts names in their own elements with the comma as a separate text node (2026 top card)', () => {
    expect(mutualsOf('<span>Chen Jing</span> , <span>Ravi Patel</span> and 7 other mutual connections')).toStrictEqual({
      count: 9,
      names: ['Chen Jing', 'Ravi Patel'],
    });
  });

  it('counts each name once when a screen-reader copy repeats the sentence, whatever its class', () => {
    const sentence = '<strong>Li Wei</strong> and <strong>Omar Haddad</strong> and 3 other mutual connections';
    expect(mutualsOf(`<span aria-hidden="true">${sentence}</span><span class="Qz8k1">${sentence}</span>`)).toStrictEqual({
      count: 5,
      names: ['Li Wei', 'Omar Haddad'],
    });
  });

  it('reads the count before any list is cut: 10,000 marked names and 5 others are 10,005', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `<strong>Person ${i}</strong>`).join(', ');
    const mutuals = mutualsOf(`${names} and 5 other mutual connections`);
    expect(mutuals.count).toBe(10_005);
    expect(mutuals.names).toHaveLength(50);
    expect(mutuals.names[0]).toBe('Person 0');
  });

  it('reads the count before any list is cut: 10,000 plain-text names and 5 others are 10,005', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Person ${i}`).join(', ');
    const mutuals = mutualsOf(`${names} and 5 other mutual connections`);
    expect(mutuals.count).toBe(10_005);
    expect(mutuals.names).toHaveLength(50);
  });

  it('never takes the connections search of a 1st-degree page (network F and S) for mutual connections', () => {
    const doc = parse(
      '<main><section><a href="/in/ada/"><h1>Ada Lovelace</h1></a><p>· 1st</p>' +
        '<a href="/search/results/people/?connectionOf=%5B%22ACoAAXy%22%5D&amp;network=%5B%22F%22%2C%22S%22%5D"><span>500+</span> connections</a></section></main>',
    );
    const capture = ok(readProfile(doc, 'https://www.linkedin.com/in/ada/')).capture;
    expect(capture.mutualConnections).toStrictEqual({ count: 0, names: [] });
    expect(capture.fieldSources.mutualConnections).toBeUndefined();
  });
});

describe('Sales Navigator and Recruiter: the member link is chosen by structure', () => {
  const lead = 'https://www.linkedin.com/sales/lead/ACwAAZ1,NAME_SEARCH,ab';
  const leadKey = 'https://www.linkedin.com/sales/lead/ACwAAZ1/';
  const salesPage = (extra: string) =>
    parse(`<main><section><h1><span data-anonymize="person-name">Mei Lin</span></h1><div data-anonymize="headline">Buyer</div>${extra}</section></main>`);

  it('keeps the lead key when the only profile link is a shared connection, and stays unconfirmed', () => {
    const result = ok(readProfile(salesPage('<p>Shared connection: <a href="https://www.linkedin.com/in/alice-wong/">Alice Wong</a></p>'), lead));
    expect(result.capture.profileUrl).toBe(leadKey);
    expect(result.capture.aliases).toStrictEqual([]);
    expect(result.confirmed).toBe(false);
  });

  it.each([
    ['a heading and the link alone on its line', '<div><h3>Shared connection</h3><div><a href="https://www.linkedin.com/in/alice-wong/">Alice Wong</a></div></div>'],
    ['a link alone in a paragraph', '<p><a href="https://www.linkedin.com/in/alice-wong/">Alice Wong</a></p>'],
    ['a link alone under "Sourced by"', '<dl><dt>Sourced by</dt><dd><a href="/in/alice-wong/">Alice Wong</a></dd></dl>'],
  ])('never takes a profile link standing alone (%s) for the member', (_, card) => {
    const result = ok(readProfile(salesPage(card), lead));
    expect(result.capture.profileUrl).toBe(leadKey);
    expect(result.capture.aliases).toStrictEqual([]);
  });

  it('takes the "view profile" action wherever it sits, in the page’s language', () => {
    for (const label of ['Public profile', 'View LinkedIn profile', 'Voir le profil', 'Profil anzeigen', 'プロフィールを表示']) {
      const doc = salesPage(`<p><a href="https://www.linkedin.com/in/mei-lin/">${label}</a></p>`);
      expect(ok(readProfile(doc, lead)).capture.profileUrl, label).toBe('https://www.linkedin.com/in/mei-lin/');
    }
  });

  it('takes the name’s own link before anything else on the card', () => {
    const doc = parse(
      `<main><section><p>Shared connection: <a href="/in/alice-wong/">Alice Wong</a></p><h1><a href="https://www.linkedin.com/in/mei-lin/"><span data-anonymize="person-name">Mei Lin</span></a></h1></section></main>`,
    );
    expect(ok(readProfile(doc, lead)).capture).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/mei-lin/', aliases: [leadKey] });
  });

  it('takes a link labelled with the person’s name ("View Mei Lin’s profile")', () => {
    const doc = salesPage('<a aria-label="View Mei Lin’s LinkedIn profile" href="https://www.linkedin.com/in/mei-lin/">LinkedIn</a>');
    expect(ok(readProfile(doc, lead)).capture.profileUrl).toBe('https://www.linkedin.com/in/mei-lin/');
  });

  it('trusts no link when the page’s actions point at two different people', () => {
    const doc = salesPage(
      '<ul role="menu"><li><a role="menuitem" href="https://www.linkedin.com/in/mei-lin/">View LinkedIn profile</a></li></ul>' +
        '<div role="toolbar"><a href="https://www.linkedin.com/in/someone-else/">Open profile</a></div>',
    );
    expect(ok(readProfile(doc, lead)).capture.profileUrl).toBe(leadKey);
  });

  it('is confirmed only when the page links to the URL’s own lead', () => {
    const self = salesPage('<a href="/sales/lead/ACwAAZ1,NAME_SEARCH,zz">Copy link</a>');
    const other = salesPage('<a href="/sales/lead/ACwAAQ9,NAME_SEARCH,zz">Similar lead</a>');
    expect(ok(readProfile(self, lead)).confirmed).toBe(true);
    expect(ok(readProfile(other, lead)).confirmed).toBe(false);
  });

  it('never takes "Sourced by <teammate>" on a Recruiter page for the candidate', () => {
    const result = ok(readProfile(loadFixture('linkedin/recruiter-sourced-by.html'), 'https://www.linkedin.com/talent/profile/AEMAAJB1'));
    expect(result.capture.profileUrl).toBe('https://www.linkedin.com/talent/profile/AEMAAJB1/');
    expect(result.confirmed).toBe(false);
  });
});

describe('member-id pages (/in/ACoAA…)', () => {
  const url = 'https://www.linkedin.com/in/ACoAAB1234xyz/';

  it('stays unconfirmed while the page does not name the URL’s member id', () => {
    // member-id-url.html's connections search names another member id (ACoAAGh).
    const result = ok(readProfile(loadFixture('linkedin/member-id-url.html'), url));
    expect(result.capture.profileUrl).toBe('https://www.linkedin.com/in/grace-hopper/');
    expect(result.confirmed).toBe(false);
  });

  it('is confirmed once the page names the member id (its connections search)', () => {
    const doc = parse(
      '<main><section><a href="/in/grace-hopper/"><h1>Grace Hopper</h1></a><p>· 2nd</p>' +
        '<a href="/search/results/people/?network=%5B%22F%22%5D&amp;connectionOf=%5B%22ACoAAB1234xyz%22%5D"><strong>Ada Lovelace</strong> is a mutual connection</a></section></main>',
    );
    expect(ok(readProfile(doc, url))).toMatchObject({ confirmed: true, capture: { profileUrl: 'https://www.linkedin.com/in/grace-hopper/' } });
  });

  it('takes rel=canonical only when the top card links to the same profile', () => {
    const tied = parse(
      '<link rel="canonical" href="https://www.linkedin.com/in/grace-hopper/"><title>Grace Hopper | LinkedIn</title>' +
        '<main><section><h1>Grace Hopper</h1><p>Admiral</p><a href="/in/grace-hopper/overlay/contact-info/">Contact info</a></section></main>',
    );
    const untied = parse(
      '<link rel="canonical" href="https://www.linkedin.com/in/anna-berg/"><title>Grace Hopper | LinkedIn</title>' +
        '<main><section><h1>Grace Hopper</h1><p>Admiral</p><a href="/in/grace-hopper/overlay/contact-info/">Contact info</a></section></main>',
    );
    expect(ok(readProfile(tied, url)).capture).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/grace-hopper/', aliases: ['https://www.linkedin.com/in/acoaab1234xyz/'] });
    expect(ok(readProfile(untied, url)).capture).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/acoaab1234xyz/', aliases: [] });
  });
});

describe('pages that are not a person', () => {
  it.each([
    ['the login wall', '<title>LinkedIn: Log In or Sign Up</title><main><h1>Welcome to your professional community</h1><form><input type="password"></form></main>'],
    ['a login form under any heading', '<title>LinkedIn</title><main><h1>Sign in to see this profile</h1><form><input name="session_key"><input type="password"></form></main>'],
    ['a not-found title with no heading', '<title>Profile Not Found | LinkedIn</title><main><p>Nothing here.</p></main>'],
    ['a lone heading nothing ties to a person', '<title>LinkedIn</title><main><h1>Something went wrong</h1><p>Try again later.</p></main>'],
  ])('%s is not a profile', (_, html) => {
    expect(readProfile(parse(html), 'https://www.linkedin.com/in/someone/')).toStrictEqual({ status: 'not-profile' });
  });

  it.each(NOT_A_PERSON.map((phrase) => [phrase]))('a page titled "%s" with no heading is not a profile', (phrase) => {
    // As the page shows it: first letter upper case, a trailing full stop.
    const shown = `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
    expect(readProfile(parse(`<title>${shown} | LinkedIn</title><main><p>…</p></main>`), 'https://www.linkedin.com/in/someone/')).toStrictEqual({ status: 'not-profile' });
  });

  it.each([
    ['it', 'Ti diamo il benvenuto nella tua community professionale'],
    ['pt', 'Boas-vindas à sua comunidade profissional'],
    ['nl', 'Welkom in je professionele community'],
    ['ja', 'プロフィールが見つかりません'],
    ['ar', 'لم يتم العثور على الملف الشخصي'],
  ])('the login wall or not-found heading in %s is not a person even beside a link to the profile', (_, heading) => {
    const doc = parse(`<title>LinkedIn</title><main><section><h1>${heading}</h1><a href="/in/someone/">…</a></section></main>`);
    expect(readProfile(doc, 'https://www.linkedin.com/in/someone/')).toStrictEqual({ status: 'not-profile' });
  });

  it('keeps a heading that only sits beside profile furniture (a degree badge), marked "check this"', () => {
    const result = ok(readProfile(parse('<title>LinkedIn</title><main><section><h1>Ines Duarte</h1><p>· 2nd</p><p>Analyst</p></section></main>'), 'https://www.linkedin.com/in/ines/'));
    expect(result.capture.name).toBe('Ines Duarte');
    expect(result.capture.fieldConfidence?.name).toBe('low');
  });
});

describe('"settled": a loaded page with no person is told apart from one still loading', () => {
  const url = 'https://www.linkedin.com/in/someone/';
  const unreadable = (html: string) => {
    const result = readProfile(parse(html), url);
    if (result.status !== 'unreadable') throw new Error(JSON.stringify(result));
    return result;
  };

  it.each([
    ['placeholders', '<main><section><div class="skeleton-line"></div><p>· 2nd</p></section></main>'],
    ['a busy region', '<main><section aria-busy="true"><p>· 2nd</p></section></main>'],
    ['a progress bar', '<main><section><div role="progressbar"></div><p>· 2nd</p></section></main>'],
    ['an empty main region', '<main></main>'],
  ])('not settled with %s', (_, html) => {
    expect(unreadable(html)).toMatchObject({ code: 'no-name', settled: false });
  });

  it.each([
    ['a default avatar in "People also viewed"', '<section><h2>People also viewed</h2><ul><li><img class="EntityPhoto-circle-3-ghost-person" alt=""><a href="/in/x/">X Y</a></li></ul></section>'],
    ['a company’s default logo', '<div><img class="EntityPhoto-square-3-ghost-company ivm-view-attr__img" alt=""><span>Northwind</span></div>'],
    ['a school’s default logo', '<div class="ivm-image-view-model__ghost-school"><span>University</span></div>'],
    ['the search box’s hint', '<div class="search-global-typeahead__placeholder">Search</div>'],
    ['a skeleton in a sidebar', '<aside><div class="skeleton-line"></div></aside>'],
    ['a loader in the navigation bar', '<nav><div class="nav-loader"></div></nav>'],
  ])('settled with %s (never delays the verdict)', (_, extra) => {
    expect(
      unreadable(`<title>LinkedIn</title><main><section><p>· 2nd</p><p>Operations lead</p></section>${extra}<section><h2>About</h2><p>Ports.</p></section></main>`),
    ).toMatchObject({ code: 'no-name', settled: true });
  });

  it('still waits for an empty placeholder box in the content', () => {
    expect(unreadable('<title>LinkedIn</title><main><section><p>· 2nd</p><div class="artdeco-entity-lockup__ghost"></div></section></main>')).toMatchObject({ settled: false });
  });

  it('settled when everything is rendered and still no name', () => {
    expect(unreadable('<title>LinkedIn</title><main><section><p>· 2nd</p><p>Operations lead</p></section><section><h2>About</h2><p>Ports.</p></section></main>')).toMatchObject({
      code: 'no-name',
      settled: true,
    });
  });
});

describe('cost is bounded (issue #10)', () => {
  function deepPage(depth: number): Document {
    const doc = parse('<title>Deep Person | LinkedIn</title><main><section><a href="/in/deep/"><h1>Deep Person</h1></a><p>· 2nd</p><p>Headline</p><div id="deep"></div></section></main>');
    let at = doc.getElementById('deep')!;
    for (let i = 0; i < depth; i++) {
      const child = doc.createElement('div');
      child.append(doc.createTextNode(`level ${i} `));
      at.append(child);
      at = child;
    }
    return doc;
  }

  // happy-dom's own querySelectorAll recurses and overflows near 5,000 levels; `npm run bench`
  // reads the 5,000-deep page in Chromium and prints the time.
  it('reads a 2,500-deep page within a small node budget: the walks stop at their depth', () => {
    const result = readProfile(deepPage(2500), 'https://www.linkedin.com/in/deep/', { budget: 20_000 });
    expect(result).toMatchObject({ status: 'ok', capture: { name: 'Deep Person', degree: 2, headline: 'Headline' } });
  });

  it('refuses a page too large for the budget with "can’t read this page", without throwing', () => {
    const doc = parse(`<title>Big | LinkedIn</title><main><section><a href="/in/big/"><h1>Big Page</h1></a>${'<p>x y</p>'.repeat(3000)}</section></main>`);
    expect(readProfile(doc, 'https://www.linkedin.com/in/big/', { budget: 2_000 })).toStrictEqual({
      status: 'unreadable',
      profileUrl: 'https://www.linkedin.com/in/big/',
      reason: "Introbook can't read this page: it is too large or too deeply nested.",
      code: 'too-complex',
      settled: true,
    });
    expect(readProfile(doc, 'https://www.linkedin.com/in/big/').status).toBe('ok');
  });

  it('bounds generic pages the same way, and costs only what it reads', () => {
    const huge = parse(`<div class="h-card"><span class="p-name">Card Person${'<span>x </span>'.repeat(3000)}</span></div>`);
    expect(readProfile(huge, 'https://example.org/people/card', { budget: 500 })).toMatchObject({ status: 'unreadable', code: 'too-complex' });
    // Thousands of elements beside the card are never visited.
    const beside = parse(`<div class="h-card"><span class="p-name">Card Person</span></div>${'<p>x</p>'.repeat(3000)}`);
    expect(readProfile(beside, 'https://example.org/people/card', { budget: 500 })).toMatchObject({ status: 'ok', capture: { name: 'Card Person' } });
  });
});

describe('a role’s date line is a date line and nothing else', () => {
  it.each([
    ['Mar 2021 - Present · 3 yrs 10 mos', true],
    ['Mar 2021 to Present · 3 yrs 10 mos', true],
    ['Jan 2023 - Present', true],
    ['2019 - Present', true],
    ['janv. 2019 – aujourd’hui · 6 ans', true],
    ['Jan. 2020 – Heute · 5 J.', true],
    ['ene. de 2019 - actualidad · 6 años', true],
    ['jan. de 2020 - o momento · 5 anos', true],
    ['mar 2021 - oggi · 3 anni 2 mesi', true],
    ['mrt 2021 - heden · 3 jaar', true],
    ['2022年4月 - 現在 · 2年 9ヶ月', true],
    ['2022년 4월 - 현재', true],
    ['يناير 2022 - الحالي · 3 سنوات', true],
    ['Jul 2016 - Feb 2021 · 4 yrs 8 mos', false],
    ['2019 - 2020', false],
  ])('"%s" is a date range (ongoing: %s)', (text, ongoing) => {
    expect(dateLine(text)).toStrictEqual({ range: true, ongoing });
  });

  it.each([
    '2019 - 2020: moved the nightly batch jobs onto streaming',
    '2022 - Present: leads the ingestion platform team',
    '2022 - Present — leads the ingestion platform team',
    'Jan 2023 – Present · chairs the civic-tech grants committee',
    'janv. 2019 – déc. 2020 : migration du calcul vers le streaming',
    '2019年 - 2020年：社内の決済基盤を刷新',
    '2019 - 2020 moved everything to streaming',
    'Leads the platform team. Moved the batch jobs of 2019 - 2020 onto streaming.',
    'Skills: Apache Kafka · Go · Kubernetes',
  ])('"%s" is not a date line', (text) => {
    expect(dateLine(text)).toBeNull();
  });

  it('an experience entry whose description starts with a range stays one role, the day job', () => {
    const entry = (title: string, company: string, dates: string, description: string) =>
      `<li><div><p>${title}</p><p>${company}</p><p>${dates}</p></div><ul><li><p>${description}</p></li><li><p>Skills: Go</p></li></ul></li>`;
    for (const description of ['2019 - 2020: moved the nightly batch jobs onto streaming', '2022 - Present: leads the ingestion platform team']) {
      const doc = parse(
        `<title>Kwame Mensah | LinkedIn</title><main><section><a href="/in/kwame/"><h1>Kwame Mensah</h1></a><p>· 2nd</p><p>Engineer</p></section>` +
          `<section><h2>Experience</h2><ul>${entry('Staff Engineer', 'Northwind Analytics · Full-time', 'Mar 2021 - Present · 3 yrs', description)}` +
          `${entry('Board Member', 'Code for Ghana', 'Jan 2023 - Present', 'Grants committee')}</ul></section></main>`,
      );
      const capture = ok(readProfile(doc, 'https://www.linkedin.com/in/kwame/')).capture;
      expect(capture, description).toMatchObject({
        role: 'Staff Engineer',
        company: 'Northwind Analytics',
        positions: [
          { title: 'Staff Engineer', company: 'Northwind Analytics' },
          { title: 'Board Member', company: 'Code for Ghana' },
        ],
      });
    }
  });
});

describe('text a stylesheet hides is never a value (the live page computes styles)', () => {
  it('leaves out elements and parts of lines hidden by class, on the page itself', () => {
    // The live document (it has a view), as the content script reads it.
    const page = parse(fixtureText('linkedin/stylesheet-hidden.html'));
    document.head.replaceChildren(...Array.from(page.head.childNodes).map((n) => document.importNode(n, true)));
    document.body.replaceChildren(...Array.from(page.body.childNodes).map((n) => document.importNode(n, true)));
    const capture = ok(readProfile(document, 'https://www.linkedin.com/in/nadia-costa-urban/')).capture;
    expect(capture).toMatchObject({ headline: 'Urban planner at Metro Transit', location: 'Lisbon, Portugal', role: 'Urban Planner', company: 'Metro Transit', degree: 2 });
    expect(JSON.stringify(capture)).not.toMatch(/bait|sign in/i);
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  it('a parsed copy of a page has no computed styles: markup alone decides there', () => {
    const doc = parse('<head><style>.zz{display:none}</style></head><body><main><section><a href="/in/ada/"><h1>Ada Lovelace</h1></a><p class="zz">Engineer</p></section></main></body>');
    // As in a browser, where a parsed document has no window (happy-dom gives it one).
    Object.defineProperty(doc, 'defaultView', { value: null });
    expect(ok(readProfile(doc, 'https://www.linkedin.com/in/ada/')).capture.headline).toBe('Engineer');
  });
});
