// Context: node (test). The real DevTools panel against hostile input. (1) Hidden characters: a
// WebSocket frame from the page with control, bidi and zero-width characters, and an SSE event
// named `price\u202Egnp.exe` (sent on the real record route below), render as visible escapes,
// never as the raw characters. (2) Malformed records
// delivered on the real route (a runtime port opened from the content-script world of the tab,
// through the background's router, to the panel) are refused and counted (invalid-count), and
// the valid records of the same batch still land.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { createServer, type Server } from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';
import { launch, type Launched } from '../harness/chromium';
import { openPushLensPanel, type PanelHandle } from '../harness/devtools-panel';
import { listTargets, waitFor } from '../harness/cdp';
import { channelRows, selectChannel } from '../harness/panel-dom';

const EVENT = 'price\u202Egnp.exe';
const FRAME = 'bell\u0007 rlo\u202Eevil zw\u200Bsp esc\u001b[31m';

const PAGE = `<!doctype html><title>hostile</title><script>
const es = new EventSource('/sse'); es.addEventListener(${JSON.stringify(EVENT)}, () => {});
const ws = new WebSocket('ws://' + location.host + '/ws');
</script>`;

function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/sse') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      // Again and again: whenever the page and its hooks are ready, an event is on its way.
      const timer = setInterval(() => res.write(`event: ${EVENT}\ndata: {"p":1}\n\n`), 300);
      res.on('close', () => clearInterval(timer));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (ws: WebSocket) => ws.send(FRAME));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })),
  );
}

/** Evaluates in the tab's isolated content-script world of PushLens (where the relay runs). */
async function evaluateInContentScript(cdpPort: number, pageUrl: string, expression: string): Promise<unknown> {
  const target = (await listTargets(cdpPort)).find((t) => t.type === 'page' && t.url === pageUrl)!;
  const ws = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise((r) => ws.once('open', r));
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  let nextId = 1;
  const pending = new Map<number, (v: unknown) => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as { id?: number; method?: string; params?: { context: (typeof contexts)[0] }; result?: unknown };
    if (m.method === 'Runtime.executionContextCreated' && m.params) contexts.push(m.params.context);
    if (m.id !== undefined) pending.get(m.id)?.(m.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('Runtime.enable');
  const ctx = await waitFor(
    async () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'PushLens'),
    'the PushLens content-script world',
  );
  const r = (await send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true, awaitPromise: true })) as {
    result: { value: unknown };
  };
  ws.close();
  return r.result.value;
}

describe('the real panel against hostile input', () => {
  let b: Launched;
  let srv: { server: Server; url: string };
  let h: PanelHandle;
  beforeAll(async () => {
    srv = await startServer();
    b = await launch({ devtools: true });
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(srv.url);
    h = await openPushLensPanel(b.cdpPort, b.extensionId!, srv.url);
  });
  afterAll(async () => {
    h?.close();
    await b?.close();
    srv?.server.closeAllConnections();
    srv?.server.close();
  });

  it('shows a bidi-named SSE event and a WebSocket frame with control characters as visible escapes', async () => {
    // The WebSocket frame comes from the page itself.
    const rows = await waitFor(async () => {
      const r = await channelRows(h.panel);
      return r.some((x) => x.kind === 'ws') ? r : undefined;
    }, 'the WebSocket channel');
    await selectChannel(h.panel, rows.find((r) => r.kind === 'ws')!.channel);
    const ws = await waitFor(
      () => h.panel.evaluate<string | null>(`document.querySelector('[data-testid="frame-row"] .c-preview')?.textContent ?? null`),
      'the WebSocket frame row',
    );
    expect(ws).toContain('bell\\x07 rlo\\u202Eevil zw\\u200Bsp esc\\e[31m');
    expect(/[\u0000-\u001f\u202e\u200b]/.test(ws)).toBe(false);
    // The SSE event travels the real record route (content-script port → background → panel).
    const url = 'https://bidi.test/events';
    const batch = {
      source: 'pushlens',
      v: 1,
      type: 'batch',
      agentId: 'bidi-event-test',
      records: [
        { type: 'sse-create', seq: 1, t: 1, conn: 1, url, withCredentials: false },
        { type: 'sse-event', seq: 2, t: 2, conn: 1, event: EVENT, id: '', payload: { data: '{"p":1}', binary: false, size: 7, truncated: false } },
      ],
    };
    await evaluateInContentScript(
      b.cdpPort,
      srv.url,
      `(() => { chrome.runtime.connect({ name: 'pushlens-relay' }).postMessage(${JSON.stringify(batch)}); return true; })()`,
    );
    const row = await waitFor(async () => (await channelRows(h.panel)).find((r) => r.url === url), 'the SSE channel');
    await selectChannel(h.panel, row.channel);
    const sse = await waitFor(
      () =>
        h.panel.evaluate<{ text: string; marks: string[] } | null>(`(() => { const r = document.querySelector('[data-testid="frame-row"] .c-event');
        return r ? { text: r.textContent, marks: [...r.querySelectorAll('[data-testid="hidden-char"]')].map((m) => m.dataset.codePoint) } : null; })()`),
      'the SSE event row',
    );
    expect(sse.text).toBe('price\\u202Egnp.exe');
    expect(sse.marks).toEqual(['U+202E']);
  });

  it('counts malformed records from the real route and keeps the valid ones of the same batch', async () => {
    const agentId = 'forged-for-test';
    const url = 'ws://validation.test/after-bad-records';
    const batch = {
      source: 'pushlens',
      v: 1,
      type: 'batch',
      agentId,
      records: [
        { type: 'ws-create', seq: 1, t: 1, conn: 1, url, protocols: [] },
        { type: 'ws-frame', seq: 2, t: 2, conn: 1, dir: 'in' }, // no payload
        'not a record',
        { type: 'ws-frame', seq: 4, t: 4, conn: 1, dir: 'in', payload: { data: 7, binary: false, size: NaN, truncated: false } },
        { type: 'ws-frame', seq: 5, t: 5, conn: 1, dir: 'in', payload: { data: 'still here', binary: false, size: 10, truncated: false } },
      ],
    };
    const sent = await evaluateInContentScript(
      b.cdpPort,
      srv.url,
      `(() => { const p = chrome.runtime.connect({ name: 'pushlens-relay' });
        p.postMessage(${JSON.stringify(batch)});
        p.postMessage({ source: 'pushlens', v: 1, type: 'batch', agentId: ${JSON.stringify(agentId)}, records: [], packed: '[not json' });
        return true; })()`,
    );
    expect(sent).toBe(true);
    // The two batches arrive separately (3 bad records, then 1 bad packed batch): wait for both,
    // then check the count again below, once the valid frame has shown, so an over-count fails too.
    const readCount = () => h.panel.evaluate<number>(`Number(document.querySelector('[data-testid="invalid-count"]')?.dataset.count ?? 0)`);
    const count = await waitFor(async () => {
      const c = await readCount();
      return c >= 4 ? c : null;
    }, 'the invalid-record count to reach 4');
    expect(count).toBe(4);
    const row = await waitFor(async () => (await channelRows(h.panel)).find((r) => r.url === url), 'the channel of the valid records');
    await selectChannel(h.panel, row.channel);
    const text = await waitFor(
      () => h.panel.evaluate<string | null>(`document.querySelector('[data-testid="frame-row"] .c-preview')?.textContent ?? null`),
      'its valid frame',
    );
    expect(text).toContain('still here');
    expect(await readCount()).toBe(4);
    // The rest of the panel still works: the page's own channels are listed.
    expect((await channelRows(h.panel)).filter((r) => r.kind === 'sse' || r.kind === 'ws').length).toBeGreaterThanOrEqual(3);
  });
});
