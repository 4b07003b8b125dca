// Context: node (unit test). Round trip: a conversation recorded on the real demo server (chat over
// WebSocket with client messages and a server close code, danmaku with a binary frame, prices over
// SSE, long polls) goes through the panel's own path (Session → HAR export with redaction) into
// MSW handlers; the same client code run against those handlers, with the demo server gone, sees
// the same messages in the same order and the same close codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setupServer } from 'msw/node';
import type { HarConnection } from '../../lib/har';
import { harToScript } from '../../lib/export/script';
import { toMswHandlers } from '../../lib/export/msw';
import { observed, runConversation } from '../repro/demo-client';
import { installBrowserGlobals, recordDemo, type Recording } from '../repro/record-demo';

const OUT = resolve(import.meta.dirname, '../../test-artifacts/repro');

describe('export as MSW handlers', () => {
  let rec: Recording;
  let restore: () => void;

  beforeAll(async () => {
    restore = installBrowserGlobals();
    rec = await recordDemo();
  });
  afterAll(() => restore?.());

  it('recorded a conversation worth replaying', () => {
    const chat = rec.connections.find((c) => c.url.includes('/ws/chat'));
    expect(chat?.close?.code).toBe(1011);
    expect(chat?.frames?.filter((f) => f.dir === 'out')).toHaveLength(2);
    expect(rec.connections.find((c) => c.url.includes('/ws/danmaku'))?.frames?.some((f) => f.opcode === 2)).toBe(true);
    expect(rec.connections.find((c) => c.api === 'sse')?.events).toHaveLength(6);
    expect(rec.connections.filter((c) => c.http)).toHaveLength(3);
  });

  it('replays the same messages, in the same order, with the same close codes, without the server', async () => {
    const { script } = harToScript(rec.har);
    mkdirSync(OUT, { recursive: true });
    const file = resolve(OUT, 'msw-handlers.mjs');
    writeFileSync(file, toMswHandlers(script, { speed: 1 }));
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { handlers: Parameters<typeof setupServer> };

    const server = setupServer(...mod.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const replayed = await runConversation(rec.origin);
      expect(observed(replayed)).toEqual(observed(rec.connections));
      // Delays are replayed, not dropped: the chat socket lives about as long as it did.
      const life = (cs: HarConnection[]) => {
        const c = cs.find((x) => x.url.includes('/ws/chat'))!;
        return c.closedAt! - c.createdAt;
      };
      expect(life(replayed)).toBeGreaterThan(life(rec.connections) * 0.5);
    } finally {
      server.close();
    }
  });
});
