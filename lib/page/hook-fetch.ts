// Context: page (MAIN world). Observes fetch(): the request as passed, the response headers, and
// the body through a tee (response.clone()) read by body-tap. The page gets the very Response the
// browser made. Because a tee only closes the connection when both branches are cancelled, the
// page's cancel paths (stream.cancel, reader.cancel, async-iterator return) are watched and our
// branch is cancelled with the page's.
import type { Recorder } from './recorder';
import type { ConnectionRegistry } from './connections';
import { natives, nowMs, call, safely } from './natives';
import { wrapMethod, nativeGetter, replaceValue } from './proxy-utils';
import { textPreview, anyPreview } from './payload';
import { tapBody, describeError, type BodyTap } from './body-tap';
import { headerList } from './headers';

const EVENT_STREAM = /^text\/event-stream/i;

export function hookFetch(recorder: Recorder, registry: ConnectionRegistry): void {
  if (typeof globalThis.fetch !== 'function' || typeof Response !== 'function') return;
  const getRequestUrl = nativeGetter<string>(Request.prototype, 'url');
  const getRequestMethod = nativeGetter<string>(Request.prototype, 'method');
  const getRequestHeaders = nativeGetter<Headers>(Request.prototype, 'headers');
  const getUrlHref = nativeGetter<string>(URL.prototype, 'href');
  const getStatus = nativeGetter<number>(Response.prototype, 'status');
  const getStatusText = nativeGetter<string>(Response.prototype, 'statusText');
  const getResponseHeaders = nativeGetter<Headers>(Response.prototype, 'headers');
  const getResponseUrl = nativeGetter<string>(Response.prototype, 'url');
  const getBody = nativeGetter<ReadableStream<Uint8Array> | null>(Response.prototype, 'body');
  const headersGet = Headers.prototype.get;
  const responseClone = Response.prototype.clone;
  const getReader = ReadableStream.prototype.getReader;
  const taps = new natives.WeakMapCtor<object, BodyTap>();

  const describeRequest = (args: unknown[]) => {
    const [input, init] = args as [unknown, Record<string, unknown> | undefined];
    let url = '';
    let method = 'GET';
    let headers: [string, string][] = [];
    try {
      // A native getter throws on anything but a real Request: no page getters or traps run.
      url = getRequestUrl(input);
      method = getRequestMethod(input);
      headers = headerList(getRequestHeaders(input));
    } catch {
      if (typeof input === 'string') url = resolveUrl(input);
      else {
        try {
          url = getUrlHref(input);
        } catch {
          url = ''; // filled from response.url; we do not call a page object's toString
        }
      }
    }
    let body;
    if (init && typeof init === 'object') {
      const initMethod = init.method;
      if (typeof initMethod === 'string') method = initMethod.toUpperCase();
      if (init.headers !== undefined) headers = headerList(init.headers);
      if (init.body !== undefined && init.body !== null) body = bodyPreview(init.body, recorder.settings.previewBytes);
    }
    return { url, method, headers, body };
  };

  wrapMethod(globalThis, 'fetch', (native, self, args) => {
    let conn = 0;
    safely(() => {
      const req = describeRequest(args);
      conn = recorder.newConnectionId();
      registry.add(conn, 'fetch', args);
      const live = registry.get(conn)!;
      live.rerun = () => void (natives.apply(native, globalThis, args) as Promise<Response>).catch(() => {});
      recorder.emit({ type: 'http-request', t: nowMs(), conn, api: 'fetch', ...req });
    });
    const promise = natives.apply(native, self, args) as Promise<Response>;
    if (!conn) return promise;
    // Our own promise (not a reaction on the browser's) keeps unhandled-rejection reporting the
    // page's business, and lets the body tee happen before the page's reaction can read the body.
    return new natives.PromiseCtor<Response>((resolve, reject) => {
      call(
        natives.promiseThen,
        promise,
        (response: Response) => {
          safely(() => onResponse(conn, response));
          resolve(response);
        },
        (err: unknown) => {
          safely(() => {
            const name = err && typeof err === 'object' ? String((err as { name?: unknown }).name) : '';
            recorder.emit({ type: 'http-end', t: nowMs(), conn, size: 0, outcome: name === 'AbortError' ? 'abort' : 'error', error: describeError(err) });
            registry.markClosed(conn);
          });
          reject(err);
        },
      );
    });
  });

  const onResponse = (conn: number, response: Response) => {
    const headers = getResponseHeaders(response);
    const contentType = (call(headersGet, headers, 'content-type') as string | null) ?? '';
    const eventStream = EVENT_STREAM.test(contentType);
    recorder.emit({
      type: 'http-response',
      t: nowMs(),
      conn,
      status: getStatus(response),
      statusText: getStatusText(response),
      headers: headerList(headers),
      url: getResponseUrl(response),
      eventStream,
    });
    if (getBody(response) === null) {
      recorder.emit({ type: 'http-end', t: nowMs(), conn, size: 0, outcome: 'ok' });
      registry.markClosed(conn);
      return;
    }
    const copy = call(responseClone, response) as Response;
    const pageBody = getBody(response)!;
    const reader = call(getReader, getBody(copy)!) as ReadableStreamDefaultReader<Uint8Array>;
    taps.set(pageBody, tapBody(recorder, conn, reader, contentType, eventStream));
  };

  watchPageCancels(taps);
}

/** Cancels our branch whenever the page cancels its branch of a tapped body. */
function watchPageCancels(taps: WeakMap<object, BodyTap>): void {
  const readers = new natives.WeakMapCtor<object, BodyTap>();
  const iterators = new natives.WeakMapCtor<object, BodyTap>();
  const cancelTap = (map: WeakMap<object, BodyTap>, key: unknown) => {
    if (typeof key !== 'object' || key === null) return;
    const tap = map.get(key);
    if (tap) safely(() => tap.cancel());
  };
  wrapMethod(ReadableStream.prototype, 'getReader', (native, self, args) => {
    const reader = natives.apply(native, self, args);
    const tap = taps.get(self as object);
    if (tap) readers.set(reader as object, tap);
    return reader;
  });
  wrapMethod(ReadableStream.prototype, 'cancel', (native, self, args) => {
    const result = natives.apply(native, self, args);
    cancelTap(taps, self);
    return result;
  });
  wrapMethod(ReadableStreamDefaultReader.prototype, 'cancel', (native, self, args) => {
    const result = natives.apply(native, self, args);
    cancelTap(readers, self);
    return result;
  });
  // `for await (const chunk of response.body)` followed by `break` cancels through the iterator.
  const streamProto = ReadableStream.prototype as unknown as Record<PropertyKey, unknown>;
  if (typeof streamProto.values === 'function') {
    const trackIterator = (native: (...a: unknown[]) => unknown, self: unknown, args: unknown[]) => {
      const iterator = natives.apply(native, self, args);
      const tap = taps.get(self as object);
      if (tap) iterators.set(iterator as object, tap);
      return iterator;
    };
    const sameFunction = streamProto[Symbol.asyncIterator] === streamProto.values;
    wrapMethod(streamProto, 'values', trackIterator);
    // WebIDL makes @@asyncIterator the very same function as values(); keep them identical.
    if (sameFunction) replaceValue(streamProto, Symbol.asyncIterator, streamProto.values);
    else wrapMethod(streamProto, Symbol.asyncIterator, trackIterator);
    try {
      const iteratorProto = Object.getPrototypeOf((new ReadableStream() as unknown as { values(): object }).values());
      wrapMethod(iteratorProto, 'return', (native, self, args) => {
        const result = natives.apply(native, self, args);
        cancelTap(iterators, self);
        return result;
      });
    } catch {
      /* no async iteration support: nothing to watch */
    }
  }
}

function resolveUrl(input: string): string {
  try {
    return new natives.URLCtor(input, document.baseURI).href;
  } catch {
    return input;
  }
}

function bodyPreview(body: unknown, cap: number) {
  if (typeof body === 'string') return textPreview(body, cap);
  if (typeof URLSearchParams === 'function' && body instanceof URLSearchParams) return textPreview(body.toString(), cap);
  if (typeof FormData === 'function' && body instanceof FormData) return { data: '(FormData)', binary: false, size: 0, truncated: true };
  if (typeof ReadableStream === 'function' && body instanceof ReadableStream) return { data: '(stream)', binary: false, size: 0, truncated: true };
  return anyPreview(body, cap).preview;
}
