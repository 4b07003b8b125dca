// Context: page (MAIN world). Observes XMLHttpRequest: open/setRequestHeader/send as called, the
// response headers, progress of text/event-stream responses (parsed into SSE events), and the end
// (load, error, abort, timeout) with a capped body preview. Listeners are added at send(), after
// the page's own, and only read: they never change what the page sees.
import type { Recorder } from './recorder';
import type { ConnectionRegistry } from './connections';
import { natives, nowMs, call, safely, str, arr, reTest } from './natives';
import { wrapMethod, nativeGetter } from './proxy-utils';
import { keepRerun, rerunBodySize } from './rerun-store';
import { textPreview, anyPreview, bytesPreview, fnv1a } from './payload';
import { headerList, parseRawHeaders } from './headers';
import { describeError, recordingSseParser } from './body-sink';
import { safeJson } from './safe-json';
import type { SseParser } from '../sse/parser';

const EVENT_STREAM = /^text\/event-stream/i;
const U8 = Uint8Array;
const getBlobSize = typeof Blob === 'function' ? natives.getOwnPropertyDescriptor(Blob.prototype, 'size')!.get! : undefined;

interface XhrState {
  method: string;
  url: string;
  headers: [string, string][];
}

export function hookXhr(recorder: Recorder, registry: ConnectionRegistry): void {
  if (typeof XMLHttpRequest !== 'function') return;
  const proto = XMLHttpRequest.prototype;
  const getReadyState = nativeGetter<number>(proto, 'readyState');
  const getStatus = nativeGetter<number>(proto, 'status');
  const getStatusText = nativeGetter<string>(proto, 'statusText');
  const getResponseUrl = nativeGetter<string>(proto, 'responseURL');
  const getResponseType = nativeGetter<XMLHttpRequestResponseType>(proto, 'responseType');
  const getResponseText = nativeGetter<string>(proto, 'responseText');
  const getResponse = nativeGetter<unknown>(proto, 'response');
  const getAllHeaders = proto.getAllResponseHeaders;
  const getHeader = proto.getResponseHeader;
  const states = new natives.WeakMapCtor<XMLHttpRequest, XhrState>();
  const XhrCtor = XMLHttpRequest;
  const getBaseUri = typeof Node === 'function' && typeof document === 'object' ? nativeGetter<string>(Node.prototype, 'baseURI') : undefined;
  const getHref = nativeGetter<string>(URL.prototype, 'href');
  const resolve = (url: string): string => {
    try {
      return getHref(getBaseUri ? new natives.URLCtor(url, getBaseUri(document)) : new natives.URLCtor(url));
    } catch {
      return url;
    }
  };

  wrapMethod(proto, 'open', (native, self, args) => {
    // The method and URL are converted to strings once, here, and the native gets the strings: a
    // page toString runs exactly as often as without us, and what we record is what the native used.
    const forwarded = toStrings(args, 2);
    const result = natives.apply(native, self, forwarded);
    safely(() => {
      const method = str.toUpperCase(forwarded[0] as string);
      states.set(self as XMLHttpRequest, { method, url: resolve(forwarded[1] as string), headers: [] });
    });
    return result;
  });

  wrapMethod(proto, 'setRequestHeader', (native, self, args) => {
    const forwarded = toStrings(args, 2);
    const result = natives.apply(native, self, forwarded);
    safely(() => {
      const st = states.get(self as XMLHttpRequest);
      if (st && st.headers.length < 200) arr.push(st.headers, [str.toLowerCase(forwarded[0] as string), forwarded[1] as string]);
    });
    return result;
  });
  // The hooked methods, so a re-run is recorded like any request.
  const hookedOpen = proto.open;
  const hookedSetHeader = proto.setRequestHeader;
  const hookedSend = proto.send;

  wrapMethod(proto, 'send', (native, self, args) => {
    const xhr = self as XMLHttpRequest;
    safely(() => {
      const st = states.get(xhr);
      // send() before open() throws below; only a real, opened request is recorded.
      if (st && getReadyState(xhr) === 1) watch(xhr, st, args[0]);
    });
    return natives.apply(native, self, args);
  });

  // Made outside watch(): a closure there would share watch's scope with the request's
  // listeners, so a request that never finishes would keep its body alive even when the body is
  // too large to be kept for a re-run (rerun-store.ts drops the closure, not the listeners).
  const rerunOf = (st: XhrState, body: unknown) => () => {
    const again = new XhrCtor();
    call(hookedOpen, again, st.method, st.url);
    for (let i = 0; i < st.headers.length; i++) call(hookedSetHeader, again, st.headers[i][0], st.headers[i][1]);
    call(hookedSend, again, body);
  };

  const watch = (xhr: XMLHttpRequest, st: XhrState, body: unknown) => {
    const conn = recorder.newConnectionId();
    const live = registry.add(conn, 'xhr', xhr);
    keepRerun(live, rerunBodySize(body), rerunOf(st, body));
    const cap = recorder.settings.previewBytes;
    recorder.emit({
      type: 'http-request',
      t: nowMs(),
      conn,
      api: 'xhr',
      method: st.method,
      url: st.url,
      headers: headerList(st.headers),
      body: body === undefined || body === null ? undefined : typeof body === 'string' ? textPreview(body, cap) : anyPreview(body, cap).preview,
    });
    let responded = false;
    let outcome: 'ok' | 'error' | 'abort' | 'timeout' = 'ok';
    let parser: SseParser | undefined;
    let parsedUpTo = 0;
    const respond = () => {
      if (responded) return;
      responded = true;
      const contentType = (call(getHeader, xhr, 'content-type') as string | null) ?? '';
      const eventStream = reTest(EVENT_STREAM, contentType);
      const type = getResponseType(xhr);
      if (eventStream && (type === '' || type === 'text')) {
        parser = recordingSseParser(recorder, conn);
      }
      recorder.emit({
        type: 'http-response',
        t: nowMs(),
        conn,
        status: getStatus(xhr),
        statusText: getStatusText(xhr),
        headers: parseRawHeaders(call(getAllHeaders, xhr) as string),
        url: getResponseUrl(xhr),
        eventStream,
      });
    };
    const feedParser = () => {
      if (!parser) return;
      const text = getResponseText(xhr);
      if (text.length > parsedUpTo) {
        parser.push(str.slice(text, parsedUpTo));
        parsedUpTo = text.length;
      }
    };
    call(natives.addEventListener, xhr, 'readystatechange', () =>
      safely(() => {
        const state = getReadyState(xhr);
        if (state >= 2 && getStatus(xhr) !== 0) respond();
        if (state >= 3) feedParser();
      }),
    );
    call(natives.addEventListener, xhr, 'error', () => (outcome = 'error'));
    call(natives.addEventListener, xhr, 'abort', () => (outcome = 'abort'));
    call(natives.addEventListener, xhr, 'timeout', () => (outcome = 'timeout'));
    call(natives.addEventListener, xhr, 'loadend', () =>
      safely(() => {
        if (outcome === 'ok') respond();
        feedParser();
        const end = endPreview(xhr, cap, !!parser);
        recorder.emit({
          type: 'http-end',
          t: nowMs(),
          conn,
          size: end.size,
          body: end.body,
          bodyHash: end.hash,
          outcome,
          error:
            outcome === 'ok'
              ? undefined
              : describeError({
                  name: outcome,
                  message: `request ${outcome === 'error' ? 'failed' : outcome === 'abort' ? 'aborted' : 'timed out'}`,
                }),
        });
        registry.markClosed(conn);
      }),
    );
  };

  const endPreview = (xhr: XMLHttpRequest, cap: number, eventStream: boolean) => {
    const type = getResponseType(xhr);
    if (type === '' || type === 'text') {
      const text = getResponseText(xhr);
      const body = textPreview(text, cap);
      return {
        size: body.size,
        body: eventStream ? undefined : body,
        hash: eventStream ? undefined : fnv1a(text.length > cap ? str.slice(text, 0, cap) : text),
      };
    }
    const response = getResponse(xhr);
    if (type === 'arraybuffer' && response !== null) {
      const body = bytesPreview(new U8(response as ArrayBuffer), cap);
      return { size: body.size, body, hash: fnv1a(body.data) };
    }
    if (type === 'blob' && response !== null) return { size: call(getBlobSize!, response) as number, body: undefined, hash: undefined };
    if (type === 'json' && response !== null) {
      const text = safeJson(response);
      const body = textPreview(text, cap);
      return { size: body.size, body, hash: fnv1a(text) };
    }
    return { size: 0, body: undefined, hash: undefined };
  };
}

/**
 * The first `n` arguments converted as WebIDL converts them (ToString, once each, in order); the
 * rest untouched. A conversion that throws throws the page's own error, as the native would.
 */
function toStrings(args: unknown[], n: number): unknown[] {
  const out = arr.slice(args);
  for (let i = 0; i < n && i < out.length; i++) if (typeof out[i] !== 'string') out[i] = `${out[i] as string}`;
  return out;
}
