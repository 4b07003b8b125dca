// Context: panel. What kind of request a chrome.devtools.network HAR entry is, in both browsers.
// Chrome labels entries (`_resourceType`) and keeps a refused handshake's status only in
// `_webSocketMessages`; Firefox has neither, but gives a refused handshake its real status, and
// its entries can be told apart by the URL scheme (ws:, wss:) and the request's Accept header
// (an EventSource always asks for text/event-stream).

export interface HarEntryLike {
  startedDateTime: string;
  request: { url: string; method?: string; headers?: { name: string; value: string }[] };
  timings?: { blocked?: number; dns?: number; connect?: number; ssl?: number; send?: number; wait?: number; receive?: number };
  response: { status: number };
  _resourceType?: string;
  _webSocketMessages?: { type: string; data: string }[];
}

/**
 * websocket / eventsource: a handshake whose status we join; http: a request whose timings we join
 * to a hooked fetch/XHR; other: documents, scripts, images (Chrome only: Firefox does not say).
 * `labelled` is false when the kind was inferred (Firefox): an "eventsource" there may also be a
 * fetch() that asked for an event stream, so its timings are worth joining too.
 */
export interface EntryKind {
  kind: 'websocket' | 'eventsource' | 'http' | 'other';
  labelled: boolean;
}

export function entryKind(entry: HarEntryLike): EntryKind {
  const type = entry._resourceType;
  if (type !== undefined) {
    if (type === 'websocket' || type === 'eventsource') return { kind: type, labelled: true };
    return { kind: type === 'xhr' || type === 'fetch' ? 'http' : 'other', labelled: true };
  }
  if (/^wss?:/i.test(entry.request.url)) return { kind: 'websocket', labelled: false };
  const accept = entry.request.headers?.find((h) => h.name.toLowerCase() === 'accept')?.value ?? '';
  if (/text\/event-stream/i.test(accept)) return { kind: 'eventsource', labelled: false };
  return { kind: 'http', labelled: false };
}

/** The handshake's HTTP status, 0 when unknown. Chrome reports a refused handshake as 0 and keeps the code in its error message. */
export function handshakeStatusOf(entry: HarEntryLike): number {
  const status = entry.response.status;
  if (status !== 0) return status;
  const m = /Unexpected response code: (\d{3})/.exec(entry._webSocketMessages?.find((x) => x.type === 'error')?.data ?? '');
  return m ? Number(m[1]) : 0;
}

/** Identifies an entry seen twice: once in getHAR() at start and again as it finishes. */
export function entryKey(entry: HarEntryLike): string {
  return `${entry.startedDateTime} ${entry.request.method ?? ''} ${entry.request.url}`;
}

/** The fields the joins read: pending entries keep only these, not their (possibly huge) message lists. */
export function slim(entry: HarEntryLike): HarEntryLike {
  const error = entry._webSocketMessages?.find((x) => x.type === 'error');
  const accept = entry.request.headers?.find((h) => h.name.toLowerCase() === 'accept');
  return {
    startedDateTime: entry.startedDateTime,
    request: { url: entry.request.url, method: entry.request.method, headers: accept ? [accept] : undefined },
    response: { status: entry.response.status },
    timings: entry.timings,
    _resourceType: entry._resourceType,
    _webSocketMessages: error ? [error] : undefined,
  };
}
