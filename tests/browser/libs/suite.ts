// Context: node (test). The common frame of a library test file: one test server, one browser
// (the Playwright project's: Chromium or Firefox) without the extension and one with PushLens and
// DevTools, each reused for every page run of the file; runs a page and returns what the app
// logged; opens the real PushLens panel.
// PUSHLENS_LIB_DEBUG=1 prints each run's log and duration.
import { launchBrowser } from '../../harness/chromium';
import type { PanelHandle, TestBrowser } from '../../harness/types';
import { waitFor } from '../../harness/cdp';
import { channelRows, frameCount, selectChannel, type ChannelRowInfo } from '../../harness/panel-dom';
import { startTestServer, type TestServer } from './server';

export interface PageResult {
  log: unknown[];
  counts: Record<string, number>;
}

export interface LibrarySuite {
  server: TestServer;
  plain: TestBrowser;
  hooked: TestBrowser;
  /** Runs pages/<name>.ts in a browser until it sets window.__done; `run` keys server state. */
  runPage(browser: TestBrowser, name: string, run: string, timeoutMs?: number): Promise<PageResult>;
  /**
   * Runs the page without PushLens, then with PushLens and its panel open and recording (the
   * costlier path: records stream live to the panel instead of waiting in the page's buffer).
   */
  runBoth(name: string): Promise<{ plain: PageResult; hooked: PageResult }>;
  openPanel(): Promise<PanelHandle>;
  close(): Promise<void>;
}

export async function startLibrarySuite(): Promise<LibrarySuite> {
  const server = await startTestServer();
  // Both at once: a launch mostly waits (profile, extension service worker), so they overlap well.
  const [plain, hooked] = await Promise.all([launchBrowser({ extension: false }), launchBrowser({ extension: true, devtools: true })]);
  let panel: PanelHandle | undefined;
  const suite: LibrarySuite = {
    server,
    plain,
    hooked,
    async runPage(browser, name, run, timeoutMs = 20_000) {
      // The first tab: with --auto-open-devtools-for-tabs it is the one whose DevTools we drive.
      const page = await browser.firstPage();
      const started = Date.now();
      const errors: string[] = [];
      const onError = (e: Error) => errors.push(String(e));
      page.on('pageerror', onError);
      await page.goto(server.pageUrl(name, run));
      try {
        await page.waitForFunction(() => (window as unknown as { __done: boolean }).__done, null, { timeout: timeoutMs, polling: 100 });
      } catch (err) {
        const log = await page.evaluate(() => (window as unknown as { __log: unknown[] }).__log).catch(() => 'unavailable');
        throw new Error(`${name} did not finish: ${String(err)}\nlog so far: ${JSON.stringify(log)}\npage errors: ${errors.join('; ')}`);
      }
      const result = await page.evaluate(() => {
        const w = window as unknown as { __log: unknown[]; __counts: Record<string, number> };
        return { log: w.__log, counts: w.__counts };
      });
      page.off('pageerror', onError);
      if (errors.length) result.log.push(['uncaught', ...errors]);
      if (process.env.PUSHLENS_LIB_DEBUG) console.log(name, run, `${Date.now() - started} ms`, JSON.stringify(result));
      return result;
    },
    async runBoth(name) {
      const plainResult = await suite.runPage(plain, name, 'plain');
      await suite.openPanel();
      const hookedResult = await suite.runPage(hooked, name, 'hooked');
      return { plain: plainResult, hooked: hookedResult };
    },
    async openPanel() {
      panel ??= await hooked.openPanel(server.origin);
      return panel;
    },
    async close() {
      panel?.close();
      await hooked?.close();
      await plain?.close();
      await server.close();
    },
  };
  return suite;
}

/** Waits until the panel lists a channel matching `pred` (records arrive in batches). */
export async function waitForChannel(
  panel: PanelHandle,
  what: string,
  pred: (r: ChannelRowInfo) => boolean,
  timeoutMs = 15_000,
): Promise<ChannelRowInfo> {
  return waitFor(async () => (await channelRows(panel.panel)).find(pred), `a channel row: ${what}`, timeoutMs, 250).catch(async (err: Error) => {
    throw new Error(`${err.message}\nrows: ${JSON.stringify(await channelRows(panel.panel))}`);
  });
}

/** Selects a channel and waits for its frame counter to reach `expected` (returns the last read). */
export async function channelFrames(panel: PanelHandle, channel: number, expected?: { count: number; in?: number; out?: number }) {
  await selectChannel(panel.panel, channel);
  const matches = (c: { count: number; in: number; out: number }) =>
    expected === undefined
      ? c.count >= 0
      : c.count === expected.count && (expected.in === undefined || c.in === expected.in) && (expected.out === undefined || c.out === expected.out);
  return waitFor(
    async () => {
      const c = await frameCount(panel.panel);
      return matches(c) ? c : undefined;
    },
    `frame count ${JSON.stringify(expected)}`,
    10_000,
    250,
  ).catch(() => frameCount(panel.panel));
}

/**
 * Replaces the values of inherently variable fields (session ids, timestamps) by a placeholder,
 * so that two runs of the same page can be compared. Nothing else is touched.
 */
export function normalise(value: unknown, variableKeys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, variableKeys));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = variableKeys.includes(k) ? `<${k}>` : normalise(v, variableKeys);
    return out;
  }
  return value;
}
