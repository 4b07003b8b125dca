// Context: node (unit tests). The compact tuples of a packed batch (lib/protocol/record-tuples.ts):
// the panel rebuilds exactly the records the page holds, a tuple is much smaller than the object
// form, and a hostile or broken tuple is refused and counted like any bad record, never trusted
// and never a crash.
import { describe, expect, it } from 'vitest';
import { RecordRing } from '../../lib/page/record-ring';
import { checkBatch, unpackRecords } from '../../lib/protocol/validate-records';
import { expandTuple } from '../../lib/protocol/record-tuples';

const TEXTS = ['{"p":1}', '', 'line1\nline2\r\n"quoted" \\ back', '价格 ↑ 😀 \u2028\u2029', 'x'.repeat(300), '\u0000\u001f</script>'];

describe('record tuples in packed batches', () => {
  it('unpack to the same records the ring builds, previews cut or not, with and without listener time', () => {
    const ring = new RecordRing(1000, 1 << 24);
    let seq = 1;
    for (const text of TEXTS) {
      ring.pushText(seq++, 'in', 1_764_745_866_123.4563, 7, text);
      ring.pushText(seq++, 'out', 0.5, 2 ** 31 - 1, text);
      ring.pushSse(seq++, 1_764_745_866_124.1, 9, text, 'price-"x"', `id\n${text.slice(0, 5)}`);
    }
    ring.addCost(1, 61.257);
    ring.addCost(3, 0);
    const previewBytes = 64;
    const packed = `[${Array.from({ length: seq - 1 }, (_, i) => ring.recordJson(i + 1, previewBytes)).join(',')}]`;
    const unpacked = unpackRecords(packed)!;
    expect(unpacked).toHaveLength(seq - 1);
    for (let s = 1; s < seq; s++) expect(unpacked[s - 1]).toStrictEqual(ring.record(s, previewBytes));
    // Cut previews and listener times are among them, so the flags and the optional field are exercised.
    expect(unpacked.some((r) => (r as { payload: { truncated: boolean } }).payload.truncated)).toBe(true);
    expect(unpacked.filter((r) => 'handlerMs' in (r as object))).toHaveLength(2);
    const check = checkBatch(unpacked, 0);
    expect('error' in check ? check.error : check.invalid).toBe(0);
  });

  it('makes a 100 B frame at least 90 bytes smaller than its object form', () => {
    const ring = new RecordRing(10, 1 << 20);
    ring.pushText(123_456, 'in', 1_764_745_866_123.4563, 1, 'p'.repeat(100));
    ring.pushSse(123_457, 1_764_745_866_123.4563, 2, 'p'.repeat(100), 'message', '42');
    for (const seq of [123_456, 123_457]) {
      const tuple = ring.recordJson(seq, 1024)!;
      const object = JSON.stringify(ring.record(seq, 1024));
      expect(object.length - tuple.length).toBeGreaterThanOrEqual(90);
    }
  });

  it('refuses broken or hostile tuples as invalid records, and leaves other arrays alone', () => {
    const good = [1, 2, 10, 1, 'ok', 2, 0];
    const bad: unknown[] = [
      [1, 1, 10, 1, 'short'], // too short
      [2, 1, 10, 1, 'long', 4, 0, 1, 2], // too long for a frame
      [3, 1, 10, 1, 'sse', 3, 0, 'message'], // too short for an event
      [9, 1, 10, 1, 'kind', 4, 0], // unknown kind
      [1, 1, 10, 1, 'flag', 4, 2], // a truncation flag other than 0 or 1
      [1, 1, 10, 1, { __proto__: null, toString: 1 }, 4, 0], // data not a string
      [1, -5, 10, 1, 'seq', 3, 0], // bad seq
      [3, 1, 10, 1, 'ev', 2, 0, 7, 'id'], // event name not a string
      [1, 1, 10, 1, 'cost', 4, 0, -1], // negative listener time
      ['1', 1, 10, 1, 'kind as text', 4, 0],
    ];
    for (const b of bad) {
      const check = checkBatch([expandTuple(b)], 0);
      expect('error' in check ? check.error : check.invalid, JSON.stringify(b)).toBe(1);
    }
    const check = checkBatch(unpackRecords(JSON.stringify([good, ...bad.slice(0, 3)]))!, 0);
    expect('error' in check ? 'error' : [check.invalid, check.items[0]]).toEqual([3, expect.objectContaining({ type: 'ws-frame', seq: 2 })]);
    // A prototype key in a tuple's data is plain data once parsed from JSON; nothing is polluted.
    const proto = unpackRecords('[[1,1,1,1,{"__proto__":{"polluted":true}},1,0]]')!;
    expect(checkBatch(proto, 0)).toMatchObject({ invalid: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
