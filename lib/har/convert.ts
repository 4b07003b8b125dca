// Context: pure (panel + model), no browser APIs.
// One parsed HAR entry (unknown JSON) → HarConnection. Shared by the sync and chunked importers.
// Reads Chrome's files (`_webSocketMessages`, `_resourceType`) and ours (`_pushlens`,
// `_eventSourceMessages`); unknown fields are ignored, malformed entries are skipped with a reason.

import type { HarConnection, HarHttpInfo, HarSseEvent, HarWsFrame, Header } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** Epoch seconds (Chrome) → ms, rounded to the microsecond to undo float noise. */
const secToMs = (s: number): number => Math.round(s * 1e6) / 1e3;

function headers(v: unknown): Header[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((h): Header[] => (isObj(h) && typeof h.name === 'string' && typeof h.value === 'string' ? [[h.name, h.value]] : []));
}

function header(list: Header[], name: string): string | undefined {
  return list.find(([k]) => k.toLowerCase() === name)?.[1];
}

function wsFrames(v: unknown, warn: (m: string) => void): { frames: HarWsFrame[]; errors: string[] } {
  const frames: HarWsFrame[] = [];
  const errors: string[] = [];
  if (!Array.isArray(v)) return { frames, errors };
  for (const m of v) {
    if (!isObj(m)) continue;
    const time = num(m.time);
    const data = str(m.data) ?? '';
    // Chrome records a failed handshake as {type: 'error', opcode: -1, data: reason}.
    if (m.type === 'error') {
      errors.push(data);
      continue;
    }
    if ((m.type !== 'send' && m.type !== 'receive') || time === undefined) {
      warn(`WebSocket message with type ${JSON.stringify(m.type)} skipped`);
      continue;
    }
    const opcode = m.opcode === 2 ? 2 : 1;
    const size = truncatedSize(m._pushlens);
    frames.push({ time: secToMs(time), dir: m.type === 'send' ? 'out' : 'in', opcode, data, ...(size === undefined ? {} : { truncatedSize: size }) });
  }
  return { frames, errors };
}

function sseEvents(v: unknown): HarSseEvent[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((m): HarSseEvent[] => {
    if (!isObj(m) || num(m.time) === undefined) return [];
    const size = truncatedSize(m._pushlens);
    return [
      {
        time: secToMs(num(m.time) ?? 0),
        event: str(m.eventName) ?? 'message',
        id: str(m.eventId) ?? '',
        data: str(m.data) ?? '',
        ...(size === undefined ? {} : { truncatedSize: size }),
      },
    ];
  });
}

/** `_pushlens: { truncated: true, size }` on a message of our own export: it was cut at capture. */
function truncatedSize(v: unknown): number | undefined {
  if (!isObj(v) || v.truncated !== true) return undefined;
  const size = num(v.size);
  return size !== undefined && size >= 0 ? size : undefined;
}

export type ConvertResult = { ok: true; connection: HarConnection } | { ok: false; reason: string };

export function entryToConnection(entry: unknown, index: number, warn: (m: string) => void): ConvertResult {
  if (!isObj(entry)) return { ok: false, reason: `entry ${index} is not an object` };
  const req = entry.request;
  const res = isObj(entry.response) ? entry.response : {};
  if (!isObj(req) || typeof req.url !== 'string') return { ok: false, reason: `entry ${index} has no request.url` };
  const started = Date.parse(str(entry.startedDateTime) ?? '');
  if (Number.isNaN(started)) return { ok: false, reason: `entry ${index} has no valid startedDateTime` };
  const pl = isObj(entry._pushlens) ? entry._pushlens : undefined;
  const createdAt = num(pl?.createdAt) ?? started;
  const timings = isObj(entry.timings) ? entry.timings : {};
  const wait =
    Math.max(0, num(timings.blocked) ?? 0) +
    Math.max(0, num(timings.dns) ?? 0) +
    Math.max(0, num(timings.connect) ?? 0) +
    Math.max(0, num(timings.send) ?? 0) +
    Math.max(0, num(timings.wait) ?? 0);
  const total = num(entry.time);
  const status = num(res.status);
  const reqHeaders = headers(req.headers);
  const resHeaders = headers(res.headers);
  const rtype = str(entry._resourceType);
  const base = { url: req.url, createdAt, requestHeaders: reqHeaders, responseHeaders: resHeaders };
  const plClose = isObj(pl?.close) ? pl.close : undefined;
  const close =
    plClose && num(plClose.code) !== undefined
      ? { code: num(plClose.code) ?? 0, reason: str(plClose.reason) ?? '', wasClean: plClose.wasClean === true }
      : undefined;

  if (rtype === 'websocket' || Array.isArray(entry._webSocketMessages)) {
    const { frames, errors } = wsFrames(entry._webSocketMessages, warn);
    const c: HarConnection = { api: 'ws', ...base, frames, handshakeStatus: status };
    const opened = num(pl?.openedAt) ?? (status === 101 ? createdAt + wait : undefined);
    if (opened !== undefined) c.openedAt = opened;
    const closed = num(pl?.closedAt);
    if (closed !== undefined) c.closedAt = closed;
    const protocol = str(pl?.protocol) ?? header(resHeaders, 'sec-websocket-protocol');
    if (protocol) c.protocol = protocol;
    const protocols = Array.isArray(pl?.protocols) ? pl.protocols.filter((x): x is string => typeof x === 'string') : [];
    if (protocols.length) c.protocols = protocols;
    if (close) c.close = close;
    if (errors.length > 0 || pl?.errored === true || status === 0) c.errored = true;
    if (errors.length > 0) warn(`WebSocket ${req.url}: ${errors.join('; ')}`);
    return { ok: true, connection: c };
  }

  const content = isObj(res.content) ? res.content : {};
  const mime = str(content.mimeType) ?? '';
  const isStream = rtype === 'eventsource' || Array.isArray(entry._eventSourceMessages) || mime.startsWith('text/event-stream');
  const events = sseEvents(entry._eventSourceMessages);
  if (rtype === 'eventsource') {
    const c: HarConnection = { api: 'sse', ...base, events, handshakeStatus: status };
    const opened = num(pl?.openedAt) ?? (status !== undefined && status >= 200 && status < 300 ? createdAt + wait : undefined);
    if (opened !== undefined) c.openedAt = opened;
    const closed = num(pl?.closedAt) ?? (total !== undefined ? createdAt + total : undefined);
    if (closed !== undefined) c.closedAt = closed;
    if (pl?.errored === true) c.errored = true;
    return { ok: true, connection: c };
  }

  const api: 'fetch' | 'xhr' = rtype === 'xhr' ? 'xhr' : 'fetch';
  const postData = isObj(req.postData) ? req.postData : undefined;
  const http: HarHttpInfo = {
    api,
    method: str(req.method) ?? 'GET',
    url: req.url,
    requestHeaders: reqHeaders,
    start: createdAt,
    eventStream: isStream,
    responseHeaders: resHeaders,
  };
  if (postData && typeof postData.text === 'string') http.requestBody = postData.text;
  if (status !== undefined && status > 0) {
    http.status = status;
    http.statusText = str(res.statusText) ?? '';
    http.responseAt = num(pl?.responseAt) ?? createdAt + wait;
  }
  const end = num(pl?.end) ?? (total !== undefined && total >= 0 ? createdAt + total : undefined);
  if (end !== undefined) http.end = end;
  const size = num(content.size);
  if (size !== undefined) http.size = size;
  if (typeof content.text === 'string') {
    http.body = content.text;
    if (content.encoding === 'base64') http.bodyBinary = true;
  }
  if (pl?.bodyTruncated === true) http.bodyTruncated = true;
  const bodyHash = str(pl?.bodyHash);
  if (bodyHash) http.bodyHash = bodyHash;
  const outcome = str(pl?.outcome);
  if (outcome === 'ok' || outcome === 'error' || outcome === 'abort' || outcome === 'timeout') http.outcome = outcome;
  else http.outcome = status !== undefined && status > 0 ? 'ok' : 'error';
  const err = str(res._error);
  if (err) http.error = err;
  // A fetch/XHR event stream stays a fetch/XHR connection whose rows are its events.
  const plApi = str(pl?.api);
  const c: HarConnection = { api: plApi === 'fetch' || plApi === 'xhr' || plApi === 'sse' ? plApi : api, url: req.url, createdAt, http };
  if (isStream && events.length > 0) c.events = events;
  const opened = num(pl?.openedAt);
  if (opened !== undefined) c.openedAt = opened;
  const closed = num(pl?.closedAt);
  if (closed !== undefined) c.closedAt = closed;
  return { ok: true, connection: c };
}
