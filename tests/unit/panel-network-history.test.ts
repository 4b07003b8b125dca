// Context: node (test). Handshake statuses and poll timings joined from DevTools' network log in
// both browsers' shapes (Chrome labels entries; Firefox does not, and gives a refused handshake its
// real status), and from what DevTools recorded before the panel started (getHAR): the result
// must be the same whether the panel was listening when it happened or was shown later.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../lib/store/session';
import { joinStatus, joinTimings, watchNetworkStatuses, type NetworkEvents } from '../../lib/panel/network-statuses';
import { HISTORY_DELAY_MS, type HarLog } from '../../lib/panel/network-history';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';

const t = Date.parse('2026-12-02T10:00:00.000Z');
const at = (ms: number) => new Date(t + ms).toISOString();
const timings = { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.2, wait: 12, receive: 0.5 };

/** What the page did: a WebSocket refused with 403, an EventSource answered 500, one answered 204, two polls and a fetch event stream. */
const records: UnsequencedRecord[] = [
  { type: 'ws-create', t, conn: 1, url: 'ws://h/ws/forbidden', protocols: [] },
  { type: 'ws-close', t: t + 5, conn: 1, code: 1006, reason: '', wasClean: false, by: 'server' },
  { type: 'sse-create', t: t + 10, conn: 2, url: 'http://h/sse/broken', withCredentials: false },
  { type: 'sse-create', t: t + 20, conn: 3, url: 'http://h/sse/stop', withCredentials: false },
  { type: 'http-request', t: t + 100, conn: 4, api: 'fetch', method: 'GET', url: 'http://h/api/likes', headers: [] },
  { type: 'http-request', t: t + 1100, conn: 5, api: 'fetch', method: 'GET', url: 'http://h/api/likes', headers: [] },
  { type: 'http-request', t: t + 2000, conn: 6, api: 'fetch', method: 'POST', url: 'http://h/llm', headers: [['accept', 'text/event-stream']] },
];

function ingest(s: Session, recs: UnsequencedRecord[] = records, from = 1): void {
  s.ingest(
    0,
    'doc',
    'agent',
    recs.map((r, i) => ({ ...r, seq: from + i }) as CaptureRecord),
  );
}

const accept = (value: string) => [{ name: 'Accept', value }];
/** DevTools' entries for the page above, as Chromium 156 reports them. */
const chromeEntries = [
  {
    startedDateTime: at(2),
    request: { url: 'ws://h/ws/forbidden', method: 'GET' },
    response: { status: 0 },
    _resourceType: 'websocket',
    _webSocketMessages: [{ type: 'error', data: 'Error during WebSocket handshake: Unexpected response code: 403' }],
  },
  { startedDateTime: at(11), request: { url: 'http://h/sse/broken', method: 'GET' }, response: { status: 500 }, _resourceType: 'eventsource' },
  { startedDateTime: at(21), request: { url: 'http://h/sse/stop', method: 'GET' }, response: { status: 204 }, _resourceType: 'eventsource' },
  { startedDateTime: at(101), request: { url: 'http://h/api/likes', method: 'GET' }, response: { status: 200 }, _resourceType: 'fetch', timings },
  {
    startedDateTime: at(1101),
    request: { url: 'http://h/api/likes', method: 'GET' },
    response: { status: 200 },
    _resourceType: 'fetch',
    timings: { ...timings, wait: 40 },
  },
  { startedDateTime: at(500), request: { url: 'http://h/app.js', method: 'GET' }, response: { status: 200 }, _resourceType: 'script', timings },
];
/** The same, as Firefox ESR 153 reports them: no _resourceType, no _webSocketMessages, the refused handshake's own status. */
const firefoxEntries = [
  { startedDateTime: at(2), request: { url: 'ws://h/ws/forbidden', method: 'GET', headers: [] }, response: { status: 403 }, timings },
  {
    startedDateTime: at(11),
    request: { url: 'http://h/sse/broken', method: 'GET', headers: accept('text/event-stream') },
    response: { status: 500 },
    timings,
  },
  {
    startedDateTime: at(21),
    request: { url: 'http://h/sse/stop', method: 'GET', headers: accept('text/event-stream') },
    response: { status: 204 },
    timings,
  },
  { startedDateTime: at(101), request: { url: 'http://h/api/likes', method: 'GET', headers: accept('*/*') }, response: { status: 200 }, timings },
  {
    startedDateTime: at(1101),
    request: { url: 'http://h/api/likes', method: 'GET', headers: accept('*/*') },
    response: { status: 200 },
    timings: { ...timings, wait: 40 },
  },
  {
    startedDateTime: at(2001),
    request: { url: 'http://h/llm', method: 'POST', headers: accept('text/event-stream') },
    response: { status: 200 },
    timings: { ...timings, wait: 7 },
  },
];

/** What the panel shows from the joins: statuses per connection and channel, timings per exchange. */
function shown(s: Session) {
  return {
    handshake: s.connections.map((c) => c.handshakeStatus ?? null),
    channelStatus: s.channels.map((ch) => ch.lastStatus ?? null),
    timings: s.connections.map((c) => c.http?.timings ?? null),
  };
}

describe('entries in both browsers’ shapes', () => {
  it('Firefox: joins the refused handshake (403), the EventSource 500 and 204 by URL scheme and Accept header, and poll timings', () => {
    const s = new Session();
    ingest(s);
    for (const e of firefoxEntries) expect(joinStatus(s, e) || joinTimings(s, e), e.request.url).toBe(true);
    expect(shown(s).handshake.slice(0, 3)).toEqual([403, 500, 204]);
    expect(s.channels[s.connections[0].channel].lastStatus).toBe(403);
    expect(s.channels[s.connections[1].channel].lastStatus).toBe(500);
    expect(s.channels[s.connections[2].channel].lastStatus).toBe(204);
    expect(s.connections[3].http?.timings).toEqual(timings);
    expect(s.connections[4].http?.timings?.wait).toBe(40);
    // A fetch() that asked for an event stream is no EventSource: its entry gives timings, not a handshake status.
    expect(s.connections[5].http?.timings?.wait).toBe(7);
    expect(s.connections[5].handshakeStatus).toBeUndefined();
  });

  it('Chrome and Firefox entries give the panel the same statuses', () => {
    const chrome = new Session();
    ingest(chrome);
    for (const e of chromeEntries) joinStatus(chrome, e) || joinTimings(chrome, e);
    const firefox = new Session();
    ingest(firefox);
    for (const e of firefoxEntries.slice(0, 5)) joinStatus(firefox, e) || joinTimings(firefox, e);
    expect(shown(chrome)).toEqual(shown(firefox));
  });
});

describe('what DevTools recorded before the panel started (getHAR)', () => {
  afterEach(() => vi.useRealTimers());

  function fakeNetwork(log: unknown[]) {
    const listeners = new Set<(r: unknown) => void>();
    let getHarCalls = 0;
    let answer: ((log: HarLog) => void) | undefined;
    const network: NetworkEvents = {
      onRequestFinished: { addListener: (fn) => listeners.add(fn), removeListener: (fn) => listeners.delete(fn) },
      onNavigated: { addListener: () => {} },
      getHAR: (cb) => {
        getHarCalls++;
        answer = cb;
      },
    };
    return {
      network,
      finish: (entry: unknown) => listeners.forEach((fn) => fn(entry)),
      /** DevTools answers getHAR (asynchronously, like the real one). */
      answer: () => answer?.({ entries: log }),
      getHarCalls: () => getHarCalls,
    };
  }

  function run(entries: unknown[], shape: 'live' | 'late' | 'late, log before records') {
    vi.useFakeTimers();
    let now = t + 5000;
    const net = fakeNetwork(shape === 'live' ? [] : entries);
    const s = new Session();
    if (shape !== 'late, log before records') ingest(s);
    const watch = watchNetworkStatuses(s, { network: net.network, recording: () => true, now: () => now });
    const wait = (ms: number) => {
      for (let k = 0; k < ms; k += 250) {
        now += 250;
        vi.advanceTimersByTime(250);
      }
    };
    if (shape === 'live') for (const e of entries) net.finish(e);
    wait(HISTORY_DELAY_MS);
    net.answer();
    if (shape === 'late, log before records') ingest(s); // the agents' history arrives after the log: joined on retry
    wait(1000);
    return { s, net, watch, wait };
  }

  for (const [browser, entries] of [
    ['Chrome', chromeEntries],
    ['Firefox', firefoxEntries],
  ] as const) {
    it(`${browser}: a 403 handshake, an EventSource 500 / 204 and poll timings show the same whether the panel was shown before or after`, () => {
      const live = run(entries, 'live');
      const late = run(entries, 'late');
      const lateFirst = run(entries, 'late, log before records');
      expect(shown(live.s).handshake.slice(0, 3)).toEqual([403, 500, 204]);
      expect(shown(live.s).timings[4]?.wait).toBe(40);
      expect(shown(late.s)).toEqual(shown(live.s));
      expect(shown(lateFirst.s)).toEqual(shown(live.s));
      expect(late.net.getHarCalls()).toBe(1);
      expect(late.watch.history.state).toBe('joined');
      expect(late.watch.history.entries).toBe(entries.length);
    });
  }

  it('an entry in the log that then also finishes live is joined once (the next poll does not get its timings)', () => {
    const { s, net, wait } = run(chromeEntries.slice(3, 4), 'late');
    expect(s.connections[3].http?.timings).toEqual(timings);
    net.finish(chromeEntries[3]);
    wait(1000);
    expect(s.connections[4].http?.timings).toBeUndefined();
  });

  it('does not take the log when the streams it carries would make it a long task', () => {
    vi.useFakeTimers();
    let now = t;
    const net = fakeNetwork(chromeEntries);
    const s = new Session();
    const payload = { data: 'x', binary: false, size: 100, truncated: true };
    const big: UnsequencedRecord[] = [{ type: 'ws-create', t, conn: 9, url: 'ws://h/ws/feed', protocols: [] }];
    for (let k = 0; k < 30_000; k++) big.push({ type: 'ws-frame', t: t + 1, conn: 9, dir: 'in', payload });
    big.push({ type: 'ws-close', t: t + 2, conn: 9, code: 1000, reason: '', wasClean: true, by: 'client' });
    ingest(s, big);
    const watch = watchNetworkStatuses(s, { network: net.network, recording: () => true, now: () => now });
    for (let k = 0; k < 40; k++) {
      now += 250;
      vi.advanceTimersByTime(250);
    }
    expect(net.getHarCalls()).toBe(0);
    expect(watch.history.state).toBe('skipped');
    expect(watch.history.estimatedMs).toBeGreaterThan(50);
  });
});
