// Context: page (MAIN world). Runs the panel's commands on the page's own live connections. Commands
// arrive only through the private port (see port-link.ts); the page has no way to issue them.
import type { PanelCommand, CommandResult } from '../protocol/commands';
import type { Recorder } from './recorder';
import type { ConnectionRegistry } from './connections';
import type { WebSocketHook } from './hook-websocket';
import type { ListenerTap } from './listener-tap';
import { natives, nowMs, call, uncurry, str } from './natives';
import { nativeGetter } from './proxy-utils';
import { anyPreview, blobSizeOf, bytesToBase64, readBlob, textPreview } from './payload';
import { FULL_PAYLOAD_MAX_BYTES } from '../protocol/commands';
import { base64ToBytes } from '../util/bytes';
import { describeError } from './body-sink';

// Captured when the agent bundle loads, before the hooks wrap it: closing for a simulated
// failure must not be recorded as the page's own close().
const nativeEventSourceClose = typeof EventSource === 'function' ? EventSource.prototype.close : undefined;
// Getters and constructors captured at startup: the page may replace them before a command runs.
const HasWs = typeof WebSocket === 'function';
const HasEs = typeof EventSource === 'function';
const wsReadyState = HasWs ? nativeGetter<number>(WebSocket.prototype, 'readyState') : () => 3;
const wsBinaryType = HasWs ? nativeGetter<string>(WebSocket.prototype, 'binaryType') : () => '';
const wsUrl = HasWs ? nativeGetter<string>(WebSocket.prototype, 'url') : () => '';
const esReadyState = HasEs ? nativeGetter<number>(EventSource.prototype, 'readyState') : () => 2;
const esUrl = HasEs ? nativeGetter<string>(EventSource.prototype, 'url') : () => '';
const evData = nativeGetter<unknown>(MessageEvent.prototype, 'data');
const evOrigin = nativeGetter<string>(MessageEvent.prototype, 'origin');
const evLastEventId = nativeGetter<string>(MessageEvent.prototype, 'lastEventId');
const urlOrigin = nativeGetter<string>(URL.prototype, 'origin');
const deref = uncurry(WeakRef.prototype.deref) as (r: WeakRef<object>) => object | undefined;
const MessageEventCtor = MessageEvent;
const EventCtor = Event;
const BlobCtor = typeof Blob === 'function' ? Blob : undefined;

export interface CommandContext {
  recorder: Recorder;
  registry: ConnectionRegistry;
  ws?: WebSocketHook;
  /** Dispatches what PushLens releases or injects, timing the page's listeners on it. */
  tap?: ListenerTap;
}

/**
 * Runs a command and hands its answer to `reply`: at once for every command but `frame-payload`
 * of a Blob frame, whose bytes are read asynchronously.
 */
export function answerCommand(ctx: CommandContext, commandId: string, command: PanelCommand, reply: (result: CommandResult) => void): void {
  if (command.kind === 'frame-payload') answerPayload(ctx.recorder, commandId, command, reply);
  else reply(runCommand(ctx, commandId, command));
}

/** A frame's whole payload, from the ring: never a part of it. */
export function answerPayload(
  recorder: Pick<Recorder, 'fullPayload' | 'settings'>,
  commandId: string,
  command: { seq: number; conn: number },
  reply: (result: CommandResult) => void,
): void {
  const fail = (error: string) => reply({ commandId, ok: false, error });
  const whole = recorder.fullPayload(command.seq, command.conn);
  if (whole === undefined) {
    const { bufferRecords, bufferBytes } = recorder.settings;
    return fail(
      `The page no longer holds this frame whole: it left the page's buffer (its newest ${bufferRecords} records, ${(bufferBytes / 1048576) | 0} MB), the page reloaded, or it came from a worker or a stream cut at 1 MiB. PushLens will not use a partial frame.`,
    );
  }
  const tooBig = (bytes: number) =>
    fail(`This frame is ${(bytes / 1048576) | 0} MB; PushLens hands over frames of up to ${FULL_PAYLOAD_MAX_BYTES / 1048576} MB whole.`);
  if (typeof whole === 'string') {
    if (whole.length > FULL_PAYLOAD_MAX_BYTES) return tooBig(whole.length);
    return reply({ commandId, ok: true, data: whole, binary: false });
  }
  const blobBytes = blobSizeOf(whole);
  if (blobBytes === undefined) {
    const bytes = whole as Uint8Array;
    if (bytes.length > FULL_PAYLOAD_MAX_BYTES) return tooBig(bytes.length);
    return reply({ commandId, ok: true, data: bytesToBase64(bytes), binary: true });
  }
  if (blobBytes > FULL_PAYLOAD_MAX_BYTES) return tooBig(blobBytes);
  readBlob(
    whole as Blob,
    (bytes) => reply({ commandId, ok: true, data: bytesToBase64(bytes), binary: true }),
    () => fail("The browser could not read this frame's Blob."),
  );
}

export function runCommand(ctx: CommandContext, commandId: string, command: Exclude<PanelCommand, { kind: 'frame-payload' }>): CommandResult {
  const fail = (error: string): CommandResult => ({ commandId, ok: false, error });
  const entry = ctx.registry.get(command.conn);
  if (!entry) return fail(`Connection #${command.conn} is no longer known to the page (it closed long ago or the page reloaded).`);
  const target = deref(entry.target);
  if (!target) return fail(`Connection #${command.conn} was garbage-collected by the page.`);
  const cap = ctx.recorder.settings.previewBytes;

  switch (command.kind) {
    case 'ws-send':
    case 'ws-inject':
    case 'ws-close':
    case 'ws-drop':
    case 'ws-hold': {
      if (entry.kind !== 'ws' || !ctx.ws) return fail('This command needs a WebSocket connection.');
      const ws = target as WebSocket;
      if (command.kind === 'ws-hold') {
        entry.hold = command.hold;
        if (!command.hold) {
          const held = entry.held ?? [];
          const tokens = entry.heldTokens ?? [];
          entry.held = [];
          entry.heldTokens = [];
          // Released in arrival order as fresh events: Chrome silently refuses to dispatch an event
          // object a second time. They are untrusted, so our own listener does not record them twice.
          for (let i = 0; i < held.length; i++) {
            const event = held[i];
            const fresh = new MessageEventCtor('message', { data: evData(event), origin: evOrigin(event), lastEventId: evLastEventId(event) });
            dispatch(ctx, ws, fresh, i < tokens.length ? tokens[i] : 0);
          }
        }
        return { commandId, ok: true };
      }
      if (entry.closed || wsReadyState(ws) >= 2)
        return fail('The WebSocket is closed; reconnect first (the page opens a new connection in the same channel).');
      if (command.kind === 'ws-send') {
        if (wsReadyState(ws) !== 1) return fail('The WebSocket is still connecting.');
        const data = command.binary ? base64ToBytes(command.data) : command.data;
        call(ctx.ws.nativeSend, ws, data);
        const { preview, kept } = anyPreview(data, cap, true);
        ctx.recorder.emit(
          { type: 'ws-frame', t: nowMs(), conn: command.conn, dir: 'out', payload: preview, synthetic: 'sent' },
          kept?.whole,
          kept?.bytes,
        );
        return { commandId, ok: true };
      }
      if (command.kind === 'ws-inject') {
        const bytes = command.binary ? base64ToBytes(command.data) : undefined;
        const data = bytes ? (wsBinaryType(ws) === 'blob' && BlobCtor ? new BlobCtor([bytes]) : bytes.buffer) : command.data;
        const event = new MessageEventCtor('message', { data, origin: originOf(wsUrl(ws)) });
        const { preview, kept } = anyPreview(bytes ?? command.data, cap, true);
        ctx.recorder.emit(
          { type: 'ws-frame', t: nowMs(), conn: command.conn, dir: 'in', payload: preview, synthetic: 'injected' },
          kept?.whole,
          kept?.bytes,
        );
        dispatch(ctx, ws, event, ctx.recorder.lastToken);
        return { commandId, ok: true };
      }
      if (command.kind === 'ws-close') {
        try {
          call(ctx.ws.nativeClose, ws, command.code, command.reason);
        } catch (err) {
          return fail(`The browser refused the close: ${describeError(err)}`);
        }
        const st = ctx.ws.state.get(ws);
        if (st) st.closeCalled = true;
        return { commandId, ok: true };
      }
      // ws-drop: the real socket is closed; the page is shown what a network drop looks like.
      entry.dropping = true;
      call(ctx.ws.nativeClose, ws, 4999, 'PushLens simulated network drop');
      return { commandId, ok: true };
    }
    case 'sse-inject': {
      if (entry.kind !== 'sse') return fail('This command needs an EventSource connection.');
      const source = target as EventSource;
      if (esReadyState(source) === 2) return fail('The EventSource is closed for good; the page must create a new one.');
      const event = new MessageEventCtor(command.event || 'message', {
        data: command.data,
        lastEventId: command.id,
        origin: originOf(esUrl(source)),
      });
      const payload = textPreview(command.data, cap);
      const whole = payload.truncated ? command.data : undefined;
      ctx.recorder.emit(
        { type: 'sse-event', t: nowMs(), conn: command.conn, event: command.event || 'message', id: command.id, payload, synthetic: 'injected' },
        whole,
        whole ? whole.length * 2 : 0,
      );
      dispatch(ctx, source, event, ctx.recorder.lastToken);
      return { commandId, ok: true };
    }
    case 'sse-fail': {
      if (entry.kind !== 'sse') return fail('This command needs an EventSource connection.');
      const source = target as EventSource;
      if (esReadyState(source) === 2) return fail('The EventSource is already closed.');
      // Page JS cannot make a native EventSource reconnect; what it can see is the stream failing
      // for good: readyState CLOSED and an error event, which is what apps must recover from.
      if (nativeEventSourceClose) call(nativeEventSourceClose, source);
      ctx.recorder.emit({ type: 'sse-error', t: nowMs(), conn: command.conn, readyState: 2 });
      ctx.registry.markClosed(command.conn);
      call(natives.dispatchEvent, source, new EventCtor('error'));
      return { commandId, ok: true };
    }
    case 'http-rerun': {
      if (!entry.rerun) return fail('This request cannot be re-run.');
      entry.rerun();
      return { commandId, ok: true };
    }
  }
}

/** Dispatches a frame PushLens made to the page, the page listeners' time going to record `token`. */
function dispatch(ctx: CommandContext, target: object, event: Event, token: number): void {
  if (ctx.tap) ctx.tap.dispatchTimed(target, event, token);
  else call(natives.dispatchEvent, target, event);
}

function originOf(url: string): string {
  try {
    const origin = urlOrigin(new natives.URLCtor(url));
    return str.startsWith(origin, 'http') ? 'ws' + str.slice(origin, 4) : origin;
  } catch {
    return '';
  }
}
