// Context: extension pages and content scripts (relay, background, panel). Adapts a
// chrome.runtime.Port to the Transport interface.
//
// Chrome copies Port messages by structured clone (our manifest opts in) and Firefox always
// does: a value JSON would have flattened (a function member, say) throws DataCloneError instead.
// That is not a closed port, so such a message is sent as its JSON form, as JSON messaging did.
import type { Transport } from './transport';
import { jsonCopy } from '../util/json-copy';

/** The subset of chrome.runtime.Port we use; lets tests pass a fake. */
export interface RuntimePortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (m: unknown) => void): void; removeListener(cb: (m: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
  disconnect(): void;
}

export function runtimePortTransport<In, Out>(port: RuntimePortLike, guard: (m: unknown) => m is In): Transport<In, Out> {
  let connected = true;
  port.onDisconnect.addListener(() => {
    connected = false;
  });
  return {
    post(message) {
      if (!connected) return;
      try {
        port.postMessage(message);
      } catch (err) {
        if (isDataCloneError(err) && postAsJson(port, message)) return;
        // The port closed between our check and the post (service worker stopped): the
        // receiver resyncs by sequence number, so nothing is lost for good.
        connected = false;
      }
    },
    listen(onMessage) {
      const cb = (m: unknown) => {
        if (guard(m)) onMessage(m);
      };
      port.onMessage.addListener(cb);
      return () => port.onMessage.removeListener(cb);
    },
    onDisconnect(callback) {
      port.onDisconnect.addListener(callback);
      return () => port.onDisconnect.removeListener(callback);
    },
  };
}

function isDataCloneError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'DataCloneError';
}

/** Posts `message` as JSON would carry it; false when the port refused it anyway (closed). */
function postAsJson(port: RuntimePortLike, message: unknown): boolean {
  const plain = jsonCopy(message);
  if (plain === undefined) return true; // not JSON either (a cycle): the message is dropped, the port is fine
  try {
    port.postMessage(plain);
    return true;
  } catch {
    return false;
  }
}
