// Context: node (unit tests). Polling verdicts are a function of the series alone (issue #14
// item 5): each series is fed to a Session in three different batchings (all at once, one record
// per batch, uneven batches with the classifier run between batches as a panel opened at another
// moment would) and must give one verdict every time. The fast sequential poll (faster than 4/s)
// is polling and the advisor flags it with its requests per minute.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';
import { adviseChannel } from '../../lib/advisor';
import { classifyOne } from '../../lib/model/polling';
import type { HttpExchange } from '../../lib/model/types';

const T0 = 1_732_612_345_000;

interface Req {
  start: number;
  hold: number;
  method?: string;
  url: string;
  body?: string;
  hash?: string;
}

function records(reqs: Req[]): CaptureRecord[] {
  const out: { t: number; r: UnsequencedRecord }[] = [];
  reqs.forEach((q, k) => {
    const conn = k + 1;
    const method = q.method ?? 'GET';
    const body = q.body === undefined ? undefined : { data: q.body, binary: false, size: q.body.length, truncated: false };
    out.push({ t: q.start, r: { type: 'http-request', t: q.start, conn, api: 'fetch', method, url: q.url, headers: [], body } });
    out.push({
      t: q.start + q.hold - 1,
      r: { type: 'http-response', t: q.start + q.hold - 1, conn, status: 200, statusText: 'OK', headers: [], url: q.url, eventStream: false },
    });
    out.push({ t: q.start + q.hold, r: { type: 'http-end', t: q.start + q.hold, conn, size: 20, bodyHash: q.hash ?? 'same', outcome: 'ok' } });
  });
  return out
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((e, i) => ({ ...e.r, seq: i + 1 }) as CaptureRecord);
}

/** mulberry32, so the uneven batching is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function batchings(recs: CaptureRecord[]): CaptureRecord[][][] {
  const rnd = prng(7);
  const uneven: CaptureRecord[][] = [];
  for (let i = 0; i < recs.length;) {
    const n = 1 + Math.floor(rnd() * 9);
    uneven.push(recs.slice(i, i + n));
    i += n;
  }
  return [[recs], recs.map((r) => [r]), uneven];
}

/** Kinds of the non-empty channels, by URL, after feeding `batches` with a refresh after each. */
function verdicts(batches: CaptureRecord[][]): string[] {
  const s = new Session();
  s.agentHello(0, 'd', 'a', 'https://app.example.com/', true, 'document');
  for (const b of batches) {
    s.ingest(0, 'd', 'a', b);
    s.refreshPolling();
  }
  return s.channels.filter((c) => c.connections.length).map((c) => `${c.kind} ${c.method} ${c.url} (${c.connections.length})`);
}

const series: Record<string, { reqs: Req[]; kind: string; channels: number }> = {
  'fetch loop every 150 ms (sequential, 400/min)': {
    reqs: Array.from({ length: 40 }, (_, i) => ({
      start: T0 + i * 150 + ((i * 7) % 11),
      hold: 40 + ((i * 13) % 20),
      url: 'https://app.example.com/api/price',
    })),
    kind: 'short-poll',
    channels: 1,
  },
  'GraphQL POST poll whose variables go from null and [] to values': {
    reqs: Array.from({ length: 12 }, (_, i) => ({
      start: T0 + i * 2000 + ((i * 37) % 90),
      hold: 60,
      method: 'POST',
      url: 'https://app.example.com/graphql',
      body: JSON.stringify({
        operationName: 'Feed',
        variables: { after: i === 0 ? null : `c${i}`, acks: i % 3 ? [i, i + 1] : [] },
        query: 'query Feed($after: String) { feed(after: $after) { id } }',
      }),
      hash: `h${i % 4}`,
    })),
    kind: 'short-poll',
    channels: 1,
  },
  'page-load burst of parallel fetches': {
    reqs: Array.from({ length: 6 }, (_, i) => ({ start: T0 + i * 40, hold: 300, url: 'https://app.example.com/api/config' })),
    kind: 'http',
    channels: 1,
  },
  'long poll held 20 s': {
    reqs: Array.from({ length: 6 }, (_, i) => ({ start: T0 + i * 20_010, hold: 20_000, url: 'https://app.example.com/api/wait' })),
    kind: 'long-poll',
    channels: 1,
  },
};

describe('polling verdicts do not depend on batching', () => {
  for (const [name, sx] of Object.entries(series)) {
    it(`${name}: one verdict in three batchings`, () => {
      const recs = records(sx.reqs);
      const results = batchings(recs).map(verdicts);
      expect(results[0]).toHaveLength(sx.channels);
      expect(results[0][0].split(' ')[0]).toBe(sx.kind);
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    });
  }

  it('the advisor flags the fast sequential poll with its requests per minute', () => {
    const reqs = series['fetch loop every 150 ms (sequential, 400/min)'].reqs;
    const xs: HttpExchange[] = reqs.map((q, i) => ({
      id: String(i),
      method: 'GET',
      url: q.url,
      start: q.start,
      responseAt: q.start + q.hold,
      end: q.start + q.hold,
      status: 200,
      bodyHash: `h${i}`,
      outcome: 'ok',
    }));
    const s = classifyOne(xs)!;
    expect(s.kind).toBe('short-poll');
    const findings = adviseChannel({ kind: 'short-poll', url: reqs[0].url, poll: s.stats, exchanges: xs, durationMs: 6000 }, 'en');
    const fast = findings.find((f) => f.id === 'short-poll-fast');
    expect(fast, findings.map((f) => f.id).join(', ')).toBeDefined();
    expect(fast!.severity).toBe('warn');
    expect(fast!.numbers.requestsPerMinute).toBeGreaterThan(380);
    expect(fast!.title).toContain(String(Math.round(fast!.numbers.requestsPerMinute)));
  });
});
