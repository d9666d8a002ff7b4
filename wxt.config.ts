import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
/**
 * End-to-end builds (INTROBOOK_E2E=1) get the host access a user grants by
 * clicking the toolbar button (activeTab), which a headless test cannot click,
 * for the hosts the tests serve. They build into .output/e2e/ so the
 * production build in .output/chrome-mv3 stays as users get it.
 */
const E2E = process.env.INTROBOOK_E2E === '1';
export const E2E_HOSTS = ['https://github.com/*', 'https://people.example.edu/*', 'https://team.example.org/*'];

export default defineConfig({
  outDir: E2E ? '.output/e2e' : '.output',
  vite: () => ({ define: { __INTROBOOK_E2E__: JSON.stringify(E2E) } }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Introbook',
    description:
      'Save people from LinkedIn profiles in one click and turn them into warm introductions. Your data stays on your machine.',
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
    ...(E2E ? { host_permissions: E2E_HOSTS } : {}),
    commands: {
      'save-profile': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the person on this page to Introbook',
      },
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+I' },
        description: 'Open Introbook (prep notes during a call)',
      },
    },
    action: { default_title: 'Introbook' },
    // Chrome: block messages from other extensions (web pages can't message us without `matches`).
    // Firefox gets its sidebar from entrypoints/sidepanel and has no externally_connectable.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'introbook@example.org' } } }
      : { externally_connectable: { ids: [] } }),
  }),
});
