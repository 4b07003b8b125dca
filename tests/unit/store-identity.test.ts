// Context: node (unit tests). Frame identities survive eviction: the decoded-frame cache and
// pair links follow the frame, not the row number it had when it was decoded (issue #14 item 1).
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { decodeRow, pairOfRow } from '../../lib/store/channel-decoding';
import { wsCreate } from './store-fixtures';
import type { CaptureRecord } from '../../lib/protocol/records';

function rpc(seq: number, k: number, dir: 'in' | 'out'): CaptureRecord {
  const data =
    dir === 'out' ? JSON.stringify({ jsonrpc: '2.0', id: k, method: `m${k}` }) : JSON.stringify({ jsonrpc: '2.0', id: k, result: `r${k}` });
  return { type: 'ws-frame', seq, t: 1000 + seq, conn: 1, dir, payload: { data, binary: false, size: data.length, truncated: false } };
}

describe('stable frame identities', () => {
  it('the decoded view of a row is the decode of that row after old frames are evicted', () => {
    const s = new Session();
    s.budget = { maxFrames: 100, maxPreviewChars: 1e9 };
    const recs: CaptureRecord[] = [wsCreate(1)];
    for (let k = 0; k < 40; k++) recs.push(rpc(recs.length + 1, k, 'out'), rpc(recs.length + 2, k, 'in'));
    s.ingest(0, 'd', 'a', recs);
    const ch = s.channels[0];
    // Decode (and cache) every row, then push the oldest out.
    for (let k = 0; k < ch.frames.length; k++) decodeRow(s, ch, ch.frames.at(k));
    const more: CaptureRecord[] = [];
    for (let k = 40; k < 70; k++) more.push(rpc(recs.length + more.length + 1, k, 'out'), rpc(recs.length + more.length + 2, k, 'in'));
    s.ingest(0, 'd', 'a', more);
    expect(s.frames.count).toBeLessThan(140);
    for (let k = 0; k < ch.frames.length; k++) {
      const row = ch.frames.at(k);
      const d = decodeRow(s, ch, row);
      const raw = JSON.parse(s.frames.preview[row]) as { id: number };
      expect(d?.id, `row ${row}: ${s.frames.preview[row]}`).toBe(`${raw.id}>`);
      const pair = pairOfRow(s, ch, row);
      if (pair) expect(JSON.parse(s.frames.preview[s.frames.rowOfId(pair.request)]).id).toBe(raw.id);
    }
  });
});
