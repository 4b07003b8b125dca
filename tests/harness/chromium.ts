// Context: node (tests, bench, start script). Finds a Chromium and launches it with or without
// the PushLens extension, optionally with real DevTools open for every tab.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { createServer } from 'node:net';

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

export interface LaunchOptions {
  extension?: boolean;
  /** Another unpacked extension to load instead of ours (bench --compare). */
  extensionDir?: string;
  devtools?: boolean;
  headless?: boolean;
  lang?: string;
  darkMode?: boolean;
}

export interface Launched {
  context: BrowserContext;
  extensionId?: string;
  cdpPort: number;
  close(): Promise<void>;
}

export async function launch(opts: LaunchOptions = {}): Promise<Launched> {
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
  return {
    context,
    extensionId,
    cdpPort,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
