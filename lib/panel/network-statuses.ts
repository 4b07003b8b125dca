// Context: panel. Page scripts never see the HTTP status of a WebSocket handshake or an
// EventSource response; DevTools does. We join chrome.devtools.network entries to hooked
// connections by URL and time so a 401/403/500 at connect time shows where it happened.
import type { Session } from '../store/session';

/** Window within which a HAR entry's start must fall after the hooked connection's creation. */
const JOIN_WINDOW_MS = 5000;

interface HarEntryLike {
  startedDateTime: string;
  request: { url: string; method?: string };
  timings?: { blocked?: number; dns?: number; connect?: number; ssl?: number; send?: number; wait?: number; receive?: number };
  response: { status: number };
  _resourceType?: string;
  _webSocketMessages?: { type: string; data: string }[];
}

/** Attaches DevTools' request timings to the hooked fetch/XHR exchange it belongs to. */
export function joinTimings(session: Session, entry: HarEntryLike): boolean {
  const type = entry._resourceType;
  if ((type !== 'xhr' && type !== 'fetch') || !entry.timings) return false;
  const start = Date.parse(entry.startedDateTime);
  let best: number | undefined;
  for (let k = session.connections.length - 1; k >= 0 && k >= session.connections.length - 500; k--) {
    const c = session.connections[k];
    if (!c.http || c.http.timings || c.http.url !== entry.request.url) continue;
    const d = Math.abs(c.http.start - start);
    if (d > JOIN_WINDOW_MS) continue;
    if (best === undefined || d < Math.abs(session.connections[best].http!.start - start)) best = k;
  }
  if (best === undefined) return false;
  session.connections[best].http!.timings = entry.timings;
  session.version++;
  return true;
}

export function joinStatus(session: Session, entry: HarEntryLike): boolean {
  const type = entry._resourceType;
  if (type !== 'websocket' && type !== 'eventsource') return false;
  const start = Date.parse(entry.startedDateTime);
  let status = entry.response.status;
  if (type === 'websocket' && status === 0) {
    // A refused handshake: Chrome keeps the status only in the error message.
    const m = /Unexpected response code: (\d{3})/.exec(entry._webSocketMessages?.find((x) => x.type === 'error')?.data ?? '');
    if (m) status = Number(m[1]);
  }
  if (!status) return false;
  const api = type === 'websocket' ? 'ws' : 'sse';
  let best: number | undefined;
  for (const c of session.connections) {
    if (c.api !== api || c.url !== entry.request.url || c.handshakeStatus !== undefined) continue;
    if (Math.abs(c.createdAt - start) > JOIN_WINDOW_MS) continue;
    if (best === undefined || Math.abs(c.createdAt - start) < Math.abs(session.connections[best].createdAt - start)) best = c.index;
  }
  if (best === undefined) return false;
  const c = session.connections[best];
  c.handshakeStatus = status;
  const channel = session.channels[c.channel];
  if (status !== 101 && status !== 200) channel.lastStatus = status;
  session.version++;
  return true;
}

export function watchNetworkStatuses(session: Session): void {
  const unmatched: HarEntryLike[] = [];
  chrome.devtools.network.onRequestFinished.addListener((request) => {
    const entry = request as unknown as HarEntryLike;
    if (joinTimings(session, entry)) return;
    if (!joinStatus(session, entry) && (entry._resourceType === 'websocket' || entry._resourceType === 'eventsource')) {
      // The hooked record may still be on its way: try again shortly, a few times.
      unmatched.push(entry);
    }
  });
  setInterval(() => {
    for (let i = unmatched.length - 1; i >= 0; i--) if (joinStatus(session, unmatched[i])) unmatched.splice(i, 1);
    if (unmatched.length > 200) unmatched.splice(0, unmatched.length - 200);
  }, 1000);
}
