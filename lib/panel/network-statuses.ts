// Context: panel. Page scripts never see the HTTP status of a WebSocket handshake or an
// EventSource response; DevTools does. We join chrome.devtools.network entries to hooked
// connections by URL and time so a 401/403/500 at connect time shows where it happened.
// What DevTools recorded before the panel started comes from getHAR() (network-history.ts), then
// onRequestFinished follows live: a status shows the same whether the panel was shown before or
// after it happened. Listening at all is gated (network-gate.ts): a big stream's entry is a long
// task by itself.
import type { Session } from '../store/session';
import { NetworkGate } from './network-gate';
import { entryKey, entryKind, handshakeStatusOf, slim, type HarEntryLike } from './network-entry';
import { HistoryJoin, type HarLog } from './network-history';

export type { HarEntryLike } from './network-entry';

/** Window within which a HAR entry's start must fall after the hooked connection's creation. */
const JOIN_WINDOW_MS = 5000;

/** Attaches DevTools' request timings to the hooked fetch/XHR exchange it belongs to. */
export function joinTimings(session: Session, entry: HarEntryLike): boolean {
  const { kind, labelled } = entryKind(entry);
  if ((kind !== 'http' && (labelled || kind !== 'eventsource')) || !entry.timings) return false;
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
  const { kind } = entryKind(entry);
  if (kind !== 'websocket' && kind !== 'eventsource') return false;
  const start = Date.parse(entry.startedDateTime);
  const status = handshakeStatusOf(entry);
  if (!status) return false;
  const api = kind === 'websocket' ? 'ws' : 'sse';
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

/** Joins an entry either way it fits; whether it joined. */
function join(session: Session, entry: HarEntryLike): boolean {
  return joinStatus(session, entry) || joinTimings(session, entry);
}

/** Whether an entry that did not join yet may still join once the hooked record arrives. */
function worthRetrying(entry: HarEntryLike): 'stream' | 'http' | false {
  const { kind, labelled } = entryKind(entry);
  if (kind === 'websocket' || kind === 'eventsource') return handshakeStatusOf(entry) || (!labelled && entry.timings) ? 'stream' : false;
  return kind === 'http' && entry.timings ? 'http' : false;
}

/** The part of chrome.devtools.network the watcher uses (a fake in unit tests). */
export interface NetworkEvents {
  onRequestFinished: { addListener(fn: (request: unknown) => void): void; removeListener(fn: (request: unknown) => void): void };
  onNavigated: { addListener(fn: (url: string) => void): void };
  /** What DevTools recorded so far (both browsers have it; Chrome's includes every message of every socket). */
  getHAR?(callback: (log: HarLog) => void): void;
}

/** How often the gate is re-checked: a stream turning heavy is unsubscribed within this (plus DevTools' round trip). */
const GATE_CHECK_MS = 250;
const RETRY_MS = 1000;
/** Entries waiting for their hooked record: the newest of each kind are kept. */
const MAX_PENDING_STREAMS = 200;
const MAX_PENDING_HTTP = 500;
/** A fetch/XHR entry whose hooked exchange did not arrive by then never will (it was not hooked, or was evicted). */
const PENDING_HTTP_MS = 10_000;
/** Keys of entries already handled, so one taken from getHAR() is not joined again when it finishes. */
const MAX_SEEN = 5000;

export interface NetworkWatch {
  gate: NetworkGate;
  /** Whether the panel is subscribed to onRequestFinished right now. */
  listening(): boolean;
  history: HistoryJoin;
}

export function watchNetworkStatuses(session: Session, opts: { network: NetworkEvents; recording: () => boolean; now?: () => number }): NetworkWatch {
  const now = opts.now ?? Date.now;
  const pendingStreams: HarEntryLike[] = [];
  const pendingHttp: { entry: HarEntryLike; until: number }[] = [];
  const seen = new Set<string>();
  const gate = new NetworkGate(session);

  /** Joins now or keeps the entry for the retry; false when it was a duplicate. */
  const take = (entry: HarEntryLike): boolean => {
    const key = entryKey(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > MAX_SEEN) seen.delete(seen.values().next().value!);
    if (join(session, entry)) return true;
    const retry = worthRetrying(entry);
    // The hooked record may still be on its way (or, for history, behind the agent's ring replay).
    if (retry === 'stream') {
      pendingStreams.push(slim(entry));
      if (pendingStreams.length > MAX_PENDING_STREAMS) pendingStreams.splice(0, pendingStreams.length - MAX_PENDING_STREAMS);
    } else if (retry === 'http') {
      pendingHttp.push({ entry: slim(entry), until: now() + PENDING_HTTP_MS });
      if (pendingHttp.length > MAX_PENDING_HTTP) pendingHttp.splice(0, pendingHttp.length - MAX_PENDING_HTTP);
    }
    return true;
  };
  const onFinished = (request: unknown) => take(request as HarEntryLike);
  const history = new HistoryJoin(session, opts.network, (entries) => {
    for (const e of entries) take(e);
  });

  let listening = false;
  const check = () => {
    const t = now();
    const want = gate.update(t, opts.recording());
    history.tick(t, want);
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
    for (let i = pendingStreams.length - 1; i >= 0; i--) if (join(session, pendingStreams[i])) pendingStreams.splice(i, 1);
    const t = now();
    for (let i = pendingHttp.length - 1; i >= 0; i--)
      if (pendingHttp[i].until < t || joinTimings(session, pendingHttp[i].entry)) pendingHttp.splice(i, 1);
  }, RETRY_MS);
  return { gate, listening: () => listening, history };
}
