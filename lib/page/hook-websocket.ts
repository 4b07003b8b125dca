// Context: page (MAIN world). Observes every WebSocket the page creates: creation, open, each frame
// in and out, close (code, reason, who closed) and errors. Incoming frames are seen from inside
// the page's own message listeners (listener-tap.ts), before the page's function runs, so they
// can also be held for the fault-injection commands; open/close/error listeners of ours are added
// inside the constructor, before the page can add its own.
import type { Recorder } from './recorder';
import type { ConnectionRegistry, LiveConnection } from './connections';
import { natives, nowMs, call, safely, arr } from './natives';
import { wrapConstructor, wrapMethod, replaceGlobal, nativeGetter } from './proxy-utils';
import { anyPreview, fillBlobPreview } from './payload';
import { captureStack } from './stack';
import { HELD, type ListenerTap } from './listener-tap';

export interface SocketState {
  conn: number;
  live: LiveConnection;
  closeCalled: boolean;
}

export interface WebSocketHook {
  state: WeakMap<WebSocket, SocketState>;
  nativeSend: (this: WebSocket, data: unknown) => void;
  nativeClose: (this: WebSocket, code?: number, reason?: string) => void;
}

const EventCtor = Event;
const CloseEventCtor = typeof CloseEvent === 'function' ? CloseEvent : Event;
/** Protocol lists we made (so `after` knows the array is ours, not the page's). */
const protocolLists = new natives.WeakSetCtor<object>();

/**
 * The protocols argument as the native reads it (WebIDL: a string, or a sequence iterated once
 * through its own Symbol.iterator, each value converted to a string), into an array of ours that
 * the native then reads. Without this we read the page's array a second time after the native:
 * reads (and a Proxy or getter) the page can count, and values that could differ from the
 * native's. Errors are the page's own (its iterator or toString threw), as natively.
 */
function toProtocolList(args: unknown[]): unknown[] {
  const list = args[1];
  if ((typeof list !== 'object' && typeof list !== 'function') || list === null) return args;
  const iteratorOf = (list as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  if (iteratorOf === undefined || iteratorOf === null) return args; // not a sequence: the native converts it to a string
  if (typeof iteratorOf !== 'function') return args; // the native throws its own TypeError
  const iterator = natives.apply(iteratorOf as () => unknown, list, []) as { next?: unknown };
  if ((typeof iterator !== 'object' && typeof iterator !== 'function') || iterator === null) return args; // native TypeError
  const next = iterator.next;
  const out: string[] = [];
  for (;;) {
    const step = natives.apply(next as () => unknown, iterator, []) as { done?: unknown; value?: unknown };
    if ((typeof step !== 'object' && typeof step !== 'function') || step === null) return args;
    if (step.done) break;
    arr.push(out, `${step.value as string}`);
  }
  protocolLists.add(out);
  const copy = arr.slice(args);
  copy[1] = out;
  return copy;
}

export function hookWebSocket(recorder: Recorder, registry: ConnectionRegistry, tap: ListenerTap): WebSocketHook | undefined {
  const Native = globalThis.WebSocket;
  if (typeof Native !== 'function') return undefined;
  const proto = Native.prototype;
  const getUrl = nativeGetter<string>(proto, 'url');
  const getProtocol = nativeGetter<string>(proto, 'protocol');
  const getExtensions = nativeGetter<string>(proto, 'extensions');
  const getReadyState = nativeGetter<number>(proto, 'readyState');
  const getData = nativeGetter<unknown>(MessageEvent.prototype, 'data');
  const getCode = nativeGetter<number>(CloseEvent.prototype, 'code');
  const getReason = nativeGetter<string>(CloseEvent.prototype, 'reason');
  const getWasClean = nativeGetter<boolean>(CloseEvent.prototype, 'wasClean');
  const state = new natives.WeakMapCtor<WebSocket, SocketState>();
  const nativeSend = proto.send as WebSocketHook['nativeSend'];
  const nativeClose = proto.close as WebSocketHook['nativeClose'];

  const getTimeStamp = nativeGetter<number>(Event.prototype, 'timeStamp');
  const frame = (st: SocketState, dir: 'in' | 'out', data: unknown, t?: number) => {
    // Text (nearly every frame of a flood) is kept as is; its preview is made when a panel reads it.
    if (typeof data === 'string') return recorder.wsText(st.conn, dir, data, t);
    const cap = recorder.settings.previewBytes;
    const { preview, blob, kept } = anyPreview(data, cap, true);
    if (blob) fillBlobPreview(preview, blob, cap);
    recorder.emit({ type: 'ws-frame', t: t ?? nowMs(), conn: st.conn, dir, payload: preview }, kept?.whole, kept?.bytes);
  };

  const Wrapped = wrapConstructor(
    Native as unknown as new (...a: unknown[]) => WebSocket,
    (ws, args) => {
      const conn = recorder.newConnectionId();
      const live = registry.add(conn, 'ws', ws);
      const st: SocketState = { conn, live, closeCalled: false };
      state.set(ws, st);
      // `before` turned a protocol list into our own array of strings: reading it is invisible to the page.
      const list = args[1];
      const protocols: string[] = [];
      if (typeof list === 'string') arr.push(protocols, list);
      else if (natives.isArray(list) && protocolLists.has(list)) for (let i = 0; i < list.length; i++) arr.push(protocols, list[i] as string);
      recorder.emit({ type: 'ws-create', t: nowMs(), conn, url: getUrl(ws), protocols, stack: captureStack() as string | undefined });
      call(natives.addEventListener, ws, 'open', () =>
        safely(() => recorder.emit({ type: 'ws-open', t: nowMs(), conn, protocol: getProtocol(ws), extensions: getExtensions(ws) })),
      );
      tap.register(
        ws,
        {
          watches: (type) => type === 'message',
          onEvent: (event) => {
            frame(st, 'in', getData(event), natives.timeOrigin + getTimeStamp(event));
            const token = recorder.lastToken;
            if (!live.hold) return token;
            // Held for the "hold frames" fault: the page gets it later, in order, on release
            // (its listeners' time then goes to this record).
            arr.push((live.held ??= []), event as MessageEvent);
            arr.push((live.heldTokens ??= []), token);
            return HELD;
          },
        },
        ['message'],
      );
      call(natives.addEventListener, ws, 'error', () => safely(() => recorder.emit({ type: 'ws-error', t: nowMs(), conn })));
      call(natives.addEventListener, ws, 'close', (event: CloseEvent) => {
        if (!event.isTrusted) return;
        if (live.dropping) {
          // Simulated network drop: the page sees what a dead network gives, error then close 1006.
          call(natives.stopImmediatePropagation, event);
          safely(() =>
            recorder.emit({ type: 'ws-close', t: nowMs(), conn, code: 1006, reason: '', wasClean: false, by: 'server', synthetic: 'dropped' }),
          );
          registry.markClosed(conn);
          call(natives.dispatchEvent, ws, new EventCtor('error'));
          call(natives.dispatchEvent, ws, new CloseEventCtor('close', { code: 1006, reason: '', wasClean: false }));
          return;
        }
        safely(() => {
          recorder.emit({
            type: 'ws-close',
            t: nowMs(),
            conn,
            code: getCode(event),
            reason: getReason(event),
            wasClean: getWasClean(event),
            by: st.closeCalled ? 'client' : 'server',
          });
          registry.markClosed(conn);
        });
      });
    },
    toProtocolList,
  );

  wrapMethod(proto, 'send', (native, self, args) => {
    const result = natives.apply(native, self, args); // throws exactly as the native would
    safely(() => {
      const st = state.get(self as WebSocket);
      // Frames sent while CONNECTING throw above; CLOSING/CLOSED sends are silently discarded by the browser.
      if (st && getReadyState(self) === 1) frame(st, 'out', args[0]);
    });
    return result;
  });

  wrapMethod(proto, 'close', (native, self, args) => {
    const st = state.get(self as WebSocket);
    const before = st ? getReadyState(self) : 3;
    const result = natives.apply(native, self, args);
    if (st && before < 2) st.closeCalled = true;
    return result;
  });

  tap.tapHandler(proto, 'message');
  replaceGlobal('WebSocket', Wrapped);
  return { state, nativeSend, nativeClose };
}
