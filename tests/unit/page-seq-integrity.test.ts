// Context: node (unit tests). Sequence numbers cannot be set by anything the page controls
// (issue 13, item 12): a forged `dropped` record neither moves the panel's position for an agent
// ahead (so later real traffic would be ignored) nor reaches the agent's numbering through a
// worker's port.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { WorkerHub } from '../../lib/page/worker-hub';
import { makeEnvelope, DEFAULT_AGENT_SETTINGS, type PageToPanelMessage } from '../../lib/protocol/envelope';
import type { CaptureRecord } from '../../lib/protocol/records';
import { unpackRecords } from '../../lib/protocol/validate-records';
import { wsCreate, wsFrame } from './store-fixtures';

describe('panel ingest: a dropped record cannot jump the sequence', () => {
  it('ignores a dropped record whose range does not start where the panel is', () => {
    const s = new Session();
    s.ingest(0, 'doc', 'a', [wsCreate(1), wsFrame(2)]);
    // Forged: claims 3..1e9 were dropped (seq 1e9), which would make the panel skip everything after.
    const forged: CaptureRecord = { type: 'dropped', seq: 1e9, t: 0, conn: 0, fromSeq: 500, toSeq: 1e9 };
    const r = s.ingest(0, 'doc', 'a', [forged]);
    expect(r.resyncFrom).toBe(3);
    expect(s.agents.get('a')!.lastSeq).toBe(2);
    // The real next records still apply.
    expect(s.ingest(0, 'doc', 'a', [wsFrame(3), wsFrame(4)]).applied).toBe(2);
    expect(s.agents.get('a')!.lastSeq).toBe(4);
    expect(s.agents.get('a')!.dropped).toBe(0);
  });

  it('ignores a dropped record whose seq is not the end of its range', () => {
    const s = new Session();
    s.ingest(0, 'doc', 'a', [wsCreate(1)]);
    const r = s.ingest(0, 'doc', 'a', [{ type: 'dropped', seq: 1e9, t: 0, conn: 0, fromSeq: 2, toSeq: 10 }]);
    expect(r.resyncFrom).toBe(2);
    expect(s.agents.get('a')!.lastSeq).toBe(1);
  });

  it('still takes the agent’s own dropped range (from where the panel is to just before the next record)', () => {
    const s = new Session();
    s.ingest(0, 'doc', 'a', [wsCreate(1)]);
    expect(s.ingest(0, 'doc', 'a', [{ type: 'dropped', seq: 40, t: 0, conn: 0, fromSeq: 2, toSeq: 40 }, wsFrame(41)]).applied).toBe(2);
    expect(s.agents.get('a')!.lastSeq).toBe(41);
    expect(s.agents.get('a')!.dropped).toBe(39);
  });
});

describe('page agent: a worker cannot number records', () => {
  function hubWithWorker() {
    const posted: PageToPanelMessage[] = [];
    const hub = new WorkerHub((m) => posted.push(m));
    const channel = new MessageChannel();
    hub.add({ url: 'https://example.test/w.js', type: 'classic', port: channel.port1, release() {} });
    hub.onPanelMessage({ ...makeEnvelope('attach'), settings: DEFAULT_AGENT_SETTINGS });
    const hello = posted.find((m) => m.type === 'hello')!;
    hub.onPanelMessage({ ...makeEnvelope('resync'), agentId: hello.agentId, fromSeq: 1 });
    const records = () => posted.flatMap((m) => (m.type === 'batch' ? (m.packed ? (unpackRecords(m.packed) as CaptureRecord[]) : m.records) : []));
    return { hub, posted, worker: channel.port2, records, close: () => (channel.port1.close(), channel.port2.close()) };
  }

  it('numbers worker records itself and refuses dropped records from the worker', async () => {
    const h = hubWithWorker();
    h.worker.postMessage({
      kind: 'records',
      dropped: 0,
      records: [
        { type: 'dropped', seq: 1e9, t: 0, conn: 0, fromSeq: 1, toSeq: 1e9 },
        { type: 'ws-create', seq: 5e8, t: 1, conn: 1, url: 'wss://example.test/real', protocols: [] },
        { type: 'ws-frame', seq: 7e8, t: 2, conn: 1, dir: 'in', payload: { data: 'x', binary: false, size: 1, truncated: false } },
      ],
    });
    await new Promise((r) => setTimeout(r, 250));
    const got = h.records();
    expect(got.map((r) => r.type)).toEqual(['ws-create', 'ws-frame']);
    expect(got.map((r) => r.seq)).toEqual([1, 2]);
    // Worker batches leave packed, like a document's: the relay passes them on without a JSON round trip.
    const batches = h.posted.filter((m) => m.type === 'batch');
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((m) => m.type === 'batch' && typeof m.packed === 'string' && m.records.length === 0)).toBe(true);
    h.close();
  });

  it('bounds the drop count a worker reports', async () => {
    const h = hubWithWorker();
    h.worker.postMessage({ kind: 'records', dropped: 1e12, records: [] });
    await new Promise((r) => setTimeout(r, 250));
    const [d] = h.records();
    expect(d.type).toBe('dropped');
    expect(d.seq).toBe(1);
    if (d.type === 'dropped') expect(d.toSeq - d.fromSeq + 1).toBeLessThanOrEqual(50_000);
    h.close();
  });
});
