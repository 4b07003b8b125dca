// Context: node (tests, bench, start script). Finds a Chromium and launches it with or without
// the PushLens extension, optionally with real DevTools open for every tab. `launch()` is
// Chromium unless `browser: 'firefox'` is passed (firefox.ts); `launchBrowser()` follows the
// Playwright project. Both return the browser-neutral TestBrowser surface of types.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createServer } from 'node:net';
import { trackBrowser, untrackBrowser } from './artifacts';
import { CdpSession, listTargets } from './cdp';
import { openPushLensPanel, screenshotDevtools } from './devtools-panel';
import { launchFirefox, type FirefoxBrowser } from './firefox';
import { currentBrowser } from './target';
import type { LaunchOptions, TestBrowser, TestPage } from './types';

export type { LaunchOptions } from './types';

export const EXTENSION_DIR = process.env.PUSHLENS_EXTENSION_DIR
  ? resolve(process.env.PUSHLENS_EXTENSION_DIR)
  : resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Flags every PushLens test and bench browser needs on this closed, loopback-only machine. */
export const CHROMIUM_BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-features=Translate,MediaRouter',
];

export function findChromium(): string {
  const candidates = [process.env.PUSHLENS_CHROMIUM, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    /* no bundled browser */
  }
  throw new Error("No Chromium found. Install Debian's chromium (apt-get install -y chromium) or set PUSHLENS_CHROMIUM to a Chromium/Chrome binary.");
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

/** A Chromium: Playwright's context and the CDP port for Chromium-only tests, plus the neutral surface. */
export interface Launched extends TestBrowser {
  readonly name: 'chromium';
  context: BrowserContext;
  extensionId?: string;
  cdpPort: number;
  close(): Promise<void>;
}

/**
 * Either browser. Both have `cdpPort` and `context` so that Chromium-only code typechecks; in
 * Firefox they throw. Browser-neutral tests use only the TestBrowser part.
 */
export type AnyBrowser = Launched | FirefoxBrowser;

/** Chromium by default (bench, start script and Chromium-only tests rely on `context`). */
export function launch(opts?: LaunchOptions & { browser?: 'chromium' }): Promise<Launched>;
export function launch(opts: LaunchOptions & { browser: 'chromium' | 'firefox' }): Promise<AnyBrowser>;
export function launch(opts: LaunchOptions = {}): Promise<AnyBrowser> {
  return opts.browser === 'firefox' ? launchFirefox(opts) : launchChromium(opts);
}

/** The browser of the running Playwright project (or PUSHLENS_BROWSER), unless `browser` is given. */
export function launchBrowser(opts: LaunchOptions = {}): Promise<AnyBrowser> {
  return launch({ ...opts, browser: opts.browser ?? currentBrowser() });
}

async function launchChromium(opts: LaunchOptions): Promise<Launched> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  const withExtension = opts.extension ?? true;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'pushlens-profile-'));
  const cdpPort = await freePort();
  const args = [...CHROMIUM_BASE_ARGS, `--remote-debugging-port=${cdpPort}`];
  if (opts.lang) args.push(`--lang=${opts.lang}`, `--accept-lang=${opts.lang}`);
  if (opts.darkMode) args.push('--force-dark-mode');
  if (withExtension) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  if (opts.devtools) args.push('--auto-open-devtools-for-tabs');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    args,
    viewport: { width: 1280, height: 800 },
    locale: opts.lang,
    // The browser UI language (what chrome.i18n.getUILanguage() reports) follows the environment on Linux.
    env: opts.lang ? { ...process.env, LANGUAGE: opts.lang.replace('-', '_'), LANG: `${opts.lang.replace('-', '_')}.UTF-8` } : undefined,
    colorScheme: opts.darkMode ? 'dark' : 'light',
  });
  let extensionId: string | undefined;
  if (withExtension) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionId = new URL(worker.url()).host;
  }
  // Playwright's Page has the TestPage methods (and more, for Chromium-only tests).
  const asTestPage = (p: unknown) => p as TestPage;
  const launched: Launched = {
    name: 'chromium',
    context,
    extensionId,
    cdpPort,
    async firstPage() {
      return asTestPage(context.pages()[0] ?? (await context.newPage()));
    },
    async newPage() {
      return asTestPage(await context.newPage());
    },
    openPanel(pageUrlPrefix, panelOpts) {
      if (!extensionId) throw new Error('openPanel: this browser was launched without PushLens');
      return openPushLensPanel(cdpPort, extensionId, pageUrlPrefix, panelOpts);
    },
    async remoteType(page, expression) {
      const cdp = await context.newCDPSession(page as unknown as Page);
      try {
        const r = (await cdp.send('Runtime.evaluate', { expression })) as { result: { type: string; subtype?: string } };
        return r.result.subtype === 'proxy' ? 'proxy' : r.result.type;
      } finally {
        await cdp.detach().catch(() => {});
      }
    },
    async screenshots() {
      const out: { name: string; png: Buffer }[] = [];
      let i = 0;
      for (const p of context.pages()) {
        i++;
        const png = await p.screenshot({ timeout: 5000 }).catch(() => undefined);
        if (png) out.push({ name: `page-${i}.png`, png });
      }
      // DevTools windows are not Playwright pages: take them over CDP.
      const targets = await listTargets(cdpPort).catch(() => []);
      for (const t of targets.filter((x) => x.type === 'page' && x.url.startsWith('devtools://'))) {
        const s = await CdpSession.connect(t.webSocketDebuggerUrl).catch(() => undefined);
        if (!s) continue;
        const png = await Promise.race([screenshotDevtools(s), new Promise<undefined>((r) => setTimeout(r, 5000))]).catch(() => undefined);
        s.close();
        if (png) out.push({ name: `devtools-${++i}.png`, png });
      }
      return out;
    },
    async close() {
      untrackBrowser(launched);
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  trackBrowser(launched);
  return launched;
}
