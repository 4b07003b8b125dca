// Context: node (unit tests). Connections open at the same time in one channel are not a
// reconnect (issue #14 item 4): the channel says how many are open, its chain counts only
// connections that replaced one another, and the timeline puts overlapping lifetimes on
// separate tracks.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { summarizeChannel } from '../../lib/store/channel-summary';
import { channelChain } from '../../lib/store/channel-attempts';
import { buildChain } from '../../lib/model/reconnect-chain';
import { lifetimeTracks } from '../../components/views/timeline/layout';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';

function seq(recs: UnsequencedRecord[]): CaptureRecord[] {
  return recs.map((r, i) => ({ ...r, seq: i + 1 }) as CaptureRecord);
}

const now = Date.now();
const url = (sid: string) => `wss://rt.example.com/live?sid=${sid}`;

describe('concurrent connections in one channel', () => {
  it('two sockets open at once: 2 open, no reconnect, not "reconnecting" when one closes', () => {
    const s = new Session();
    s.agentHello(0, 'd', 'a', 'https://app.example.com/', true, 'document');
    s.ingest(
      0,
      'd',
      'a',
      seq([
        { type: 'ws-create', t: now - 5000, conn: 1, url: url('A1'), protocols: [] },
        { type: 'ws-open', t: now - 4990, conn: 1, protocol: '', extensions: '' },
        { type: 'ws-create', t: now - 4000, conn: 2, url: url('B2'), protocols: [] },
        { type: 'ws-open', t: now - 3990, conn: 2, protocol: '', extensions: '' },
      ]),
    );
    expect(s.channels).toHaveLength(1);
    const ch = s.channels[0];
    let sum = summarizeChannel(s, ch);
    expect(sum.open).toBe(2);
    expect(sum.reconnects).toBe(0);
    expect(sum.state).toBe('open');
    expect(channelChain(s, ch).reconnectCount).toBe(0);
    // The newer one closes: one is still open, so the channel is open, not reconnecting.
    s.ingest(0, 'd', 'a', [{ type: 'ws-close', seq: 5, t: now - 1000, conn: 2, code: 1000, reason: '', wasClean: true, by: 'client' }]);
    sum = summarizeChannel(s, ch);
    expect(sum.open).toBe(1);
    expect(sum.state).toBe('open');
    expect(sum.reconnects).toBe(0);
    // A socket created after the first closed replaced it: that is one reconnect.
    s.ingest(
      0,
      'd',
      'a',
      seq([
        { type: 'ws-close', t: now - 900, conn: 1, code: 1006, reason: '', wasClean: false, by: 'server' },
        { type: 'ws-create', t: now - 500, conn: 3, url: url('C3'), protocols: [] },
        { type: 'ws-open', t: now - 490, conn: 3, protocol: '', extensions: '' },
      ]).map((r) => ({ ...r, seq: r.seq + 5 })),
    );
    sum = summarizeChannel(s, ch);
    expect(sum.open).toBe(1);
    expect(sum.reconnects).toBe(1);
    expect(channelChain(s, ch).reconnectCount).toBe(1);
  });

  it('the chain marks which attempt replaced which and which ran alongside', () => {
    const chain = buildChain([
      { id: 'a', kind: 'ws', url: url('1'), createdAt: 0, openedAt: 5, closedAt: 100 },
      { id: 'b', kind: 'ws', url: url('2'), createdAt: 10, openedAt: 15, closedAt: 50 },
      { id: 'c', kind: 'ws', url: url('3'), createdAt: 60, openedAt: 65 },
      { id: 'd', kind: 'ws', url: url('4'), createdAt: 200, openedAt: 205 },
    ]);
    expect(chain.reconnectCount).toBe(2);
    expect(chain.attempts.map((a) => a.replaces ?? null)).toEqual([null, null, 'b', 'a']);
  });

  it('the timeline gives overlapping lifetimes their own tracks', () => {
    expect(
      lifetimeTracks([
        { start: 0, end: 100 },
        { start: 10, end: 50 },
        { start: 60, end: 70 },
        { start: 120, end: 130 },
      ]),
    ).toEqual({ track: [0, 1, 1, 0], tracks: 2 });
  });
});
