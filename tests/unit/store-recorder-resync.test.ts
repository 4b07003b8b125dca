// Context: node (unit tests). The page agent's Recorder answering a resync after its ring evicted
// records, fed into a Session: the dropped count is exact, and a connection opened before the
// buffer window (its opening records pinned) still gets its later frames in the panel.
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../lib/page/recorder';
import { Session } from '../../lib/store/session';
import type { CaptureRecord } from '../../lib/protocol/records';
import { unpackRecords } from '../../lib/protocol/validate-records';

function setup(bufferRecords: number) {
  const batches: CaptureRecord[][] = [];
  const rec = new Recorder(
    (r) => void batches.push(r),
    (json) => void batches.push(unpackRecords(json) as CaptureRecord[]),
  );
  rec.applySettings({ ...rec.settings, bufferRecords });
  return { rec, batches };
}

const frame = (rec: Recorder, conn: number, data: string) =>
  rec.emit({ type: 'ws-frame', t: 1, conn, dir: 'in', payload: { data, binary: false, size: data.length, truncated: false } });

describe('Recorder.resync after eviction', () => {
  it('reports exactly the evicted records and keeps open connections visible', () => {
    const { rec, batches } = setup(100);
    rec.emit({ type: 'ws-create', t: 0, conn: 1, url: 'ws://x.test/a', protocols: [] }); // seq 1
    rec.emit({ type: 'ws-open', t: 0, conn: 1, protocol: '', extensions: '' }); // seq 2
    rec.emit({ type: 'ws-create', t: 0, conn: 2, url: 'ws://x.test/b', protocols: [] }); // seq 3
    rec.emit({ type: 'ws-close', t: 0, conn: 2, code: 1000, reason: '', wasClean: true, by: 'client' }); // seq 4
    for (let i = 0; i < 996; i++) frame(rec, 1, `m${i}`); // seqs 5..1000
    rec.resync(1);
    const s = new Session();
    for (const b of batches) expect(s.ingest(0, 'd', 'a', b).resyncFrom).toBeUndefined();
    const agent = s.agents.get('a')!;
    // 1000 produced, 100 in the ring, 2 pinned (conn 1 is still open; conn 2 closed, not pinned).
    expect(agent.dropped).toBe(1000 - 100 - 2);
    expect(agent.lastSeq).toBe(1000);
    expect(s.drops.map((d) => [d.fromSeq, d.toSeq])).toEqual([[3, 900]]);
    expect(s.channels.map((c) => c.url)).toEqual(['ws://x.test/a']);
    expect(s.channels[0].framesIn).toBe(100);
    expect(s.connections[0].state).toBe('open');
    // Live from here on.
    frame(rec, 1, 'live');
    rec.flush();
    s.ingest(0, 'd', 'a', batches[batches.length - 1]);
    expect(s.frames.preview[s.frames.count - 1]).toBe('live');
  });

  it('sends no dropped record when nothing was evicted', () => {
    const { rec, batches } = setup(100);
    for (let i = 0; i < 10; i++) frame(rec, 1, `m${i}`);
    rec.resync(1);
    expect(batches.flat().some((r) => r.type === 'dropped')).toBe(false);
    expect(batches.flat()).toHaveLength(10);
  });

  it('answers a resync with one batch a task, then the rest and the live records in order', async () => {
    const { rec, batches } = setup(20_000);
    for (let i = 0; i < 5000; i++) rec.wsText(1, 'in', `m${i}`); // seqs 1..5000, no panel yet
    rec.resync(1);
    // Only the first batch leaves in the resync's own task: the relay runs between the others.
    expect(batches.map((b) => b.length)).toEqual([2000]);
    rec.wsText(1, 'in', 'live'); // seq 5001, while the history is still going out
    await new Promise((r) => setTimeout(r, 150));
    expect(batches.length).toBeGreaterThanOrEqual(3);
    const seqs = batches.flat().map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 5001 }, (_, i) => i + 1));
    expect(batches.flat().at(-1)).toMatchObject({ type: 'ws-frame', payload: { data: 'live' } });
  });

  it('sends everything still pending at once before the buffer shrinks', () => {
    const { rec, batches } = setup(20_000);
    for (let i = 0; i < 5000; i++) rec.wsText(1, 'in', `m${i}`);
    rec.resync(1);
    rec.applySettings({ ...rec.settings, bufferRecords: 100 });
    expect(batches.flat().map((r) => r.seq)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  });
});
