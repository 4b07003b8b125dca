// Context: node (unit tests). The channel list and the timeline take their channels from
// listChannels, which extends its list as channels come instead of filtering all of them on each
// render: it must always give what the plain filter gives, the shared host and the first start,
// also after a request turns out to be a stream (its HTTP channel empties) and after a clear.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { listChannels } from '../../lib/store/channel-listing';
import { sharedHost } from '../../lib/model/channel-name';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';

function same(session: Session): void {
  const plain = session.channels.filter((c) => c.connections.length > 0);
  const got = listChannels(session);
  expect(got.channels).toEqual(plain);
  expect(got.sharedHost).toBe(sharedHost(plain.map((c) => c.url)));
  expect(got.firstTime).toBe(plain.reduce((m, c) => Math.min(m, c.firstTime), Infinity));
}

describe('listChannels', () => {
  it('gives the non-empty channels, their shared host and first start, as channels come and go', () => {
    const s = new Session();
    let seq = 0;
    const add = (...recs: UnsequencedRecord[]) =>
      s.ingest(
        0,
        'd',
        'a',
        recs.map((r) => ({ ...r, seq: ++seq }) as CaptureRecord),
      );
    same(s);
    add({ type: 'ws-create', t: 10, conn: 1, url: 'ws://h.test/a', protocols: [] });
    same(s);
    add({ type: 'http-request', t: 5, conn: 2, api: 'fetch', method: 'GET', url: 'http://h.test/poll', headers: [] });
    same(s);
    // The only request of the /poll channel is a stream: it moves to a stream channel, /poll empties.
    add({ type: 'http-response', t: 6, conn: 2, status: 200, statusText: 'OK', headers: [], url: 'http://h.test/poll', eventStream: true });
    same(s);
    expect(listChannels(s).channels.some((c) => c.kind === 'http')).toBe(false);
    // A second request to /poll fills the emptied channel again.
    add({ type: 'http-request', t: 7, conn: 3, api: 'fetch', method: 'GET', url: 'http://h.test/poll', headers: [] });
    same(s);
    expect(listChannels(s).channels.some((c) => c.kind === 'http')).toBe(true);
    add({ type: 'ws-create', t: 3, conn: 4, url: 'ws://other.test/b', protocols: [] });
    same(s);
    expect(listChannels(s).sharedHost).toBeUndefined();
    s.clear();
    same(s);
    add({ type: 'ws-create', t: 20, conn: 5, url: 'ws://x.test/c', protocols: [] });
    same(s);
    expect(listChannels(s).sharedHost).toBe('x.test');
  });

  it('returns a fresh array each time (views keep it across renders)', () => {
    const s = new Session();
    s.ingest(0, 'd', 'a', [{ type: 'ws-create', t: 1, conn: 1, url: 'ws://h.test/a', protocols: [], seq: 1 }]);
    const a = listChannels(s).channels;
    s.ingest(0, 'd', 'a', [{ type: 'ws-create', t: 2, conn: 2, url: 'ws://h.test/b', protocols: [], seq: 2 }]);
    expect(a.length).toBe(1);
    expect(listChannels(s).channels.length).toBe(2);
  });
});
