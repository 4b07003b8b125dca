// Context: page (MAIN world). Observes every EventSource: creation, each open (the first and
// every automatic reconnect), every event of the types the page listens to, errors with the
// readyState after them (0 = reconnecting, 2 = given up) and close().
// An EventSource only dispatches a named event to listeners of that type, so events are recorded
// for the types the page listens to, from inside the page's own listeners (listener-tap.ts).
import type { Recorder } from './recorder';
import type { ConnectionRegistry } from './connections';
import { natives, nowMs, call, safely } from './natives';
import { wrapConstructor, wrapMethod, replaceGlobal, nativeGetter } from './proxy-utils';
import { captureStack } from './stack';
import type { ListenerTap } from './listener-tap';
import { plantHookEvent } from './self-check-plant';

interface SourceState {
  conn: number;
}

export interface EventSourceHook {
  state: WeakMap<EventSource, SourceState>;
}

export function hookEventSource(recorder: Recorder, registry: ConnectionRegistry, tap: ListenerTap): EventSourceHook | undefined {
  const Native = globalThis.EventSource;
  if (typeof Native !== 'function') return undefined;
  const proto = Native.prototype;
  const getUrl = nativeGetter<string>(proto, 'url');
  const getWithCredentials = nativeGetter<boolean>(proto, 'withCredentials');
  const getReadyState = nativeGetter<number>(proto, 'readyState');
  const getData = nativeGetter<unknown>(MessageEvent.prototype, 'data');
  const getLastEventId = nativeGetter<string>(MessageEvent.prototype, 'lastEventId');
  const state = new natives.WeakMapCtor<EventSource, SourceState>();

  const getType = nativeGetter<string>(Event.prototype, 'type');
  const getTimeStamp = nativeGetter<number>(Event.prototype, 'timeStamp');
  /** Every event type but the connection's own open/error is an event from the stream. */
  const watches = (type: string) => type !== 'open' && type !== 'error';

  const Wrapped = wrapConstructor(Native as unknown as new (...a: unknown[]) => EventSource, (source) => {
    const conn = recorder.newConnectionId();
    registry.add(conn, 'sse', source);
    const st: SourceState = { conn };
    state.set(source, st);
    recorder.emit({
      type: 'sse-create',
      t: nowMs(),
      conn,
      url: getUrl(source),
      withCredentials: getWithCredentials(source),
      stack: captureStack() as string | undefined,
    });
    call(natives.addEventListener, source, 'open', (e: Event) => safely(() => e.isTrusted && recorder.emit({ type: 'sse-open', t: nowMs(), conn })));
    call(natives.addEventListener, source, 'error', (e: Event) =>
      safely(() => {
        if (!e.isTrusted) return;
        const readyState = getReadyState(source);
        recorder.emit({ type: 'sse-error', t: nowMs(), conn, readyState });
        if (readyState === 2) registry.markClosed(conn);
      }),
    );
    // "message" is what onmessage and most pages use: watched from the start. Named types are
    // watched from the page's first listener of that type.
    tap.register(
      source,
      {
        watches,
        onEvent: (event) => {
          if (__PUSHLENS_PLANT__) plantHookEvent();
          const data = getData(event);
          recorder.sseEvent(
            conn,
            getType(event),
            getLastEventId(event),
            typeof data === 'string' ? data : '',
            natives.timeOrigin + getTimeStamp(event),
          );
          return recorder.lastToken;
        },
      },
      ['message'],
    );
  });

  wrapMethod(proto, 'close', (native, self, args) => {
    const st = state.get(self as EventSource);
    const before = st ? getReadyState(self) : 2;
    const result = natives.apply(native, self, args);
    if (st && before !== 2) {
      safely(() => recorder.emit({ type: 'sse-close', t: nowMs(), conn: st.conn }));
      registry.markClosed(st.conn);
    }
    return result;
  });

  tap.tapHandler(proto, 'message');
  replaceGlobal('EventSource', Wrapped);
  return { state };
}
