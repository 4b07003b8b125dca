// Context: extension pages and content scripts (relay, background, panel). Adapts a
// chrome.runtime.Port to the Transport interface.
import type { Transport } from './transport';

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
      } catch {
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
