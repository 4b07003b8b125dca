// Context: node (e2e test, real DevTools panel, Chromium). axe-core (the page-injected engine, as
// its own docs run it) against every view of the panel — Traffic, each channel tab (messages with
// the frame detail, connections, insights), Learn, Settings and the Composer — in the light and
// the dark DevTools theme: no serious or critical violation. The number of rules axe ran is
// printed, so a run that checked nothing shows.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startDemoSession, type DemoSession, type PanelHandle } from '../harness/demo-session';
import { waitFor } from '../harness/cdp';
import { channelRows, click, selectChannel } from '../harness/panel-dom';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeSummary {
  rules: number;
  violations: { id: string; impact: string | null; nodes: number; help: string; targets: string[] }[];
}

/** Runs axe on the whole panel document; returns the rules it ran and its violations. */
async function runAxe(h: PanelHandle): Promise<AxeSummary> {
  return h.panel.evaluate<AxeSummary>(`(async () => {
    if (!window.axe) { ${AXE_SOURCE}; }
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return {
      rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length,
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => String(n.target)) })),
    };
  })()`);
}

const VIEWS: { name: string; open: (h: PanelHandle, chat: number) => Promise<void> }[] = [
  {
    name: 'traffic (messages and frame detail)',
    open: async (h, chat) => {
      await click(h.panel, 'tab-traffic');
      await selectChannel(h.panel, chat);
      await click(h.panel, 'tab-messages');
      await h.panel.evaluate(`document.querySelector('[data-testid="frame-row"]').click()`);
      await waitFor(() => h.panel.evaluate<boolean>(`!!document.querySelector('[data-testid="frame-detail"]')`), 'the frame detail');
    },
  },
  { name: 'connections', open: (h) => click(h.panel, 'tab-connections') },
  { name: 'insights', open: (h) => click(h.panel, 'tab-insights') },
  {
    name: 'composer',
    open: async (h) => {
      await click(h.panel, 'tab-messages');
      await click(h.panel, 'open-composer');
      await waitFor(() => h.panel.evaluate<boolean>(`!!document.querySelector('[data-testid="composer"]')`), 'the composer');
    },
  },
  {
    name: 'settings',
    open: async (h) => {
      await click(h.panel, 'open-composer');
      await click(h.panel, 'settings-toggle');
      await waitFor(() => h.panel.evaluate<boolean>(`!!document.querySelector('[data-testid="settings"]')`), 'the settings');
    },
  },
  {
    name: 'learn',
    open: async (h) => {
      await click(h.panel, 'settings-toggle');
      await click(h.panel, 'tab-learn');
      await waitFor(() => h.panel.evaluate<boolean>(`!!document.querySelector('[data-testid="learn-view"]')`), 'the Learn view');
    },
  },
];

describe('accessibility (axe-core) of every panel view', () => {
  let s: DemoSession;
  let h: PanelHandle;
  let chat: number;
  beforeAll(async () => {
    s = await startDemoSession({ flaky: true });
    h = await s.openPanel({ undock: true });
    const row = await waitFor(
      async () => (await channelRows(h.panel)).find((r) => r.url.endsWith('/ws/chat') && r.reconnects >= 1),
      'a chat channel with a reconnect',
      30_000,
      500,
    );
    chat = row.channel;
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical violation in the ${theme} theme`, async () => {
      await h.setDevtoolsTheme(theme);
      await waitFor(() => h.panel.evaluate<boolean>(`document.querySelector('.app').dataset.theme === '${theme}'`), `the ${theme} theme`);
      const found: (AxeSummary['violations'][number] & { view: string })[] = [];
      for (const view of VIEWS) {
        await view.open(h, chat);
        const r = await runAxe(h);
        console.log(
          `[axe] ${theme} · ${view.name}: ${r.rules} rules checked, ${r.violations.length} violations (${r.violations.map((v) => `${v.id}:${v.impact}`).join(', ') || 'none'})`,
        );
        // axe ran its rule set (about 90 rules in 4.x), not an empty one.
        expect(r.rules).toBeGreaterThan(50);
        found.push(...r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ ...v, view: view.name })));
      }
      expect(found, JSON.stringify(found, null, 1)).toEqual([]);
    });
  }
});
