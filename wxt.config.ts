import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
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
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    commands: {
      'save-profile': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the person on this page to Introbook',
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
