// Context: node (unit tests). Handler cost in the panel store: a frame's `handlerMs` lands in its
// row, a late `handler-cost` record replaces the value of exactly the frame it names (same agent,
// same connection, incoming), and a record from a hostile page cannot touch anything else: another
// connection's or agent's frame, an outgoing frame, an HTTP row. The channel's sample feeds the
// histogram and the advisor with the same numbers.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { channelHandlerSamples } from '../../lib/store/handler-costs';
import { advisorInput } from '../../lib/store/advisor-input';
import { adviseChannel } from '../../lib/advisor';
import type { CaptureRecord } from '../../lib/protocol/records';

const pl = (data: string) => ({ data, binary: false, size: data.length, truncated: false });
const wsIn = (seq: number, conn: number, handlerMs?: number): CaptureRecord => ({
  type: 'ws-frame',
  seq,
  t: 1000 + seq,
  conn,
  dir: 'in',
  payload: pl(`in ${seq}`),
  ...(handlerMs === undefined ? {} : { handlerMs }),
});
const cost = (seq: number, conn: number, frameSeq: number, ms: number): CaptureRecord => ({
  type: 'handler-cost',
  seq,
  t: 5000 + seq,
  conn,
  frameSeq,
  ms,
});

/** Rows' handler times by the frames' own seq (−1 = not measured). */
function costsBySeq(s: Session): Record<number, number> {
  const out: Record<number, number> = {};
  for (let i = 0; i < s.frames.count; i++) out[s.frames.seq[i]] = Math.round(s.frames.handlerMs[i] * 100) / 100;
  return out;
}

describe('handler cost in the session', () => {
  it('stores handlerMs of incoming frames and nothing for the rest', () => {
    const s = new Session();
    s.ingest(0, 'd', 'a', [
      { type: 'ws-create', seq: 1, t: 1, conn: 1, url: 'ws://h/feed', protocols: [] },
      wsIn(2, 1, 61.25),
      wsIn(3, 1),
      { type: 'ws-frame', seq: 4, t: 4, conn: 1, dir: 'out', payload: pl('out') },
      { type: 'sse-create', seq: 5, t: 5, conn: 2, url: 'http://h/events', withCredentials: false },
      { type: 'sse-event', seq: 6, t: 6, conn: 2, event: 'price', id: '1', payload: pl('p'), handlerMs: 0.4 },
    ]);
    expect(costsBySeq(s)).toEqual({ 2: 61.25, 3: -1, 4: -1, 6: 0.4 });
  });

  it('ignores handlerMs on events of a fetch stream (only WebSocket and EventSource listeners are timed)', () => {
    const s = new Session();
    s.ingest(0, 'd', 'a', [
      { type: 'http-request', seq: 1, t: 1, conn: 1, api: 'fetch', method: 'GET', url: 'http://h/stream', headers: [] },
      { type: 'http-response', seq: 2, t: 2, conn: 1, status: 200, statusText: 'OK', headers: [], url: 'http://h/stream', eventStream: true },
      { type: 'sse-event', seq: 3, t: 3, conn: 1, event: 'message', id: '', payload: pl('x'), handlerMs: 99 },
    ]);
    expect(costsBySeq(s)[3]).toBe(-1);
  });

  it('applies a late handler-cost record to the frame it names, replacing the earlier value', () => {
    const s = new Session();
    s.ingest(0, 'd', 'a', [{ type: 'ws-create', seq: 1, t: 1, conn: 1, url: 'ws://h/feed', protocols: [] }, wsIn(2, 1), wsIn(3, 1, 5)]);
    s.ingest(0, 'd', 'a', [cost(4, 1, 2, 12.5), cost(5, 1, 3, 70), cost(6, 1, 3, 71.5)]);
    expect(costsBySeq(s)).toEqual({ 2: 12.5, 3: 71.5 });
    // In sequence: the cost records moved the agent on without making rows.
    expect(s.agents.get('a')!.lastSeq).toBe(6);
    expect(s.frames.count).toBe(2);
  });

  it('lets a hostile page touch no other frame: other connection, other agent, outgoing, HTTP, unknown seq', () => {
    const s = new Session();
    s.ingest(0, 'd', 'a', [
      { type: 'ws-create', seq: 1, t: 1, conn: 1, url: 'ws://h/feed', protocols: [] },
      { type: 'ws-create', seq: 2, t: 2, conn: 2, url: 'ws://h/feed', protocols: [] },
      wsIn(3, 1, 1),
      wsIn(4, 2, 2),
      { type: 'ws-frame', seq: 5, t: 5, conn: 1, dir: 'out', payload: pl('out') },
      { type: 'http-request', seq: 6, t: 6, conn: 3, api: 'fetch', method: 'GET', url: 'http://h/poll', headers: [] },
    ]);
    s.ingest(0, 'd', 'b', [{ type: 'ws-create', seq: 1, t: 1, conn: 1, url: 'ws://h/feed', protocols: [] }, wsIn(2, 1, 3)]);
    const before = costsBySeq(s);
    const rowsBefore = s.frames.count;
    s.ingest(0, 'd', 'a', [
      cost(7, 1, 4, 999), // frame 4 is connection 2's
      cost(8, 2, 3, 999), // frame 3 is connection 1's
      cost(9, 1, 5, 999), // outgoing
      cost(10, 3, 6, 999), // an HTTP exchange row
      cost(11, 1, 2, 999), // seq 2 of agent a is a create record, not a frame (agent b's frame 2 is not a's)
      cost(12, 9, 3, 999), // unknown connection
    ]);
    expect(s.frames.count).toBe(rowsBefore);
    // Agent b's frame 2 keeps its 3 ms; agent a's frames keep theirs.
    expect(costsBySeq(s)).toEqual(before);
    expect(s.frames.handlerMs[s.frames.count - 1]).toBe(3);
    expect(s.agents.get('a')!.lastSeq).toBe(12);
  });

  it('keeps the column aligned with its rows when the budget removes the oldest frames', () => {
    const s = new Session();
    s.budget = { maxFrames: 20, maxPreviewChars: 1e12 };
    const records: CaptureRecord[] = [{ type: 'ws-create', seq: 1, t: 1, conn: 1, url: 'ws://h/feed', protocols: [] }];
    for (let seq = 2; seq <= 31; seq++) records.push(wsIn(seq, 1, seq));
    s.ingest(0, 'd', 'a', records);
    expect(s.frames.count).toBe(18);
    for (let i = 0; i < s.frames.count; i++) expect(s.frames.handlerMs[i]).toBe(s.frames.seq[i]);
    s.ingest(0, 'd', 'a', [cost(32, 1, 31, 0.5), cost(33, 1, 5, 7)]); // 5 is gone: nothing changes
    expect(s.frames.handlerMs[s.frames.count - 1]).toBe(0.5);
    expect(s.frames.handlerMs[0]).toBe(14);
  });
});

describe("a channel's handler sample", () => {
  it('feeds the histogram and the advisor the same measurements, with SSE event types', () => {
    const s = new Session();
    const records: CaptureRecord[] = [{ type: 'sse-create', seq: 1, t: 1, conn: 1, url: 'http://h/prices', withCredentials: false }];
    for (let k = 1; k <= 40; k++)
      records.push({
        type: 'sse-event',
        seq: k + 1,
        t: 100 + k,
        conn: 1,
        event: 'price',
        id: String(k),
        payload: pl(`p${k}`),
        handlerMs: k % 10 === 0 ? 60 : 0.5,
      });
    records.push({ type: 'sse-event', seq: 42, t: 200, conn: 1, event: 'price', id: '41', payload: pl('unmeasured') });
    s.ingest(0, 'd', 'a', records);
    const channel = s.channels[0];
    const samples = channelHandlerSamples(s, channel);
    expect(samples).toHaveLength(40);
    expect(samples[9]).toEqual({ event: 'price', ms: 60 });
    const input = advisorInput(s, channel, 10_000);
    expect(input.handlerTimes).toBe(samples);
    const finding = adviseChannel(input, 'en').find((f) => f.id === 'handler-slow')!;
    expect(finding.numbers).toMatchObject({ count: 40, p95Ms: 60, maxMs: 60, sharePercent: 10 });
    expect(finding.title).toContain('`price` events');
    // A late cost changes the sample on the next read.
    s.ingest(0, 'd', 'a', [cost(43, 1, 2, 80)]);
    expect(channelHandlerSamples(s, channel)[0].ms).toBe(80);
  });
});
