import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in Debian's Chromium. Run by `npm run test:e2e` after a build. */
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
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/setup/node-i18n.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time on a 2-core machine; each file gets its own profile.
    fileParallelism: false,
    retry: process.env.CI ? 1 : 0,
  },
});
