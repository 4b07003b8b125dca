// Context: dedicated worker, run first by the bootstrap blob the page agent builds (see
// worker-wrap.ts), before the page's worker script. Installs the same hooks as the page agent, on
// a WorkerSink instead of a Recorder, and restores the worker's base URL. Its link to the page
// agent is a MessagePort that arrives in the first message the worker receives: that message is
// ours (the page agent posts it inside the Worker constructor, before the page holds the Worker),
// so we take it and stop it before any page listener sees it.
import type { Recorder } from './recorder';
import { ConnectionRegistry } from './connections';
import { installToStringMask } from './proxy-utils';
import { hookWebSocket } from './hook-websocket';
import { ListenerTap } from './listener-tap';
import { hookEventSource } from './hook-eventsource';
import { hookFetch } from './hook-fetch';
import { hookXhr } from './hook-xhr';
import { runCommand, type CommandContext } from './commands';
import { natives, call, safely } from './natives';
import { WorkerSink } from './worker-sink';
import { fixWorkerBase } from './worker-base';
import { isPageToWorker, type WorkerBootConfig, type WorkerToPage } from './worker-protocol';

const INSTALLED = Symbol.for('pushlens.worker-agent');

export function installWorkerAgent(boot: WorkerBootConfig): void {
  const g = globalThis as unknown as Record<symbol, unknown>;
  if (g[INSTALLED]) return;
  Object.defineProperty(g, INSTALLED, { value: true });

  const sink = new WorkerSink();
  // The hooks only use settings, newConnectionId and emit, which WorkerSink provides.
  const recorder = sink as unknown as Recorder;
  const registry = new ConnectionRegistry();
  const ctx: CommandContext = { recorder, registry };
  let port: MessagePort | undefined;
  const send = (m: WorkerToPage) => {
    try {
      if (port) call(natives.portPostMessage!, port, m);
    } catch {
      /* an uncloneable record is dropped; the page side never sees a gap in its own numbering */
    }
  };

  const onFirstMessage = (event: MessageEvent) => {
    call(natives.removeEventListener, globalThis, 'message', onFirstMessage, true);
    const data = event.data as { mark?: unknown } | null;
    if (!data || data.mark !== boot.mark || event.ports.length !== 1) return; // not ours: let the page have it
    call(natives.stopImmediatePropagation, event);
    port = event.ports[0];
    port.onmessage = (e: MessageEvent) =>
      safely(() => {
        const m = e.data;
        if (!isPageToWorker(m)) return;
        if (m.kind === 'settings') sink.settings = { ...m.settings };
        else send({ kind: 'result', result: runCommand(ctx, m.commandId, m.command) });
      });
    send({ kind: 'ready' });
    sink.connect(send);
  };
  // First thing the page side hears from us: proof the bootstrap ran (a CSP did not refuse it).
  // The page agent's listener on the Worker object takes it before any page listener.
  safely(() => {
    const scopePost = (globalThis as unknown as { postMessage?: (m: unknown) => void }).postMessage;
    if (typeof scopePost === 'function') call(scopePost, globalThis, { aliveMark: boot.mark });
  });
  // Capture phase, registered before any page code: ours runs first even against capture listeners.
  call(natives.addEventListener, globalThis, 'message', onFirstMessage, true);

  safely(installToStringMask);
  // In workers fetch lives on WorkerGlobalScope.prototype, while the fetch hook (written for
  // windows, where it is an own property) wraps globalThis's own: give the global an own copy with
  // the same attributes. Only visible as self.hasOwnProperty('fetch') === true.
  safely(() => {
    if (natives.getOwnPropertyDescriptor(globalThis, 'fetch')) return;
    for (let o = Object.getPrototypeOf(globalThis); o; o = Object.getPrototypeOf(o)) {
      const desc = natives.getOwnPropertyDescriptor(o, 'fetch');
      if (desc) return void natives.defineProperty(globalThis, 'fetch', desc);
    }
  });
  safely(() => {
    // One tap for both: it wraps EventTarget.prototype.add/removeEventListener once.
    const tap = new ListenerTap();
    safely(() => (ctx.ws = hookWebSocket(recorder, registry, tap)));
    safely(() => hookEventSource(recorder, registry, tap));
  });
  safely(() => hookFetch(recorder, registry));
  safely(() => hookXhr(recorder, registry));
  // Outermost, so the hooks record absolute URLs and natives get what they would have resolved.
  safely(() => fixWorkerBase(boot.url));
}
