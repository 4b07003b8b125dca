// Context: pure model, no browser APIs. Unit tests (node) for polling classification, run over
// the labelled trace corpus in fixtures/traces plus small hand-built cases.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../lib/model/types';
import { classifyOne, classifyPolling, judgePolling, type PollingSeries } from '../../lib/model/polling';
import { makeTraces, serializeTrace, TRACES_DIR, type Trace } from './fixtures/make-traces';

function loadTraces(): Trace[] {
  return readdirSync(TRACES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(TRACES_DIR, f), 'utf8')) as Trace);
}

function matches(series: PollingSeries, label: string): boolean {
  return series.key === label || series.normalizedUrl === label;
}

describe('trace corpus', () => {
  const traces = loadTraces();

  it('has at least 18 labelled traces that match the generator output', () => {
    expect(traces.length).toBeGreaterThanOrEqual(18);
    const generated = makeTraces();
    expect(generated.map((t) => t.name).sort()).toEqual(traces.map((t) => t.name).sort());
    for (const g of generated) {
      const onDisk = readFileSync(join(TRACES_DIR, `${g.name}.json`), 'utf8');
      expect(onDisk, `${g.name}.json is stale: run npx jiti tests/unit/fixtures/make-traces.ts`).toBe(serializeTrace(g));
    }
  });

  it('classifies every series of every trace correctly', () => {
    const mistakes: string[] = [];
    let tracesOk = 0;
    let seriesOk = 0;
    let seriesTotal = 0;
    for (const trace of traces) {
      const series = classifyPolling(trace.exchanges);
      const before = mistakes.length;
      const claimed = new Set<PollingSeries>();
      for (const [label, kind] of Object.entries(trace.expected)) {
        seriesTotal++;
        const found = series.filter((s) => matches(s, label));
        if (found.length !== 1) {
          mistakes.push(`${trace.name}: ${found.length} series match '${label}'`);
          continue;
        }
        const s = found[0] as PollingSeries;
        claimed.add(s);
        if (s.kind === kind) seriesOk++;
        else mistakes.push(`${trace.name}: '${label}' is ${s.kind} (${s.reason}), expected ${kind}`);
      }
      // Unlabelled series mean grouping split an endpoint (e.g. a cache buster was kept).
      for (const s of series) if (!claimed.has(s)) mistakes.push(`${trace.name}: unexpected series ${s.key}`);
      if (mistakes.length === before) tracesOk++;
    }
    console.log(`polling classifier: ${tracesOk}/${traces.length} traces, ${seriesOk}/${seriesTotal} series correct`);
    expect(mistakes).toEqual([]);
  });

  it('decides polling series within 4 requests', () => {
    const slow: string[] = [];
    for (const trace of traces) {
      for (const s of classifyPolling(trace.exchanges)) {
        if (s.kind !== 'http' && s.decidedAfter > 4) slow.push(`${trace.name}: ${s.key} after ${s.decidedAfter}`);
      }
    }
    expect(slow).toEqual([]);
  });

  it('never puts an event stream in a series', () => {
    const trace = traces.find((t) => t.exchanges.some((x) => x.eventStream));
    expect(trace).toBeDefined();
    const streamIds = new Set(trace?.exchanges.filter((x) => x.eventStream).map((x) => x.id));
    for (const s of classifyPolling(trace?.exchanges ?? [])) for (const id of s.exchangeIds) expect(streamIds.has(id)).toBe(false);
  });
});

let nextId = 0;
function ex(start: number, hold: number | undefined, extra: Partial<HttpExchange> = {}): HttpExchange {
  const x: HttpExchange = { id: `x${++nextId}`, method: 'GET', url: 'https://a.test/poll', start, ...extra };
  if (hold !== undefined) {
    x.end = start + hold;
    x.responseAt = start + hold;
    x.status ??= 200;
  }
  return x;
}

describe('classifyOne', () => {
  it('returns null for no exchanges or only event streams', () => {
    expect(classifyOne([])).toBeNull();
    expect(classifyOne([ex(0, 100, { eventStream: true })])).toBeNull();
  });

  it('calls fewer than 3 requests ordinary http', () => {
    const s = classifyOne([ex(0, 100), ex(1000, 100)]);
    expect(s?.kind).toBe('http');
    expect(s?.reason).toMatch(/at least 3/);
  });

  it('recognises a short poll after 3 requests and computes stats', () => {
    const s = classifyOne([
      ex(0, 100, { bodyHash: 'a' }),
      ex(1000, 120, { bodyHash: 'a' }),
      ex(2000, 80, { status: 304 }),
      ex(3000, 100, { status: 500 }),
    ]);
    expect(s?.kind).toBe('short-poll');
    expect(s?.decidedAfter).toBe(3);
    expect(s?.stats.cadenceMs).toBe(1000);
    expect(s?.stats.jitterMs).toBe(0);
    expect(s?.stats.holdMedianMs).toBe(100);
    expect(s?.stats.requestsPerMinute).toBe(60);
    // Responses: a, a (same), 304; the 500 is an error, not a response.
    expect(s?.stats.unchangedShare).toBeCloseTo(2 / 3, 3);
    expect(s?.stats.errorShare).toBe(0.25);
  });

  it('recognises a long poll: long holds, immediate re-request', () => {
    const xs = [ex(0, 25_000), ex(25_010, 30_000), ex(55_020, 2_000), ex(57_030, undefined)];
    const s = classifyOne(xs);
    expect(s?.kind).toBe('long-poll');
    expect(s?.stats.gapMedianMs).toBe(10);
    expect(s?.decidedAfter).toBe(3);
  });

  it('does not call a quick loop with no holds a long poll: one after another it is a fast short poll (issue #14 item 5)', () => {
    const xs = Array.from({ length: 10 }, (_, i) => ex(i * 50, 40));
    const s = classifyOne(xs);
    expect(s?.kind).toBe('short-poll');
    expect(s?.stats.requestsPerMinute).toBe(1200);
  });

  it('calls overlapping requests at the same pace a burst', () => {
    const xs = Array.from({ length: 10 }, (_, i) => ex(i * 50, 180));
    const s = classifyOne(xs);
    expect(s?.kind).toBe('http');
    expect(s?.reason).toMatch(/burst/);
  });

  it('rejects irregular timing', () => {
    const starts = [0, 3000, 40_000, 49_000, 150_000, 152_000, 200_000];
    expect(classifyOne(starts.map((t) => ex(t, 100)))?.kind).toBe('http');
  });

  it('tolerates one huge gap (paused tab) once the rhythm is established', () => {
    const starts = [0, 2000, 4000, 6000, 400_000, 402_000, 404_000];
    expect(classifyOne(starts.map((t) => ex(t, 150)))?.kind).toBe('short-poll');
  });

  it('sorts exchanges given out of order', () => {
    const s = classifyOne([ex(2000, 50), ex(0, 50), ex(1000, 50)]);
    expect(s?.kind).toBe('short-poll');
    expect(s?.exchangeIds).toHaveLength(3);
    expect(s?.stats.cadenceMs).toBe(1000);
  });

  it('judgePolling handles requests that never finished', () => {
    const v = judgePolling([ex(0, undefined), ex(1000, undefined), ex(2000, undefined)]);
    expect(v.stats.holdMedianMs).toBe(0);
    expect(v.kind).toBe('short-poll');
  });
});

describe('classifyPolling', () => {
  it('separates interleaved endpoints and folds cache busters', () => {
    const xs: HttpExchange[] = [];
    for (let i = 0; i < 6; i++) {
      xs.push(ex(i * 1000, 50, { url: `https://a.test/ticker?_=${1732612345678 + i}` }));
      xs.push(ex(i * 1000 + 500, 60, { url: `https://a.test/other?x=${i}` }));
    }
    const series = classifyPolling(xs);
    const ticker = series.find((s) => s.normalizedUrl === 'https://a.test/ticker');
    expect(ticker?.kind).toBe('short-poll');
    expect(ticker?.exchangeIds).toHaveLength(6);
    expect(series.filter((s) => s.normalizedUrl.startsWith('https://a.test/other'))).toHaveLength(6);
    expect(series[0]?.normalizedUrl).toBe('https://a.test/ticker');
  });

  it('groups POST polls by body shape, not values', () => {
    const xs = [0, 1000, 2000, 3000].map((t, i) => ex(t, 40, { method: 'POST', requestBody: JSON.stringify({ since: 1732612345678 + i, n: i }) }));
    xs.push(ex(1500, 40, { method: 'POST', requestBody: JSON.stringify({ other: true }) }));
    const series = classifyPolling(xs);
    expect(series).toHaveLength(2);
    expect(series.find((s) => s.exchangeIds.length === 4)?.kind).toBe('short-poll');
  });

  it('returns nothing for an empty input', () => {
    expect(classifyPolling([])).toEqual([]);
  });
});
