import { chromium, type FullConfig } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LOGGED_IN, PASSWORD } from './people';
import { TestSystem } from './system';

/**
 * Starts the real system for the run, then logs each recurring person in through the login form
 * once and keeps their browser state (the session cookies) for the tests. Returns the teardown.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const system = await TestSystem.start();
  const stateDir = await mkdtemp(join(tmpdir(), 'remiss-web-'));
  process.env.REMISS_WEB_URL = system.url;
  process.env.REMISS_WEB_STATE_DIR = stateDir;
  try {
    const browser = await chromium.launch(config.projects[0]!.use.launchOptions);
    try {
      await Promise.all(
        LOGGED_IN.map(async (person) => {
          const context = await browser.newContext({ baseURL: system.url });
          const page = await context.newPage();
          await page.goto('/logga-in');
          await page.getByLabel('E-post').fill(person.email);
          await page.getByLabel('Lösenord').fill(PASSWORD);
          await page.getByRole('button', { name: 'Logga in' }).click();
          await page.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor({ timeout: 60_000 });
          await context.storageState({ path: join(stateDir, `${person.email}.json`) });
          await context.close();
        }),
      );
    } finally {
      await browser.close();
    }
  } catch (error) {
    await system.stop();
    throw error;
  }
  return async () => {
    await system.stop();
    await rm(stateDir, { recursive: true, force: true });
  };
}
