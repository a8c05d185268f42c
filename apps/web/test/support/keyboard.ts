import type { Locator, Page } from '@playwright/test';

/**
 * Moves the focus with Tab (or Shift+Tab) until it is on the target, as a keyboard user does;
 * fails when the target is never reached, i.e. is not in the tab order.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of Tab`);
}
