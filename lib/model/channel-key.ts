// Context: pure model, no browser APIs.
// One key per logical channel, so that every reconnect of a WebSocket or EventSource to the same
// endpoint folds into one row instead of a new row per attempt.

import { normalizeUrl } from './url-normalize';

export type ChannelKind = 'ws' | 'sse' | 'fetch-stream' | 'http';

/**
 * Parameters that change on every reconnect of the same logical channel: Engine.IO's session id,
 * SignalR's connection token, and access tokens that the client refreshes before reconnecting.
 */
export function isSessionParam(name: string): boolean {
  const n = name.toLowerCase();
  return (
    n === 'sid' ||
    n === 'connectiontoken' ||
    n === 'connectionid' ||
    n === 'access_token' ||
    n === 'accesstoken' ||
    n === 'token' ||
    n === 'jwt' ||
    n === 'auth'
  );
}

/** `ws wss://host/path`, `sse https://…`, `http POST https://…`: the kind prefix keeps a WS and a
 *  polling fallback to one URL apart, which matters for Socket.IO's transport upgrade. */
export function channelKey(kind: ChannelKind, url: string, method?: string): string {
  const normalized = normalizeUrl(url, undefined, (name) => isSessionParam(name));
  if (kind === 'ws' || kind === 'sse') return `${kind} ${normalized}`;
  const m = (method ?? 'GET').toUpperCase();
  return `${kind} ${m} ${normalized}`;
}
