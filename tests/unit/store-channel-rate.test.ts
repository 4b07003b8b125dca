// Context: node (unit tests). The channel list's rate sparkline: messages per second over the
// last 30 s, found by binary search; it must count what walking every frame counts.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { channelRate } from '../../lib/store/channel-summary';
import { wsCreate } from './store-fixtures';
import type { CaptureRecord } from '../../lib/protocol/records';

/** What the sparkline counted before: every frame from the newest back to the window's start. */
function walked(s: Session, now: number): number[] {
  const out = new Array<number>(30).fill(0);
  const start = now - 30_000;
  const rows = s.channels[0].frames;
  for (let k = rows.length - 1; k >= 0; k--) {
    const t = s.frames.time[rows.at(k)];
    if (t < start) break;
    out[Math.min(29, Math.floor((t - start) / 1000))]++;
  }
  return out;
}

const frameAt = (seq: number, t: number): CaptureRecord => ({
  type: 'ws-frame',
  seq,
  t,
  conn: 1,
  dir: 'in',
  payload: { data: 'x', binary: false, size: 1, truncated: false },
});

describe('channelRate', () => {
  it('counts per second what walking the frames counts, frames after now in the last second', () => {
    const s = new Session();
    const records: CaptureRecord[] = [wsCreate(1)];
    // Bursts and gaps from 40 s before `now` to 2 s after it, several frames on one bucket edge.
    let t = 60_000;
    for (let seq = 2; seq < 3000; seq++) {
      t += seq % 97 === 0 ? 1500 : seq % 10 === 0 ? 0 : 14.5;
      records.push(frameAt(seq, t));
    }
    s.ingest(0, 'd', 'a', records);
    const last = s.frames.time[s.channels[0].frames.at(s.channels[0].frames.length - 1)];
    for (const now of [last - 2000, last, last + 5000, last + 40_000, 60_000])
      expect(channelRate(s, s.channels[0], now), `now ${now}`).toEqual(walked(s, now));
    expect(channelRate(s, s.channels[0], last).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
