// Context: page (MAIN world). Observes fetch(): the request as passed, the response headers, and
// the body as the page itself reads it (body-observer.ts): no clone, no reading of our own, so the
// page's chunks, backpressure and cancellation are exactly the browser's. The page gets the very
// Response the browser made.
import type { Recorder } from './recorder';
import type { ConnectionRegistry } from './connections';
import { natives, nowMs, call, safely, reportAgentError, str, reTest, ownThen, uncurry } from './natives';
import { wrapMethod, nativeGetter, hideAgentFrames, plain, ownerOf } from './proxy-utils';
import { fetchPrefixGecko } from './fetch-errors';
import { keepRerun, rerunBodySize } from './rerun-store';
import { textPreview, anyPreview } from './payload';
import { BodySink, describeError, outcomeOf } from './body-sink';
import { installBodyObserver } from './body-observer';
import { httpOrigin, rootRelativeUrl } from './fetch-url';

const EVENT_STREAM = /^text\/event-stream/i;
/**
 * Schemes fetch loads; any other is rejected synchronously by the native. Tested on a Request's
 * url, which is already parsed and serialized (scheme in lower case): no URL to parse again.
 */
const FETCHABLE_URL = /^(?:https?|data|blob):/;
const REQUEST_PREFIX = "Failed to construct 'Request': ";
const FETCH_PREFIX = "Failed to execute 'fetch' on 'Window': ";

/** A Request constructor error says "construct 'Request'" where the native fetch says "execute 'fetch'". */
function rewordForFetch(err: unknown): void {
  if (!err || typeof err !== 'object') return;
  const desc = natives.getOwnPropertyDescriptor(err, 'message');
  if (!desc || typeof desc.value !== 'string') return;
  // Indexed, not destructured: destructuring runs the page-replaceable array iterator.
  const pair = str.startsWith(desc.value, REQUEST_PREFIX) ? [REQUEST_PREFIX, FETCH_PREFIX] : fetchPrefixGecko(desc.value);
  const from = pair[0];
  const to = pair[1];
  if (from === undefined || to === undefined) return;
  // The stack's first line repeats the message: hideAgentFrames recaptures it afterwards.
  natives.defineProperty(err, 'message', plain({ ...desc, value: to + str.slice(desc.value, from.length) }));
}

export function hookFetch(recorder: Recorder, registry: ConnectionRegistry): void {
  if (typeof globalThis.fetch !== 'function' || typeof Response !== 'function') return;
  const getRequestUrl = nativeGetter<string>(Request.prototype, 'url');
  const getRequestMethod = nativeGetter<string>(Request.prototype, 'method');
  const getRequestHeaders = nativeGetter<Headers>(Request.prototype, 'headers');
  const getStatus = nativeGetter<number>(Response.prototype, 'status');
  const getStatusText = nativeGetter<string>(Response.prototype, 'statusText');
  const getResponseHeaders = nativeGetter<Headers>(Response.prototype, 'headers');
  const getResponseUrl = nativeGetter<string>(Response.prototype, 'url');
  const getBody = nativeGetter<ReadableStream<Uint8Array> | null>(Response.prototype, 'body');
  const headersGet = Headers.prototype.get;
  const bodies = installBodyObserver();

  const getSignal = nativeGetter<AbortSignal>(Request.prototype, 'signal');
  const getAborted = nativeGetter<boolean>(AbortSignal.prototype, 'aborted');
  const getReason = nativeGetter<unknown>(AbortSignal.prototype, 'reason');
  const RequestCtor = natives.RequestCtor!;
  // Only where a document gives the base URL the native resolves against (not in workers).
  const getBaseUri = typeof Node === 'function' && typeof document === 'object' ? nativeGetter<string>(Node.prototype, 'baseURI') : undefined;
  const getHref = nativeGetter<string>(URL.prototype, 'href');

  /**
   * For fetch(url) with no init (the common GET, polling's favourite): the URL the native will
   * load, provided it certainly accepts it without rejecting synchronously: a string (no page
   * toString to call), parseable, http(s), no credentials. Parsed as the native parses it: against
   * the document's base URL, in UTF-8 whatever the document's encoding. The native then builds its
   * one Request from the page's own arguments, and makes its own errors; we build none (profiled:
   * our Request, its getters and a URL parse were the largest items of the request side).
   */
  const plainUrl = (args: unknown[]): string | undefined => {
    const input = args[0];
    if (!getBaseUri || typeof input !== 'string' || args[1] !== undefined) return undefined;
    const base = getBaseUri(document);
    // The usual '/api/…' needs no parser: the base's origin and the path as written.
    const simple = rootRelativeUrl(input, base);
    if (simple !== undefined) return simple;
    let url: string;
    try {
      url = getHref(new natives.URLCtor(input, base));
    } catch {
      return undefined; // the native rejects it: left to the path that words that error as fetch does
    }
    return httpOrigin(url) === undefined ? undefined : url;
  };

  /**
   * Builds the Request the native fetch would build, reading the page's init exactly once (a page
   * getter or Proxy sees the same gets as without us); returns it with the body the init passed.
   */
  const buildRequest = (args: unknown[]): { request: Request; body: unknown } => {
    const init = args[1];
    // No init object: the page's own argument list does (the Request ignores extra arguments).
    if ((typeof init !== 'object' || init === null) && typeof init !== 'function')
      return { request: natives.construct(RequestCtor, args) as Request, body: undefined };
    let body: unknown;
    const request = natives.construct(RequestCtor, [
      args[0],
      new natives.ProxyCtor(init, {
        get(target, key) {
          const value = natives.reflectGet(target, key, target);
          if (key === 'body') body = value;
          return value;
        },
      }),
    ]) as Request;
    return { request, body };
  };

  /**
   * Registers the connection for panel commands: `http-rerun` replays the page's own arguments
   * through the hook, so the new exchange is recorded as the next row, and reads the response
   * itself (it is ours, the page never sees it) so its body is recorded too.
   */
  const register = (args: unknown[], body: unknown): number => {
    const conn = recorder.newConnectionId();
    const entry = registry.add(conn, 'fetch', args);
    // A Request passed as input carries its own body, already used by this fetch: not re-runnable.
    const size = typeof args[0] === 'string' || requestBody(args[0]) === null ? rerunBodySize(body) : -1;
    if (size >= 0) keepRerun(entry, size, rerunOf(args));
    return conn;
  };
  // Made here, not inside register: the closure keeps only the arguments alive.
  const rerunOf = (args: unknown[]) => () => {
    const replay = natives.apply(hookedFetch, globalThis, args) as Promise<Response>;
    ownThen(ownThen(replay, readRerunBody) as Promise<unknown>, ignore, ignore);
  };
  const getReqBody = nativeGetter<ReadableStream | null>(Request.prototype, 'body');
  /** The body of a Request input (null when it has none), undefined when `input` is not a Request. */
  const requestBody = (input: unknown): ReadableStream | null | undefined => {
    if (typeof input !== 'object' || input === null) return undefined;
    try {
      return getReqBody(input);
    } catch {
      return undefined;
    }
  };

  const recordPlain = (args: unknown[], url: string, t: number): number => {
    const conn = register(args, undefined);
    // What a Request made from a bare URL holds: GET, no headers of the page's, no body.
    recorder.emit({ type: 'http-request', t, conn, api: 'fetch', url, method: 'GET', headers: [], body: undefined });
    return conn;
  };

  const record = (args: unknown[], request: Request, url: string, body: unknown): number => {
    const conn = register(args, body);
    recorder.emit({
      type: 'http-request',
      t: nowMs(),
      conn,
      api: 'fetch',
      url,
      method: getRequestMethod(request),
      // The Headers object itself, listed only when a panel reads the record (record-ring.ts):
      // this Request is ours, the page never holds it.
      headers: getRequestHeaders(request) as unknown as [string, string][],
      body: body === undefined || body === null ? undefined : bodyPreview(body, recorder.settings.previewBytes),
    });
    return conn;
  };

  const recordFailure = (conn: number, err: unknown) => {
    recorder.emit({ type: 'http-end', t: nowMs(), conn, size: 0, outcome: outcomeOf(err), error: describeError(err) });
    registry.markClosed(conn);
  };

  // Set once the wrapper is installed: re-runs go through it to be recorded.
  let hookedFetch: (...a: unknown[]) => unknown = globalThis.fetch as (...a: unknown[]) => unknown;
  // The observed text() (wrapped above, before any page script): reading a re-run's body through
  // it records the body.
  const observedText = Response.prototype.text;
  const readRerunBody = (r: Response): unknown => natives.apply(observedText, r, []);
  // On the global itself in a window, on WorkerGlobalScope.prototype in a worker: wrapped where it lives.
  wrapMethod(ownerOf(globalThis, 'fetch'), 'fetch', (native, self, args, hide) => {
    // Anything unusual (a foreign `this`) goes straight to the native, unobserved.
    if (self !== undefined && self !== globalThis) return natives.apply(native, self, args);
    let plain: string | undefined;
    try {
      plain = plainUrl(args);
    } catch (err) {
      reportAgentError(err);
    }
    if (plain !== undefined) {
      const t = nowMs();
      const promise = natives.apply(native, self, args) as Promise<Response>;
      // Recorded once the request is on its way: our bookkeeping overlaps the network's work.
      let conn = 0;
      try {
        conn = recordPlain(args, plain, t);
      } catch (err) {
        reportAgentError(err);
      }
      return conn ? follow(conn, promise) : promise;
    }
    let built: { request: Request; body: unknown };
    try {
      built = buildRequest(args);
    } catch (err) {
      // The native fetch would reject at once with this error, worded for fetch; a promise that is
      // already rejected keeps the page's microtask order and unhandled-rejection reporting.
      safely(() => rewordForFetch(err));
      hide(err);
      return natives.promiseReject(err);
    }
    const { request, body } = built;
    const url = getRequestUrl(request);
    let conn = 0;
    try {
      conn = record(args, request, url, body);
    } catch (err) {
      reportAgentError(err);
    }
    const signal = getSignal(request);
    if (getAborted(signal)) {
      // Rejected with the signal's own reason, created by the page's abort(): no frames of ours.
      // (Firefox creates a default AbortError when `reason` is first read, here: hide our frames.)
      const reason = getReason(signal);
      safely(() => hide(reason));
      safely(() => conn && recordFailure(conn, reason));
      return natives.promiseReject(reason);
    }
    if (!conn || !reTest(FETCHABLE_URL, url)) {
      // Schemes fetch refuses are rejected synchronously by the native: return its own promise.
      return natives.apply(native, self, [request]);
    }
    return follow(conn, natives.apply(native, self, [request]) as Promise<Response>);
  });
  hookedFetch = globalThis.fetch as (...a: unknown[]) => unknown;

  /**
   * The page's fetch promise, observed. Our own promise (not a reaction on the browser's) keeps
   * unhandled-rejection reporting the page's business, and lets us start following the body
   * before the page's reaction reads it. It settles one microtask after the browser's; fetch
   * settles in a task of its own, so no page code can run in between.
   */
  const follow = (conn: number, promise: Promise<Response>): Promise<Response> =>
    new natives.PromiseCtor<Response>((resolve, reject) => {
      ownThen(
        promise,
        (response: Response) => {
          try {
            onResponse(conn, response);
          } catch (err) {
            reportAgentError(err);
          }
          resolve(response);
        },
        (err: unknown) => {
          safely(() => recordFailure(conn, err));
          hideAgentFrames(err);
          reject(err);
        },
      );
    });

  const onResponse = (conn: number, response: Response) => {
    const headers = getResponseHeaders(response);
    const contentType = (call(headersGet, headers, 'content-type') as string | null) ?? '';
    const eventStream = reTest(EVENT_STREAM, contentType);
    recorder.emit({
      type: 'http-response',
      t: nowMs(),
      conn,
      status: getStatus(response),
      statusText: getStatusText(response),
      // Listed when a panel reads the record: a fetch Response's headers are immutable.
      headers: headers as unknown as [string, string][],
      url: getResponseUrl(response),
      eventStream,
    });
    const body = getBody(response);
    if (body === null || !bodies) {
      recorder.emit({ type: 'http-end', t: nowMs(), conn, size: 0, outcome: 'ok' });
      registry.markClosed(conn);
      return;
    }
    bodies.track(response, body, new BodySink(recorder, conn, contentType, eventStream, registry));
  };
}

function ignore(): void {
  /* a re-run's outcome shows in its own records */
}

const uspToString = typeof URLSearchParams === 'function' ? uncurry(URLSearchParams.prototype.toString) : undefined;
const formDataHas = typeof FormData === 'function' ? uncurry(FormData.prototype.has) : undefined;
const streamLocked = typeof ReadableStream === 'function' ? natives.getOwnPropertyDescriptor(ReadableStream.prototype, 'locked')?.get : undefined;

/** True when `fn` accepts `x` as its `this` (a brand check by a native: no `instanceof`, no page getter). */
function is(fn: ((self: unknown, ...a: never[]) => unknown) | undefined, x: unknown, arg?: unknown): boolean {
  if (!fn || typeof x !== 'object' || x === null) return false;
  try {
    natives.apply(fn, undefined, [x, arg]);
    return true;
  } catch {
    return false;
  }
}

function bodyPreview(body: unknown, cap: number) {
  if (typeof body === 'string') return textPreview(body, cap);
  if (is(uspToString, body)) return textPreview(uspToString!(body), cap);
  if (is(formDataHas, body, '')) return { data: '(FormData)', binary: false, size: 0, truncated: true };
  if (streamLocked && is(uncurriedLocked, body)) return { data: '(stream)', binary: false, size: 0, truncated: true };
  return anyPreview(body, cap).preview;
}
const uncurriedLocked = streamLocked ? uncurry(streamLocked) : undefined;
