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
    // Block messages from other extensions; web pages can't message us without `matches`.
    externally_connectable: { ids: [] },
    commands: {
      'save-profile': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the person on this page to Introbook',
      },
    },
    action: { default_title: 'Introbook' },
    ...(browser === 'firefox'
      ? {
          sidebar_action: {
            default_title: 'Introbook',
            default_panel: 'sidepanel.html',
          },
          browser_specific_settings: { gecko: { id: 'introbook@example.org' } },
        }
      : {}),
  }),
});
