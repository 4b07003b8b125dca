// Context: dedicated worker, run first by the bootstrap blob the page agent builds (see
// worker-wrap.ts), before the page's worker script. Installs the same hooks as the page agent, on
// a WorkerSink instead of a Recorder, and restores the worker's base URL. Its link to the page
// agent is a MessagePort that arrives in the first message the worker receives: that message is
// ours (the page agent posts it inside the Worker constructor, before the page holds the Worker),
// so we take it and stop it before any page listener sees it.
import type { Recorder } from './recorder';
import { installHooks } from './install-hooks';
import { ConnectionRegistry } from './connections';
import { answerCommand, type CommandContext } from './commands';
import { natives, call, safely, listenPort } from './natives';
import { WorkerSink } from './worker-sink';
import { fixWorkerBase } from './worker-base';
import { isPageToWorker, type WorkerBootConfig, type WorkerToPage } from './worker-protocol';

// The bootstrap blob runs this once per worker, as its first code: no marker on the worker's
// global is needed (one would tell the worker's code that PushLens is there).
export function installWorkerAgent(boot: WorkerBootConfig): void {
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

  // By the time the first message arrives the worker's own code has run and may have replaced
  // anything: only natives captured now are used. The first TRUSTED message is ours (the page
  // agent posted it inside the Worker constructor, before the page held the Worker); the worker's
  // code can dispatch untrusted ones at us, which are ignored, and cannot remove this listener.
  const getData = natives.eventData!;
  const getPorts = natives.eventPorts!;
  const onFirstMessage = (event: MessageEvent) => {
    if (!event.isTrusted) return;
    call(natives.removeEventListener, globalThis, 'message', onFirstMessage, true);
    const data = call(getData, event) as { mark?: unknown } | null;
    const ports = call(getPorts, event) as readonly MessagePort[];
    if (!data || typeof data !== 'object' || data.mark !== boot.mark || ports.length !== 1) return; // not ours: let the page have it
    call(natives.stopImmediatePropagation, event);
    port = ports[0];
    listenPort(port, (m) => {
      if (!isPageToWorker(m)) return;
      if (m.kind === 'settings') sink.settings = { ...m.settings };
      else answerCommand(ctx, m.commandId, m.command, (result) => send({ kind: 'result', result }));
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

  installHooks(ctx);
  // Outermost, so the hooks record absolute URLs and natives get what they would have resolved.
  safely(() => fixWorkerBase(boot.url));
}
