// Context: page (MAIN world). Observes every EventSource: creation, each open (the first and
// every automatic reconnect), every event of the types the page listens to, errors with the
// readyState after them (0 = reconnecting, 2 = given up) and close().
// An EventSource only dispatches a named event to listeners of that type, so we add our own
// listener for a type the moment the page adds its first one (ours goes first).
import type { Recorder } from './recorder';
import type { ConnectionRegistry } from './connections';
import { natives, nowMs, call, safely, reportAgentError } from './natives';
import { wrapConstructor, wrapMethod, replaceGlobal, nativeGetter } from './proxy-utils';
import { textPreview } from './payload';
import { captureStack } from './stack';

interface SourceState {
  conn: number;
  types: Set<string>;
}

export interface EventSourceHook {
  state: WeakMap<EventSource, SourceState>;
}

export function hookEventSource(recorder: Recorder, registry: ConnectionRegistry): EventSourceHook | undefined {
  const Native = globalThis.EventSource;
  if (typeof Native !== 'function') return undefined;
  const proto = Native.prototype;
  const getUrl = nativeGetter<string>(proto, 'url');
  const getWithCredentials = nativeGetter<boolean>(proto, 'withCredentials');
  const getReadyState = nativeGetter<number>(proto, 'readyState');
  const getData = nativeGetter<unknown>(MessageEvent.prototype, 'data');
  const getLastEventId = nativeGetter<string>(MessageEvent.prototype, 'lastEventId');
  const state = new natives.WeakMapCtor<EventSource, SourceState>();

  const getTrusted = nativeGetter<boolean>(Event.prototype, 'isTrusted');
  // Runs for every event: no closure per call, the type comes from the listener it belongs to.
  const onEvent = (st: SourceState, type: string) => (event: MessageEvent) => {
    try {
      if (!getTrusted(event)) return; // injected or page-dispatched: not from the server
      const data = getData(event);
      recorder.emit({
        type: 'sse-event',
        t: nowMs(),
        conn: st.conn,
        event: type,
        id: getLastEventId(event),
        payload: textPreview(typeof data === 'string' ? data : String(data), recorder.settings.previewBytes),
      });
    } catch (err) {
      reportAgentError(err);
    }
  };

  const listenFor = (source: EventSource, st: SourceState, type: string) => {
    if (st.types.has(type)) return;
    st.types.add(type);
    call(natives.addEventListener, source, type, onEvent(st, type));
  };

  const Wrapped = wrapConstructor(Native as unknown as new (...a: unknown[]) => EventSource, (source) => {
    const conn = recorder.newConnectionId();
    registry.add(conn, 'sse', source);
    const st: SourceState = { conn, types: new Set(['open', 'error']) };
    state.set(source, st);
    recorder.emit({ type: 'sse-create', t: nowMs(), conn, url: getUrl(source), withCredentials: getWithCredentials(source), stack: captureStack() });
    call(natives.addEventListener, source, 'open', (e: Event) => safely(() => e.isTrusted && recorder.emit({ type: 'sse-open', t: nowMs(), conn })));
    call(natives.addEventListener, source, 'error', (e: Event) =>
      safely(() => {
        if (!e.isTrusted) return;
        const readyState = getReadyState(source);
        recorder.emit({ type: 'sse-error', t: nowMs(), conn, readyState });
        if (readyState === 2) registry.markClosed(conn);
      }),
    );
    // "message" is what onmessage and most pages use; watch it from the start.
    listenFor(source, st, 'message');
  });

  wrapMethod(EventTarget.prototype, 'addEventListener', (native, self, args) => {
    // A WeakMap lookup, not instanceof: instanceof could run a page Proxy's getPrototypeOf trap.
    if (typeof args[0] === 'string') {
      safely(() => {
        const st = state.get(self as EventSource);
        if (st) listenFor(self as EventSource, st, args[0] as string);
      });
    }
    return natives.apply(native, self, args);
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

  replaceGlobal('EventSource', Wrapped);
  return { state };
}
