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
