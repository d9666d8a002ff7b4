/**
 * The store-ready archives `npm run zip` builds, and the manifests in them:
 * every permission and host must be on tests/release/manifest-allowlist.json
 * and explained on the privacy page (utils/privacy.ts) and in PRIVACY.md;
 * extension pages load no remote images; nothing is web-accessible.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINKEDIN_MATCHES } from '../../utils/core/canonical-url';
import { hostPurpose, PERMISSION_PURPOSES } from '../../utils/privacy';
import { readZip } from './zip';

interface Manifest {
  manifest_version: number;
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: { ids?: string[]; matches?: string[] };
  content_security_policy?: string | { extension_pages?: string };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
}

const allowList = JSON.parse(readFileSync(resolve('tests/release/manifest-allowlist.json'), 'utf8')) as {
  permissions: string[];
  hosts: string[];
  temporarilyAllowed: Record<string, string>;
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const OUTPUT = resolve('.output');
const zipOf = (target: string) => resolve(OUTPUT, `${pkg.name}-${pkg.version}-${target}.zip`);

const builds = {
  chrome: { dir: resolve(OUTPUT, 'chrome-mv3'), zip: zipOf('chrome') },
  firefox: { dir: resolve(OUTPUT, 'firefox-mv2'), zip: zipOf('firefox') },
};

const isHost = (p: string) => p.includes('://') || p === '<all_urls>';

function accessOf(m: Manifest): { permissions: string[]; hosts: string[] } {
  const all = [...(m.permissions ?? []), ...(m.optional_permissions ?? [])];
  return {
    permissions: all.filter((p) => !isHost(p)),
    hosts: [
      ...all.filter(isHost),
      ...(m.host_permissions ?? []),
      ...(m.optional_host_permissions ?? []),
      ...(m.content_scripts ?? []).flatMap((c) => c.matches ?? []),
      ...(m.externally_connectable?.matches ?? []),
    ],
  };
}

/** Does the allowed pattern cover this one? Same scheme and path; `*.example.com` covers its subdomains. */
export function covers(allowed: string, pattern: string): boolean {
  if (allowed === pattern) return true;
  const a = /^(https):\/\/([^/]+)(\/.*)$/.exec(allowed);
  const p = /^(https):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!a || !p || a[1] !== p[1] || a[3] !== '/*') return false;
  const [host, other] = [a[2]!, p[2]!];
  if (host === other) return true;
  return host.startsWith('*.') && !other.startsWith('*') && other.endsWith(host.slice(1));
}

const allowed = (pattern: string) => allowList.hosts.some((a) => covers(a, pattern)) || pattern in allowList.temporarilyAllowed;

function imgSrc(m: Manifest): string {
  const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : (m.content_security_policy?.extension_pages ?? '');
  return /img-src ([^;]*)/.exec(csp)?.[1]?.trim() ?? '';
}

describe.each(Object.entries(builds))('the %s archive', (browser, build) => {
  const entries = readZip(build.zip);
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;

  it('holds the built extension, manifest at the root', () => {
    expect(manifest.version).toBe(pkg.version);
    expect(JSON.parse(readFileSync(resolve(build.dir, 'manifest.json'), 'utf8'))).toStrictEqual(manifest);
    const files = readdirSync(build.dir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => resolve(f.parentPath, f.name).slice(build.dir.length + 1))
      .sort();
    expect([...entries.keys()].sort()).toStrictEqual(files);
    expect([...entries.keys()].filter((f) => f.endsWith('.map'))).toStrictEqual([]);
  });

  it('asks only for allow-listed permissions, each explained', () => {
    const { permissions } = accessOf(manifest);
    expect(permissions.filter((p) => !allowList.permissions.includes(p))).toStrictEqual([]);
    expect(permissions.filter((p) => !PERMISSION_PURPOSES[p])).toStrictEqual([]);
  });

  it('reaches only allow-listed hosts, over https, each explained', () => {
    const { hosts } = accessOf(manifest);
    expect(hosts.filter((h) => !allowed(h))).toStrictEqual([]);
    expect(hosts.filter((h) => !hostPurpose(h))).toStrictEqual([]);
    expect(hosts).not.toContain('<all_urls>');
  });

  it('loads no remote images in its pages and exposes nothing to web pages', () => {
    expect(imgSrc(manifest)).toBe("'self' data:");
    expect(manifest.web_accessible_resources ?? []).toStrictEqual([]);
    if (browser === 'chrome') expect(manifest.externally_connectable).toStrictEqual({ ids: [] });
    else expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required).toStrictEqual(['none']);
  });
});

describe('the allow-list', () => {
  it('allows https hosts only', () => {
    expect(allowList.hosts.filter((h) => !h.startsWith('https://'))).toStrictEqual([]);
  });

  it('lists LinkedIn hosts one by one, exactly those the extension reads (www., m. and the country hosts)', () => {
    expect(allowList.hosts.filter((h) => h.includes('linkedin.com'))).toStrictEqual(LINKEDIN_MATCHES);
    expect(allowList.hosts.filter((h) => /^[^:]+:\/\/\*/.test(h) && h.includes('linkedin'))).toStrictEqual([]);
  });

  it('explains only the LinkedIn hosts Introbook reads', () => {
    for (const pattern of LINKEDIN_MATCHES) expect(hostPurpose(pattern)?.label, pattern).toBe('linkedin.com');
    for (const pattern of ['https://*.linkedin.com/*', '*://*.linkedin.com/*', 'http://www.linkedin.com/*']) expect(hostPurpose(pattern), pattern).toBeNull();
  });

  it('keeps no temporary entry that no build uses any more', () => {
    const used = Object.values(builds).flatMap((b) => accessOf(JSON.parse(readFileSync(resolve(b.dir, 'manifest.json'), 'utf8')) as Manifest).hosts);
    expect(Object.keys(allowList.temporarilyAllowed).filter((p) => !used.includes(p))).toStrictEqual([]);
  });

  it.each([
    ['https://uk.linkedin.com/*', true],
    ['https://www.linkedin.com/in/*', true],
    ['https://m.linkedin.com/*', true],
    // Every subdomain (ads., business., a page a campaign hosts…) is not a host Introbook reads.
    ['https://*.linkedin.com/*', false],
    ['*://*.linkedin.com/*', false],
    ['https://evil.linkedin.com/*', false],
    ['https://linkedin.com/*', false],
    ['http://www.linkedin.com/*', false],
    ['https://evil.example/*', false],
    ['https://linkedin.com.evil.example/*', false],
    ['https://*.zoom.us/*', true],
    ['https://us02web.zoom.us/*', true],
  ])('judges %s as allowed: %s', (pattern, ok) => {
    expect(allowed(pattern)).toBe(ok);
  });
});

describe('PRIVACY.md', () => {
  const text = readFileSync('PRIVACY.md', 'utf8');
  it('explains every permission on the allow-list and the photo host', () => {
    expect(allowList.permissions.filter((p) => !text.includes(`\`${p}\``))).toStrictEqual([]);
    expect(text).toContain('media.licdn.com');
  });
});

describe('the Firefox sources archive (for addons.mozilla.org review)', () => {
  it('is there', () => {
    const sources = readZip(zipOf('sources'));
    expect(sources.has('package.json')).toBe(true);
    expect([...sources.keys()].some((f) => f.startsWith('node_modules/'))).toBe(false);
  });
});
