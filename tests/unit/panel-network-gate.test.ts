// Context: node (test). When the panel listens to chrome.devtools.network.onRequestFinished: by
// default, but not while a hooked stream is big enough that DevTools' entry for it (every message)
// would be a long task, nor for a grace period after such a stream ends, navigates away or is cleared.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { NetworkGate, GRACE_MS, SILENT_STREAM_MS } from '../../lib/panel/network-gate';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';

const t0 = Date.parse('2026-11-26T12:00:00.000Z');

/** Applies records in order for one agent, numbering them after what it already has. */
function feed(s: Session, records: UnsequencedRecord[]): void {
  const from = (s.agents.get('agent')?.lastSeq ?? 0) + 1;
  s.ingest(
    0,
    'doc',
    'agent',
    records.map((r, i) => ({ ...r, seq: from + i }) as CaptureRecord),
  );
}

function frames(conn: number, n: number, size: number, t: number, type: 'ws-frame' | 'sse-event' = 'ws-frame'): UnsequencedRecord[] {
  const payload = { data: 'x', binary: false, size, truncated: size > 1 };
  return Array.from(
    { length: n },
    () => (type === 'ws-frame' ? { type, t, conn, dir: 'in', payload } : { type, t, conn, event: 'message', id: '', payload }) as UnsequencedRecord,
  );
}

function openSocket(s: Session, conn = 1, t = t0): void {
  feed(s, [
    { type: 'ws-create', t, conn, url: `ws://h/ws/${conn}`, protocols: [] },
    { type: 'ws-open', t: t + 5, conn, protocol: '', extensions: '' },
  ]);
}

describe('network gate', () => {
  it('stops listening once a WebSocket’s entry would be a long task and resumes a grace period after it closed', () => {
    const s = new Session();
    const gate = new NetworkGate(s);
    openSocket(s);
    feed(s, frames(1, 1000, 100, t0 + 10));
    expect(gate.update(t0 + 100, true)).toBe(true);
    feed(s, frames(1, 20_000, 100, t0 + 200));
    expect(gate.update(t0 + 300, true)).toBe(false);
    const closedAt = t0 + 10_000;
    feed(s, [{ type: 'ws-close', t: closedAt, conn: 1, code: 1000, reason: '', wasClean: true, by: 'client' }]);
    // DevTools posts the entry around the close: not listening until a grace period after the gate saw it.
    const seen = closedAt + 100;
    expect(gate.update(seen, true)).toBe(false);
    expect(gate.update(seen + GRACE_MS - 1, true)).toBe(false);
    expect(gate.update(seen + GRACE_MS, true)).toBe(true);
  });

  it('counts payload bytes: a few huge messages make a heavy entry too', () => {
    const s = new Session();
    const gate = new NetworkGate(s);
    openSocket(s);
    feed(s, frames(1, 3, 1_000_000, t0 + 10));
    expect(gate.update(t0 + 100, true)).toBe(true);
    feed(s, frames(1, 5, 1_000_000, t0 + 20));
    expect(gate.update(t0 + 200, true)).toBe(false);
  });

  it('keeps listening through polls, refused handshakes and small sockets that close', () => {
    const s = new Session();
    const gate = new NetworkGate(s);
    for (let k = 0; k < 50; k++) {
      const t = t0 + k * 1000;
      feed(s, [
        { type: 'http-request', t, conn: 100 + k, api: 'xhr', method: 'GET', url: `http://h/api/poll?_=${k}`, headers: [] },
        {
          type: 'http-response',
          t: t + 20,
          conn: 100 + k,
          status: 200,
          statusText: 'OK',
          headers: [],
          url: `http://h/api/poll?_=${k}`,
          eventStream: false,
        },
        { type: 'http-end', t: t + 30, conn: 100 + k, size: 5_000_000, outcome: 'ok' },
      ]);
      expect(gate.update(t + 40, true)).toBe(true);
    }
    feed(s, [
      { type: 'ws-create', t: t0 + 60_000, conn: 1, url: 'ws://h/ws/forbidden', protocols: [] },
      { type: 'ws-error', t: t0 + 60_003, conn: 1 },
      { type: 'ws-close', t: t0 + 60_004, conn: 1, code: 1006, reason: '', wasClean: false, by: 'server' },
    ]);
    openSocket(s, 2, t0 + 61_000);
    feed(s, frames(2, 500, 100, t0 + 61_010));
    feed(s, [{ type: 'ws-close', t: t0 + 62_000, conn: 2, code: 1000, reason: '', wasClean: true, by: 'client' }]);
    expect(gate.update(t0 + 62_001, true)).toBe(true);
  });

  it('treats a fetch event stream with no hooked event after a second as unknown, hence heavy, and holds after it ends big', () => {
    const s = new Session();
    const gate = new NetworkGate(s);
    feed(s, [
      { type: 'http-request', t: t0, conn: 1, api: 'fetch', method: 'GET', url: 'http://h/stream', headers: [] },
      { type: 'http-response', t: t0 + 10, conn: 1, status: 200, statusText: 'OK', headers: [], url: 'http://h/stream', eventStream: true },
    ]);
    expect(gate.update(t0 + 20, true)).toBe(true);
    expect(gate.update(t0 + 20 + SILENT_STREAM_MS - 1, true)).toBe(true);
    expect(gate.update(t0 + 20 + SILENT_STREAM_MS, true)).toBe(false);
    // The page read the body with text(): all events arrive at the end, with DevTools' entry.
    const end = t0 + 8000;
    feed(s, [...frames(1, 20_000, 100, end - 1, 'sse-event'), { type: 'http-end', t: end, conn: 1, size: 2_000_000, outcome: 'ok' }]);
    expect(gate.update(end + 50, true)).toBe(false);
    expect(gate.update(end + 50 + GRACE_MS, true)).toBe(true);
  });

  it('a small event stream that ends lets it listen again at once', () => {
    const s = new Session();
    const gate = new NetworkGate(s);
    feed(s, [
      { type: 'http-request', t: t0, conn: 1, api: 'fetch', method: 'POST', url: 'http://h/chat', headers: [] },
      { type: 'http-response', t: t0 + 10, conn: 1, status: 200, statusText: 'OK', headers: [], url: 'http://h/chat', eventStream: true },
      ...frames(1, 300, 50, t0 + 20, 'sse-event'),
    ]);
    expect(gate.update(t0 + 3000, true)).toBe(true);
    feed(s, [{ type: 'http-end', t: t0 + 3000, conn: 1, size: 15_000, outcome: 'ok' }]);
    expect(gate.update(t0 + 3001, true)).toBe(true);
  });

  it('ends the streams of a document the tab navigated away from (no close record will come)', () => {
    const s = new Session();
    const gate = new NetworkGate(s);
    openSocket(s);
    feed(s, frames(1, 20_000, 100, t0 + 10));
    expect(gate.update(t0 + 1000, true)).toBe(false);
    gate.navigated();
    expect(gate.update(t0 + 2100, true)).toBe(false);
    expect(gate.update(t0 + 2100 + GRACE_MS, true)).toBe(true);
    // The new document's own big socket stops it again.
    openSocket(s, 7, t0 + 9000);
    feed(s, frames(7, 20_000, 100, t0 + 9010));
    expect(gate.update(t0 + 9100, true)).toBe(false);
  });

  it('holds after a clear that removed a heavy stream (the clear on navigation races the sockets’ ends)', () => {
    const s = new Session();
    const gate = new NetworkGate(s);
    openSocket(s);
    feed(s, frames(1, 20_000, 100, t0 + 10));
    expect(gate.update(t0 + 1000, true)).toBe(false);
    s.clear();
    expect(gate.update(t0 + 1100, true)).toBe(false);
    expect(gate.update(t0 + 1100 + GRACE_MS, true)).toBe(true);
  });

  it('while recording is paused, open streams count as heavy: their frames are not counted', () => {
    const s = new Session();
    const gate = new NetworkGate(s);
    openSocket(s);
    expect(gate.update(t0 + 100, true)).toBe(true);
    expect(gate.update(t0 + 200, false)).toBe(false);
    // Resumed: what went by unseen may still be in DevTools' entry.
    expect(gate.update(t0 + 300, true)).toBe(false);
    feed(s, [{ type: 'ws-close', t: t0 + 400, conn: 1, code: 1000, reason: '', wasClean: true, by: 'client' }]);
    expect(gate.update(t0 + 500, true)).toBe(false);
    expect(gate.update(t0 + 500 + GRACE_MS, true)).toBe(true);
  });
});
