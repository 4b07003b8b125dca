// Context: node (tests). Drives the real DevTools: finds the DevTools window of a page, shows
// the PushLens panel in it, and returns CDP sessions for the panel page and the DevTools window.
// The panel-switching call is DevTools-internal (checked on Chromium 156) and lives only here.
// Firefox's equivalent is in firefox.ts; both return the PanelHandle of types.ts.
import { CdpSession, listTargets, waitFor } from './cdp';
import type { PanelHandle } from './types';

export type { PanelHandle } from './types';

/** DevTools' front end takes 15–40 s to load when the 2 cores are busy (seen in full-suite runs). */
const PANEL_TIMEOUT_MS = 60_000;

/** Chromium's handle: the panel and the DevTools window are both CDP sessions. */
export interface ChromiumPanelHandle extends PanelHandle {
  panel: CdpSession;
  devtools: CdpSession;
}

export async function openPushLensPanel(
  cdpPort: number,
  extensionId: string,
  pageUrlPrefix: string,
  opts: { undock?: boolean } = {},
): Promise<ChromiumPanelHandle> {
  const devtoolsTarget = await waitFor(
    async () => {
      const targets = await listTargets(cdpPort);
      const pages = targets.filter((t) => t.type === 'page' && t.url.startsWith('devtools://devtools/'));
      // The DevTools window of our page: its URL names the inspected target; with one tab open there is one.
      return pages.find((t) => t.url.includes(encodeURIComponent(pageUrlPrefix))) ?? pages[pages.length - 1];
    },
    'the DevTools window',
    PANEL_TIMEOUT_MS,
  );
  const devtools = await CdpSession.connect(devtoolsTarget.webSocketDebuggerUrl);
  const panelId = `chrome-extension://${extensionId}PushLens`;
  await waitFor(
    () =>
      devtools.evaluate<boolean>(`(async () => {
        const UI = await import('./ui/legacy/legacy.js');
        const iv = UI.InspectorView.InspectorView.instance();
        if (!iv.tabbedPane.tabIds().includes(${JSON.stringify(panelId)})) return false;
        await iv.showPanel(${JSON.stringify(panelId)});
        return true;
      })()`),
    'the PushLens panel tab in DevTools',
    PANEL_TIMEOUT_MS,
  );
  const panelTarget = await waitFor(
    async () =>
      (await listTargets(cdpPort)).find((t) => t.type === 'iframe' && t.url.startsWith(`chrome-extension://${extensionId}/devtools-panel.html`)),
    'the PushLens panel page',
    PANEL_TIMEOUT_MS,
  );
  const panel = await CdpSession.connect(panelTarget.webSocketDebuggerUrl);
  await waitFor(
    () => panel.evaluate<boolean>(`document.readyState === 'complete' && !!document.querySelector('.app')`),
    'the panel app to render',
    PANEL_TIMEOUT_MS,
  );
  if (opts.undock) await undockDevtools(devtools);
  return {
    panel,
    devtools,
    screenshot: () => screenshotDevtools(devtools),
    resize: (width, height) => resizePanel(devtools, panel, width, height),
    setDevtoolsTheme: (theme) =>
      devtools.evaluate(`(async () => {
        const Common = await import('./core/common/common.js');
        Common.Settings.Settings.instance().moduleSetting('ui-theme').set(${JSON.stringify(theme === 'dark' ? 'dark' : 'default')});
      })()`),
    close() {
      panel.close();
      devtools.close();
    },
  };
}

/** Screenshot of the DevTools window (what a user sees), as PNG bytes. */
export async function screenshotDevtools(devtools: CdpSession): Promise<Buffer> {
  const r = await devtools.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
  return Buffer.from(r.data, 'base64');
}

/**
 * Sizes the undocked DevTools window so that the panel page gets `width` × `height`: DevTools'
 * own tab bar sits above the panel, so the window is made taller by what it takes, measured.
 */
export async function resizePanel(devtools: CdpSession, panel: CdpSession, width: number, height: number): Promise<void> {
  const size = () => panel.evaluate<[number, number]>(`new Promise((r) => requestAnimationFrame(() => r([innerWidth, innerHeight])))`);
  const apply = async (windowHeight: number) => {
    await devtools.send('Emulation.setDeviceMetricsOverride', { width, height: windowHeight, deviceScaleFactor: 1, mobile: false });
    // DevTools lays its panels out on window resize; the override alone does not trigger it.
    await devtools.evaluate(`window.dispatchEvent(new Event('resize'))`);
    return waitFor(async () => ((await size())[0] === width ? size() : undefined), `the panel ${width} px wide`, 10_000, 50);
  };
  // First pass at the wanted height learns how much DevTools' chrome takes above the panel.
  const [, first] = await apply(height);
  const [w, h] = await apply(height + (height - first));
  if (w !== width || h !== height) throw new Error(`resizePanel: the panel is ${w} × ${h}, wanted ${width} × ${height}`);
}

/** Moves DevTools into its own window so screenshots show the panel at a useful size. */
export async function undockDevtools(devtools: CdpSession): Promise<void> {
  await devtools.evaluate(`(async () => {
    const UI = await import('./ui/legacy/legacy.js');
    UI.DockController.DockController.instance().setDockSide('undocked');
  })()`);
  await devtools.send('Emulation.setDeviceMetricsOverride', { width: 1400, height: 820, deviceScaleFactor: 1, mobile: false }).catch(() => {});
  // DevTools lays its panels out on window resize; the override alone does not trigger it.
  await new Promise((r) => setTimeout(r, 300));
  await devtools.evaluate(`window.dispatchEvent(new Event('resize'))`);
  await new Promise((r) => setTimeout(r, 300));
}
