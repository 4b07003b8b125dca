// Context: node (bench). Launches headless Chromium directly and drives pages over raw CDP.
// Not Playwright: Playwright enables the Network domain on every page it knows, so each of the
// 200k WebSocket frames would also be serialized to node (measured: it dominated the page's
// time), hiding the very overhead the bench is after. Same flags as tests/harness/chromium.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, CHROMIUM_BASE_ARGS } from '../tests/harness/chromium';
import { CdpSession, listTargets, waitFor } from '../tests/harness/cdp';

export interface RawBrowser {
  cdpPort: number;
  extensionId?: string;
  /** The first tab. */
  page: CdpSession;
  /** Opens an extra tab and returns its CDP session (for setting extension storage). */
  newTab(url: string): Promise<{ session: CdpSession; targetId: string }>;
  closeTab(targetId: string): Promise<void>;
  close(): Promise<void>;
}

/** Browsers this process started: killed if the bench is interrupted, so none outlive it. */
const live = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const p of live) p.kill('SIGKILL');
    process.exit(130);
  });
}
process.once('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

export async function launchRaw(opts: { extensionDir?: string; devtools?: boolean }): Promise<RawBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pushlens-bench-'));
  const args = [
    '--headless',
    ...CHROMIUM_BASE_ARGS,
    '--no-default-browser-check',
    // Background tabs must not be throttled: the idle side of an A/B pair sits in another browser anyway.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--remote-debugging-port=0',
    `--user-data-dir=${userDataDir}`,
  ];
  if (opts.extensionDir) args.push(`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`);
  else args.push('--disable-extensions');
  if (opts.devtools) args.push('--auto-open-devtools-for-tabs');
  args.push('about:blank');
  const proc: ChildProcess = spawn(findChromium(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(proc);
  proc.once('exit', () => live.delete(proc));
  const cdpPort = await new Promise<number>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${buf.slice(-500)}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${buf.slice(-500)}`)));
  });
  proc.stderr!.resume();
  let extensionId: string | undefined;
  if (opts.extensionDir) {
    const sw = await waitFor(
      async () =>
        (await listTargets(cdpPort)).find(
          (t) => t.url.startsWith('chrome-extension://') && (t.type === 'service_worker' || t.type === 'background_page'),
        ),
      'the extension to load',
      30_000,
      50,
    );
    extensionId = new URL(sw.url).host;
  }
  const pageTarget = await waitFor(
    async () => (await listTargets(cdpPort)).find((t) => t.type === 'page' && !t.url.startsWith('devtools://')),
    'the first tab',
    30_000,
    50,
  );
  const page = await CdpSession.connect(pageTarget.webSocketDebuggerUrl);
  const browserWs = ((await (await fetch(`http://127.0.0.1:${cdpPort}/json/version`)).json()) as { webSocketDebuggerUrl: string })
    .webSocketDebuggerUrl;
  const browser = await CdpSession.connect(browserWs);
  return {
    cdpPort,
    extensionId,
    page,
    async newTab(url) {
      const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url });
      const t = await waitFor(async () => (await listTargets(cdpPort)).find((x) => x.id === targetId), 'the new tab', 15_000, 50);
      return { session: await CdpSession.connect(t.webSocketDebuggerUrl), targetId };
    },
    async closeTab(targetId) {
      await browser.send('Target.closeTarget', { targetId }).catch(() => {});
    },
    async close() {
      page.close();
      browser.close();
      proc.kill('SIGKILL');
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
      // Crashpad or a late child may still write into the profile: retry, and never fail the bench on it.
      try {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch {
        /* left in tmp */
      }
    },
  };
}

/** Navigates a CDP page session and waits for the load event. */
export async function navigate(page: CdpSession, url: string, timeoutMs = 30_000): Promise<void> {
  await page.send('Page.enable');
  await page.send('Page.navigate', { url });
  await waitFor(
    () => page.evaluate<boolean>(`document.readyState === 'complete' && location.href === ${JSON.stringify(url)}`),
    `${url} to load`,
    timeoutMs,
    50,
  );
}
