// Context: node (browser test, real DevTools panel). Issue #13 item 1: the top page (127.0.0.1)
// and a cross-origin iframe (localhost) open a WebSocket to the same URL. The user selects a
// frame the top page received that carries a secret and clicks Inject: the top page gets it, the
// iframe never does, and the panel shows two channels, each with its origin.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startFixtureSession, type FixtureSession } from './fixtures-frames/session';
import { waitFor } from '../harness/cdp';
import { actionResult, click, selectChannel, setFilter } from '../harness/panel-dom';

const SECRET = `session-secret-${Math.random().toString(36).slice(2)}`;

type Logs = { topLog: string[]; childLog: string[]; childReady: boolean };

describe('cross-origin frames never share a channel or an action', () => {
  let s: FixtureSession;
  beforeAll(async () => {
    s = await startFixtureSession((server) => `/xo-inject.html?other=${encodeURIComponent(server.otherUrl)}&secret=${SECRET}`);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('injects the top page’s secret frame into the top page only, and lists two channels with their origins', async () => {
    const logs = () =>
      s.page.evaluate(() => {
        const w = window as unknown as Logs;
        return { topLog: [...w.topLog], childLog: [...w.childLog], childReady: w.childReady };
      });
    await waitFor(async () => {
      const l = await logs();
      return l.childReady && l.topLog.includes(SECRET) ? true : undefined;
    }, 'both sockets open and the secret echoed to the top page');

    const panel = s.panel.panel;
    const rows = await waitFor(async () => {
      const r = await panel.evaluate<{ channel: number; origin: string; frame: string; text: string }[]>(
        `[...document.querySelectorAll('[data-testid="channel-row"]')].filter((r) => r.dataset.url.endsWith('/ws/shared')).map((r) => ({ channel: Number(r.dataset.channel), origin: r.dataset.origin, frame: r.dataset.frame, text: r.querySelector('[data-testid="channel-realm"]')?.textContent ?? '' }))`,
      );
      return r.length >= 2 ? r : undefined;
    }, 'two /ws/shared channels');
    expect(rows).toHaveLength(2);
    const top = rows.find((r) => r.origin === s.server.url);
    const child = rows.find((r) => r.origin === s.server.otherUrl);
    expect(top, JSON.stringify(rows)).toBeDefined();
    expect(child, JSON.stringify(rows)).toBeDefined();
    // The user sees which frame and origin each channel belongs to.
    expect(top!.text).toContain(s.server.url);
    expect(top!.text).toContain('top');
    expect(child!.text).toContain(s.server.otherUrl);

    await selectChannel(panel, top!.channel);
    await setFilter(panel, `dir:in ${SECRET}`);
    await waitFor(
      async () => (await panel.evaluate<number>(`document.querySelectorAll('[data-testid="frame-row"]').length`)) === 1 || undefined,
      'the echoed secret frame in the top page’s channel',
    );
    await panel.evaluate(`document.querySelector('[data-testid="frame-row"]').click()`);
    expect(await panel.evaluate<string>(`document.querySelector('[data-testid="channel-origin"]').dataset.origin`)).toBe(s.server.url);
    await click(panel, 'inject-frame');
    await waitFor(
      async () => ((await logs()).topLog.filter((m) => m === SECRET).length === 2 ? true : undefined),
      'the injected copy in the top page',
    );
    // The page has the copy before the command's answer has travelled back to the panel.
    const result = await waitFor(() => actionResult(panel), 'the inject result in the panel');
    expect(result.ok, result.text).toBe(true);
    // Give a misdirected injection time to land, then check the iframe never got the secret.
    await new Promise((r) => setTimeout(r, 500));
    const final = await logs();
    expect(final.childLog.filter((m) => m.includes(SECRET))).toEqual([]);
    expect(final.topLog.filter((m) => m === SECRET)).toHaveLength(2);
  });
});
