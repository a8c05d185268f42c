import { defineConfig } from '@playwright/test';

import base from './playwright.config';

/** `npm run screenshots`: the main screens into docs/screenshots, against the same real system. */
export default defineConfig({
  ...base,
  testMatch: '**/*.shots.ts',
  workers: 1,
  use: { ...base.use, viewport: { width: 1280, height: 720 } },
});
