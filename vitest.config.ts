import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['{utils,components,entrypoints,tests/unit}/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup/unit.ts'],
    restoreMocks: true,
  },
});
