import { defineConfig } from 'wxt';
import type { InlineConfig } from 'vite';
import { LINKEDIN_MATCHES } from './utils/core/canonical-url';

// See https://wxt.dev/api/config.html
/**
 * End-to-end builds (INTROBOOK_E2E=1) get the host access a user grants by
 * clicking the toolbar button (activeTab), which a headless test cannot click,
 * for the hosts the tests serve. They build into .output/e2e/ so the
 * production build in .output/chrome-mv3 stays as users get it.
 */
const E2E = process.env.INTROBOOK_E2E === '1';
// The LinkedIn hosts the tests serve: a user's toolbar click grants activeTab there, which lets the
// popup see the tab's URL and check the page's answer against it.
export const E2E_HOSTS = [
  'https://github.com/*',
  'https://people.example.edu/*',
  'https://team.example.org/*',
  'https://www.linkedin.com/*',
  'https://uk.linkedin.com/*',
];

/**
 * The LinkedIn content script talks to the browser's own extension API object
 * (`browser` in Firefox, promise-based `chrome` in Chrome MV3) instead of
 * webextension-polyfill: the polyfill is 3 KB gzipped of the content script's
 * 15 KB budget (issue #11), and the script needs only runtime.id, sendMessage
 * and onMessage with sendResponse, which both browsers have natively.
 */
/**
 * The extension's HTML pages (popup, side panel, options, welcome, privacy) likewise: the polyfill is
 * 3 KB gzipped of the 90 KB the popup and the side panel may load before first paint (issue #11), and
 * it adds nothing there — Chrome's MV3 `chrome.*` and Firefox's `browser.*` return promises, and pages
 * register no runtime.onMessage listener (the one place the polyfill's promise-returning listeners
 * matter; the background keeps the polyfill). Pages are built together, so this applies to all of them.
 */
const PAGE_TYPES = new Set(['popup', 'options', 'sidepanel', 'unlisted-page', 'newtab', 'devtools', 'bookmarks', 'history', 'sandbox']);

function nativeBrowserApiForContentScripts(entrypoints: readonly { type: string }[], config: InlineConfig): void {
  if (!entrypoints.every((e) => e.type === 'content-script') && !entrypoints.every((e) => PAGE_TYPES.has(e.type))) return;
  const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
  config.resolve ??= {};
  const alias = config.resolve.alias;
  if (Array.isArray(alias)) config.resolve.alias = [native, ...alias.filter((a: { find: unknown }) => String(a.find) !== 'wxt/browser')];
  else config.resolve.alias = [native, ...Object.entries(alias ?? {}).filter(([k]) => k !== 'wxt/browser').map(([find, replacement]) => ({ find, replacement: String(replacement) }))];
}

/**
 * Extension pages load no remote images: photos are stored locally and shown
 * as data: URLs (entrypoints/background/photos.ts). Scripts stay 'self' only,
 * as MV3 requires.
 */
export const PAGE_CSP = "script-src 'self'; object-src 'self'; img-src 'self' data:";
/** LinkedIn's image host: the background fetches each saved person's photo from it once. */
export const PHOTO_HOSTS = ['https://media.licdn.com/*'];

export default defineConfig({
  // INTROBOOK_SOURCEMAP=1 builds into .output/bundles/ (the bundle bench), leaving the users' build alone.
  outDir: E2E ? '.output/e2e' : process.env.INTROBOOK_SOURCEMAP === '1' ? '.output/bundles' : '.output',
  hooks: { 'vite:build:extendConfig': nativeBrowserApiForContentScripts },
  vite: () => ({
    define: { __INTROBOOK_E2E__: JSON.stringify(E2E) },
    // INTROBOOK_SOURCEMAP=1: source maps beside the bundles, for measuring what each chunk is made of (npm run bench -- bundles).
    build: { sourcemap: process.env.INTROBOOK_SOURCEMAP === '1' },
  }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: ({ browser }) => ({
    // Every text the browser shows comes from locales/<lang>.yml (issue #12): a translation is a file.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'activeTab',
      'scripting',
      'alarms',
      'notifications',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // LinkedIn's hosts (exactly the content script's matches, no wildcard): the background injects the full
    // reader (entrypoints/linkedin-reader.ts) into a LinkedIn tab when its content script needs a read — a
    // content script's matches don't let the background run scripting.executeScript there, in Chrome or Firefox.
    host_permissions: [...new Set([...PHOTO_HOSTS, ...LINKEDIN_MATCHES, ...(E2E ? E2E_HOSTS : [])])],
    content_security_policy: browser === 'firefox' ? PAGE_CSP : { extension_pages: PAGE_CSP },
    commands: {
      'save-profile': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSaveProfile__',
      },
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+I' },
        description: '__MSG_commandOpenSidePanel__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    // Chrome: block messages from other extensions (web pages can't message us without `matches`).
    // Firefox gets its sidebar from entrypoints/sidepanel and has no externally_connectable.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'introbook@example.org',
              // 140: the first ESR with data_collection_permissions, which addons.mozilla.org requires of new add-ons.
              strict_min_version: '140.0',
              // Introbook sends no data anywhere (PRIVACY.md).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { externally_connectable: { ids: [] } }),
  }),
});
