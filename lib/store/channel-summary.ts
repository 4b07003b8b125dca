// Context: panel. Derived facts of a channel for its row: state, reconnect count, frame count
// and the last status or close code worth showing.
import type { Session } from './session';
import { replacements } from '../model/reconnect-chain';
import type { Channel, ConnectionState } from './session-types';
import { lowerBound } from '../util/lower-bound';

export interface ChannelSummary {
  state: ConnectionState;
  /** Connections replaced by a later one (concurrent connections are not reconnects). */
  reconnects: number;
  /** Connections open (or connecting) right now. */
  open: number;
  /** Messages for stream channels, responses for HTTP channels. */
  frameCount: number;
  lastStatus?: number;
  lastClose?: { code: number; reason: string; wasClean: boolean };
}

export function isStreamKind(kind: Channel['kind']): boolean {
  return kind === 'ws' || kind === 'sse' || kind === 'fetch-stream';
}

export function summarizeChannel(session: Session, channel: Channel): ChannelSummary {
  const conns = channel.connections.map((i) => session.connections[i]);
  const last = conns[conns.length - 1];
  let reconnects = 0;
  if (channel.kind === 'fetch-stream') {
    // Each fetch is its own request (an LLM answer per question): only a retry after a failed
    // stream is a reconnect.
    for (let i = 1; i < conns.length; i++) if (conns[i - 1].http?.outcome === 'error') reconnects++;
  } else if (isStreamKind(channel.kind)) {
    // Only a connection created after another one ended replaced it; two open side by side is not a reconnect.
    const lifetimes = conns.map((c) => ({ id: String(c.index), kind: 'ws' as const, url: c.url, createdAt: c.createdAt, closedAt: c.closedAt }));
    reconnects = replacements(lifetimes).filter((r) => r !== undefined).length;
    // An EventSource reconnects by itself inside one object: each extra open is a reconnect.
    for (const c of conns) if (c.sseAttempts && c.sseAttempts.length > 1) reconnects += c.sseAttempts.length - 1;
  }
  const open = conns.filter((c) => c.state === 'open' || c.state === 'connecting').length;
  let state: ConnectionState = last?.state ?? 'closed';
  // With several connections, the channel is open while any of them is.
  if (open > 0 && state !== 'open') state = conns.some((c) => c.state === 'open') ? 'open' : 'connecting';
  if (
    (channel.kind === 'ws' || channel.kind === 'sse') &&
    state === 'closed' &&
    last &&
    Date.now() - (last.closedAt ?? 0) < 60_000 &&
    conns.length > 1
  )
    state = 'reconnecting';
  if (!isStreamKind(channel.kind)) state = conns.some((c) => c.state !== 'closed') ? 'open' : 'closed';
  let lastStatus = channel.lastStatus;
  for (let i = conns.length - 1; i >= 0 && lastStatus === undefined; i--) if (conns[i].handshakeStatus) lastStatus = conns[i].handshakeStatus;
  return {
    state,
    reconnects,
    open,
    frameCount: isStreamKind(channel.kind) ? channel.framesIn + channel.framesOut : channel.responses,
    lastStatus,
    lastClose: channel.lastClose,
  };
}

/**
 * Messages per bucket over the last `buckets × bucketMs`, for the rate sparkline. Bucket edges are
 * found by binary search (a channel's rows are in time order): one sparkline of a channel that got
 * a million frames in the last 30 s no longer walks them all on every render.
 */
export function channelRate(session: Session, channel: Channel, now: number, buckets = 30, bucketMs = 1000): number[] {
  const out = new Array<number>(buckets).fill(0);
  const start = now - buckets * bucketMs;
  const rows = channel.frames;
  const time = session.frames.time;
  const timeAt = (k: number) => time[rows.items[k]];
  // Frames later than `now` count in the last bucket, as they always did.
  let edge = lowerBound(rows.length, timeAt, start);
  for (let b = 0; b < buckets; b++) {
    const next = b === buckets - 1 ? rows.length : lowerBound(rows.length, timeAt, start + (b + 1) * bucketMs);
    out[b] = next - edge;
    edge = next;
  }
  return out;
}
