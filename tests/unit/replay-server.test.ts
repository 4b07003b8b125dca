// Context: node (unit test). The replay server's edges: a Chrome-format HAR (no PushLens fields),
// close codes that have no close frame (1006), subprotocols, used-up recordings with and without
// --loop, and a --static folder that cannot be escaped.
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { harToScript } from '../../lib/export/script';
import { startReplayServer, type ReplayServer } from '../../lib/replay/server';

const T = 1_700_000_000; // epoch seconds, as Chrome writes them

/** A HAR as Chrome writes it: `_webSocketMessages`, times in seconds, no `_pushlens`. */
function chromeHar() {
  const msgs = [
    { type: 'receive', time: T + 0.01, opcode: 1, data: 'hi' },
    { type: 'send', time: T + 0.02, opcode: 1, data: 'ping' },
    { type: 'receive', time: T + 0.03, opcode: 2, data: 'AAEC' },
  ];
  return {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      entries: [
        {
          startedDateTime: new Date(T * 1000).toISOString(),
          time: 5,
          request: { method: 'GET', url: 'ws://example.test/live', headers: [], httpVersion: 'HTTP/1.1', cookies: [], queryString: [] },
          response: {
            status: 101,
            statusText: 'Switching Protocols',
            headers: [{ name: 'Sec-WebSocket-Protocol', value: 'chat.v2' }],
            content: { size: 0 },
          },
          timings: { blocked: 0, dns: 0, connect: 0, send: 0, wait: 5, receive: 0 },
          _resourceType: 'websocket',
          _webSocketMessages: msgs,
        },
      ],
    },
  };
}

interface Seen {
  messages: string[];
  code: number;
  reason: string;
  protocol: string;
}

function talk(url: string, send: string[] = [], protocols: string[] = [], quietMs = 0): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const sock = new WebSocket(url, protocols);
    const seen: Seen = { messages: [], code: 0, reason: '', protocol: '' };
    sock.on('open', () => {
      seen.protocol = sock.protocol;
      for (const m of send) sock.send(m);
      if (quietMs) setTimeout(() => sock.close(1000), quietMs);
    });
    sock.on('message', (data, binary) => seen.messages.push(binary ? `bin:${Buffer.from(data as Buffer).toString('base64')}` : String(data)));
    sock.on('close', (code, reason) => resolve({ ...seen, code, reason: String(reason) }));
    sock.on('error', reject);
  });
}

function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const wsScript = (code: number, reason = '') =>
  harToScript({
    log: {
      entries: [
        {
          startedDateTime: new Date(T * 1000).toISOString(),
          request: { method: 'GET', url: 'ws://app.test/s' },
          response: { status: 101 },
          _resourceType: 'websocket',
          _webSocketMessages: [{ type: 'receive', time: T + 0.01, opcode: 1, data: 'only' }],
          _pushlens: {
            api: 'ws',
            createdAt: T * 1000,
            openedAt: T * 1000,
            closedAt: T * 1000 + 20,
            close: { code, reason, wasClean: code !== 1006 },
          },
        },
      ],
    },
  }).script;

describe('replay server', () => {
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("plays a Chrome HAR's WebSocket: first message on open, the rest after the client's, binary intact, subprotocol chosen", async () => {
    server = await startReplayServer(harToScript(chromeHar()).script);
    const wsUrl = server.url.replace('http', 'ws') + 'live';
    const before = await talk(wsUrl, [], ['chat.v2'], 200);
    expect(before.messages).toEqual(['hi']);
    expect(before.protocol).toBe('chat.v2');
    // Recording used up: a second connection opens and stays silent.
    const again = await talk(wsUrl, ['ping'], [], 200);
    expect(again.messages).toEqual([]);
  });

  it('answers the client message with what followed it', async () => {
    server = await startReplayServer(harToScript(chromeHar()).script);
    const seen = await talk(server.url.replace('http', 'ws') + 'live', ['ping'], [], 300);
    expect(seen.messages).toEqual(['hi', 'bin:AAEC']);
  });

  it('closes with the recorded code and reason, and 1006 as a cut without a close frame', async () => {
    server = await startReplayServer(wsScript(4001, 'custom app close'));
    expect(await talk(server.url.replace('http', 'ws') + 's')).toEqual({ messages: ['only'], code: 4001, reason: 'custom app close', protocol: '' });
    await server.close();
    server = await startReplayServer(wsScript(1006));
    const cut = await talk(server.url.replace('http', 'ws') + 's');
    expect(cut.code).toBe(1006);
    expect(cut.messages).toEqual(['only']);
  });

  it('--loop starts a used-up recording again', async () => {
    server = await startReplayServer(wsScript(1000, 'done'), { loop: true });
    const url = server.url.replace('http', 'ws') + 's';
    expect((await talk(url)).messages).toEqual(['only']);
    expect((await talk(url)).messages).toEqual(['only']);
  });

  it('--static serves files from its folder and nothing outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pushlens-static-'));
    writeFileSync(join(dir, 'index.html'), '<title>ok</title>');
    server = await startReplayServer(wsScript(1000), { staticDir: dir });
    expect(await rawGet(server.port, '/')).toEqual({ status: 200, body: '<title>ok</title>' });
    for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/%00']) {
      const r = await rawGet(server.port, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toContain('root:');
    }
  });
});
