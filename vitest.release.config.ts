import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Release checks on the production builds `npm run zip` makes: the archives and
 * their manifests (allow-list, CSP), and the Firefox build running in
 * Debian's firefox-esr.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // utils/ says things through messages (utils/i18n.ts); tests/setup/node-i18n.ts gives Node the English ones.
      '#i18n': fileURLToPath(new URL('./.wxt/i18n/index.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    include: ['tests/release/**/*.test.ts'],
    setupFiles: ['tests/setup/node-i18n.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
