// Context: panel. Heartbeats of a channel (periodic small identical frames such as ping/pong):
// detected once per channel from a recent sample, then used to hide them from the table with one
// switch, so the data frames stand out.
import { detectHeartbeat, isHeartbeatFrame, type Heartbeat } from '../model/heartbeat';
import type { Session } from './session';
import type { Channel } from './session-types';
import { DIR_OUT, IndexList } from './frame-store';

const SAMPLE = 3000;
/** A busy channel is re-examined at most this often: detection over a full sample costs tens of ms. */
const REDETECT_MS = 3000;
const cache = new WeakMap<Channel, { at: number; when: number; beat: Heartbeat | null }>();

export function channelHeartbeat(session: Session, channel: Channel, now = Date.now()): Heartbeat | null {
  const n = channel.frames.length;
  const hit = cache.get(channel);
  // Re-detect as the channel grows, but not on every frame, and a flooded channel not on every render.
  if (hit && (hit.at === n || n - hit.at < Math.max(20, hit.at / 10) || (hit.at >= SAMPLE && now - hit.when < REDETECT_MS))) return hit.beat;
  const f = session.frames;
  const frames = [];
  for (let k = Math.max(0, n - SAMPLE); k < n; k++) {
    const i = channel.frames.at(k);
    frames.push({ t: f.time[i], dir: f.dir[i] === DIR_OUT ? ('out' as const) : ('in' as const), size: f.size[i], text: f.preview[i] });
  }
  const beat = detectHeartbeat(frames);
  cache.set(channel, { at: n, when: now, beat });
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
