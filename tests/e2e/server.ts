/**
 * A local HTTPS server that plays www.linkedin.com, its country hosts and
 * media.licdn.com. Chromium maps those hostnames here (--host-resolver-rules),
 * so the production manifest's matches run unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures');

/** LinkedIn profile id (decoded, lower-case) → fixture in tests/fixtures/linkedin/. */
export const PROFILE_FIXTURES: Record<string, string> = {
  'ada-lovelace': 'current-layout.html',
  'zoë-ångström': 'current-layout-h2.html',
  'jürgen-müller-1a2b': 'legacy-layout.html',
  'margaret-hamilton-apollo': 'public-page.html',
  'xss-test': 'hostile-name.html',
  ghost: 'no-name.html',
  'marie-curie-fr': 'fr-current.html',
  'lise-meitner': 'de-count-only.html',
  'ramon-y-cajal': 'es-multiple-current.html',
  '山田-花子': 'ja-nonlatin.html',
  'layla-ahmed': 'ar-rtl.html',
  'katherine-johnson': 'voyager-embedded.html',
  'dorothy-vaughan': 'voyager-stale.html',
  acoaab1234xyz: 'member-id-url.html',
  'grace-hopper': 'member-id-url.html',
  'alan-turing': 'mwlite.html',
  'claude-shannon': 'sidebar-first.html',
  'charles-babbage': 'connector-1st.html',
  // Capture accuracy (issue #7): pages built from what LinkedIn serves today.
  'priya-raman-dev': 'logged-in-2024-single-role.html',
  'daniel-okoye': 'grouped-roles.html',
  'grace-nakamura': 'public-signin-modal.html',
  'tomas-herrera-design': 'first-degree-500.html',
  'hannah-schmidt-data': 'classic-mutuals.html',
  'sofia-rossi-ux': 'nested-links.html',
  'chidi-nwosu': 'lazy-topcard.html',
  'aiko-tanaka-ds': 'topcard-2026.html',
  'rahel-mekonnen': 'login-wall.html',
  'removed-member-123': 'profile-not-found.html',
  'wanda-nl': 'no-person-settled.html',
  'wanjiru-kamau': 'hidden-ui.html',
  'nadia-costa-urban': 'stylesheet-hidden.html',
  'kwame-mensah-eng': 'dated-description.html',
  'ken-sasaki-jp': 'ja-mutuals.html',
  'youssef-haddad': 'ar-mutuals.html',
};

/** Other pages by host and path → fixture under tests/fixtures/. */
const PAGES: [RegExp, string][] = [
  [/^www\.linkedin\.com\/feed\/$/, 'linkedin/feed.html'],
  [/^www\.linkedin\.com\/sales\/lead\/ACwAAA123/, 'linkedin/sales-navigator.html'],
  [/^www\.linkedin\.com\/sales\/lead\/ACwAAB456/, 'linkedin/sales-navigator-no-link.html'],
  [/^www\.linkedin\.com\/talent\/profile\//, 'linkedin/recruiter.html'],
  [/^github\.com\/octo-ada$/i, 'github/user.html'],
  [/^github\.com\/analytical-engines$/, 'github/org.html'],
  [/^people\.example\.edu\/liskov$/, 'generic/jsonld-graph.html'],
  [/^team\.example\.org\/team$/, 'generic/team-page.html'],
  [/^team\.example\.org\/blog$/, 'generic/nothing.html'],
];

export const MAPPED_HOSTS = [
  'www.linkedin.com',
  'uk.linkedin.com',
  'media.licdn.com',
  'github.com',
  'people.example.edu',
  'team.example.org',
  'meet.google.com',
  'app.zoom.us',
  'teams.microsoft.com',
];

/** Meeting pages: a lobby that becomes a call (the page's join button) and then ends (its leave button). */
const MEETING_PAGES: [RegExp, string, string][] = [
  [/^meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/, 'meet', 'lobby'],
  [/^app\.zoom\.us\/wc\/\d+\/join$/, 'zoom', 'lobby'],
  [/^teams\.microsoft\.com\/l\/meetup-join\//, 'teams', 'prejoin'],
];

/**
 * `?variant=promoted` serves Ada's page after a promotion, to test how a
 * re-capture that differs from the store is shown.
 */
function applyVariant(html: string, variant: string | null): string {
  return variant === 'promoted' ? html.replaceAll('Principal Engineer', 'Chief Engineer') : html;
}

export interface FixtureServer {
  port: number;
  /** Requests seen, for asserting what the page (not the extension) fetched. */
  requests: string[];
  close(): Promise<void>;
}

function selfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'introbook-cert-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=www.linkedin.com',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(selfSignedCert(), (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0] ?? '';
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push(`${host}${url.pathname}`);
    if (host === 'media.licdn.com') {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
      res.end(avatarPng(url.pathname));
      return;
    }
    const meeting = MEETING_PAGES.find(([pattern]) => pattern.test(`${host}${url.pathname}`));
    if (meeting) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(meetingPage(meeting[1], meeting[2], url.searchParams.get('participant')));
      return;
    }
    const profile = /^\/(?:mwlite\/)?in\/([^/]+)/.exec(url.pathname);
    const profileFixture = profile?.[1] ? PROFILE_FIXTURES[decode(profile[1]).normalize('NFC').toLowerCase()] : undefined;
    const file = profileFixture
      ? `linkedin/${profileFixture}`
      : PAGES.find(([pattern]) => pattern.test(`${host}${url.pathname}`))?.[1];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(applyVariant(readFileSync(join(FIXTURES, file), 'utf8'), url.searchParams.get('variant')));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * One meeting page that plays the three hand-written stages of a site
 * (tests/fixtures/meeting/<site>/): it opens on the lobby, the page's own join
 * button swaps in the call, its leave button the ended screen — as a meeting
 * app re-renders without reloading. `participant` renames the other person.
 */
function meetingPage(site: string, lobby: string, participant: string | null): string {
  const read = (stage: string) => {
    let html = readFileSync(join(FIXTURES, 'meeting', site, `${stage}.html`), 'utf8');
    if (participant) html = html.replaceAll(site === 'meet' ? 'Priya Raman' : site === 'zoom' ? 'Jürgen Müller' : 'Zoë Ångström', participant);
    return {
      title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '',
      body: /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '',
    };
  };
  const first = read(lobby);
  const stage = (name: string) => {
    const { title, body } = read(name);
    return `<template id="stage-${name}" data-title="${title.replaceAll('"', '&quot;')}">${body}</template>`;
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${first.title}</title></head><body>
${first.body}
${stage('in-call')}
${stage('ended')}
<script>
  function show(name) {
    var t = document.getElementById('stage-' + name);
    document.title = t.dataset.title;
    Array.from(document.body.childNodes).forEach(function (n) { if (n.nodeName !== 'TEMPLATE' && n.nodeName !== 'SCRIPT') n.remove(); });
    document.body.prepend(t.content.cloneNode(true));
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b) return;
    if (b.matches('#join-now, .preview-join-button, #prejoin-join-button')) show('in-call');
    else if (b.matches('#leave-call, #leave, #hangup-button')) show('ended');
  });
</script>
</body></html>`;
}

/** A small coloured square per path, so photos show as distinct avatars in screenshots. */
function avatarPng(path: string): Buffer {
  let hash = 0;
  for (const ch of path) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const [r, g, b] = [80 + (hash % 150), 80 + ((hash >> 8) % 150), 120 + ((hash >> 16) % 120)];
  const size = 64;
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) raw.set([r, g, b], y * (size * 3 + 1) + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
