// Context: page (MAIN world). Follows a fetch Response's body as the PAGE consumes it, and feeds
// what the page gets to its BodySink: reader.read() (default and BYOB), async iteration,
// pipeThrough/pipeTo (through a pass-through TransformStream we splice in), and the Response
// methods text(), json(), arrayBuffer(), bytes(), blob(), formData(). A body the page never reads
// is reported when the Response is garbage-collected. Only tracked bodies are touched: for every
// other stream the wrappers cost one WeakMap lookup.
import { natives, call, safely, reportAgentError, ownThen, uncurry } from './natives';
import { wrapMethod, nativeGetter } from './proxy-utils';
import { describeError, outcomeOf, type BodySink } from './body-sink';
import { safeJson } from './safe-json';

const U8 = Uint8Array;
const toStringTag = natives.getOwnPropertyDescriptor(natives.getPrototypeOf(Uint8Array.prototype) as object, Symbol.toStringTag)!.get!;
/** A real Uint8Array (the native tag getter: no `instanceof`, which reads the page's globals). */
const isU8 = (x: unknown): boolean => natives.apply(toStringTag, x, []) === 'Uint8Array';

type AnyFn = (...a: unknown[]) => unknown;

export interface BodyObserver {
  /** Follows `body`, the body stream of `response` (already read by the caller). */
  track(response: Response, body: ReadableStream<Uint8Array>, sink: BodySink): void;
}

type ReadResult = { done?: boolean; value?: unknown };
/** What a followed promise's value tells the sink. Shared functions, not closures made per call. */
type OnValue<T> = (sink: BodySink, stream: object, v: T) => void;

export function installBodyObserver(): BodyObserver | undefined {
  if (typeof ReadableStream !== 'function' || typeof Response !== 'function') return undefined;
  const getBody = nativeGetter<ReadableStream<Uint8Array> | null>(Response.prototype, 'body');
  const getBlobSize = nativeGetter<number>(Blob.prototype, 'size');
  const getBodyUsed = nativeGetter<boolean>(Response.prototype, 'bodyUsed');
  const getLocked = nativeGetter<boolean>(ReadableStream.prototype, 'locked');
  /** Body streams (and clones' branches) → sink. */
  const streams = new natives.WeakMapCtor<object, BodySink>();
  /** Readers and async iterators of tracked streams → [sink, stream]. */
  const consumers = new natives.WeakMapCtor<object, [BodySink, object]>();
  const responses = new natives.WeakMapCtor<object, BodySink>();
  // The sink is both the held value and the unregister token: one registration, no extra objects.
  const unread = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<BodySink>((sink) => safely(() => sink.unread())) : undefined;
  const register = unread ? uncurry(FinalizationRegistry.prototype.register) : undefined;
  const unregister = unread ? uncurry(FinalizationRegistry.prototype.unregister) : undefined;
  /** The page started consuming the body: its own reads will end the record, whatever happens to the Response object. */
  const consuming = (sink: BodySink) => unregister?.(unread, sink);

  /**
   * Our own promise around the page's: the page's unhandled-rejection reporting stays its own, and
   * the page gets a plain native Promise whatever the page did to Promise species. Agent errors are
   * caught inline (this runs for every chunk the page reads).
   */
  const follow = <T>(p: Promise<T>, sink: BodySink, stream: object, onValue: OnValue<T>): Promise<T> =>
    new natives.PromiseCtor<T>((resolve, reject) =>
      ownThen(
        p,
        (v: T) => {
          try {
            onValue(sink, stream, v);
          } catch (err) {
            reportAgentError(err);
          }
          resolve(v);
        },
        (e: unknown) => {
          try {
            sink.finish(stream, outcomeOf(e), describeError(e));
          } catch (err) {
            reportAgentError(err);
          }
          reject(e);
        },
      ),
    );

  const onReadResult: OnValue<ReadResult> = (sink, stream, r) => {
    if (r.done) sink.finish(stream, 'ok');
    else if (isU8(r.value)) sink.chunk(stream, r.value as Uint8Array);
  };

  // Readers and iterators of tracked streams.
  wrapMethod(ReadableStream.prototype, 'getReader', (native, self, args) => {
    const reader = natives.apply(native, self, args);
    const sink = streams.get(self as object);
    if (sink) {
      consumers.set(reader as object, [sink, self as object]);
      consuming(sink);
    }
    return reader;
  });
  const wrapRead = (proto: object | undefined) => {
    if (!proto) return;
    wrapMethod(proto, 'read', (native, self, args) => {
      const p = natives.apply(native, self, args) as Promise<ReadResult>;
      const entry = consumers.get(self as object);
      if (!entry) return p;
      return follow(p, entry[0], entry[1], onReadResult);
    });
  };
  wrapRead(ReadableStreamDefaultReader.prototype);
  wrapRead(typeof ReadableStreamBYOBReader === 'function' ? ReadableStreamBYOBReader.prototype : undefined);

  const streamProto = ReadableStream.prototype as unknown as Record<PropertyKey, unknown>;
  if (typeof streamProto.values === 'function') {
    const sameFunction = streamProto[Symbol.asyncIterator] === streamProto.values;
    const trackIterator = (native: AnyFn, self: unknown, args: unknown[]) => {
      const iterator = natives.apply(native, self, args);
      const sink = streams.get(self as object);
      if (sink) {
        consumers.set(iterator as object, [sink, self as object]);
        consuming(sink);
      }
      return iterator;
    };
    wrapMethod(streamProto, 'values', trackIterator);
    // WebIDL makes @@asyncIterator the very same function as values(); keep them identical.
    if (sameFunction)
      natives.defineProperty(streamProto, Symbol.asyncIterator, {
        ...natives.getOwnPropertyDescriptor(streamProto, Symbol.asyncIterator)!,
        value: streamProto.values,
      });
    else wrapMethod(streamProto, Symbol.asyncIterator, trackIterator);
    try {
      const iteratorProto = Object.getPrototypeOf((new ReadableStream() as unknown as { values(): object }).values());
      wrapMethod(iteratorProto, 'next', (native, self, args) => {
        const p = natives.apply(native, self, args) as Promise<ReadResult>;
        const entry = consumers.get(self as object);
        if (!entry) return p;
        return follow(p, entry[0], entry[1], onReadResult);
      });
    } catch {
      /* no async iteration support */
    }
  }

  // Pipes: splice a pass-through in front of the page's own pipe. The page gets the very
  // readable (or promise) the native returns; chunks, backpressure, errors and cancellation flow
  // through the pass-through unchanged.
  const TransformCtor = typeof TransformStream === 'function' ? TransformStream : undefined;
  const nativePipeThrough = ReadableStream.prototype.pipeThrough;
  const tapped = (self: object, sink: BodySink): ReadableStream => {
    // High-water marks of 0: the splice holds no chunk of its own, so the body is pulled exactly
    // when the page's pipe pulls, and chunk boundaries stay the browser's.
    const pass = new TransformCtor!({
      transform(chunk, controller) {
        safely(() => isU8(chunk) && sink.chunk(self, chunk as Uint8Array));
        controller.enqueue(chunk);
      },
      flush() {
        safely(() => sink.finish(self, 'ok'));
      },
    });
    return call(nativePipeThrough, self, pass) as ReadableStream;
  };
  for (const key of ['pipeThrough', 'pipeTo'] as const) {
    wrapMethod(ReadableStream.prototype, key, (native, self, args) => {
      const sink = streams.get(self as object);
      // Only a pipe that will start gets the splice; anything the native would refuse is left to it.
      if (!sink || !TransformCtor || getLocked(self) || !args[0] || typeof args[0] !== 'object') return natives.apply(native, self, args);
      consuming(sink);
      return natives.apply(native, tapped(self as object, sink), args);
    });
  }

  // Whole-body methods of Response.
  const whole: Record<string, OnValue<unknown>> = {
    text: (sink, stream, v) => sink.wholeText(stream, typeof v === 'string' ? v : ''),
    json: (sink, stream, v) => sink.wholeText(stream, safeJson(v)),
    arrayBuffer: (sink, stream, v) => sink.wholeBytes(stream, new U8(v as ArrayBuffer)),
    bytes: (sink, stream, v) => sink.wholeBytes(stream, v as Uint8Array),
    blob: (sink, stream, v) => sink.sizeOnly(stream, getBlobSize(v), 'ok'),
    formData: (sink, stream) => sink.sizeOnly(stream, 0, 'ok'),
  };
  for (const key of Object.keys(whole)) {
    if (typeof (Response.prototype as unknown as Record<string, unknown>)[key] !== 'function') continue;
    const onValue = whole[key];
    wrapMethod(Response.prototype, key, (native, self, args) => {
      // Responses we do not follow (the page's own `new Response`, cache hits…) cost one lookup.
      const sink = responses.get(self as object);
      if (!sink) return natives.apply(native, self, args);
      let stream: ReadableStream<Uint8Array> | null = null;
      let refused = true;
      try {
        stream = getBody(self);
        refused = getBodyUsed(self) || (stream !== null && getLocked(stream));
      } catch (err) {
        reportAgentError(err);
      }
      const p = natives.apply(native, self, args) as Promise<unknown>;
      // Refused calls (used or locked body) get the native's own promise: its rejection timing
      // and unhandled-rejection reporting stay exact (its stack shows our frame).
      if (refused || !stream) return p;
      consuming(sink);
      return follow(p, sink, stream, onValue);
    });
  }

  // A page clone() tees the body: both branches (and both Responses) lead to the same sink; the
  // first one the page reads is the one recorded.
  wrapMethod(Response.prototype, 'clone', (native, self, args) => {
    const copy = natives.apply(native, self, args) as Response;
    const sink = responses.get(self as object);
    if (sink) {
      responses.set(copy, sink);
      const a = getBody(self);
      const b = getBody(copy);
      if (a) streams.set(a, sink);
      if (b) streams.set(b, sink);
    }
    return copy;
  });

  return {
    track(response, body, sink) {
      streams.set(body, sink);
      responses.set(response, sink);
      register?.(unread, response, sink, sink);
    },
  };
}
