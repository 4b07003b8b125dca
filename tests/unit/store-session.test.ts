// Context: node (unit tests). Session.ingest applies each agent's records strictly in sequence
// order: gaps ask for a resync, duplicates (resync overlapping live batches) are skipped, and
// records the page's ring lost arrive as one `dropped` record that is counted and located.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { wsCreate, wsFrame, wsStream } from './store-fixtures';

const ingest = (s: Session, records: Parameters<Session['ingest']>[3]) => s.ingest(0, 'doc', 'agent-1', records);

describe('Session.ingest', () => {
  it('applies a contiguous stream completely', () => {
    const s = new Session();
    const r = ingest(s, wsStream(100));
    expect(r).toEqual({ applied: 101 });
    expect(s.frames.count).toBe(100);
    expect(s.channels[0].framesIn).toBe(100);
    expect(s.agents.get('agent-1')!.lastSeq).toBe(101);
  });

  it('asks for a resync from the first missing sequence number and applies nothing past the gap', () => {
    const s = new Session();
    ingest(s, [wsCreate(1), wsFrame(2)]);
    const r = ingest(s, [wsFrame(5), wsFrame(6)]);
    expect(r.resyncFrom).toBe(3);
    expect(s.frames.count).toBe(1);
    // Further live batches while the resync is pending neither apply nor ask again.
    expect(ingest(s, [wsFrame(7)])).toEqual({ applied: 0 });
    // The resync answer fills the gap; the overlapping records are skipped, not doubled.
    expect(ingest(s, [wsFrame(3), wsFrame(4), wsFrame(5), wsFrame(6), wsFrame(7)]).applied).toBe(5);
    expect(s.frames.count).toBe(6);
    expect([...s.frames.seq.subarray(0, 6)]).toEqual([2, 3, 4, 5, 6, 7]);
    expect(s.agents.get('agent-1')!.awaitingFrom).toBeUndefined();
  });

  it('skips duplicates', () => {
    const s = new Session();
    ingest(s, wsStream(10));
    expect(ingest(s, wsStream(10)).applied).toBe(0);
    expect(ingest(s, [wsFrame(11), wsFrame(12)]).applied).toBe(1);
    expect(s.frames.count).toBe(11);
  });

  it('counts records the page ring dropped and records where', () => {
    const s = new Session();
    ingest(s, [wsCreate(1), wsFrame(2), wsFrame(3)]);
    // The panel reconnects after the page evicted 4..40: the agent answers with a dropped record.
    const r = ingest(s, [{ type: 'dropped', seq: 40, t: 5, conn: 0, fromSeq: 4, toSeq: 40 }, wsFrame(41), wsFrame(42)]);
    expect(r).toEqual({ applied: 3 });
    expect(s.agents.get('agent-1')!.dropped).toBe(37);
    expect(s.drops).toEqual([{ agentId: 'agent-1', fromSeq: 4, toSeq: 40, atRow: 2, time: 5 }]);
    expect(s.frames.count).toBe(4);
  });

  it('keeps agents (and their positions) across clear, so old records are not applied twice', () => {
    const s = new Session();
    ingest(s, wsStream(5));
    s.clear();
    expect(ingest(s, wsStream(5)).applied).toBe(0);
    expect(s.frames.count).toBe(0);
  });

  it('keeps agents apart', () => {
    const s = new Session();
    s.ingest(0, 'doc', 'a', wsStream(3));
    s.ingest(1, 'doc2', 'b', wsStream(4));
    expect(s.frames.count).toBe(7);
    expect(s.agents.get('a')!.lastSeq).toBe(4);
    expect(s.agents.get('b')!.lastSeq).toBe(5);
  });
});
