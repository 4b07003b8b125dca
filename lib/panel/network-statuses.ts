// Context: panel. Page scripts never see the HTTP status of a WebSocket handshake or an
// EventSource response; DevTools does. We join chrome.devtools.network entries to hooked
// connections by URL and time so a 401/403/500 at connect time shows where it happened.
// Listening at all is gated (network-gate.ts): a big stream's entry is a long task by itself.
import type { Session } from '../store/session';
import { NetworkGate } from './network-gate';

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

/** The part of chrome.devtools.network the watcher uses (a fake in unit tests). */
export interface NetworkEvents {
  onRequestFinished: { addListener(fn: (request: unknown) => void): void; removeListener(fn: (request: unknown) => void): void };
  onNavigated: { addListener(fn: (url: string) => void): void };
}

/** How often the gate is re-checked: a stream turning heavy is unsubscribed within this (plus DevTools' round trip). */
const GATE_CHECK_MS = 250;
const RETRY_MS = 1000;
const MAX_UNMATCHED = 200;

/** A HAR entry's fields joinStatus reads: pending entries keep only these, not their (possibly huge) message lists. */
function slim(entry: HarEntryLike): HarEntryLike {
  const error = entry._webSocketMessages?.find((x) => x.type === 'error');
  return {
    startedDateTime: entry.startedDateTime,
    request: { url: entry.request.url },
    response: { status: entry.response.status },
    _resourceType: entry._resourceType,
    _webSocketMessages: error ? [error] : undefined,
  };
}

export interface NetworkWatch {
  gate: NetworkGate;
  /** Whether the panel is subscribed to onRequestFinished right now. */
  listening(): boolean;
}

export function watchNetworkStatuses(session: Session, opts: { network: NetworkEvents; recording: () => boolean; now?: () => number }): NetworkWatch {
  const now = opts.now ?? Date.now;
  const unmatched: HarEntryLike[] = [];
  const gate = new NetworkGate(session);
  const onFinished = (request: unknown) => {
    const entry = request as HarEntryLike;
    if (joinTimings(session, entry)) return;
    if (!joinStatus(session, entry) && (entry._resourceType === 'websocket' || entry._resourceType === 'eventsource')) {
      // The hooked record may still be on its way: try again every second (the newest 200 wait).
      unmatched.push(slim(entry));
      if (unmatched.length > MAX_UNMATCHED) unmatched.splice(0, unmatched.length - MAX_UNMATCHED);
    }
  };
  let listening = false;
  const check = () => {
    const want = gate.update(now(), opts.recording());
    if (want === listening) return;
    listening = want;
    if (want) opts.network.onRequestFinished.addListener(onFinished);
    else opts.network.onRequestFinished.removeListener(onFinished);
  };
  opts.network.onNavigated.addListener(() => {
    gate.navigated();
    check();
  });
  check();
  setInterval(check, GATE_CHECK_MS);
  setInterval(() => {
    for (let i = unmatched.length - 1; i >= 0; i--) if (joinStatus(session, unmatched[i])) unmatched.splice(i, 1);
  }, RETRY_MS);
  return { gate, listening: () => listening };
}
