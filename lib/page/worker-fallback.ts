// Context: page (MAIN world). A page's CSP may refuse our blob: bootstrap (worker-src/script-src
// without blob:). Chromium does not throw then: the worker just never runs and fires `error`,
// which would break the page. Page JS cannot read its CSP without side effects, so we detect it:
// the worker agent posts an "alive" mark as the very first thing it does; a worker that errors
// before that mark never ran our code. Then the page's own arguments start a native worker and
// the Worker object the page holds is retargeted to it: postMessage/terminate go to the native
// worker, its events are re-dispatched on the page's object (untrusted events: a residual
// difference on such pages only), and messages the page posted meanwhile are replayed from copies.
import { natives, call, safely } from './natives';
import { wrapMethod } from './proxy-utils';

interface Pending {
  alive: boolean;
  /** Copies of what the page posted before we knew the bootstrap ran (replayed on fallback). */
  copies: unknown[][];
  start: () => Worker;
  onRefused: () => void;
}

const targets = new natives.WeakMapCtor<Worker, Worker>();
const pending = new natives.WeakMapCtor<Worker, Pending>();
const clone: ((v: unknown) => unknown) | undefined = typeof structuredClone === 'function' ? structuredClone : undefined;
let installed = false;
const nativePostMessage = typeof Worker === 'function' ? Worker.prototype.postMessage : undefined!;

function install(proto: Worker): void {
  if (installed) return;
  installed = true;
  wrapMethod(proto, 'postMessage', (native, self, args) => {
    const target = targets.get(self as Worker);
    if (target) return natives.apply(native, target, args);
    safely(() => {
      const p = pending.get(self as Worker);
      // A copy without transfers: the original (and its transfers) goes to the worker as usual.
      if (p && !p.alive && clone && p.copies.length < 1000) p.copies[p.copies.length] = [clone(args[0])];
    });
    return natives.apply(native, self, args);
  });
  wrapMethod(proto, 'terminate', (native, self, args) => {
    const target = targets.get(self as Worker);
    if (target) natives.apply(native, target, args);
    return natives.apply(native, self, args);
  });
}

/** Watches a bootstrapped worker; `start` builds the native worker with the page's own arguments. */
export function watchBootstrap(worker: Worker, aliveMark: string, start: () => Worker, onRefused: () => void): void {
  install(natives.getPrototypeOf(worker) as Worker);
  const p: Pending = { alive: false, copies: [], start, onRefused };
  pending.set(worker, p);
  const getData = natives.eventData!;
  const onMessage = (e: MessageEvent) => {
    const data = call(getData, e) as { aliveMark?: unknown } | null;
    if (p.alive || !data || typeof data !== 'object' || data.aliveMark !== aliveMark) return;
    call(natives.stopImmediatePropagation, e);
    p.alive = true;
    p.copies = [];
    call(natives.removeEventListener, worker, 'message', onMessage, true);
    call(natives.removeEventListener, worker, 'error', onError, true);
  };
  const onError = (e: Event) => {
    if (p.alive) return;
    call(natives.stopImmediatePropagation, e);
    call(natives.removeEventListener, worker, 'message', onMessage, true);
    call(natives.removeEventListener, worker, 'error', onError, true);
    safely(() => fallBack(worker, p));
  };
  // Registered inside the constructor, before the page can add listeners: ours run first.
  call(natives.addEventListener, worker, 'message', onMessage, true);
  call(natives.addEventListener, worker, 'error', onError, true);
}

function fallBack(worker: Worker, p: Pending): void {
  p.onRefused();
  const real = p.start();
  targets.set(worker, real);
  const redispatch = (e: Event) =>
    safely(() => {
      let copy: Event;
      if (e.type === 'error' && typeof ErrorEvent === 'function' && e instanceof ErrorEvent) {
        copy = new ErrorEvent('error', {
          message: e.message,
          filename: e.filename,
          lineno: e.lineno,
          colno: e.colno,
          error: e.error,
          cancelable: true,
        });
      } else if (e instanceof MessageEvent) {
        copy = new MessageEvent(e.type, { data: e.data, ports: [...e.ports], origin: e.origin, lastEventId: e.lastEventId });
      } else copy = new Event(e.type, { cancelable: e.cancelable });
      call(natives.dispatchEvent, worker, copy);
    });
  const types = ['message', 'messageerror', 'error'];
  for (let i = 0; i < types.length; i++) call(natives.addEventListener, real, types[i], redispatch);
  for (let i = 0; i < p.copies.length; i++) safely(() => call(nativePostMessage, real, p.copies[i][0]));
  p.copies = [];
}
