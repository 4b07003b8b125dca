// Context: node (unit tests). No silent truncation (issue #14 item 3): a frame whose capture was
// cut at the preview cap is never sent, injected or replayed as if it were whole; the panel says
// why, with the true size.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { pickedRows, sendablePayload } from '../../lib/panel/actions';
import { wsCreate } from './store-fixtures';
import type { CaptureRecord } from '../../lib/protocol/records';

function frame(seq: number, data: string, size: number, truncated: boolean): CaptureRecord {
  return { type: 'ws-frame', seq, t: 1000 + seq, conn: 1, dir: 'out', payload: { data, binary: false, size, truncated } };
}

describe('truncated frames are refused, not sent partially', () => {
  const s = new Session();
  s.ingest(0, 'd', 'a', [wsCreate(1), frame(2, 'x'.repeat(65_536), 102_421, true), frame(3, 'whole', 5, false)]);
  const ch = s.channels[0];

  it('refuses a cut frame and names its true size', () => {
    const r = sendablePayload(s, ch.frames.at(0));
    expect('error' in r).toBe(true);
    if ('error' in r) {
      expect(r.error).toContain('65,536');
      expect(r.error).toContain('102,421');
    }
  });

  it('gives a whole frame as it was captured', () => {
    expect(sendablePayload(s, ch.frames.at(1))).toEqual({ data: 'whole', binary: false });
  });

  it('a replay that includes a cut frame sends nothing', () => {
    const ids = [s.frames.idAt(ch.frames.at(0)), s.frames.idAt(ch.frames.at(1))];
    const r = pickedRows(s, ch, ids);
    expect('error' in r).toBe(true);
  });
});
