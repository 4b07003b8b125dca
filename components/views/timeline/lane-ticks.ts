// Context: panel. What the timeline draws of one stream lane's frames, per pixel column: counts of
// frames in and out, where PushLens sent or injected a frame, and where the page's listeners ran
// longer than a long task. Kept per channel and extended with the frames that arrived since, as
// long as the visible range, the width and the rows already counted are the same: a redraw for a
// new selection or a few new frames no longer walks a million frames (~40 ms a redraw).
import type { Session } from '../../../lib/store/session';
import type { Channel } from '../../../lib/store/session-types';
import { DIR_OUT, FLAG_INJECTED, FLAG_SENT } from '../../../lib/store/frame-store';
import { LONG_TASK_MS } from '../../../lib/model/handler-thresholds';
import { timeToX, type TimeRange } from './layout';
import { lowerBound } from '../../../lib/util/lower-bound';

export interface LaneTicks {
  inCounts: Uint32Array;
  outCounts: Uint32Array;
  /** Columns with a frame PushLens sent or injected (drawn as a mark, so it never passes for page traffic). */
  synthetic: number[];
  /** x of each message whose page listeners ran longer than a long task. */
  slow: number[];
}

interface Cached extends LaneTicks {
  epoch: number;
  costEpoch: number;
  start: number;
  end: number;
  width: number;
  /** Rows [from, to) of the channel's list are counted. */
  from: number;
  to: number;
}

const cache = new WeakMap<Channel, Cached>();

export function laneTicks(session: Session, channel: Channel, range: TimeRange, width: number): LaneTicks {
  const f = session.frames;
  const rows = channel.frames;
  const time = (k: number) => f.time[rows.items[k]];
  const from = lowerBound(rows.length, time, range.start);
  const to = lowerBound(rows.length, time, range.end);
  const cols = Math.max(1, Math.ceil(width));
  let c = cache.get(channel);
  // Frames only ever join at the end of a list (same epochs); anything else is counted afresh.
  const reusable =
    c &&
    c.epoch === f.epoch &&
    c.costEpoch === f.costEpoch &&
    c.start === range.start &&
    c.end === range.end &&
    c.width === width &&
    c.from === from &&
    c.to <= to;
  if (!c || !reusable) {
    c = {
      epoch: f.epoch,
      costEpoch: f.costEpoch,
      start: range.start,
      end: range.end,
      width,
      from,
      to: from,
      inCounts: new Uint32Array(cols),
      outCounts: new Uint32Array(cols),
      synthetic: [],
      slow: [],
    };
    cache.set(channel, c);
  }
  const { inCounts, outCounts, synthetic, slow } = c;
  const items = rows.items;
  for (let k = c.to; k < to; k++) {
    const i = items[k];
    const x = timeToX(f.time[i], range, width);
    const col = Math.min(cols - 1, Math.max(0, Math.floor(x)));
    if (f.dir[i] === DIR_OUT) outCounts[col]++;
    else inCounts[col]++;
    if (f.flags[i] & (FLAG_SENT | FLAG_INJECTED)) synthetic.push(Math.floor(x));
    if (f.handlerMs[i] > LONG_TASK_MS) slow.push(x);
  }
  c.to = to;
  return c;
}
