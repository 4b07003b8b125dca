// Context: panel. Which HTTP statuses and close codes occur in the session, and on which
// channels, so the Learn view can link each reference entry to where it appears.
import type { Session } from './session';

export interface CodesSeen {
  http: Map<number, Set<number>>;
  close: Map<number, Set<number>>;
  /** Channels per push technique. */
  techniques: Map<string, Set<number>>;
}

function add(map: Map<number, Set<number>>, code: number, channel: number): void {
  let set = map.get(code);
  if (!set) map.set(code, (set = new Set()));
  set.add(channel);
}

export function codesSeen(session: Session): CodesSeen {
  const http = new Map<number, Set<number>>();
  const close = new Map<number, Set<number>>();
  const techniques = new Map<string, Set<number>>();
  for (const c of session.connections) {
    const status = c.http?.status ?? c.handshakeStatus;
    if (status) add(http, status, c.channel);
    if (c.close) add(close, c.close.code, c.channel);
  }
  for (const ch of session.channels) {
    if (ch.connections.length === 0) continue;
    const tech = ch.kind === 'fetch-stream' ? 'sse' : ch.kind;
    let set = techniques.get(tech);
    if (!set) techniques.set(tech, (set = new Set()));
    set.add(ch.index);
  }
  return { http, close, techniques };
}
