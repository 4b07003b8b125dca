// Context: node (unit tests). The timeline's per-lane tick columns (components/views/timeline/
// lane-ticks.ts) are kept per channel and extended with new frames: the result must always be
// what counting every frame afresh gives, including after late listener times and evictions.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { laneTicks } from '../../components/views/timeline/lane-ticks';
import { timeToX, type TimeRange } from '../../components/views/timeline/layout';
import { DIR_OUT } from '../../lib/store/frame-store';
import { LONG_TASK_MS } from '../../lib/model/handler-thresholds';
import { wsCreate, wsFrame } from './store-fixtures';
import type { CaptureRecord } from '../../lib/protocol/records';

/** Every frame counted afresh, as the timeline did before the cache. */
function reference(s: Session, range: TimeRange, width: number) {
  const f = s.frames;
  const rows = s.channels[0].frames;
  const cols = Math.ceil(width);
  const inCounts = new Uint32Array(cols);
  const outCounts = new Uint32Array(cols);
  const slow: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows.at(k);
    if (f.time[i] < range.start || f.time[i] >= range.end) continue;
    const x = timeToX(f.time[i], range, width);
    const col = Math.min(cols - 1, Math.max(0, Math.floor(x)));
    if (f.dir[i] === DIR_OUT) outCounts[col]++;
    else inCounts[col]++;
    if (f.handlerMs[i] > LONG_TASK_MS) slow.push(x);
  }
  return { inCounts: [...inCounts], outCounts: [...outCounts], slow };
}

const frames = (from: number, n: number): CaptureRecord[] =>
  Array.from({ length: n }, (_, k) => {
    const r = wsFrame(from + k) as CaptureRecord & { dir: string; handlerMs?: number };
    if (k % 5 === 0) r.dir = 'out';
    if (k % 7 === 3) r.handlerMs = LONG_TASK_MS + 10;
    return r;
  });

const view = (s: Session, range: TimeRange, width: number) => {
  const t = laneTicks(s, s.channels[0], range, width);
  return { inCounts: [...t.inCounts], outCounts: [...t.outCounts], slow: [...t.slow] };
};

describe('timeline lane ticks', () => {
  it('extends the kept columns with new frames and matches a fresh count', () => {
    const s = new Session();
    s.ingest(0, 'd', 'a', [wsCreate(1), ...frames(2, 300)]);
    const range = { start: 1000, end: 2000 };
    expect(view(s, range, 120)).toEqual(reference(s, range, 120));
    const first = laneTicks(s, s.channels[0], range, 120);
    s.ingest(0, 'd', 'a', frames(302, 400));
    const grown = laneTicks(s, s.channels[0], range, 120);
    expect(grown).toBe(first); // kept and extended, not rebuilt
    expect(view(s, range, 120)).toEqual(reference(s, range, 120));
    // Another width or range counts afresh.
    expect(view(s, range, 80)).toEqual(reference(s, range, 80));
    expect(view(s, { start: 1200, end: 1500 }, 80)).toEqual(reference(s, { start: 1200, end: 1500 }, 80));
  });

  it('sees a listener time that arrives after its frame, and frames evicted from the front', () => {
    const s = new Session();
    s.ingest(0, 'd', 'a', [wsCreate(1), wsFrame(2), wsFrame(3), wsFrame(4)]);
    const range = { start: 1000, end: 1100 };
    expect(view(s, range, 100).slow).toEqual([]);
    s.ingest(0, 'd', 'a', [{ type: 'handler-cost', seq: 5, t: 1005, conn: 1, frameSeq: 3, ms: LONG_TASK_MS + 1 }]);
    expect(view(s, range, 100)).toEqual(reference(s, range, 100));
    expect(view(s, range, 100).slow).toHaveLength(1);
    s.frames.dropOldest?.(2);
    expect(view(s, range, 100)).toEqual(reference(s, range, 100));
  });
});
