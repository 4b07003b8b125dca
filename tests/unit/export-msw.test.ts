// Context: node (unit test). Round trip: a conversation recorded on the real demo server (chat over
// WebSocket with client messages and a server close code, danmaku with a binary frame, prices over
// SSE, long polls) goes through the panel's own path (Session → HAR export with redaction) into
// MSW handlers; the same client code run against those handlers, with the demo server gone, sees
// the same messages in the same order and the same close codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WebSocket as NodeWebSocket } from 'ws';
import { setupServer } from 'msw/node';
import { startDemoServer } from '../../demo/server/index.mjs';
import { Session } from '../../lib/store/session';
import { loadHarIntoSession, sessionToHarInput } from '../../lib/store/session-har';
import { exportHar, type HarConnection } from '../../lib/har';
import { harToScript } from '../../lib/export/script';
import { toMswHandlers } from '../../lib/export/msw';
import { observed, runConversation } from '../repro/demo-client';
import { FetchEventSource } from '../repro/fetch-event-source';

// Node 20 has neither global: the browser APIs the client code (and msw's interceptors) expect.
const g = globalThis as Record<string, unknown>;
const saved = { WebSocket: g.WebSocket, EventSource: g.EventSource };
g.WebSocket = NodeWebSocket;
g.EventSource = FetchEventSource;

const OUT = resolve(import.meta.dirname, '../../test-artifacts/repro');

describe('export as MSW handlers', () => {
  let origin = '';
  let recorded: HarConnection[] = [];

  beforeAll(async () => {
    const demo = await startDemoServer({
      fast: true,
      flaky: true,
      quiet: true,
      // Flaky mode only to get a server-chosen close code: the chat socket is cut once, at ~700 ms,
      // with the first cause in the rotation (1011); SSE streams and long polls stay healthy.
      timing: { flakyMinMs: 700, flakyMaxMs: 700, flakySseMinEvents: 1000, flakySseMaxEvents: 1000, flaky502Rate: 0, chatBotMs: 120 },
    });
    origin = demo.url.replace(/\/$/, '');
    try {
      recorded = await runConversation(origin);
    } finally {
      await demo.close();
    }
  });

  afterAll(() => {
    g.WebSocket = saved.WebSocket;
    g.EventSource = saved.EventSource;
  });

  it('recorded a conversation worth replaying', () => {
    const chat = recorded.find((c) => c.url.includes('/ws/chat'));
    expect(chat?.close?.code).toBe(1011);
    expect(chat?.frames?.filter((f) => f.dir === 'out')).toHaveLength(2);
    expect(recorded.find((c) => c.url.includes('/ws/danmaku'))?.frames?.some((f) => f.opcode === 2)).toBe(true);
    expect(recorded.find((c) => c.api === 'sse')?.events).toHaveLength(6);
    expect(recorded.filter((c) => c.http)).toHaveLength(3);
  });

  it('replays the same messages, in the same order, with the same close codes, without the server', async () => {
    const session = new Session();
    loadHarIntoSession(session, { connections: recorded }, 'recorded');
    const har = exportHar(sessionToHarInput(session), { redact: true });
    const { script } = harToScript(JSON.parse(JSON.stringify(har)));
    mkdirSync(OUT, { recursive: true });
    const file = resolve(OUT, 'msw-handlers.mjs');
    writeFileSync(file, toMswHandlers(script, { speed: 1 }));
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { handlers: Parameters<typeof setupServer> };

    const server = setupServer(...mod.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const replayed = await runConversation(origin);
      expect(observed(replayed)).toEqual(observed(recorded));
      // Delays are replayed, not dropped: the chat socket lives about as long as it did.
      const life = (cs: HarConnection[]) => {
        const c = cs.find((x) => x.url.includes('/ws/chat'))!;
        return c.closedAt! - c.createdAt;
      };
      expect(life(replayed)).toBeGreaterThan(life(recorded) * 0.5);
    } finally {
      server.close();
    }
  });
});
