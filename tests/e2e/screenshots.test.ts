// Context: node (test). Screenshots of the panel in the real DevTools (Chromium and Firefox),
// light and dark theme, on the flaky demo, written to test-artifacts/ (and used for the README's
// gallery). Also checks that the panel follows the DevTools theme.
import { afterEach, describe, expect, it } from '../harness/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import { waitFor } from '../harness/cdp';
import { channelRows, selectChannel } from '../harness/panel-dom';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');

describe('panel screenshots', () => {
  let s: DemoSession | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`renders in the ${theme} DevTools theme`, async () => {
      s = await startDemoSession({ flaky: true, darkMode: theme === 'dark' });
      const h = await s.openPanel({ undock: true });
      const chat = await waitFor(
        async () => (await channelRows(h.panel)).find((r) => r.url.endsWith('/ws/chat') && r.reconnects >= 2),
        'a chat channel with reconnects',
        30_000,
        500,
      );
      await selectChannel(h.panel, chat.channel);
      await h.panel.evaluate(`document.querySelector('[data-testid="frame-row"]')?.click()`);
      const appTheme = await h.panel.evaluate<string>(`document.querySelector('.app').dataset.theme`);
      expect(appTheme).toBe(theme);
      // The page background really changes with the theme (not just an attribute).
      const bg = await h.panel.evaluate<string>(`getComputedStyle(document.querySelector('.app')).backgroundColor`);
      expect(bg).toBe(theme === 'dark' ? 'rgb(32, 33, 36)' : 'rgb(255, 255, 255)');
      await new Promise((r) => setTimeout(r, 300));
      const png = await h.screenshot();
      expect(png.length).toBeGreaterThan(10_000);
      mkdirSync(ARTIFACTS, { recursive: true });
      // Chromium's keep their historical names (the README links them).
      writeFileSync(resolve(ARTIFACTS, s.browser.name === 'chromium' ? `panel-${theme}.png` : `panel-${theme}-${s.browser.name}.png`), png);
    });
  }
});
