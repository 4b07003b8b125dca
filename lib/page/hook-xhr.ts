// Context: page (MAIN world). Observes XMLHttpRequest: open/setRequestHeader/send as called, the
// response headers, progress of text/event-stream responses (parsed into SSE events), and the end
// (load, error, abort, timeout) with a capped body preview. Listeners are added at send(), after
// the page's own, and only read: they never change what the page sees.
import type { Recorder } from './recorder';
import type { ConnectionRegistry } from './connections';
import { natives, nowMs, call, safely } from './natives';
import { wrapMethod, nativeGetter } from './proxy-utils';
import { textPreview, anyPreview, bytesPreview, fnv1a } from './payload';
import { headerList, parseRawHeaders } from './headers';
import { describeError } from './body-sink';
import { SseParser } from '../sse/parser';

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

  wrapMethod(proto, 'open', (native, self, args) => {
    const result = natives.apply(native, self, args);
    safely(() => {
      const method = typeof args[0] === 'string' ? args[0].toUpperCase() : 'GET';
      const url = typeof args[1] === 'string' ? resolve(args[1]) : args[1] instanceof URL ? args[1].href : '';
      states.set(self as XMLHttpRequest, { method, url, headers: [] });
    });
    return result;
  });

  wrapMethod(proto, 'setRequestHeader', (native, self, args) => {
    const result = natives.apply(native, self, args);
    safely(() => {
      const st = states.get(self as XMLHttpRequest);
      if (st && st.headers.length < 200) st.headers.push([String(args[0]).toLowerCase(), String(args[1])]);
    });
    return result;
  });

  wrapMethod(proto, 'send', (native, self, args) => {
    const xhr = self as XMLHttpRequest;
    safely(() => {
      const st = states.get(xhr);
      // send() before open() throws below; only a real, opened request is recorded.
      if (st && getReadyState(xhr) === 1) watch(xhr, st, args[0]);
    });
    return natives.apply(native, self, args);
  });

  const watch = (xhr: XMLHttpRequest, st: XhrState, body: unknown) => {
    const conn = recorder.newConnectionId();
    const live = registry.add(conn, 'xhr', xhr);
    live.rerun = () => {
      const again = new XMLHttpRequest();
      again.open(st.method, st.url);
      for (const [k, v] of st.headers) again.setRequestHeader(k, v);
      again.send(body as XMLHttpRequestBodyInit | null);
    };
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
      const eventStream = /^text\/event-stream/i.test(contentType);
      const type = getResponseType(xhr);
      if (eventStream && (type === '' || type === 'text')) {
        parser = new SseParser((e) =>
          recorder.emit({ type: 'sse-event', t: nowMs(), conn, event: e.event, id: e.id, retry: e.retry, payload: textPreview(e.data, cap) }),
        );
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
        parser.push(text.slice(parsedUpTo));
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
        hash: eventStream ? undefined : fnv1a(text.length > cap ? text.slice(0, cap) : text),
      };
    }
    const response = getResponse(xhr);
    if (response instanceof ArrayBuffer) {
      const body = bytesPreview(new Uint8Array(response), cap);
      return { size: body.size, body, hash: fnv1a(body.data) };
    }
    if (typeof Blob === 'function' && response instanceof Blob) return { size: response.size, body: undefined, hash: undefined };
    if (type === 'json' && response !== null) {
      const text = natives.JSONStringify(response) ?? '';
      const body = textPreview(text, cap);
      return { size: body.size, body, hash: fnv1a(text) };
    }
    return { size: 0, body: undefined, hash: undefined };
  };
}

function resolve(url: string): string {
  try {
    return new natives.URLCtor(url, document.baseURI).href;
  } catch {
    return url;
  }
}
