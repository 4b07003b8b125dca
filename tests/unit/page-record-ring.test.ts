// Context: node (unit tests). The page agent's columnar history (record-ring.ts) and the
// Recorder's hot paths on it: text frames kept as columns become the same records a panel used
// to get, previews are capped when read with the true size kept, records nobody has been sent
// yet are flushed before the ring evicts them, and lazy header lists are resolved on the way out.
import { describe, expect, it } from 'vitest';
import { RecordRing } from '../../lib/page/record-ring';
import { Recorder } from '../../lib/page/recorder';
import type { CaptureRecord } from '../../lib/protocol/records';
import { unpackRecords } from '../../lib/protocol/validate-records';
/** One record as recordJson writes it into a packed batch, read as the panel reads it. */
const unpackOne = (json: string): any => unpackRecords(`[${json}]`)![0];

function liveRecorder(bufferRecords: number) {
  const sent: CaptureRecord[] = [];
  const rec = new Recorder(
    (r) => void sent.push(...r),
    (json) => void sent.push(...(unpackRecords(json) as CaptureRecord[])),
  );
  rec.applySettings({ ...rec.settings, bufferRecords });
  return { rec, sent };
}

describe('RecordRing', () => {
  it('builds ws-frame and sse-event records from columns, preview capped, true size kept', () => {
    const ring = new RecordRing(10, 1 << 20);
    ring.pushText(1, 'in', 1000.5, 7, 'héllo');
    ring.pushText(2, 'out', 1001, 7, 'x'.repeat(50));
    ring.pushSse(3, 1002, 8, 'data', 'price', '42');
    expect(ring.record(1, 64)).toEqual({
      type: 'ws-frame',
      seq: 1,
      t: 1000.5,
      conn: 7,
      dir: 'in',
      payload: { data: 'héllo', binary: false, size: 6, truncated: false },
    });
    expect(ring.record(2, 10)).toMatchObject({ dir: 'out', payload: { data: 'x'.repeat(10), size: 50, truncated: true } });
    expect(ring.record(3, 64)).toEqual({
      type: 'sse-event',
      seq: 3,
      t: 1002,
      conn: 8,
      event: 'price',
      id: '42',
      payload: { data: 'data', binary: false, size: 4, truncated: false },
    });
    expect(ring.record(4, 64)).toBeUndefined();
  });

  it('evicts the oldest by count and by bytes, and says which seq goes', () => {
    const evicted: number[] = [];
    const ring = new RecordRing(3, 1 << 20);
    ring.beforeEvict = (seq) => evicted.push(seq);
    for (let seq = 1; seq <= 5; seq++) ring.pushText(seq, 'in', seq, 1, `m${seq}`);
    expect(evicted).toEqual([1, 2]);
    expect(ring.firstSeq).toBe(3);
    expect(ring.record(2, 64)).toBeUndefined();
    expect((ring.record(5, 64) as { payload: { data: string } }).payload.data).toBe('m5');

    const small = new RecordRing(100, 1000);
    for (let seq = 1; seq <= 10; seq++) small.pushText(seq, 'in', seq, 1, 'y'.repeat(100)); // ~296 B each
    expect(small.size).toBe(3);
    expect(small.firstSeq).toBe(8);
  });

  it('resizes keeping the newest records', () => {
    const ring = new RecordRing(10, 1 << 20);
    for (let seq = 1; seq <= 8; seq++) ring.pushText(seq, 'in', seq, 1, `m${seq}`);
    ring.resize(3, 1 << 20, 64);
    expect(ring.size).toBe(3);
    expect(ring.firstSeq).toBe(6);
    expect((ring.record(8, 64) as { payload: { data: string } }).payload.data).toBe('m8');
  });

  it('lists a Headers object of a request record only when the record is read', () => {
    const ring = new RecordRing(10, 1 << 20);
    const headers = new Headers({ 'X-A': '1', accept: 'text/plain' });
    const record = {
      type: 'http-request',
      seq: 1,
      t: 0,
      conn: 1,
      api: 'fetch',
      url: 'http://x.test/',
      method: 'GET',
      headers,
    } as unknown as CaptureRecord;
    ring.pushRecord(1, record);
    expect((ring.record(1, 64) as { headers: unknown }).headers).toEqual([
      ['accept', 'text/plain'],
      ['x-a', '1'],
    ]);
  });
});

describe('Recorder on the columnar ring', () => {
  it('while live, sends every record even when the ring is smaller than a batch', () => {
    const { rec, sent } = liveRecorder(10);
    rec.resync(1);
    for (let i = 0; i < 25; i++) rec.wsText(1, 'in', `f${i}`, 5000 + i);
    rec.flush();
    expect(sent.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(sent.map((r) => (r as { payload: { data: string } }).payload.data)).toEqual(Array.from({ length: 25 }, (_, i) => `f${i}`));
    expect(sent[3].t).toBe(5003);
  });

  it('with no panel, keeps the newest records and reports the rest as dropped on attach', () => {
    const { rec, sent } = liveRecorder(10);
    for (let i = 0; i < 25; i++) rec.sseEvent(3, 'message', String(i), `e${i}`, i);
    expect(sent).toHaveLength(0);
    rec.resync(1);
    expect(sent[0]).toMatchObject({ type: 'dropped', fromSeq: 1, toSeq: 15 });
    expect(sent.slice(1).map((r) => (r as { id: string }).id)).toEqual(Array.from({ length: 10 }, (_, i) => String(15 + i)));
  });

  it('stops sending on detach and resumes from the asked seq', () => {
    const { rec, sent } = liveRecorder(100);
    rec.resync(1);
    rec.wsText(1, 'in', 'a');
    rec.flush();
    rec.detach();
    rec.wsText(1, 'in', 'b');
    rec.flush();
    expect(sent.map((r) => r.seq)).toEqual([1]);
    rec.resync(2);
    expect(sent.map((r) => r.seq)).toEqual([1, 2]);
  });
});

describe('RecordRing JSON', () => {
  it('writes column slots as the same JSON a record object gives', () => {
    const ring = new RecordRing(10, 1 << 20);
    ring.pushText(1, 'in', 1234.567, 3, 'quote " and \\ and 中文');
    ring.pushText(2, 'out', 1235, 3, 'z'.repeat(30));
    ring.pushSse(3, 1236.25, 4, 'line1\nline2', 'tick', 'id-"1"');
    ring.pushRecord(4, { type: 'ws-open', seq: 4, t: 1, conn: 3, protocol: '', extensions: '' });
    for (const seq of [1, 2, 3, 4]) expect(unpackOne(ring.recordJson(seq, 20)!)).toEqual(ring.record(seq, 20));
    expect(ring.recordJson(5, 20)).toBeUndefined();
  });
});

describe('lazy creation stacks', () => {
  it('formats a captured stack when the record is read, and gives it up if the page installed a formatter', async () => {
    const { captureStack } = await import('../../lib/page/stack');
    // The test runner installs a stack formatter of its own (source maps): the page here has none.
    const E = Error as unknown as { prepareStackTrace?: unknown };
    const runnerFormatter = E.prepareStackTrace;
    delete E.prepareStackTrace;
    const ring = new RecordRing(10, 1 << 20);
    const opener = () => captureStack();
    ring.pushRecord(1, { type: 'ws-create', seq: 1, t: 0, conn: 1, url: 'ws://x.test/', protocols: [], stack: opener() as unknown as string });
    const first = ring.record(1, 64) as { stack?: string };
    expect(typeof first.stack).toBe('string');
    expect(first.stack).toContain('opener');
    // Resolved once, in place: later reads give the same text.
    expect((ring.record(1, 64) as { stack?: string }).stack).toBe(first.stack);

    E.prepareStackTrace = () => 'page formatter ran';
    try {
      ring.pushRecord(2, { type: 'ws-create', seq: 2, t: 0, conn: 2, url: 'ws://x.test/', protocols: [], stack: opener() as unknown as string });
      expect((ring.record(2, 64) as { stack?: string }).stack).toBeUndefined();
    } finally {
      E.prepareStackTrace = runnerFormatter;
    }
  });
});
