// Context: node (unit tests). filterRows resumes where its last run stopped for the same query
// over a growing row list, and must give exactly what a full run gives.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { filterRows } from '../../lib/store/filter-rows';
import { wsFrame, wsStream } from './store-fixtures';

const rowsOf = (o: ReturnType<typeof filterRows>) => [...o.rows.items.subarray(0, o.rows.length)];

describe('filterRows', () => {
  it('resumes over new rows and matches a full run', () => {
    const s = new Session();
    s.ingest(
      0,
      'd',
      'a',
      wsStream(100, (i) => (i % 7 === 0 ? `Needle ${i}` : `hay ${i}`)),
    );
    const ch = s.channels[0];
    const first = filterRows(s, ch.frames, 'needle');
    expect(first.rows.length).toBe(15);
    const more = [];
    for (let i = 100; i < 150; i++) more.push(wsFrame(i + 2, i % 7 === 0 ? `needle ${i}` : `hay ${i}`));
    s.ingest(0, 'd', 'a', more);
    const resumed = filterRows(s, ch.frames, 'needle');
    const full = filterRows(new Proxy(s, {}) as Session, ch.frames, 'needle ');
    expect(rowsOf(resumed)).toEqual(rowsOf(full));
    expect(resumed.rows.length).toBe(22);
  });

  it('starts over when rows already scanned change (budget eviction)', () => {
    const s = new Session();
    s.ingest(
      0,
      'd',
      'a',
      wsStream(10, (i) => `x${i}`),
    );
    expect(filterRows(s, null, 'x1').rows.length).toBe(1);
    s.frames.setPreview(1, 'y');
    expect(filterRows(s, null, 'x1').rows.length).toBe(0);
  });

  it('supports regex and field queries', () => {
    const s = new Session();
    s.ingest(
      0,
      'd',
      'a',
      wsStream(30, (i) => `{"i":${i}}`),
    );
    expect(filterRows(s, null, '/"i":2\\d/').rows.length).toBe(10);
    expect(filterRows(s, null, 'dir:in /"i":2\\d/').rows.length).toBe(10);
    expect(filterRows(s, null, 'dir:out').rows.length).toBe(0);
  });

  it('scans at most maxRows a call, goes on from there, and ends with what one full run gives', () => {
    const s = new Session();
    s.ingest(
      0,
      'd',
      'a',
      wsStream(2500, (i) => (i % 3 === 0 ? `needle ${i}` : `hay ${i}`)),
    );
    const ch = s.channels[0];
    const full = rowsOf(filterRows(new Proxy(s, {}) as Session, ch.frames, 'needle '));
    const pendings: number[] = [];
    let out = filterRows(s, ch.frames, 'needle', undefined, 1000);
    pendings.push(out.pending!);
    while (out.pending) {
      out = filterRows(s, ch.frames, 'needle', undefined, 1000);
      pendings.push(out.pending!);
    }
    expect(pendings).toEqual([1500, 500, 0]);
    expect(rowsOf(out)).toEqual(full);
    expect(out.rows.length).toBe(834);
    // Another query starts over, one slice at a time again.
    expect(filterRows(s, ch.frames, 'hay', undefined, 1000).pending).toBe(1500);
  });

  it("answers an empty query with the channel's own rows, nothing copied", () => {
    const s = new Session();
    s.ingest(
      0,
      'd',
      'a',
      wsStream(50, (i) => `m${i}`),
    );
    const ch = s.channels[0];
    const out = filterRows(s, ch.frames, '  ', undefined, 10);
    expect(out.rows).toBe(ch.frames);
    expect(out.pending).toBe(0);
    // A time range still filters.
    const t = s.frames.time;
    const ranged = filterRows(s, ch.frames, '', { start: t[ch.frames.at(10)], end: t[ch.frames.at(19)] });
    expect(ranged.rows).not.toBe(ch.frames);
    expect(ranged.rows.length).toBeGreaterThanOrEqual(10);
  });
});
