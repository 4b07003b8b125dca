// Context: node (tests, start script). Everything Firefox-specific in the harness, in one file:
// launches Debian's firefox-esr through puppeteer-core over WebDriver BiDi, installs PushLens as
// a temporary add-on, opens Firefox's own DevTools toolbox on a tab and shows the PushLens panel,
// and evaluates expressions in the panel page's realm. This relies on Firefox internals (checked
// on ESR 153, see /work/shared/notes/firefox-e2e.md): chrome-scope BiDi evaluation (needs
// -remote-allow-system-access), `gDevTools`, the toolbox's panel <browser> and a frame script
// with a sandbox on the panel's principal. Pin the ESR major in CI.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { CdpSession } from './cdp';
import { trackBrowser, untrackBrowser } from './artifacts';
import type { LaunchOptions, PanelHandle, PanelPage, TestBrowser, TestPage } from './types';

export const FIREFOX_EXTENSION_DIR = process.env.PUSHLENS_FIREFOX_EXTENSION_DIR
  ? resolve(process.env.PUSHLENS_FIREFOX_EXTENSION_DIR)
  : resolve(import.meta.dirname, '../../.output/firefox-mv3');

/** The panel's title in the toolbox (the id carries a counter that changes between runs). */
const PANEL_LABEL = 'PushLens';

export function findFirefox(): string {
  const candidates = [process.env.PUSHLENS_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error("No Firefox found. Install Debian's firefox-esr (apt-get install -y firefox-esr) or set PUSHLENS_FIREFOX to a Firefox binary.");
}

interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: Record<string, unknown> }>;
}

/** Privileged evaluation in the browser window (chrome scope), where gBrowser and gDevTools live. */
class ChromeScope {
  private context?: string;
  constructor(private connection: BidiConnection) {}

  async evaluate<T>(expression: string): Promise<T> {
    if (!this.context) {
      const tree = await this.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const contexts = tree.result.contexts as { context: string; url: string }[];
      const win = contexts.find((c) => c.url.startsWith('chrome://browser/')) ?? contexts[0];
      if (!win) throw new Error('Firefox: no chrome-scope browsing context (is -remote-allow-system-access set?)');
      this.context = win.context;
    }
    // Results travel as one JSON string: BiDi's remote values would need their own decoding.
    const r = await this.connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify({ v: await (${expression}) }))()`,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (r.result.type === 'exception') {
      const d = r.result.exceptionDetails as { text?: string; exception?: { value?: unknown } };
      throw new Error(`Firefox chrome-scope evaluate failed: ${d.text ?? JSON.stringify(d.exception)}`);
    }
    const value = (r.result.result as { value?: string }).value;
    return (value === undefined ? undefined : (JSON.parse(value) as { v: T }).v) as T;
  }
}

/** Installed once per browser window: a message hub between node's evaluations and panel frame scripts. */
const HUB = `(globalThis.__pushlensHarness ??= {
  seq: 0,
  waiters: new Map(),
  panels: {},
  gDevTools() {
    const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
    return require('devtools/client/framework/devtools').gDevTools;
  },
})`;

/**
 * Runs next to the panel page (content process). Evaluates in a sandbox on the panel's own
 * principal whose prototype is the panel window, with Xrays off: the code sees the panel's DOM,
 * React's listeners and its chrome.* as the panel's scripts do. Values come back as JSON.
 */
function frameScript(key: string): string {
  return `addMessageListener('pushlens:eval:${key}', (msg) => {
    const { id, code } = msg.data;
    const reply = (ok, json) => sendAsyncMessage('pushlens:result', { id, ok, json });
    try {
      const Cu = Components.utils;
      const sb = Cu.Sandbox(content.document.nodePrincipal, { sandboxPrototype: content, wantXrays: false });
      Cu.exportFunction(reply, sb, { defineAs: '__plReply' });
      const settle = Cu.evalInSandbox(\`(function (v) {
        Promise.resolve(v).then(
          (x) => __plReply(true, x === undefined ? '{}' : JSON.stringify({ v: x })),
          (e) => __plReply(false, String(e && e.message ? e.message + '\\\\n' + (e.stack || '') : e)));
      })\`, sb);
      settle(Cu.evalInSandbox(code, sb));
    } catch (e) {
      reply(false, String(e && e.message ? e.message : e));
    }
  });`;
}

class FirefoxPanel implements PanelPage {
  constructor(
    private chrome: ChromeScope,
    private key: string,
  ) {}

  async evaluate<T = unknown>(expression: string): Promise<T> {
    const r = await this.chrome.evaluate<{ ok: boolean; json: string }>(`new Promise((resolve, reject) => {
      const H = ${HUB};
      const p = H.panels[${JSON.stringify(this.key)}];
      const id = ++H.seq;
      const timer = setTimeout(() => H.waiters.delete(id) && reject(new Error('no answer from the panel frame script in 60 s')), 60000);
      H.waiters.set(id, (m) => { clearTimeout(timer); resolve(m); });
      p.mm.sendAsyncMessage('pushlens:eval:' + ${JSON.stringify(this.key)}, { id, code: ${JSON.stringify(expression)} });
    })`);
    if (!r.ok) throw new Error(`evaluate failed: ${r.json}`);
    return (JSON.parse(r.json) as { v?: T }).v as T;
  }
}

function wrapPage(p: Page): TestPage {
  return {
    goto: (url: string) => p.goto(url),
    evaluate: ((fn: (arg: unknown) => unknown, arg?: unknown) => p.evaluate(fn, arg)) as TestPage['evaluate'],
    waitForFunction: (fn, arg, options) =>
      p.waitForFunction(fn as (arg: unknown) => unknown, { timeout: options?.timeout ?? 60_000, polling: options?.polling ?? 100 }, arg),
    close: () => p.close(),
    url: () => p.url(),
    on: (event, listener) => p.on(event, listener as (e: unknown) => void),
    off: (event, listener) => p.off(event, listener as (e: unknown) => void),
  };
}

/** The panel page alone (its whole viewport), PNG bytes. */
async function screenshotPanel(chrome: ChromeScope, key: string): Promise<Buffer> {
  const dataUrl = await chrome.evaluate<string>(`(async () => {
    const b = ${HUB}.panels[${JSON.stringify(key)}].browser;
    const bmp = await b.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
    const c = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    c.getContext('2d').drawImage(bmp, 0, 0);
    return c.toDataURL('image/png');
  })()`);
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

export interface FirefoxBrowser extends TestBrowser {
  readonly name: 'firefox';
  puppeteer: Browser;
  /** Chromium only (so Chromium-only tests typecheck against either browser): these throw here. */
  readonly cdpPort: number;
  readonly context: BrowserContext;
  /** Evaluates in the browser window's privileged scope (Firefox internals; harness use only). */
  chromeEvaluate<T>(expression: string): Promise<T>;
  /** The whole window (page + docked toolbox), PNG bytes. */
  screenshotWindow(): Promise<Buffer>;
}

export async function launchFirefox(opts: LaunchOptions = {}): Promise<FirefoxBrowser> {
  const extensionDir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const withExtension = opts.extension ?? true;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionDir}: run "npx wxt build -b firefox --mv3" (or "npm run build") first.`);
  }
  const prefs: Record<string, unknown> = {
    'devtools.toolbox.host': 'bottom',
    'devtools.toolbox.footer.height': 560,
    // The toolbox's first-run notices would cover the panel.
    'devtools.everOpened': true,
    'devtools.netmonitor.persistlog': false,
  };
  if (opts.lang) Object.assign(prefs, { 'intl.locale.requested': opts.lang, 'intl.accept_languages': opts.lang });
  if (opts.darkMode) Object.assign(prefs, { 'devtools.theme': 'dark', 'ui.systemUsesDarkTheme': 1 });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: opts.headless ?? true,
    args: ['-remote-allow-system-access'],
    env: { ...process.env, MOZ_HEADLESS_WIDTH: '1400', MOZ_HEADLESS_HEIGHT: '1000' },
    extraPrefsFirefox: prefs,
    defaultViewport: null,
  });
  let extensionId: string | undefined;
  try {
    if (withExtension) extensionId = await browser.installExtension(extensionDir);
  } catch (err) {
    await browser.close();
    throw err;
  }
  const chrome = new ChromeScope((browser as unknown as { connection: BidiConnection }).connection);
  const pages = new Map<Page, TestPage>();
  const wrap = (p: Page) => pages.get(p) ?? pages.set(p, wrapPage(p)).get(p)!;

  const chromiumOnly = (what: string) => new Error(`${what} is Chromium only (CDP / Playwright); this test runs in Firefox`);
  const ff: FirefoxBrowser = {
    name: 'firefox',
    extensionId,
    puppeteer: browser,
    get cdpPort(): number {
      throw chromiumOnly('browser.cdpPort');
    },
    get context(): BrowserContext {
      throw chromiumOnly('browser.context');
    },
    chromeEvaluate: (expression) => chrome.evaluate(expression),
    async firstPage() {
      const [first] = await browser.pages();
      return wrap(first ?? (await browser.newPage()));
    },
    async newPage() {
      return wrap(await browser.newPage());
    },
    async openPanel(pageUrlPrefix) {
      const key = await chrome.evaluate<string>(`(async () => {
        const H = ${HUB};
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        const prefix = ${JSON.stringify(pageUrlPrefix)};
        const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec.startsWith(prefix)) ?? gBrowser.selectedTab;
        gBrowser.selectedTab = tab;
        const toolbox = await H.gDevTools().showToolboxForTab(tab);
        // The extension panel registers once the extension's devtools page has run.
        let tool;
        for (let i = 0; i < 200 && !tool; i++) {
          tool = toolbox.getAdditionalTools().find((t) => t.label === ${JSON.stringify(PANEL_LABEL)});
          if (!tool) await sleep(100);
        }
        if (!tool) throw new Error('no PushLens panel in the toolbox; tools: ' + JSON.stringify(toolbox.getAdditionalTools().map((t) => t.label)));
        await toolbox.selectTool(tool.id);
        let browser;
        for (let i = 0; i < 200; i++) {
          const frame = toolbox.doc.getElementById('toolbox-panel-iframe-' + tool.id);
          browser = frame?.contentDocument?.querySelector('browser');
          if (browser?.messageManager && browser.currentURI?.spec.startsWith('moz-extension:')) break;
          browser = undefined;
          await sleep(100);
        }
        if (!browser) throw new Error('the PushLens panel page did not load in the toolbox');
        const key = 'p' + ++H.seq;
        const mm = browser.messageManager;
        mm.addMessageListener('pushlens:result', (m) => {
          const w = H.waiters.get(m.data.id);
          if (w) { H.waiters.delete(m.data.id); w({ ok: m.data.ok, json: m.data.json }); }
        });
        mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(frameScript('KEY'))}.replaceAll('KEY', key)), false);
        H.panels[key] = { mm, toolbox, browser };
        return key;
      })()`);
      const panel = new FirefoxPanel(chrome, key);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const ready = await panel.evaluate<boolean>(`document.readyState === 'complete' && !!document.querySelector('.app')`).catch(() => false);
        if (ready) break;
        if (Date.now() > deadline) throw new Error('Timed out waiting for the PushLens panel app to render in Firefox');
        await new Promise((r) => setTimeout(r, 200));
      }
      let resized = false;
      return {
        panel,
        get devtools(): CdpSession {
          throw new Error('PanelHandle.devtools is Chromium only (CDP); use screenshot() or panel.evaluate()');
        },
        // Once resized, the panel browser may be larger than the docked toolbox: show the panel itself.
        screenshot: () => (resized ? screenshotPanel(chrome, key) : ff.screenshotWindow()),
        async resize(width, height) {
          resized = true;
          await chrome.evaluate(`(() => {
            const b = ${HUB}.panels[${JSON.stringify(key)}].browser;
            b.style.cssText = 'flex: none; width: ${width}px; min-width: ${width}px; max-width: ${width}px; height: ${height}px; min-height: ${height}px; max-height: ${height}px';
          })()`);
          const deadline = Date.now() + 10_000;
          for (;;) {
            const [w, h] = await panel.evaluate<[number, number]>(`new Promise((r) => requestAnimationFrame(() => r([innerWidth, innerHeight])))`);
            if (w === width && h === height) return;
            if (Date.now() > deadline) throw new Error(`Firefox resize: the panel is ${w} × ${h}, wanted ${width} × ${height}`);
            await new Promise((r) => setTimeout(r, 50));
          }
        },
        async setDevtoolsTheme(theme) {
          await chrome.evaluate(`Services.prefs.setCharPref('devtools.theme', ${JSON.stringify(theme)})`);
        },
        close() {},
      } satisfies PanelHandle;
    },
    async remoteType(page, expression) {
      // WebDriver BiDi serialises a Proxy as its own remote value type.
      const url = page.url();
      const connection = (browser as unknown as { connection: BidiConnection }).connection;
      const tree = await connection.send('browsingContext.getTree', {});
      const ctx = (tree.result.contexts as { context: string; url: string }[]).find((c) => c.url === url);
      if (!ctx) throw new Error(`remoteType: no browsing context at ${url}`);
      const r = await connection.send('script.evaluate', {
        expression,
        target: { context: ctx.context },
        awaitPromise: false,
        resultOwnership: 'none',
      });
      if (r.result.type === 'exception') throw new Error(`remoteType: ${JSON.stringify(r.result.exceptionDetails)}`);
      return (r.result.result as { type: string }).type;
    },
    async screenshotWindow() {
      const dataUrl = await chrome.evaluate<string>(`(async () => {
        const bmp = await window.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
        const c = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        c.width = bmp.width;
        c.height = bmp.height;
        c.getContext('2d').drawImage(bmp, 0, 0);
        return c.toDataURL('image/png');
      })()`);
      return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    },
    async screenshots() {
      const out: { name: string; png: Buffer }[] = [];
      let i = 0;
      for (const p of await browser.pages()) {
        i++;
        const png = await p.screenshot({ type: 'png' }).catch(() => undefined);
        if (png) out.push({ name: `page-${i}.png`, png: Buffer.from(png) });
      }
      const win = await ff.screenshotWindow().catch(() => undefined);
      if (win) out.push({ name: 'window-with-devtools.png', png: win });
      return out;
    },
    async close() {
      untrackBrowser(ff);
      await browser.close().catch(() => {});
    },
  };
  trackBrowser(ff);
  return ff;
}
