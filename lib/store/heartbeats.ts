// Context: panel. Heartbeats of a channel (periodic small identical frames such as ping/pong):
// detected once per channel from a recent sample, then used to hide them from the table with one
// switch, so the data frames stand out.
import { detectHeartbeat, isHeartbeatFrame, type Heartbeat } from '../model/heartbeat';
import type { Session } from './session';
import type { Channel } from './session-types';
import { DIR_OUT, IndexList } from './frame-store';

const SAMPLE = 3000;
const cache = new WeakMap<Channel, { at: number; beat: Heartbeat | null }>();

export function channelHeartbeat(session: Session, channel: Channel): Heartbeat | null {
  const n = channel.frames.length;
  const hit = cache.get(channel);
  // Re-detect as the channel grows, but not on every frame.
  if (hit && (hit.at === n || n - hit.at < Math.max(20, hit.at / 10))) return hit.beat;
  const f = session.frames;
  const frames = [];
  for (let k = Math.max(0, n - SAMPLE); k < n; k++) {
    const i = channel.frames.at(k);
    frames.push({ t: f.time[i], dir: f.dir[i] === DIR_OUT ? ('out' as const) : ('in' as const), size: f.size[i], text: f.preview[i] });
  }
  const beat = detectHeartbeat(frames);
  cache.set(channel, { at: n, beat });
  return beat;
}

/** `rows` without the channel's heartbeat frames. */
export function withoutHeartbeats(session: Session, channel: Channel, rows: IndexList): IndexList {
  const beat = channelHeartbeat(session, channel);
  if (!beat) return rows;
  const f = session.frames;
  const out = new IndexList();
  for (let k = 0; k < rows.length; k++) {
    const i = rows.at(k);
    if (!isHeartbeatFrame(beat, { dir: f.dir[i] === DIR_OUT ? 'out' : 'in', size: f.size[i], text: f.preview[i] })) out.push(i);
  }
  return out;
}
