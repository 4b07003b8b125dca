// Context: pure (panel + model), no browser APIs.
// Session → HAR 1.2. WebSocket entries use Chrome's own format (`_resourceType: 'websocket'`,
// status 101, `_webSocketMessages` with epoch-second times) so files open in Chrome DevTools and
// other HAR viewers; SSE events go in `_eventSourceMessages` (our documented extension). Data
// HAR has no field for goes in `_pushlens` so our own files re-import without loss.

import { redactHar } from './redact-har';
import type { Har, HarConnection, HarEntry, HarExportInput, HarHttpInfo, HarNameValue, HarPushLensInfo, HarTimings, Header } from './types';

export interface HarExportOptions {
  /** Replace secrets everywhere they can sit (default on in the UI): see redact.ts. */
  redact: boolean;
  creatorVersion?: string;
}

const toSeconds = (ms: number): number => ms / 1000;
const iso = (ms: number): string => new Date(ms).toISOString();
const nv = (headers: readonly Header[] | undefined): HarNameValue[] => (headers ?? []).map(([name, value]) => ({ name, value }));

function queryString(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function headerValue(headers: readonly Header[] | undefined, name: string): string | undefined {
  return headers?.find(([k]) => k.toLowerCase() === name)?.[1];
}

/** -1 means "does not apply / unknown" in HAR timings. */
function timings(start: number, responseAt: number | undefined, end: number | undefined): { timings: HarTimings; time: number } {
  const wait = responseAt !== undefined ? Math.max(0, responseAt - start) : end !== undefined ? Math.max(0, end - start) : 0;
  const receive = responseAt !== undefined && end !== undefined ? Math.max(0, end - responseAt) : 0;
  return { timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait, receive }, time: wait + receive };
}

function statusText(status: number): string {
  return status === 101 ? 'Switching Protocols' : status === 200 ? 'OK' : '';
}

function pushlensInfo(c: HarConnection): HarPushLensInfo {
  const p: HarPushLensInfo = { api: c.api, createdAt: c.createdAt };
  if (c.openedAt !== undefined) p.openedAt = c.openedAt;
  if (c.closedAt !== undefined) p.closedAt = c.closedAt;
  if (c.protocol) p.protocol = c.protocol;
  if (c.protocols?.length) p.protocols = c.protocols;
  if (c.close) p.close = c.close;
  if (c.errored) p.errored = true;
  if (c.http) {
    if (c.http.responseAt !== undefined) p.responseAt = c.http.responseAt;
    if (c.http.end !== undefined) p.end = c.http.end;
    if (c.http.outcome) p.outcome = c.http.outcome;
    if (c.http.bodyTruncated) p.bodyTruncated = true;
    if (c.http.bodyHash) p.bodyHash = c.http.bodyHash;
  }
  return p;
}

function wsEntry(c: HarConnection): HarEntry {
  const reqHeaders = c.requestHeaders ?? [];
  const resHeaders = c.responseHeaders ?? [];
  const url = c.url;
  const status = c.handshakeStatus ?? (c.openedAt !== undefined ? 101 : 0);
  const t = timings(c.createdAt, c.openedAt, c.openedAt);
  return {
    startedDateTime: iso(c.createdAt),
    time: t.time,
    request: {
      method: 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nv(reqHeaders),
      queryString: queryString(url),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: statusText(status),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nv(resHeaders),
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: t.timings,
    _resourceType: 'websocket',
    _webSocketMessages: (c.frames ?? []).map((f) => ({
      type: f.dir === 'out' ? 'send' : 'receive',
      time: toSeconds(f.time),
      opcode: f.opcode,
      data: f.data,
      ...truncation(f.truncatedSize),
    })),
    _pushlens: pushlensInfo(c),
  };
}

function httpParts(h: HarHttpInfo): Pick<HarEntry, 'request' | 'response' | 'time' | 'timings'> {
  const url = h.url;
  const reqHeaders = h.requestHeaders;
  const resHeaders = h.responseHeaders ?? [];
  const mime = headerValue(h.responseHeaders, 'content-type') ?? (h.eventStream ? 'text/event-stream' : 'x-unknown');
  const t = timings(h.start, h.responseAt, h.end);
  const content: HarEntry['response']['content'] = { size: h.size ?? 0, mimeType: mime };
  if (h.body !== undefined) {
    content.text = h.body;
    if (h.bodyBinary) content.encoding = 'base64';
  }
  const request: HarEntry['request'] = {
    method: h.method,
    url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: nv(reqHeaders),
    queryString: queryString(url),
    headersSize: -1,
    bodySize: h.requestBody !== undefined ? h.requestBody.length : 0,
  };
  if (h.requestBody !== undefined)
    request.postData = { mimeType: headerValue(h.requestHeaders, 'content-type') ?? 'text/plain', text: h.requestBody };
  const response: HarEntry['response'] = {
    status: h.status ?? 0,
    statusText: h.statusText ?? '',
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: nv(resHeaders),
    content,
    redirectURL: headerValue(h.responseHeaders, 'location') ?? '',
    headersSize: -1,
    bodySize: h.size ?? -1,
  };
  if (h.error) response._error = h.error;
  return { request, response, time: t.time, timings: t.timings };
}

function sseEntry(c: HarConnection): HarEntry {
  const events = (c.events ?? []).map((e) => ({
    time: toSeconds(e.time),
    eventName: e.event,
    eventId: e.id,
    data: e.data,
    ...truncation(e.truncatedSize),
  }));
  if (c.http) {
    // fetch/XHR event streams: a normal HTTP entry plus the parsed events.
    return {
      startedDateTime: iso(c.http.start),
      ...httpParts(c.http),
      cache: {},
      _resourceType: c.http.api,
      _eventSourceMessages: events,
      _pushlens: pushlensInfo(c),
    };
  }
  const url = c.url;
  const status = c.handshakeStatus ?? (c.openedAt !== undefined ? 200 : 0);
  const end = c.closedAt ?? c.events?.at(-1)?.time;
  const t = timings(c.createdAt, c.openedAt, end);
  return {
    startedDateTime: iso(c.createdAt),
    time: t.time,
    request: {
      method: 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nv(c.requestHeaders),
      queryString: queryString(url),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: statusText(status),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nv(c.responseHeaders),
      content: { size: 0, mimeType: 'text/event-stream' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: t.timings,
    _resourceType: 'eventsource',
    _eventSourceMessages: events,
    _pushlens: pushlensInfo(c),
  };
}

export function exportHar(input: HarExportInput, options: HarExportOptions): Har {
  const entries: HarEntry[] = [];
  for (const c of input.connections) {
    if (c.api === 'ws') entries.push(wsEntry(c));
    else if (c.api === 'sse' || (c.http?.eventStream && c.events)) entries.push(sseEntry(c));
    else if (c.http)
      entries.push({
        startedDateTime: iso(c.http.start),
        ...httpParts(c.http),
        cache: {},
        _resourceType: c.http.api,
        _pushlens: pushlensInfo(c),
      });
  }
  entries.sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
  const first = input.connections.reduce((m, c) => Math.min(m, c.createdAt), Number.POSITIVE_INFINITY);
  const pageId = 'page_1';
  let cut = 0;
  for (const c of input.connections) {
    for (const f of c.frames ?? []) if (f.truncatedSize !== undefined) cut++;
    for (const e of c.events ?? []) if (e.truncatedSize !== undefined) cut++;
  }
  const comments = [
    ...(cut ? [`${cut} messages were captured only in part: each is marked "_pushlens": {"truncated": true, "size": <true size in bytes>}.`] : []),
  ];
  for (const e of entries) e.pageref = pageId;
  const har: Har = {
    log: {
      version: '1.2',
      creator: { name: 'PushLens', version: options.creatorVersion ?? '0.1.0' },
      pages: [
        {
          startedDateTime: iso(Number.isFinite(first) ? first : 0),
          id: pageId,
          title: input.pageTitle ?? input.pageUrl ?? '',
          pageTimings: { onContentLoad: -1, onLoad: -1 },
        },
      ],
      entries,
      ...(comments.length ? { comment: comments.join(' ') } : {}),
      ...(cut ? { _pushlens: { truncatedMessages: cut } } : {}),
    },
  };
  return options.redact ? redactHar(har) : har;
}

/** A message cut at the capture cap says so, with its true size (rule 6: never silently partial). */
function truncation(size: number | undefined): { _pushlens?: { truncated: true; size: number } } {
  return size === undefined ? {} : { _pushlens: { truncated: true, size } };
}
