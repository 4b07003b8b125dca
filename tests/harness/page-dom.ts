// Context: node (tests). Small readers and actions on the inspected page, over the neutral
// TestPage's evaluate (so they work in Chromium and Firefox alike).
import type { TestPage } from './types';

/** textContent of the first element matching `selector`, or null when there is none. */
export function textContent(page: TestPage, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector);
}

/** Clicks the first element matching `selector` (throws when there is none). */
export async function clickIn(page: TestPage, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!(el instanceof HTMLElement)) throw new Error(`no element ${sel}`);
    el.click();
  }, selector);
}
