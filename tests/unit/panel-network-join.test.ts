// Context: node (test). DevTools network entries joined to hooked connections: a refused
// WebSocket handshake's status (only in Chrome's error message) and a poll's request timings;
// the watcher subscribes to DevTools only while no big stream would hand it a huge entry.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../lib/store/session';
import { joinStatus, joinTimings, watchNetworkStatuses, type NetworkEvents } from '../../lib/panel/network-statuses';
import { GRACE_MS } from '../../lib/panel/network-gate';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';

function session(records: UnsequencedRecord[]): Session {
  const s = new Session();
  s.ingest(
    0,
    'doc',
    'agent',
    records.map((r, i) => ({ ...r, seq: i + 1 }) as CaptureRecord),
  );
  return s;
}

describe('joining chrome.devtools.network entries', () => {
  const t = Date.parse('2026-11-26T12:00:00.000Z');
  it('takes a refused handshake status from the error message and explains it on the channel', () => {
    const s = session([{ type: 'ws-create', t, conn: 1, url: 'ws://127.0.0.1:1/ws/forbidden', protocols: [] }]);
    const joined = joinStatus(s, {
      startedDateTime: new Date(t + 3).toISOString(),
      request: { url: 'ws://127.0.0.1:1/ws/forbidden' },
      response: { status: 0 },
      _resourceType: 'websocket',
      _webSocketMessages: [{ type: 'error', data: 'Error during WebSocket handshake: Unexpected response code: 403' }],
    });
    expect(joined).toBe(true);
    expect(s.connections[0].handshakeStatus).toBe(403);
    expect(s.channels[0].lastStatus).toBe(403);
  });
  it('attaches request timings to the poll with the same URL and start, not to its neighbour', () => {
    const s = session([
      { type: 'http-request', t, conn: 1, api: 'xhr', method: 'GET', url: 'http://h/api/likes?_=1', headers: [] },
      { type: 'http-request', t: t + 1000, conn: 2, api: 'xhr', method: 'GET', url: 'http://h/api/likes?_=2', headers: [] },
    ]);
    const timings = { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.2, wait: 12, receive: 0.5 };
    expect(
      joinTimings(s, {
        startedDateTime: new Date(t + 1001).toISOString(),
        request: { url: 'http://h/api/likes?_=2' },
        response: { status: 200 },
        _resourceType: 'xhr',
        timings,
      }),
    ).toBe(true);
    expect(s.connections[1].http?.timings).toEqual(timings);
    expect(s.connections[0].http?.timings).toBeUndefined();
    expect(
      joinTimings(s, {
        startedDateTime: new Date(t + 60_000).toISOString(),
        request: { url: 'http://h/api/likes?_=1' },
        response: { status: 200 },
        _resourceType: 'xhr',
        timings,
      }),
    ).toBe(false);
  });

  describe('the watcher', () => {
    afterEach(() => vi.useRealTimers());

    /** A stand-in for chrome.devtools.network that records (un)subscriptions. */
    function fakeNetwork() {
      const listeners = new Set<(r: unknown) => void>();
      const navigated: ((url: string) => void)[] = [];
      const log: string[] = [];
      const network: NetworkEvents = {
        onRequestFinished: {
          addListener: (fn) => (listeners.add(fn), log.push('add')),
          removeListener: (fn) => (listeners.delete(fn), log.push('remove')),
        },
        onNavigated: { addListener: (fn) => navigated.push(fn) },
      };
      return {
        network,
        log,
        finish: (entry: unknown) => listeners.forEach((fn) => fn(entry)),
        navigate: () => navigated.forEach((fn) => fn('http://h/')),
      };
    }
    const refused = (at: number) => ({
      startedDateTime: new Date(at).toISOString(),
      request: { url: 'ws://h/ws/forbidden' },
      response: { status: 0 },
      _resourceType: 'websocket',
      _webSocketMessages: [{ type: 'error', data: 'Error during WebSocket handshake: Unexpected response code: 403' }],
    });

    it('joins a refused handshake whose entry came before the hooked record (kept and retried)', () => {
      vi.useFakeTimers();
      let now = t;
      const net = fakeNetwork();
      const s = new Session();
      watchNetworkStatuses(s, { network: net.network, recording: () => true, now: () => now });
      expect(net.log).toEqual(['add']);
      net.finish(refused(t + 3));
      s.ingest(0, 'doc', 'agent', [{ type: 'ws-create', t, conn: 1, url: 'ws://h/ws/forbidden', protocols: [], seq: 1 }]);
      expect(s.connections[0].handshakeStatus).toBeUndefined();
      now += 1000;
      vi.advanceTimersByTime(1000);
      expect(s.connections[0].handshakeStatus).toBe(403);
      expect(s.channels[0].lastStatus).toBe(403);
    });

    it('unsubscribes while a big WebSocket is open and subscribes again a grace period after it closed', () => {
      vi.useFakeTimers();
      let now = t;
      const net = fakeNetwork();
      const s = new Session();
      const watch = watchNetworkStatuses(s, { network: net.network, recording: () => true, now: () => now });
      const payload = { data: 'x', binary: false, size: 100, truncated: true };
      const records: CaptureRecord[] = [
        { type: 'ws-create', t, conn: 1, url: 'ws://h/ws/feed', protocols: [], seq: 1 },
        { type: 'ws-open', t: t + 5, conn: 1, protocol: '', extensions: '', seq: 2 },
      ];
      for (let k = 0; k < 20_000; k++) records.push({ type: 'ws-frame', t: t + 10, conn: 1, dir: 'in', payload, seq: 3 + k });
      s.ingest(0, 'doc', 'agent', records);
      const wait = (ms: number) => {
        for (let k = 0; k < ms; k += 250) {
          now += 250;
          vi.advanceTimersByTime(250);
        }
      };
      wait(250);
      expect(watch.listening()).toBe(false);
      expect(net.log).toEqual(['add', 'remove']);
      s.ingest(0, 'doc', 'agent', [{ type: 'ws-close', t: now, conn: 1, code: 1000, reason: '', wasClean: true, by: 'client', seq: 20_003 }]);
      wait(GRACE_MS);
      expect(net.log).toEqual(['add', 'remove']);
      wait(250);
      expect(net.log).toEqual(['add', 'remove', 'add']);
      // Listening again: a refused handshake now joins as before.
      s.ingest(0, 'doc', 'agent', [{ type: 'ws-create', t: now, conn: 2, url: 'ws://h/ws/forbidden', protocols: [], seq: 20_004 }]);
      net.finish(refused(now + 2));
      expect(s.connections[1].handshakeStatus).toBe(403);
    });
  });
});
