// Context: node (test). Screenshots of the panel in the real DevTools (Chromium and Firefox), light
// and dark theme, English and Chinese, at the three sizes people use DevTools at (docked right,
// docked bottom, undocked), on the flaky demo, written to test-artifacts/ (the README's gallery
// copies some of them). Each picture comes with a layout check (tests/harness/layout-check.ts):
// no control outside the panel, cut off or on top of another, no text cut without an ellipsis
// and a title. One browser launch: theme, language and size change in place.
import { afterEach, describe, expect, it } from '../harness/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import { waitFor } from '../harness/cdp';
import { channelRows, fill, selectChannel } from '../harness/panel-dom';
import { BROKEN_LAYOUT_CSS, checkLayout, withStyle, type LayoutProblem } from '../harness/layout-check';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');

/** Docked right at the narrow end of 450–600 px, docked bottom at the short end of 260–320 px, undocked. */
const SIZES = [
  { name: 'right', width: 450, height: 860 },
  { name: 'bottom', width: 1280, height: 260 },
  { name: 'undocked', width: 1400, height: 900 },
] as const;
const LOCALES = ['en', 'zh-CN'] as const;
const THEMES = ['light', 'dark'] as const;

const nextFrames = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`;

describe('panel screenshots', () => {
  let s: DemoSession | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('renders at three sizes, light and dark, English and Chinese, with nothing overlapping or cut off', async () => {
    s = await startDemoSession({ flaky: true });
    const h = await s.openPanel({ undock: true });
    const browser = s.browser.name;
    const chat = await waitFor(
      async () => (await channelRows(h.panel)).find((r) => r.url.endsWith('/ws/chat') && r.reconnects >= 2),
      'a chat channel with reconnects',
      30_000,
      500,
    );
    await selectChannel(h.panel, chat.channel);
    await h.panel.evaluate(`document.querySelector('[data-testid="frame-row"]')?.click()`);
    await waitFor(() => h.panel.evaluate<boolean>(`!!document.querySelector('[data-testid="frame-detail"]')`), 'the frame detail');
    mkdirSync(ARTIFACTS, { recursive: true });
    // Recording is paused so that every picture shows the same rows (the flaky demo keeps talking).
    await h.panel.evaluate(`document.querySelector('[data-testid="record-toggle"]').click()`);

    const problems: (LayoutProblem & { at: string })[] = [];
    let checkedControls = 0;
    for (const theme of THEMES) {
      // The panel follows DevTools' theme when the user switches it, without reopening.
      await h.setDevtoolsTheme(theme);
      await waitFor(() => h.panel.evaluate<boolean>(`document.querySelector('.app').dataset.theme === '${theme}'`), `the ${theme} theme`);
      // The page background really changes with the theme (not just an attribute).
      const bg = await h.panel.evaluate<string>(`getComputedStyle(document.querySelector('.app')).backgroundColor`);
      expect(bg).toBe(theme === 'dark' ? 'rgb(32, 33, 36)' : 'rgb(255, 255, 255)');
      for (const locale of LOCALES) {
        await fill(h.panel, 'language', locale);
        for (const size of SIZES) {
          await h.resize(size.width, size.height);
          await h.panel.evaluate(nextFrames);
          const at = `${theme} ${size.name} ${size.width}×${size.height} ${locale}`;
          const result = await checkLayout(h.panel);
          checkedControls += result.controls;
          problems.push(...result.problems.map((p) => ({ ...p, at })));
          const png = await h.screenshot();
          expect(png.length).toBeGreaterThan(5_000);
          const suffix = browser === 'chromium' ? '' : `-${browser}`;
          writeFileSync(resolve(ARTIFACTS, `panel-${size.name}-${theme}-${locale}${suffix}.png`), png);
          // The README's main picture keeps its historical name.
          if (size.name === 'undocked' && locale === 'en') writeFileSync(resolve(ARTIFACTS, `panel-${theme}${suffix}.png`), png);
        }
      }
    }
    const shots = THEMES.length * LOCALES.length * SIZES.length;
    console.log(`[layout] ${browser}: ${checkedControls} control boxes checked in ${shots} pictures`);
    // A check that saw nothing proves nothing: each picture has its toolbar, list and actions.
    expect(checkedControls).toBeGreaterThan(shots * 10);
    expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);

    // Positive control: the same check on a deliberately broken layout reports it.
    await h.resize(SIZES[0].width, SIZES[0].height);
    const broken = await withStyle(h.panel, BROKEN_LAYOUT_CSS, () => checkLayout(h.panel));
    const kinds = new Set(broken.problems.map((p) => p.kind));
    expect([...kinds], JSON.stringify(broken.problems.slice(0, 5))).toEqual(expect.arrayContaining(['overflow-no-ellipsis', 'overlap']));
  });
});
