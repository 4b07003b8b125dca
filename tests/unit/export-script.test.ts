// Context: node (unit test). The replay script (what every exporter and pushlens-replay play):
// segments keyed to client messages with recorded delays, close codes, SSE fields, polling
// sequences; redaction as in HAR export; hostile captured text stays data in generated files.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportHar, type HarExportInput } from '../../lib/har';
import { harToScript, realtimeEndpoints, sseEventText } from '../../lib/export/script';
import { toMswHandlers } from '../../lib/export/msw';
import { toPlaywrightTest } from '../../lib/export/playwright';
import { clipToRange, sessionScript } from '../../lib/export/from-session';
import { Session } from '../../lib/store/session';
import { loadHarIntoSession } from '../../lib/store/session-har';

const T = 1_700_000_000_000;
const HOSTILE = '*/ globalThis.pwned = 1; /* ` ${globalThis.pwned = 2} \u2028 \u2029 </script> \'" \\';

const input: HarExportInput = {
  connections: [
    {
      api: 'ws',
      url: 'ws://app.test/socket?token=s3cret-token&room=1',
      createdAt: T,
      openedAt: T + 10,
      closedAt: T + 400,
      requestHeaders: [['Authorization', 'Bearer s3cret-bearer']],
      close: { code: 4001, reason: 'custom app close', wasClean: true },
      frames: [
        { time: T + 20, dir: 'in', opcode: 1, data: 'welcome' },
        { time: T + 50, dir: 'out', opcode: 1, data: 'hello' },
        { time: T + 80, dir: 'in', opcode: 1, data: HOSTILE },
        { time: T + 90, dir: 'in', opcode: 2, data: 'AAEC/w==' },
        { time: T + 200, dir: 'out', opcode: 2, data: 'AQ==' },
        { time: T + 300, dir: 'in', opcode: 1, data: 'bye' },
      ],
    },
    {
      api: 'sse',
      url: 'http://app.test/events',
      createdAt: T,
      openedAt: T + 5,
      closedAt: T + 500,
      errored: true,
      events: [
        { time: T + 100, event: 'price', id: '7', data: 'line 1\nline 2' },
        { time: T + 150, event: 'message', id: '8', data: '{}' },
      ],
    },
    ...[0, 1].map((i) => ({
      api: 'fetch' as const,
      url: `http://app.test/poll?since=${i}&api_key=s3cret-key`,
      createdAt: T + i * 1000,
      http: {
        api: 'fetch' as const,
        method: 'GET',
        url: `http://app.test/poll?since=${i}&api_key=s3cret-key`,
        requestHeaders: [['Cookie', 'sid=s3cret-cookie']] as [string, string][],
        start: T + i * 1000,
        responseAt: T + i * 1000 + 250,
        end: T + i * 1000 + 260,
        status: i === 0 ? 200 : 204,
        statusText: i === 0 ? 'OK' : 'No Content',
        responseHeaders: [
          ['Content-Type', 'application/json'],
          ['Content-Length', '9'],
          ['Set-Cookie', 'sid=s3cret-cookie2'],
        ] as [string, string][],
        body: i === 0 ? '[{"id":1}]' : '',
        eventStream: false,
        outcome: 'ok' as const,
      },
    })),
  ],
};

const scriptOf = (redact: boolean) => harToScript(JSON.parse(JSON.stringify(exportHar(input, { redact })))).script;

describe('replay script', () => {
  it('splits a WebSocket into segments keyed to client messages, with delays and the close', () => {
    const ws = scriptOf(true).endpoints.find((e) => e.kind === 'ws');
    expect(ws?.kind).toBe('ws');
    if (ws?.kind !== 'ws') return;
    expect(ws.url).toBe('ws://app.test/socket');
    const rec = ws.recordings[0];
    expect(rec.clientMessages).toEqual([
      { opcode: 1, data: 'hello' },
      { opcode: 2, data: 'AQ==' },
    ]);
    expect(rec.segments).toEqual([
      [{ delay: 10, opcode: 1, data: 'welcome' }],
      [
        { delay: 30, opcode: 1, data: HOSTILE },
        { delay: 10, opcode: 2, data: 'AAEC/w==' },
      ],
      [
        { delay: 100, opcode: 1, data: 'bye' },
        { delay: 100, close: { code: 4001, reason: 'custom app close' } },
      ],
    ]);
  });

  it('keeps SSE id/event/data and polls in sequence with their hold times', () => {
    const s = scriptOf(true);
    const sse = s.endpoints.find((e) => e.kind === 'sse');
    expect(sse?.kind === 'sse' && sse.recordings).toEqual([
      {
        status: 200,
        ends: true,
        events: [
          { delay: 95, event: 'price', id: '7', data: 'line 1\nline 2' },
          { delay: 50, event: 'message', id: '8', data: '{}' },
        ],
      },
    ]);
    expect(sseEventText({ event: 'price', id: '7', data: 'line 1\nline 2' })).toBe('id: 7\nevent: price\ndata: line 1\ndata: line 2\n\n');
    const poll = s.endpoints.find((e) => e.kind === 'http');
    expect(poll?.kind === 'http' && poll.url).toBe('http://app.test/poll');
    expect(poll?.kind === 'http' && poll.answers.map((a) => [a.delay, a.status, a.body])).toEqual([
      [250, 200, '[{"id":1}]'],
      [250, 204, ''],
    ]);
    // A decoded body must not claim the recorded length.
    expect(poll?.kind === 'http' && poll.answers[0].headers.map(([k]) => k.toLowerCase())).not.toContain('content-length');
    expect(realtimeEndpoints(s)).toHaveLength(3);
  });

  it('redacts credentials as HAR export does, in both generated files', () => {
    for (const text of [toMswHandlers(scriptOf(true)), toPlaywrightTest(scriptOf(true))]) {
      expect(text).not.toMatch(/s3cret/);
      expect(text).toContain('[redacted]');
    }
    // Positive control: without redaction the secrets are there to be removed.
    expect(toMswHandlers(scriptOf(false))).toContain('s3cret-cookie2');
  });

  it('keeps hostile captured text as data: the generated module evaluates to the recording', async () => {
    const s = scriptOf(true);
    const dir = resolve(import.meta.dirname, '../../test-artifacts/repro');
    mkdirSync(dir, { recursive: true });
    const onlyWsAndHttp = { endpoints: s.endpoints.filter((e) => e.kind !== 'sse') }; // sse() needs a global EventSource
    const file = resolve(dir, 'hostile-handlers.mjs');
    writeFileSync(file, toMswHandlers(onlyWsAndHttp));
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { recording: unknown; handlers: unknown[] };
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(JSON.stringify(mod.recording)).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    expect(mod.handlers).toHaveLength(2);
    // Captured text never reaches a comment or an identifier: only JSON string literals.
    const pw = toPlaywrightTest(s);
    expect(pw.split('\n').filter((l) => l.includes('globalThis.pwned') && !l.trimStart().startsWith('"'))).toEqual([]);
  });

  it('a time range keeps only what happened inside it, and a close only if it fell inside', () => {
    const clipped = clipToRange(input, { start: T + 60, end: T + 250 });
    const ws = clipped.connections.find((c) => c.api === 'ws')!;
    expect(ws.frames!.map((f) => f.data)).toEqual([HOSTILE, 'AAEC/w==', 'AQ==']);
    expect(ws.close).toBeUndefined();
    expect(ws.openedAt).toBe(T + 60);
    // Polls count by when they were asked: the first (at T) is outside, the second (T + 1000) inside the later range.
    expect(clipped.connections.filter((c) => c.http)).toHaveLength(0);
    expect(clipToRange(input, { start: T + 900, end: T + 1300 }).connections.map((c) => c.http?.start)).toEqual([T + 1000]);
  });

  it('the panel path (a Session, one channel) exports only that channel', () => {
    const session = new Session();
    loadHarIntoSession(session, input, 'unit');
    const wsChannel = session.channels.find((c) => c.kind === 'ws')!;
    const one = sessionScript(session, { channels: new Set([wsChannel.index]) }, true);
    expect(one.endpoints.map((e) => e.kind)).toEqual(['ws']);
    const all = sessionScript(session, {}, true);
    expect(all.endpoints.map((e) => e.kind).sort()).toEqual(['http', 'sse', 'ws']);
    const ws = one.endpoints[0];
    expect(ws.kind === 'ws' && ws.recordings[0].segments.flat().length).toBe(5);
  });
});
