import { defineConfig } from '@playwright/test';

import base from '../../apps/web/playwright.config';

/**
 * `npm run bench:web`: the web application's budgets, measured in Debian's chromium against the
 * real system the benchmark starts itself (the browser tests' TestSystem), one test at a time.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'web.bench.ts',
  outputDir: '../../test-results/bench-web',
  globalSetup: undefined,
  workers: 1,
  timeout: 600_000,
  use: { ...base.use, viewport: { width: 1280, height: 720 }, trace: 'off' },
});
