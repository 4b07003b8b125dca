// Context: node (unit tests). The page agent's byte arena for incoming texts (text-arena.ts) and
// the ring that uses it: every text comes back exactly (multi-byte, astral, a leading BOM), across
// many laps of the circular buffer and while it grows, and a text that would not round-trip
// (a lone surrogate) is never put in it.
import { describe, expect, it } from 'vitest';
import { TextArena, arenaCanHold } from '../../lib/page/text-arena';
import { RecordRing } from '../../lib/page/record-ring';
import { unpackRecords } from '../../lib/protocol/validate-records';
/** One record as recordJson writes it into a packed batch, read as the panel reads it. */
const unpackOne = (json: string): any => unpackRecords(`[${json}]`)![0];

/** Deterministic text of `n` UTF-16 units mixing 1-, 2-, 3- and 4-byte UTF-8 characters. */
function mixedText(seed: number, n: number): string {
  const pieces = ['a', 'é', '中', '😀', '\uFEFF', ' ', '{"k":1}', '\n'];
  let s = '';
  let x = seed;
  while (s.length < n) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += pieces[(x >>> 16) % pieces.length];
  }
  return s;
}

describe('TextArena', () => {
  it('gives back each text exactly while old ones are released, over many laps and growths', () => {
    const arena = new TextArena();
    const held: { at: number; length: number; text: string }[] = [];
    for (let k = 0; k < 3000; k++) {
      // Sizes up to ~6 kB: writes cross the buffer's end often.
      const text = mixedText(k, (k * 37) % 2000);
      const at = arena.write(text);
      held.push({ at, length: arena.lastLength, text });
      // Keep the newest 40: the rest are released oldest first, as the ring does.
      while (held.length > 40) {
        const old = held.shift()!;
        arena.releaseBefore(old.at + old.length);
      }
      if (k % 97 === 0) for (const h of held) expect(arena.read(h.at, h.length)).toBe(h.text);
    }
    for (const h of held) expect(arena.read(h.at, h.length)).toBe(h.text);
    expect(arena.used).toBe(held.reduce((sum, h) => sum + h.length, 0));
  });

  it('keeps a leading byte order mark and empty texts', () => {
    const arena = new TextArena();
    const bom = '\uFEFFhello';
    const a = arena.write(bom);
    const aLength = arena.lastLength;
    const b = arena.write('');
    expect(arena.lastLength).toBe(0);
    expect(arena.read(a, aLength)).toBe(bom);
    expect(arena.read(b, 0)).toBe('');
  });

  it('refuses texts that would not come back the same', () => {
    expect(arenaCanHold('plain')).toBe(true);
    expect(arenaCanHold('😀')).toBe(true);
    expect(arenaCanHold('lone \uD800 surrogate')).toBe(false);
    expect(arenaCanHold('\uDC00')).toBe(false);
  });
});

describe('RecordRing with the arena', () => {
  it('builds the same records and whole payloads from arena bytes after eviction and wrap', () => {
    const ring = new RecordRing(50, 1 << 30);
    const texts = new Map<number, string>();
    for (let seq = 1; seq <= 1000; seq++) {
      const text = mixedText(seq, (seq * 53) % 3000);
      texts.set(seq, text);
      if (seq % 3 === 0) ring.pushSse(seq, seq, 2, text, 'tick', String(seq));
      else ring.pushText(seq, 'in', seq, 1, text);
    }
    for (let seq = 951; seq <= 1000; seq++) {
      const conn = seq % 3 === 0 ? 2 : 1;
      expect(ring.fullPayload(seq, conn)).toBe(texts.get(seq));
      const r = ring.record(seq, 1 << 20)!;
      expect(r.type === 'ws-frame' || r.type === 'sse-event' ? r.payload.data : undefined).toBe(texts.get(seq));
      expect(unpackOne(ring.recordJson(seq, 1 << 20)!).payload.data).toBe(texts.get(seq));
    }
    expect(ring.fullPayload(950, 1)).toBeUndefined();
  });

  it('keeps an outgoing text or an incoming lone surrogate as the string itself', () => {
    const ring = new RecordRing(10, 1 << 20);
    ring.pushText(1, 'out', 1, 1, 'out \uD800');
    ring.pushText(2, 'in', 2, 1, 'in \uDFFF');
    expect(ring.fullPayload(1, 1)).toBe('out \uD800');
    expect(ring.fullPayload(2, 1)).toBe('in \uDFFF');
  });

  it('keeps the newest texts whole through a resize', () => {
    const ring = new RecordRing(20, 1 << 30);
    for (let seq = 1; seq <= 20; seq++) ring.pushText(seq, 'in', seq, 1, mixedText(seq, 500));
    ring.resize(5, 1 << 30, 64);
    for (let seq = 16; seq <= 20; seq++) expect(ring.fullPayload(seq, 1)).toBe(mixedText(seq, 500));
    expect(ring.fullPayload(15, 1)).toBeUndefined();
  });
});

describe('RecordRing growth', () => {
  it('starts small and grows to its capacity, keeping every record in order, also after byte evictions', () => {
    // Byte cap evictions move the head while the slots are still few: growth must unwrap them.
    const ring = new RecordRing(500, 60_000);
    const texts = new Map<number, string>();
    for (let seq = 1; seq <= 2000; seq++) {
      // Big texts first (the byte cap evicts, the head moves), then small ones (the ring fills up and grows).
      const text = mixedText(seq, seq <= 300 ? 400 + (seq % 50) : 5 + (seq % 7));
      texts.set(seq, text);
      ring.pushText(seq, seq % 2 ? 'in' : 'out', seq, 1, text);
      // Every held record, at every step of the first 1000 (the growths happen there).
      if (seq <= 1000) for (let held = ring.firstSeq!; held <= seq; held++) expect(ring.fullPayload(held, 1)).toBe(texts.get(held));
    }
    const first = ring.firstSeq!;
    expect(first).toBe(1501);
    expect(ring.size).toBe(500);
    for (let seq = first; seq <= 2000; seq++) expect(ring.fullPayload(seq, 1)).toBe(texts.get(seq));
    expect(ring.fullPayload(first - 1, 1)).toBeUndefined();

    const roomy = new RecordRing(300, 1 << 30);
    for (let seq = 1; seq <= 300; seq++) roomy.pushSse(seq, seq, 3, `e${seq}`, 'tick', String(seq));
    expect(roomy.size).toBe(300);
    for (let seq = 1; seq <= 300; seq++)
      expect(roomy.record(seq, 64)).toMatchObject({ seq, event: 'tick', id: String(seq), payload: { data: `e${seq}` } });
    roomy.pushSse(301, 301, 3, 'e301', 'tick', '301');
    expect(roomy.firstSeq).toBe(2);
  });
});

describe('TextArena batches', () => {
  it('places every appended text exactly, in all-ASCII and mixed batches, between immediate writes', () => {
    const arena = new TextArena();
    const held: { at: number; length: number; text: string }[] = [];
    let tag = 0;
    const texts = new Map<number, string>();
    const flush = () => {
      const n = arena.flush();
      for (let k = 0; k < n; k++) held.push({ at: arena.placedAt[k], length: arena.placedLengths[k], text: texts.get(arena.tags[k])! });
    };
    for (let k = 0; k < 5000; k++) {
      // Runs of plain ASCII (the one-encode fast path), of mixed texts, empty texts, and now and
      // then a text too long for a batch, written at once after the batch.
      const run = Math.floor(k / 300) % 3;
      const text =
        k % 977 === 0 ? mixedText(k, 5000) : run === 0 ? `{"n":${k},"pad":"${'x'.repeat(k % 90)}"}` : run === 1 ? mixedText(k, k % 120) : '';
      if (!arena.fitsBatch(text)) {
        flush();
        held.push({ at: arena.write(text), length: arena.lastLength, text });
      } else {
        texts.set(++tag, text);
        if (arena.append(text, tag)) flush();
      }
      while (held.length > 300) {
        const old = held.shift()!;
        arena.releaseBefore(old.at + old.length);
      }
      if (k % 501 === 0) for (const h of held) expect(arena.read(h.at, h.length)).toBe(h.text);
    }
    flush();
    for (const h of held) {
      expect(h.length).toBe(new TextEncoder().encode(h.text).length);
      expect(arena.read(h.at, h.length)).toBe(h.text);
    }
  });
});

describe('RecordRing with batched texts', () => {
  // Mostly short texts (batched), every 5th mixed, every 7th one too long for a batch (written at
  // once, after the batch it follows), and runs of long batched ones so the arena laps often.
  const text = (seq: number) =>
    seq % 7 === 0
      ? mixedText(seq, 4097 + (seq % 3000))
      : seq % 5 === 0
        ? mixedText(seq, 30)
        : `event ${seq} ${'a'.repeat(seq % 600 < 300 ? seq % 40 : 3000)}`;

  it('places texts still in a batch when the ring evicts them, writes a long one at once, or is read mid-batch', () => {
    for (const capacity of [1000, 40, 8]) {
      const ring = new RecordRing(capacity, 1 << 30);
      for (let seq = 1; seq <= 3000; seq++) {
        ring.pushSse(seq, seq, 1, text(seq), 'tick', String(seq));
        if (seq === 333) expect(ring.fullPayload(330, 1)).toBe(text(330));
        if (seq % 250 === 0) for (let held = ring.firstSeq!; held <= seq; held += 7) expect(ring.fullPayload(held, 1)).toBe(text(held));
      }
      const first = ring.firstSeq!;
      expect(first).toBe(3001 - capacity);
      for (let seq = first; seq <= 3000; seq++) expect(ring.fullPayload(seq, 1)).toBe(text(seq));
    }
  });

  it('writes a text too long for a batch after the batch before it, so freeing the older texts never frees it', () => {
    // A waits in the batch, B is written at once. Evicting A frees the arena up to A's end: were B
    // written before A, that would free B too, and the growth E causes would not copy B over.
    const ring = new RecordRing(4, 1 << 30);
    const b = mixedText(2, 5000);
    ring.pushText(1, 'in', 1, 1, 'A');
    ring.pushText(2, 'in', 2, 1, b);
    ring.pushText(3, 'in', 3, 1, 'C');
    ring.pushText(4, 'in', 4, 1, 'D');
    ring.pushText(5, 'in', 5, 1, 'e'.repeat(40_000));
    expect(ring.firstSeq).toBe(2);
    expect(ring.fullPayload(2, 1)).toBe(b);
    expect(ring.fullPayload(5, 1)).toBe('e'.repeat(40_000));
  });

  it('keeps a text of 128K units or more whole, between batched ones', () => {
    const ring = new RecordRing(10, 1 << 30);
    const huge = mixedText(9, 150_000);
    ring.pushText(1, 'in', 1, 1, 'before');
    ring.pushSse(2, 2, 1, huge, 'message', '');
    ring.pushText(3, 'in', 3, 1, 'after');
    expect(ring.fullPayload(1, 1)).toBe('before');
    expect(ring.fullPayload(2, 1)).toBe(huge);
    expect(ring.fullPayload(3, 1)).toBe('after');
  });

  it('places texts still in a batch when the ring grows after byte-cap evictions moved its head', () => {
    // 200-character texts fill the 30 kB cap with ~60 records in 64 slots (the head moves); then
    // short ones fill the slots and the ring grows, unwrapping slots whose texts wait in the batch.
    const ring = new RecordRing(1000, 30_000);
    const t = (seq: number) => (seq <= 150 ? `${seq} ${'b'.repeat(200)}` : `s${seq}`);
    for (let seq = 1; seq <= 400; seq++) ring.pushText(seq, 'in', seq, 1, t(seq));
    const first = ring.firstSeq!;
    expect(first).toBeGreaterThan(1);
    for (let seq = first; seq <= 400; seq++) expect(ring.fullPayload(seq, 1)).toBe(t(seq));
  });
});
