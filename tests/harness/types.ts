// Context: node (tests). The browser-neutral shapes every test is written against: a page, the
// PushLens panel and a launched browser, implemented over Playwright/CDP for Chromium
// (chromium.ts, devtools-panel.ts) and over Puppeteer/WebDriver BiDi for Firefox (firefox.ts).
import type { CdpSession } from './cdp';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** The page API tests may use in both browsers (Playwright's Page satisfies it). */
export interface TestPage {
  goto(url: string): Promise<unknown>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, options?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  close(): Promise<void>;
  url(): string;
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  off(event: 'pageerror', listener: (error: Error) => void): unknown;
}

/** The panel page's own realm: `evaluate` runs an expression there (awaiting a promise) and returns its JSON value. */
export interface PanelPage {
  evaluate<T = unknown>(expression: string): Promise<T>;
}

export interface PanelHandle {
  panel: PanelPage;
  /** Chromium only: the DevTools window over CDP. Throws in Firefox (use `screenshot()`). */
  readonly devtools: CdpSession;
  /** What a user sees: DevTools with the panel shown, as PNG bytes. */
  screenshot(): Promise<Buffer>;
  /**
   * Gives the panel page a `width` × `height` CSS px viewport without relaunching (docked right,
   * docked bottom, undocked sizes). Chromium: the undocked DevTools window is resized (its tab bar
   * above the panel included, as a user sees it). Firefox: the toolbox's panel browser is sized.
   */
  resize(width: number, height: number): Promise<void>;
  /** Switches DevTools' own theme, as a user does in its settings (DevTools internals: harness only). */
  setDevtoolsTheme(theme: 'light' | 'dark'): Promise<void>;
  close(): void;
}

export interface LaunchOptions {
  /** Which browser; default: the Playwright project's (see target.ts), else Chromium. */
  browser?: BrowserName;
  extension?: boolean;
  /** Another unpacked extension to load instead of ours (bench --compare). */
  extensionDir?: string;
  devtools?: boolean;
  headless?: boolean;
  lang?: string;
  darkMode?: boolean;
}

/** A launched browser, the same in both engines. */
export interface TestBrowser {
  readonly name: BrowserName;
  extensionId?: string;
  /** The first tab: the one DevTools opens on (Chromium's --auto-open-devtools-for-tabs, Firefox's toolbox). */
  firstPage(): Promise<TestPage>;
  newPage(): Promise<TestPage>;
  /** Opens DevTools on the tab showing `pageUrlPrefix` and shows the PushLens panel there. */
  openPanel(pageUrlPrefix: string, opts?: { undock?: boolean }): Promise<PanelHandle>;
  /**
   * How the protocol sees a value of the page's main realm: 'proxy' for a Proxy (which no page
   * script can tell), else its type. Lets tests check that PushLens's hooks are installed.
   */
  remoteType(page: TestPage, expression: string): Promise<string>;
  /** Screenshots of every open page and of DevTools (failure artifacts). */
  screenshots(): Promise<{ name: string; png: Buffer }[]>;
  close(): Promise<void>;
}
