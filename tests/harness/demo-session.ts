// Context: node (tests). One demo server + one browser with PushLens and DevTools, and the page
// opened on the demo: the common start of the real-DevTools end-to-end tests. The browser is the
// running Playwright project's (Chromium or Firefox) unless `browser` says otherwise.
import { startDemoServer, type DemoTiming } from '../../demo/server/index.mjs';
import { launchBrowser, type AnyBrowser } from './chromium';
import type { BrowserName, PanelHandle, TestPage } from './types';

export type { PanelHandle } from './types';

/** Demo pacing for e2e: long polls held ~2–3 s so three of them fit in ~8 s. */
export const E2E_TIMING: Partial<DemoTiming> = {
  notifyMinMs: 2200,
  notifyMaxMs: 3000,
  longPollTimeoutMs: 3000,
  flakyMinMs: 1500,
  flakyMaxMs: 2500,
};

export interface DemoSession {
  demo: Awaited<ReturnType<typeof startDemoServer>>;
  /** `cdpPort` and `context` are there for Chromium-only tests (they throw in Firefox). */
  browser: AnyBrowser;
  page: TestPage;
  openPanel(opts?: { undock?: boolean }): Promise<PanelHandle>;
  close(): Promise<void>;
}

export async function startDemoSession(
  opts: { query?: string; timing?: Partial<DemoTiming>; flaky?: boolean; lang?: string; darkMode?: boolean; browser?: BrowserName } = {},
): Promise<DemoSession> {
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1', timing: { ...E2E_TIMING, ...opts.timing }, flaky: opts.flaky, quiet: true });
  let browser: AnyBrowser;
  try {
    browser = await launchBrowser({ browser: opts.browser, devtools: true, lang: opts.lang, darkMode: opts.darkMode });
  } catch (err) {
    await demo.close();
    throw err;
  }
  const page = await browser.firstPage();
  const url = `${demo.url}${opts.query ?? ''}`;
  await page.goto(url);
  let handle: PanelHandle | undefined;
  return {
    demo,
    browser,
    page,
    async openPanel(panelOpts) {
      handle = await browser.openPanel(demo.url, panelOpts);
      return handle;
    },
    async close() {
      handle?.close();
      await browser.close();
      await demo.close();
    },
  };
}
