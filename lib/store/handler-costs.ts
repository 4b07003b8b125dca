// Context: panel. The page listeners' time per incoming message (the frame store's handlerMs
// column): applying a late `handler-cost` record to its frame, and a channel's recent measurements
// for the Insights histogram and the advisor (one sample, so both quote the same numbers).
import type { Session } from './session';
import type { Channel, Connection } from './session-types';
import { DIR_IN, FLAG_HTTP } from './frame-store';

/** Most recent measured messages of a channel that the histogram and the advisor look at. */
export const HANDLER_SAMPLE = 20_000;
/** Rows looked at to find them (a channel with few measured messages among many others). */
const SCAN_LIMIT = 200_000;
/** Rows of the channel looked at, newest first, to find the frame a late cost names. */
const FIND_LIMIT = 100_000;

export interface HandlerSample {
  /** SSE event type; '' for WebSocket messages. */
  event: string;
  ms: number;
}

/**
 * Sets the handler time of the incoming frame `frameSeq` of connection `c` (a `handler-cost`
 * record: the total so far, replacing an earlier value). A record naming anything else (another
 * connection's frame, an outgoing one, an HTTP row, a frame no longer held) changes nothing.
 */
export function setHandlerCost(session: Session, c: Connection, frameSeq: number, ms: number): boolean {
  if (c.api !== 'ws' && c.api !== 'sse') return false;
  const f = session.frames;
  const rows = session.channels[c.channel]?.frames;
  if (!rows) return false;
  for (let k = rows.length - 1, seen = 0; k >= 0 && seen < FIND_LIMIT; k--, seen++) {
    const i = rows.at(k);
    if (f.connection[i] !== c.index) continue;
    const seq = f.seq[i];
    if (seq < frameSeq) return false; // one connection's rows are in seq order: it is not here
    if (seq !== frameSeq) continue;
    if (f.dir[i] !== DIR_IN || f.flags[i] & FLAG_HTTP) return false;
    f.handlerMs[i] = ms;
    f.costEpoch++;
    return true;
  }
  return false;
}

const cache = new WeakMap<Channel, { version: number; frames: unknown; samples: HandlerSample[] }>();

/** The channel's most recent measured incoming messages, oldest first (cached per session version). */
export function channelHandlerSamples(session: Session, channel: Channel): HandlerSample[] {
  const hit = cache.get(channel);
  if (hit && hit.version === session.version && hit.frames === session.frames) return hit.samples;
  const f = session.frames;
  const rows = channel.frames;
  const ws = channel.kind === 'ws';
  const samples: HandlerSample[] = [];
  for (let k = rows.length - 1, seen = 0; k >= 0 && seen < SCAN_LIMIT && samples.length < HANDLER_SAMPLE; k--, seen++) {
    const i = rows.at(k);
    const ms = f.handlerMs[i];
    if (ms >= 0) samples.push({ event: ws ? '' : f.eventName(i), ms });
  }
  samples.reverse();
  cache.set(channel, { version: session.version, frames: session.frames, samples });
  return samples;
}
