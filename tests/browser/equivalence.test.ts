// Context: node (test). Transparent hooks (design rule 2): the same probes run in real Chromium
// without and with PushLens, against the same loopback server, and the results must be equal.
// The probes live in tests/browser/probes/page; each group returns { path: value }.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../harness/chromium';
import { startProbeServer, type ProbeServer } from './probes/server';
import { compareProbes, formatDifference } from './probes/compare';

const GROUPS = ['surface', 'constructors', 'events', 'websocket', 'eventsource', 'xhr', 'fetch'] as const;
/** Our branch of a body stops at responseCaptureBytes (16 MiB): the server may push that much more. */
const CAPTURE_CAP = 16 * 1024 * 1024;

type Results = Record<string, unknown>;

async function runGroup(browser: Launched, origin: string, group: string, runId: string): Promise<Results> {
  const page: Page = await browser.context.newPage();
  try {
    await page.goto(`${origin}/probe.html`);
    await page.waitForFunction(() => (window as unknown as { __probes?: { names(): string[] } }).__probes?.names().length === 7);
    return await page.evaluate(
      ([g, id]) => (window as unknown as { __probes: { run(g: string, id: string): Promise<Results> } }).__probes.run(g, id),
      [group, runId] as const,
    );
  } finally {
    await page.close();
  }
}

describe('equivalence: a page behaves the same with and without PushLens', () => {
  let server: ProbeServer;
  let plain: Launched;
  let hooked: Launched;
  let total = 0;
  let totalDifferences = 0;

  beforeAll(async () => {
    server = await startProbeServer();
    plain = await launch({ extension: false });
    hooked = await launch({ extension: true });
    // Guard against a vacuous pass: the hooks must really be installed in the hooked browser.
    const page = await hooked.context.newPage();
    await page.goto(`${server.origin}/probe.html`);
    const installed = await page.evaluate(() => (globalThis as Record<symbol, unknown>)[Symbol.for('pushlens.agent')] === true);
    await page.close();
    expect(installed, 'PushLens agent installed in the hooked browser').toBe(true);
  });

  afterAll(async () => {
    console.log(`equivalence: ${total} probes compared, ${totalDifferences} differences`);
    await plain?.close();
    await hooked?.close();
    await server?.close();
  });

  for (const group of GROUPS) {
    it(`${group} probes are equal`, async () => {
      const without = await runGroup(plain, server.origin, group, 'plain');
      const withExt = await runGroup(hooked, server.origin, group, 'hooked');
      const { compared, differences } = compareProbes(without, withExt);
      total += compared;
      totalDifferences += differences.length;
      console.log(`equivalence/${group}: ${compared} probes compared, ${differences.length} differences`);
      for (const d of differences.slice(0, 40)) console.log(formatDifference(d));
      expect(compared).toBeGreaterThan(0);
      expect(differences.length ? formatDifference(differences[0]) : '').toBe('');

      if (group === 'fetch') {
        // Not an equality: how much the server pushed while the page read nothing for 2.5 s.
        const key = '~measure big accepted while unread';
        const a = without[key] as number;
        const b = withExt[key] as number;
        console.log(`equivalence/fetch: unread 64 MiB body, server pushed ${a} B without, ${b} B with PushLens`);
        expect(b).toBeLessThanOrEqual(a + CAPTURE_CAP + 8 * 1024 * 1024);
      }
    });
  }
});
