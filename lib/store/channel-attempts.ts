// Context: panel. The connection attempts of a channel in the model's terms, so the reconnect
// chain (lib/model/reconnect-chain.ts) can be built: one per WebSocket, one per open (or failed
// try) of an EventSource, one per fetch stream.
import type { ConnectionAttempt } from '../model/types';
import { buildChain, type ReconnectChain } from '../model/reconnect-chain';
import type { Session } from './session';
import type { Channel } from './session-types';

export function channelAttempts(session: Session, channel: Channel): ConnectionAttempt[] {
  const out: ConnectionAttempt[] = [];
  for (const ci of channel.connections) {
    const c = session.connections[ci];
    if (c.api === 'ws') {
      out.push({
        id: String(c.index),
        kind: 'ws',
        url: c.url,
        createdAt: c.createdAt,
        openedAt: c.openedAt,
        closedAt: c.closedAt,
        closeCode: c.close?.code,
        closeReason: c.close?.reason,
        wasClean: c.close?.wasClean,
        error: c.errored,
        httpStatus: c.handshakeStatus,
      });
    } else if (c.api === 'sse') {
      const tries = c.sseAttempts && c.sseAttempts.length ? c.sseAttempts : [{}];
      let startedAt = c.createdAt;
      tries.forEach((a, k) => {
        out.push({
          id: `${c.index}.${k}`,
          kind: 'sse',
          url: c.url,
          createdAt: startedAt,
          openedAt: a.openedAt,
          closedAt: a.erroredAt ?? (k === tries.length - 1 ? c.closedAt : undefined),
          error: a.erroredAt !== undefined,
          httpStatus: k === 0 ? c.handshakeStatus : undefined,
          firstEventId: a.firstEventId,
          lastEventId: a.lastEventId,
        });
        // The browser's reconnect starts when the error is reported.
        if (a.erroredAt !== undefined) startedAt = a.erroredAt;
      });
    } else if (c.http) {
      out.push({
        id: String(c.index),
        kind: 'fetch-stream',
        url: c.url,
        createdAt: c.createdAt,
        openedAt: c.http.responseAt,
        closedAt: c.http.end,
        error: c.http.outcome === 'error',
        httpStatus: c.http.status,
      });
    }
  }
  return out;
}

export function channelChain(session: Session, channel: Channel): ReconnectChain {
  return buildChain(channelAttempts(session, channel));
}
