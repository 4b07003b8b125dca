// Context: node (test). The demo in flaky mode, in the real DevTools panel: reconnects folded into
// one channel with the right count and explained close codes, SSE reconnects resumed from
// Last-Event-ID, a refused WebSocket handshake shown as 403, and filters returning exactly the
// expected rows.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { textContent, clickIn } from '../harness/page-dom';
import { startDemoSession, type DemoSession } from '../harness/demo-session';
import type { PanelHandle } from '../harness/devtools-panel';
import { waitFor } from '../harness/cdp';
import { channelRows, selectChannel, setFilter } from '../harness/panel-dom';

type Demo = {
  counts(): Record<string, number>;
  typeCounts(): Record<string, Record<string, number>>;
  stopAll(): Promise<void>;
  sendChat(text: string): Promise<boolean>;
  setFlaky(on: boolean): Promise<void>;
};

async function filteredCount(h: PanelHandle): Promise<number> {
  return h.panel.evaluate<number>(`Number(document.querySelector('[data-testid="filtered-count"]')?.dataset.count ?? -1)`);
}

describe('flaky demo in the real DevTools panel', () => {
  let s: DemoSession;
  let h: PanelHandle;
  beforeAll(async () => {
    s = await startDemoSession({ flaky: true, timing: { flakyMinMs: 1200, flakyMaxMs: 1800, flakySseMinEvents: 4, flakySseMaxEvents: 6 } });
    h = await s.openPanel();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('folds WebSocket reconnects into one channel with the page’s reconnect count and explained close codes', async () => {
    await waitFor(
      async () => Number(await textContent(s.page, '[data-testid="reconnects-chat"]')) >= 3,
      'the demo chat to reconnect 3 times',
      30_000,
      300,
    );
    await s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.setFlaky(false));
    const pageReconnects = Number(await textContent(s.page, '[data-testid="reconnects-chat"]'));
    const chat = await waitFor(
      async () => (await channelRows(h.panel)).find((r) => r.url.endsWith('/ws/chat') && r.reconnects === pageReconnects),
      `chat channel with ${pageReconnects} reconnects`,
      15_000,
    );
    expect(chat.kind).toBe('ws');
    expect((await channelRows(h.panel)).filter((r) => r.url.endsWith('/ws/chat'))).toHaveLength(1);
    await selectChannel(h.panel, chat.channel);
    await h.panel.evaluate(`document.querySelector('[data-testid="tab-connections"]').click()`);
    const codes = await waitFor(
      () =>
        h.panel.evaluate<string[]>(
          `[...document.querySelectorAll('[data-testid="chain-attempt"] [data-testid="status-explain"]')].map((e) => e.dataset.code)`,
        ),
      'close codes in the reconnect chain',
    );
    // The flaky server cycles 1011, 4001, 1001 and an abrupt cut (1006); at least three attempts ended.
    expect(codes.length).toBeGreaterThanOrEqual(3);
    for (const c of codes) expect(['1011', '4001', '1001', '1006']).toContain(c);
    // Hovering a code shows its explanation, which names the code's meaning.
    const text = await h.panel.evaluate<string>(`(() => {
      const chip = document.querySelector('[data-testid="chain-attempt"] [data-testid="status-explain"][data-code="1011"]')
        ?? document.querySelector('[data-testid="chain-attempt"] [data-testid="status-explain"]');
      chip.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      return new Promise((r) => setTimeout(() => r(document.querySelector('[data-testid="status-explain-text"]')?.textContent ?? ''), 100));
    })()`);
    expect(text.length).toBeGreaterThan(20);
    expect(text).toMatch(/1011|1006|1001|4001/);
  });

  it('shows SSE reconnects resumed from Last-Event-ID', async () => {
    const sse = await waitFor(
      async () => (await channelRows(h.panel)).find((r) => r.url.endsWith('/sse/prices') && r.reconnects >= 1),
      'an SSE channel with a reconnect',
      30_000,
    );
    await selectChannel(h.panel, sse.channel);
    await h.panel.evaluate(`document.querySelector('[data-testid="tab-connections"]').click()`);
    const resumes = await waitFor(
      () => h.panel.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="resume"]')].map((e) => e.textContent).filter(Boolean)`),
      'a resume cell',
    );
    expect(resumes[0]).toMatch(/^continued \(Last-Event-ID \d+ → \d+\)$/);
    const [, last, first] = /Last-Event-ID (\d+) → (\d+)/.exec(resumes[0])!;
    expect(Number(first)).toBe(Number(last) + 1);
  });

  it('shows a refused WebSocket handshake as 403 with its explanation', async () => {
    await clickIn(s.page, '[data-testid="zoo-ws-forbidden"]');
    const row = await waitFor(
      async () => (await channelRows(h.panel)).find((r) => r.url.endsWith('/ws/forbidden') && r.codes.includes('403')),
      'a /ws/forbidden channel showing 403',
      20_000,
    );
    expect(row.kind).toBe('ws');
    const text = await h.panel.evaluate<string>(`(() => {
      const chip = document.querySelector('[data-testid="channel-row"][data-channel="${row.channel}"] [data-testid="status-explain"][data-code="403"]');
      chip.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      return new Promise((r) => setTimeout(() => r(document.querySelector('[data-testid="status-explain-text"]')?.textContent ?? ''), 100));
    })()`);
    expect(text).toMatch(/403/);
    expect(text.toLowerCase()).toMatch(/forbidden|refus|permission|handshake/);
  });

  it('filters dir:out, /regex/ and event:NAME to exactly the expected rows', async () => {
    await s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.setFlaky(false));
    await waitFor(() => s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.sendChat('filter-probe one')), 'first chat send');
    await s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.sendChat('filter-probe two'));
    await new Promise((r) => setTimeout(r, 500));
    await s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.stopAll());
    const types = await s.page.evaluate(() => (window as unknown as { demo: Demo }).demo.typeCounts());
    const rows = await channelRows(h.panel);
    const chat = rows.find((r) => r.url.endsWith('/ws/chat'))!;
    await selectChannel(h.panel, chat.channel);
    await h.panel.evaluate(`document.querySelector('[data-testid="tab-messages"]').click()`);

    await setFilter(h.panel, 'dir:out');
    expect(await waitFor(async () => ((await filteredCount(h)) === 2 ? 2 : undefined), 'dir:out = 2 rows').catch(() => filteredCount(h))).toBe(2);

    // Welcome messages are the only ones naming a guest with "!"; the page counted them by type.
    await setFilter(h.panel, '/"type":"welcome"/');
    await new Promise((r) => setTimeout(r, 300));
    expect(await filteredCount(h)).toBe(types.chat.welcome);

    await setFilter(h.panel, '/filter-probe (one|two)/ dir:in');
    await new Promise((r) => setTimeout(r, 300));
    // The server echoes each chat message to every chat client: one echo each.
    expect(await filteredCount(h)).toBe(2);

    const sse = rows.find((r) => r.url.endsWith('/sse/prices'))!;
    await selectChannel(h.panel, sse.channel);
    await setFilter(h.panel, 'event:price');
    await new Promise((r) => setTimeout(r, 300));
    expect(await filteredCount(h)).toBe(types.sse.price);
    await setFilter(h.panel, 'event:news OR event:message');
    await new Promise((r) => setTimeout(r, 300));
    expect(await filteredCount(h)).toBe((types.sse.news ?? 0) + (types.sse.message ?? 0));
    await setFilter(h.panel, '');
  });
});
