// Context: pure (panel + model), no browser APIs. `index` is whatever identity the caller uses
// (the panel passes frame ids, which survive eviction).
// Request/response pairing over decoded frames: Socket.IO acks, graphql-ws operation ids,
// JSON-RPC ids, STOMP receipts, SignalR invocation ids, MQTT packet ids, Phoenix refs. Decoders
// already namespace ids (e.g. by the requesting side), so here a pair is simply the first
// 'response'/'error' after a 'request' with the same id. Ids may be reused after they are
// answered (MQTT packet ids, Phoenix heartbeats), so each request opens a new pending slot.

import type { DecodedFrame } from './types';

export interface TimedDecodedFrame {
  /** Row / frame index in the caller's store, passed back in pairs. */
  index: number;
  /** Wall-clock ms. */
  time: number;
  decoded: DecodedFrame | null;
}

export interface FramePair {
  id: string;
  protocol: string;
  request: number;
  /** First answer (a streaming subscription may send many; see responses). */
  response: number;
  /** Every answer up to the next request with this id (graphql `next`s, SignalR stream items). */
  responses: number[];
  roundTripMs: number;
  error: boolean;
}

export interface PairingResult {
  pairs: FramePair[];
  /** Requests that never got an answer (in frame order). */
  unanswered: number[];
  /** Answers with no request seen (e.g. captured after the request was sent). */
  orphans: number[];
}

export function pairFrames(frames: readonly TimedDecodedFrame[]): PairingResult {
  const pending = new Map<string, { index: number; time: number; protocol: string; pair?: FramePair }>();
  const pairs: FramePair[] = [];
  const orphans: number[] = [];
  const sorted = [...frames].sort((a, b) => a.time - b.time || a.index - b.index);
  for (const f of sorted) {
    const d = f.decoded;
    if (!d || d.id === undefined || !d.correlation) continue;
    const key = `${d.protocol}\u0000${d.id}`;
    if (d.correlation === 'request') {
      pending.set(key, { index: f.index, time: f.time, protocol: d.protocol });
    } else if (d.correlation === 'response' || d.correlation === 'error') {
      const req = pending.get(key);
      if (!req) {
        orphans.push(f.index);
        continue;
      }
      if (req.pair) {
        req.pair.responses.push(f.index);
        if (d.correlation === 'error') req.pair.error = true;
      } else {
        req.pair = {
          id: d.id,
          protocol: d.protocol,
          request: req.index,
          response: f.index,
          responses: [f.index],
          roundTripMs: f.time - req.time,
          error: d.correlation === 'error',
        };
        pairs.push(req.pair);
      }
    }
  }
  const unanswered = [...pending.values()]
    .filter((p) => !p.pair)
    .map((p) => p.index)
    .sort((a, b) => a - b);
  return { pairs, unanswered, orphans };
}
