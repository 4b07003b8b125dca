// Context: node (test). DevTools network entries joined to hooked connections: a refused
// WebSocket handshake's status (only in Chrome's error message) and a poll's request timings.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { joinStatus, joinTimings } from '../../lib/panel/network-statuses';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';

function session(records: UnsequencedRecord[]): Session {
  const s = new Session();
  s.ingest(0, 'doc', 'agent', records.map((r, i) => ({ ...r, seq: i + 1 }) as CaptureRecord));
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
    expect(joinTimings(s, { startedDateTime: new Date(t + 1001).toISOString(), request: { url: 'http://h/api/likes?_=2' }, response: { status: 200 }, _resourceType: 'xhr', timings })).toBe(true);
    expect(s.connections[1].http?.timings).toEqual(timings);
    expect(s.connections[0].http?.timings).toBeUndefined();
    expect(joinTimings(s, { startedDateTime: new Date(t + 60_000).toISOString(), request: { url: 'http://h/api/likes?_=1' }, response: { status: 200 }, _resourceType: 'xhr', timings })).toBe(false);
  });
});
