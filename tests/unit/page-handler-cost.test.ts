// Context: node (unit tests). The page agent's side of handler cost: the time the page's listeners
// run on a recorded message is added to that message's ring slot and leaves with it as
// `handlerMs` (text frames written as JSON, record objects, SSE events); a frame the panel already
// has gets a `handler-cost` record at the next flush; the listener tap times every page function
// listener of an event, adds them up, and times what PushLens dispatches (injected or released
// frames) against the record it names.
import { describe, expect, it } from 'vitest';
import { RecordRing } from '../../lib/page/record-ring';
import { Recorder } from '../../lib/page/recorder';
import { ListenerTap, UNTIMED, type CostSink } from '../../lib/page/listener-tap';
import { natives } from '../../lib/page/natives';
import { WorkerSink } from '../../lib/page/worker-sink';
import type { WorkerToPage } from '../../lib/page/worker-protocol';
import type { CaptureRecord } from '../../lib/protocol/records';
import { checkRecord, unpackRecords } from '../../lib/protocol/validate-records';
/** One record as recordJson writes it into a packed batch, read as the panel reads it. */
const unpackOne = (json: string): any => unpackRecords(`[${json}]`)![0];

function liveRecorder() {
  const sent: CaptureRecord[] = [];
  const rec = new Recorder(
    (r) => void sent.push(...r),
    (json) => void sent.push(...(unpackRecords(json) as CaptureRecord[])),
  );
  return { rec, sent };
}

const costOf = (r: CaptureRecord | undefined) => (r as { handlerMs?: number } | undefined)?.handlerMs;

describe('handler cost in the ring', () => {
  it('adds listener time to the frame slot and writes it as handlerMs, in JSON and as a record', () => {
    const ring = new RecordRing(10, 1 << 20);
    ring.pushText(1, 'in', 1, 1, 'a');
    ring.pushSse(2, 2, 2, 'b', 'price', '7');
    ring.pushRecord(3, { type: 'ws-frame', seq: 3, t: 3, conn: 1, dir: 'in', payload: { data: 'AAE=', binary: true, size: 2, truncated: false } });
    ring.pushText(4, 'in', 4, 1, 'never timed');
    expect(ring.addCost(1, 12.344)).toBe(true);
    expect(ring.addCost(1, 0.5)).toBe(true); // a second listener of the same message
    expect(ring.addCost(2, 60.126)).toBe(true);
    expect(ring.addCost(3, 0)).toBe(true);
    expect(ring.addCost(9, 1)).toBe(false);
    for (const seq of [1, 2, 3, 4]) expect(unpackOne(ring.recordJson(seq, 64)!)).toEqual(ring.record(seq, 64));
    expect(costOf(ring.record(1, 64))).toBe(12.84);
    expect(costOf(ring.record(2, 64))).toBe(60.13);
    expect(costOf(ring.record(3, 64))).toBe(0);
    expect(ring.record(4, 64)).not.toHaveProperty('handlerMs');
    expect(ring.costOf(4)).toBe(-1);
    expect(ring.connOf(3)).toBe(1);
    expect(ring.connOf(2)).toBe(2);
  });

  it('never puts a cost on what has no page listeners, and keeps it within what the panel accepts', () => {
    const ring = new RecordRing(10, 1 << 20);
    ring.pushText(1, 'out', 1, 1, 'sent by the page');
    ring.pushRecord(2, { type: 'ws-open', seq: 2, t: 2, conn: 1, protocol: '', extensions: '' });
    ring.pushRecord(3, { type: 'ws-frame', seq: 3, t: 3, conn: 1, dir: 'out', payload: { data: 'AA==', binary: true, size: 1, truncated: false } });
    ring.pushText(4, 'in', 4, 1, 'in');
    for (const seq of [1, 2, 3]) {
      expect(ring.addCost(seq, 5)).toBe(false);
      expect(ring.record(seq, 64)).not.toHaveProperty('handlerMs');
    }
    ring.addCost(4, 5e9);
    expect(checkRecord(unpackOne(ring.recordJson(4, 64)!)).ok).toBe(true);
  });

  it('starts every reused slot unmeasured', () => {
    const ring = new RecordRing(2, 1 << 20);
    ring.pushText(1, 'in', 1, 1, 'a');
    ring.addCost(1, 5);
    ring.pushText(2, 'in', 2, 1, 'b');
    ring.pushText(3, 'in', 3, 1, 'c'); // reuses slot of 1
    expect(ring.addCost(1, 1)).toBe(false);
    expect(ring.record(3, 64)).not.toHaveProperty('handlerMs');
  });
});

describe('handler cost in the Recorder', () => {
  it('sends the cost with the frame when it is known before the flush', () => {
    const { rec, sent } = liveRecorder();
    rec.resync(1);
    rec.wsText(1, 'in', 'slow');
    rec.handlerCost(rec.lastToken, 61);
    rec.flush();
    expect(sent).toHaveLength(1);
    expect(costOf(sent[0])).toBe(61);
  });

  it('sends a handler-cost record with the total for a frame the panel already has', () => {
    const { rec, sent } = liveRecorder();
    rec.resync(1);
    rec.sseEvent(4, 'price', '1', 'p', 10);
    const token = rec.lastToken;
    rec.flush(); // e.g. a batch filled up during the frame's own dispatch
    rec.handlerCost(token, 30);
    rec.handlerCost(token, 25.5);
    rec.flush();
    expect(sent.map((r) => r.type)).toEqual(['sse-event', 'handler-cost']);
    expect(sent[1]).toMatchObject({ type: 'handler-cost', seq: 2, conn: 4, frameSeq: 1, ms: 55.5 });
    rec.flush();
    expect(sent).toHaveLength(2); // once per change
  });

  it('sends a late cost on its own timer, with no other traffic after it', async () => {
    const { rec, sent } = liveRecorder();
    rec.resync(1);
    rec.wsText(1, 'in', 'held, then released');
    const token = rec.lastToken;
    rec.flush();
    rec.handlerCost(token, 60);
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.map((r) => r.type)).toEqual(['ws-frame', 'handler-cost']);
    expect(sent[1]).toMatchObject({ frameSeq: 1, ms: 60 });
    rec.detach();
  });

  it('keeps the cost for a panel that attaches later, and sends nothing late without a panel', () => {
    const { rec, sent } = liveRecorder();
    rec.wsText(1, 'in', 'x');
    rec.handlerCost(rec.lastToken, 7.25);
    rec.flush();
    expect(sent).toHaveLength(0);
    rec.resync(1);
    expect(sent.map(costOf)).toEqual([7.25]);
  });
});

describe('handler cost in a worker', () => {
  it('sets handlerMs on a frame still waiting in the sink, by its token, and never on another', () => {
    const sink = new WorkerSink();
    sink.wsText(1, 'in', 'a');
    const a = sink.lastToken;
    sink.emit({ type: 'ws-open', t: 1, conn: 2, protocol: '', extensions: '' });
    const open = sink.lastToken;
    sink.sseEvent(3, 'price', '1', 'p', 2);
    const p = sink.lastToken;
    sink.handlerCost(a, 10.004);
    sink.handlerCost(a, 5);
    sink.handlerCost(open, 99); // not a frame
    sink.handlerCost(p, 61.5);
    sink.handlerCost(p + 1, 7); // nothing there yet
    const batches: WorkerToPage[] = [];
    sink.connect((m) => void batches.push(m));
    const records = (batches[0] as { records: { handlerMs?: number }[] }).records;
    expect(records.map((r) => r.handlerMs)).toEqual([15, undefined, 61.5]);
    // Already sent: the page side has it, this cost is not known to the panel.
    sink.handlerCost(p, 1);
    sink.wsText(1, 'in', 'b');
    sink.handlerCost(sink.lastToken, 2);
    sink.flush();
    expect((batches[1] as { records: { handlerMs?: number }[] }).records.map((r) => r.handlerMs)).toEqual([2]);
  });
});

/** Burns `ms` of this thread's time, like a slow page listener. */
function burn(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
}

describe('listener tap timing (node EventTarget, events dispatched by PushLens)', () => {
  // Node's global is no EventTarget: the tap's own error listener on it is skipped here.
  const nativeAdd = natives.addEventListener;
  natives.addEventListener = function (this: unknown, ...args: unknown[]) {
    if (this === globalThis) return undefined;
    return Reflect.apply(nativeAdd, this, args) as undefined;
  } as typeof natives.addEventListener;
  const costs: [number, number][] = [];
  const sink: CostSink = { handlerCost: (token, ms) => void costs.push([token, ms]) };
  const tap = new ListenerTap(sink);
  natives.addEventListener = nativeAdd;

  it('adds up every page function listener of the event, and only for the record it names', () => {
    costs.length = 0;
    const target = new EventTarget();
    tap.register(target, { watches: (type) => type === 'message', onEvent: () => UNTIMED }, ['message']);
    const log: string[] = [];
    const own: number[] = [];
    const listener = (name: string, ms: number) => () => {
      const t0 = performance.now();
      burn(ms);
      log.push(name);
      own.push(performance.now() - t0);
    };
    target.addEventListener('message', listener('first', 20));
    target.addEventListener('message', listener('second', 10));
    target.addEventListener('other', () => burn(30)); // not a watched type
    tap.dispatchTimed(target, new Event('message'), 42);
    tap.dispatchTimed(target, new Event('other'), 43);
    // The page dispatching the same kind of event itself is not timed.
    target.dispatchEvent(new Event('message'));
    expect(log).toEqual(['first', 'second', 'first', 'second']);
    // One cost per listener call, for record 42 only, each at least what the listener measured
    // itself. (No upper bound: on a loaded machine a descheduled thread makes any wall-clock time longer.)
    expect(costs.map(([token]) => token)).toEqual([42, 42]);
    expect(costs[0][1]).toBeGreaterThanOrEqual(own[0]);
    expect(costs[1][1]).toBeGreaterThanOrEqual(own[1]);
    expect(own[0]).toBeGreaterThanOrEqual(20);
  });

  it('times nothing when PushLens names no record', () => {
    costs.length = 0;
    const target = new EventTarget();
    tap.register(target, { watches: () => true, onEvent: () => UNTIMED }, ['message']);
    target.addEventListener('message', () => burn(1));
    tap.dispatchTimed(target, new Event('message'), 0);
    expect(costs).toEqual([]);
  });
});
