// Context: pure (panel, node CLI and tests), no browser APIs.
// A recorded HAR → a replay script: what a fake server must do, endpoint by endpoint, to make a
// page see the same conversation again. Every exporter (MSW, Playwright) and the replay server
// read this one model, so they agree on order, delays and close codes. Input is a HAR object, so
// the session path (session → exportHar with redaction) and the CLI path (a file from Chrome or
// PushLens) go through the same redaction and the same entry reader (lib/har/convert).

import { entryToConnection } from '../har/convert';
import type { HarConnection, HarSseEvent, Header } from '../har/types';

/** One thing the fake server does: wait `delay` ms, then send a frame or close. */
export type WsStep = { delay: number; opcode: 1 | 2; data: string } | { delay: number; close: { code: number; reason: string } };

export interface WsRecording {
  protocol?: string;
  /**
   * segments[0] runs when the socket opens; segments[k] when the k-th client message arrives (and
   * segment k-1 has finished, so a fast client cannot reorder the server's messages).
   */
  segments: WsStep[][];
  /** The client messages seen during the recording, for the generated files' comments and checks. */
  clientMessages: { opcode: 1 | 2; data: string }[];
}

export interface SseStep {
  delay: number;
  event: string;
  id: string;
  data: string;
}

export interface SseRecording {
  status: number;
  events: SseStep[];
  /** The server ended the stream (the EventSource then reconnects and gets the next recording). */
  ends: boolean;
}

export interface HttpAnswer {
  /** Milliseconds between request and response (a long poll's hold). */
  delay: number;
  status: number;
  statusText: string;
  headers: Header[];
  body?: string;
  /** `body` is base64. */
  bodyBinary?: boolean;
  /** A fetch/XHR event stream: its events, streamed with their delays. */
  events?: SseStep[];
}

export type Endpoint =
  | { kind: 'ws'; url: string; recordings: WsRecording[] }
  | { kind: 'sse'; url: string; recordings: SseRecording[] }
  | { kind: 'http'; method: string; url: string; answers: HttpAnswer[] };

export interface ReplayScript {
  /** Grouped by kind + method + origin + path; the n-th request or connection gets the n-th recording. */
  endpoints: Endpoint[];
  pageTitle?: string;
}

/** Headers a replayed body must not carry: it is sent decoded, in one piece, by another server. */
const HOP_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade']);

/** origin + path: query strings carry cursors and cache-busters, so they do not split endpoints. */
export function endpointUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0];
  }
}

export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0];
  }
}

const gap = (t: number, prev: number): number => Math.max(0, Math.round(t - prev));

function wsRecording(c: HarConnection): WsRecording {
  const segments: WsStep[][] = [[]];
  const clientMessages: WsRecording['clientMessages'] = [];
  let prev = c.openedAt ?? c.createdAt;
  for (const f of [...(c.frames ?? [])].sort((a, b) => a.time - b.time)) {
    if (f.dir === 'out') {
      clientMessages.push({ opcode: f.opcode, data: f.data });
      segments.push([]);
    } else segments[segments.length - 1].push({ delay: gap(f.time, prev), opcode: f.opcode, data: f.data });
    prev = f.time;
  }
  if (c.close) segments[segments.length - 1].push({ delay: gap(c.closedAt ?? prev, prev), close: { code: c.close.code, reason: c.close.reason } });
  const r: WsRecording = { segments, clientMessages };
  if (c.protocol) r.protocol = c.protocol;
  return r;
}

function sseSteps(events: readonly HarSseEvent[], start: number): SseStep[] {
  let prev = start;
  return [...events]
    .sort((a, b) => a.time - b.time)
    .map((e) => {
      const s = { delay: gap(e.time, prev), event: e.event || 'message', id: e.id, data: e.data };
      prev = e.time;
      return s;
    });
}

function httpAnswer(c: HarConnection): HttpAnswer | undefined {
  const h = c.http;
  if (!h || h.status === undefined || h.status <= 0) return undefined;
  const a: HttpAnswer = {
    delay: gap(h.responseAt ?? h.start, h.start),
    status: h.status,
    statusText: h.statusText ?? '',
    headers: (h.responseHeaders ?? []).filter(([k]) => !HOP_HEADERS.has(k.toLowerCase())),
  };
  if (c.events && c.events.length > 0) a.events = sseSteps(c.events, h.responseAt ?? h.start);
  else if (h.body !== undefined) {
    a.body = h.body;
    if (h.bodyBinary) a.bodyBinary = true;
  }
  return a;
}

/** Reads a parsed HAR (Chrome's or ours); entries it cannot read are skipped and reported. */
export function harToScript(har: unknown): { script: ReplayScript; warnings: string[] } {
  const warnings: string[] = [];
  const log = (har as { log?: { entries?: unknown; pages?: { title?: unknown }[] } } | null)?.log;
  const entries = Array.isArray(log?.entries) ? log.entries : [];
  const connections: HarConnection[] = [];
  entries.forEach((e, i) => {
    const r = entryToConnection(e, i, (m) => warnings.push(m));
    if (r.ok) connections.push(r.connection);
    else warnings.push(r.reason);
  });
  connections.sort((a, b) => a.createdAt - b.createdAt);
  const byKey = new Map<string, Endpoint>();
  const endpoint = <E extends Endpoint>(key: string, make: () => E): E => {
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = make()));
    return e as E;
  };
  for (const c of connections) {
    const url = endpointUrl(c.url);
    if (c.api === 'ws') {
      if (c.openedAt === undefined) continue; // a refused handshake: nothing to play
      endpoint(`ws ${url}`, () => ({ kind: 'ws' as const, url, recordings: [] as WsRecording[] })).recordings.push(wsRecording(c));
    } else if (c.api === 'sse' && !c.http) {
      const rec: SseRecording = {
        status: c.handshakeStatus ?? 200,
        events: sseSteps(c.events ?? [], c.openedAt ?? c.createdAt),
        ends: c.errored === true,
      };
      endpoint(`sse ${url}`, () => ({ kind: 'sse' as const, url, recordings: [] as SseRecording[] })).recordings.push(rec);
    } else {
      const a = httpAnswer(c);
      if (!a || !c.http) continue;
      const method = c.http.method.toUpperCase();
      endpoint(`http ${method} ${url}`, () => ({ kind: 'http' as const, method, url, answers: [] as HttpAnswer[] })).answers.push(a);
    }
  }
  const script: ReplayScript = { endpoints: [...byKey.values()] };
  const title = log?.pages?.[0]?.title;
  if (typeof title === 'string' && title) script.pageTitle = title;
  return { script, warnings };
}

/** WebSocket, EventSource, streamed or polled (answered more than once) endpoints. */
export function realtimeEndpoints(script: ReplayScript): Endpoint[] {
  return script.endpoints.filter((e) => e.kind !== 'http' || e.answers.length > 1 || e.answers.some((a) => a.events));
}

/** SSE wire text for one event, as a server writes it (multi-line data split into data: lines). */
export function sseEventText(e: { event: string; id: string; data: string }): string {
  let out = '';
  if (e.id) out += `id: ${e.id}\n`;
  if (e.event && e.event !== 'message') out += `event: ${e.event}\n`;
  for (const line of e.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}
