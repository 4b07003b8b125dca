// Context: node (e2e test, real DevTools panel in Chromium). Frames bigger than the preview cap
// (64 KiB) are used whole, never cut: a 100 kB and a 2 MB text frame and a 200 kB binary frame
// are resent, edited and sent, replayed and exported, and the server receives, and the HAR holds,
// exactly the bytes the page sent. A frame the page's ring has since evicted is refused with a
// message, and the HAR marks it truncated with its true size.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../harness/chromium';
import { openPushLensPanel, type PanelHandle } from '../harness/devtools-panel';
import { waitFor } from '../harness/cdp';
import { actionResult, channelRows, click, selectChannel, setFilter } from '../harness/panel-dom';

/** What the server got: each message's length in bytes and its SHA-256, in arrival order. */
interface Received {
  binary: boolean;
  bytes: number;
  sha: string;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>big frames</title><script>
  // Mixed 1-, 2-, 3- and 4-byte UTF-8 characters, so characters and bytes differ.
  window.makeText = (bytes, tag) => {
    const unit = tag + ' Grüße 中文 😀 ';
    return unit.repeat(Math.ceil(bytes / new TextEncoder().encode(unit).length));
  };
  window.ws = new WebSocket('ws://' + location.host + '/ws');
  window.ws.binaryType = 'arraybuffer';
</script>`;

function sha(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function startServer(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const http: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
  const wss = new WebSocketServer({ server: http, path: '/ws', maxPayload: 64 * 1024 * 1024 });
  wss.on('connection', (socket) =>
    socket.on('message', (data, isBinary) => {
      const buf = Buffer.isBuffer(data) ? data : Buffer.concat(data as Buffer[]);
      received.push({ binary: isBinary, bytes: buf.length, sha: sha(buf) });
    }),
  );
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/`,
    received,
    close: () => new Promise<void>((r) => (wss.close(), http.close(() => r()))),
  };
}

describe('frames over the preview cap are used whole', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Launched;
  let page: Page;
  let h: PanelHandle;
  /** The originals, as the server received them from the page itself. */
  const original: Record<string, Received> = {};

  /** Sends a frame from the page and waits until the server has it; returns what it received. */
  async function pageSends(what: 'text' | 'binary', bytes: number, tag: string): Promise<Received> {
    const before = server.received.length;
    await page.evaluate(
      ({ what, bytes, tag }) => {
        const w = window as unknown as { ws: WebSocket; makeText(n: number, t: string): string };
        if (what === 'text') return w.ws.send(w.makeText(bytes, tag));
        const b = new Uint8Array(bytes);
        for (let i = 0; i < bytes; i++) b[i] = (i * 31 + tag.length) & 255;
        w.ws.send(b.buffer);
      },
      { what, bytes, tag },
    );
    await waitFor(async () => server.received.length > before, `the server to receive ${tag}`);
    return server.received[before];
  }

  /** Selects the outgoing frame of exactly `bytes` bytes (the first such row). */
  async function selectFrameOfSize(size: number): Promise<void> {
    const found = await waitFor(
      () =>
        h.panel.evaluate<boolean>(`(() => {
      const s = globalThis.__pushlens.session;
      const f = s.frames;
      for (const row of document.querySelectorAll('[data-testid="frame-row"]')) {
        const i = Number(row.dataset.index);
        if (f.size[i] === ${size} && row.dataset.direction === 'out') { row.click(); return true; }
      }
      return false;
    })()`),
      `a sent frame of ${size} bytes in the table`,
    ).catch(() => false);
    expect(found, `a sent frame of ${size} bytes in the table`).toBe(true);
  }

  /** Clicks an action and waits for its result in the panel, then for the server's next message. */
  async function actAndReceive(testid: string): Promise<Received> {
    const before = server.received.length;
    await click(h.panel, testid);
    await waitFor(
      async () => server.received.length > before || (await actionResult(h.panel))?.ok === false,
      `${testid} to reach the server`,
      20_000,
    );
    const result = await actionResult(h.panel);
    expect(result?.ok, result?.text).not.toBe(false);
    return server.received[before];
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launch({ devtools: true });
    // A small page ring, stored before the page loads, so a frame can be evicted from it quickly.
    const setup = await browser.context.newPage();
    await setup.goto(`chrome-extension://${browser.extensionId}/devtools-panel.html`);
    await setup.evaluate(async () => {
      const s = { bufferRecords: 40 };
      localStorage.setItem('pushlens.agentSettings', JSON.stringify(s));
      await chrome.storage.local.set({ 'pushlens.agentSettings': s });
    });
    await setup.close();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { ws: WebSocket }).ws.readyState === 1);
    h = await openPushLensPanel(browser.cdpPort, browser.extensionId!, server.url);
    const ch = await waitFor(async () => (await channelRows(h.panel)).find((r) => r.url.endsWith('/ws')), 'the socket in the channel list');
    await selectChannel(h.panel, ch.channel);
    original.a = await pageSends('text', 100_000, 'A');
    original.b = await pageSends('text', 2_000_000, 'B');
    original.e = await pageSends('binary', 200_000, 'E');
    await waitFor(
      () =>
        h.panel.evaluate<boolean>(
          `globalThis.__pushlens.session.frames.count >= 3 && [...globalThis.__pushlens.session.frames.size].includes(${original.e.bytes})`,
        ),
      'the three frames in the panel',
    );
  });
  afterAll(async () => {
    h?.close();
    await browser?.close();
    await server?.close();
  });

  it('resends the 100 kB, 2 MB and binary frames byte for byte', async () => {
    expect(original.a.bytes).toBeGreaterThan(100_000 - 30);
    for (const key of ['a', 'b', 'e'] as const) {
      await selectFrameOfSize(original[key].bytes);
      expect(await actAndReceive('resend-frame'), `resent ${key}`).toEqual(original[key]);
    }
  });

  it('opens the whole frame in the composer for editing, and sends it as is', async () => {
    await selectFrameOfSize(original.a.bytes);
    await click(h.panel, 'edit-frame');
    const text = await waitFor(
      () => h.panel.evaluate<string | null>(`document.querySelector('[data-testid="composer-text"]')?.value || null`),
      'the frame in the composer',
    );
    expect(new TextEncoder().encode(text).length).toBe(original.a.bytes);
    expect(await actAndReceive('composer-submit')).toEqual(original.a);
  });

  it('replays picked big frames whole, in order', async () => {
    const before = server.received.length;
    await h.panel.evaluate(`(() => {
      const f = globalThis.__pushlens.session.frames;
      const rows = [...document.querySelectorAll('[data-testid="frame-row"]')].filter((r) => r.dataset.direction === 'out');
      for (const size of [${original.a.bytes}, ${original.b.bytes}]) {
        const row = rows.find((r) => f.size[Number(r.dataset.index)] === size);
        row.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true }));
      }
    })()`);
    await click(h.panel, 'replay-server');
    await waitFor(async () => server.received.length >= before + 2, 'the replay at the server', 20_000);
    expect(server.received.slice(before, before + 2)).toEqual([original.a, original.b]);
  });

  it('exports the big frames whole in the HAR', async () => {
    const har = await exportHar();
    const sent = har.filter((m) => m.type === 'send');
    for (const key of ['a', 'b', 'e'] as const) {
      const o = original[key];
      const m = sent.find((x) => (x.opcode === 2 ? Buffer.from(x.data, 'base64').length : Buffer.byteLength(x.data)) === o.bytes);
      expect(m, `frame ${key} in the HAR`).toBeDefined();
      expect(m!._pushlens?.truncated).toBeUndefined();
      expect(sha(m!.opcode === 2 ? Buffer.from(m!.data, 'base64') : Buffer.from(m!.data, 'utf8'))).toBe(o.sha);
    }
  });

  it('refuses a frame the page has evicted, and the HAR marks it truncated with its size', async () => {
    const c = await pageSends('text', 120_000, 'C');
    // 60 small frames push C out of the page's 40-record ring.
    await page.evaluate(() => {
      for (let i = 0; i < 60; i++) (window as unknown as { ws: WebSocket }).ws.send(`small ${i}`);
    });
    await waitFor(async () => server.received.filter((r) => r.bytes < 20).length >= 60, 'the small frames at the server');
    await waitFor(() => h.panel.evaluate<boolean>(`[...globalThis.__pushlens.session.frames.size].includes(${c.bytes})`), 'frame C in the panel');
    // The table is virtualized: filter down to C's row.
    await setFilter(h.panel, `dir:out size:=${c.bytes}`);
    await selectFrameOfSize(c.bytes);
    const before = server.received.length;
    await click(h.panel, 'resend-frame');
    const result = await waitFor(async () => {
      const r = await actionResult(h.panel);
      return r && !r.ok ? r : undefined;
    }, 'the refusal');
    expect(result.text).toMatch(/captured only in part.*no longer holds this frame whole/);
    expect(server.received.length).toBe(before);

    const har = await exportHar();
    const cut = har.find((m) => m._pushlens?.truncated && m._pushlens.size === c.bytes);
    expect(cut, 'frame C marked truncated with its true size').toBeDefined();
    expect(Buffer.byteLength(cut!.data)).toBeLessThan(c.bytes);
  });

  type HarMessage = { type: string; opcode: number; data: string; _pushlens?: { truncated?: boolean; size?: number } };

  async function exportHar(): Promise<HarMessage[]> {
    await h.panel.evaluate(`(() => {
      window.__exported = null;
      if (!window.__clickHooked) {
        window.__clickHooked = true;
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          if (this.download && this.href.startsWith('blob:')) fetch(this.href).then((r) => r.text()).then((t) => { window.__exported = { name: this.download, text: t }; });
          return click.call(this);
        };
      }
      const redact = document.querySelector('[data-testid="har-redact"]');
      if (redact.checked) redact.click();
    })()`);
    await click(h.panel, 'export-har');
    const exported = await waitFor(() => h.panel.evaluate<{ text: string } | null>(`window.__exported`), 'the exported HAR', 30_000);
    const har = JSON.parse(exported.text) as { log: { entries: { _webSocketMessages?: HarMessage[] }[] } };
    return har.log.entries.flatMap((e) => e._webSocketMessages ?? []);
  }
});
