// Context: node (unit tests). A channel never mixes frames or origins (issue #13 item 1): the top
// page and a cross-origin iframe opening a socket to the same URL get two channels, each naming
// its frame and origin, and the channel's live connection is its own frame's.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { liveConnection } from '../../lib/panel/actions';
import type { CaptureRecord } from '../../lib/protocol/records';

const create = (seq: number, conn: number): CaptureRecord => ({
  type: 'ws-create',
  seq,
  t: 1000 + seq,
  conn,
  url: 'ws://127.0.0.1:9/feed',
  protocols: [],
});
const open = (seq: number, conn: number): CaptureRecord => ({ type: 'ws-open', seq, t: 1000 + seq, conn, protocol: '', extensions: '' });

describe('channels split by frame and origin', () => {
  it('keeps the top page and a cross-origin iframe apart, even for the same socket URL', () => {
    const s = new Session();
    s.agentHello(0, 'doc-top', 'top', 'http://127.0.0.1:8000/', true, 'document');
    s.agentHello(7, 'doc-child', 'child', 'http://localhost:8001/child.html', false, 'document');
    s.ingest(0, 'doc-top', 'top', [create(1, 1), open(2, 1)]);
    s.ingest(7, 'doc-child', 'child', [create(1, 1), open(2, 1)]);
    const ws = s.channels.filter((c) => c.connections.length > 0);
    expect(ws).toHaveLength(2);
    const top = ws.find((c) => c.origin === 'http://127.0.0.1:8000')!;
    const child = ws.find((c) => c.origin === 'http://localhost:8001')!;
    expect(top).toBeDefined();
    expect(child).toBeDefined();
    expect(top.frameId).toBe(0);
    expect(child.frameId).toBe(7);
    // Actions of the top page's channel reach the top page's socket, not the iframe's newer one.
    expect(liveConnection(s, top)?.agentId).toBe('top');
    expect(liveConnection(s, child)?.agentId).toBe('child');
  });

  it('still folds a reload of the same page into one channel', () => {
    const s = new Session();
    s.agentHello(0, 'doc-1', 'a1', 'http://127.0.0.1:8000/', true, 'document');
    s.ingest(0, 'doc-1', 'a1', [create(1, 1)]);
    s.agentHello(0, 'doc-2', 'a2', 'http://127.0.0.1:8000/', true, 'document');
    s.ingest(0, 'doc-2', 'a2', [create(1, 1)]);
    expect(s.channels).toHaveLength(1);
    expect(s.channels[0].connections).toHaveLength(2);
  });
});
