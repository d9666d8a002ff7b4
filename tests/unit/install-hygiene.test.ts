/**
 * A clean `npm ci` / `npm run setup` on the oldest Node our `engines` allows
 * prints no engine warnings (EBADENGINE) and no "install scripts not yet
 * covered by allowScripts": checked here from package-lock.json, so a
 * dependency bump that would bring either back fails the unit tests. (CI's
 * .ci/run also fails on either message in the real `npm ci` output.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(resolve(process.cwd(), path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; allowScripts: Record<string, boolean> };
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { version?: string; engines?: Record<string, string> | string[]; hasInstallScript?: boolean; optional?: boolean; os?: string[]; cpu?: string[] }>;
};
const installed = Object.entries(lock.packages).filter(([path]) => path.startsWith('node_modules/'));
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('install hygiene', () => {
  it('every locked package supports the oldest Node our engines field allows (no EBADENGINE)', () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const unsupported = installed.flatMap(([path, p]) => {
      const node = !Array.isArray(p.engines) ? p.engines?.node : undefined;
      return node && !semver.satisfies(oldest, node) ? [`${nameOf(path)}@${p.version} wants node ${node}`] : [];
    });
    expect(unsupported, `oldest allowed Node: ${oldest}`).toStrictEqual([]);
  });

  it('every package with an install script has been reviewed in allowScripts', () => {
    const withScripts = installed.filter(([, p]) => p.hasInstallScript).map(([path]) => nameOf(path));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !(name in pkg.allowScripts))).toStrictEqual([]);
  });

  it('the README states the same minimum Node version as package.json', () => {
    const oldest = semver.minVersion(pkg.engines.node)!;
    expect(read('README.md')).toContain(`Node.js ${oldest.major}.${oldest.minor} or newer`);
  });
});
