import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';

import type { Person } from './people';

/** The tests' `test`: the system's address as baseURL, and a page as a logged-in person. */
export const test = base.extend<{ asPerson: (person: Person) => Promise<Page> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from the pattern
  baseURL: async ({}, use) => {
    await use(process.env.REMISS_WEB_URL);
  },
  asPerson: async ({ browser, baseURL }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (person) => {
      const context = await browser.newContext({
        baseURL,
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        storageState: join(process.env.REMISS_WEB_STATE_DIR!, `${person.email}.json`),
      });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The screen as it is now has no WCAG 2.0/2.1 A or AA violation axe-core finds, at the window's
 * width and at 320 CSS pixels, where it must not scroll sideways either.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const original = page.viewportSize()!;
  for (const viewport of [original, { width: 320, height: 640 }]) {
    await page.setViewportSize(viewport);
    // react-aria's live announcer keeps "busy" announcements of a button for a few seconds
    // after pressing it (as role=img labelled by the button); when the press led to another
    // page the button is gone. That transient node is the library's, not the screen's.
    const { violations } = await new AxeBuilder({ page })
      .withTags(WCAG_A_AA)
      .exclude('[data-live-announcer]')
      .analyze();
    expect(
      violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe at ${viewport.width} px`,
    ).toEqual([]);
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }));
    expect(widths.document, `document width at ${viewport.width} px`).toBeLessThanOrEqual(widths.viewport);
  }
  await page.setViewportSize(original);
}
