import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests of the web application against the real system: the global set-up starts the
 * built API and worker (dist/, so `npm run build` first) on a database, Redis key prefix and
 * port of their own. Chromium is Debian's package (`apt-get install chromium`); no browser is
 * downloaded.
 */
export default defineConfig({
  testDir: './test',
  testMatch: '**/*.browser.ts',
  outputDir: '../../test-results/web',
  globalSetup: './test/support/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    },
  },
});
