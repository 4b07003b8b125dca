// Context: page (MAIN world), document_start. Content scripts do not reach workers, so the Worker
// constructor is wrapped (a Proxy: instanceof, statics and toString stay native) to start each
// dedicated worker from a bootstrap blob that runs the PushLens worker agent first and then the
// page's script: importScripts(url) for classic workers, a static `import` for module workers
// (so the page's module is evaluated before any message can arrive, as without PushLens). A
// private MessagePort goes to the worker in the first message, posted here before the page gets
// the Worker object. When the wrapper cannot be used (a CSP that refuses blob: workers, Trusted
// Types, data: or cross-origin URLs, unknown options) the page's arguments go to the native
// untouched: the worker runs, uncaptured, exactly as without PushLens.
import { natives, call, safely, str, numToString, newChannel } from './natives';
import { safeJson } from './safe-json';
import { maskProxy, replaceValue, nativeGetter, ownSequence } from './proxy-utils';
import type { WorkerBootConfig } from './worker-protocol';
import { watchBootstrap } from './worker-fallback';
import { agentSource } from './agent-source';

/** How long a bootstrap blob (and a page blob the page revoked meanwhile) is kept for a worker that never reports. */
const BLOB_GRACE_MS = 30_000;

export interface WorkerStart {
  url: string;
  type: 'classic' | 'module';
  port: MessagePort;
  /** Call when the worker reported ready: its bootstrap blobs can go. */
  release(): void;
}

export function wrapWorkers(onWorker: (start: WorkerStart) => void): void {
  const Native = globalThis.Worker;
  if (typeof Native !== 'function' || !natives.MessageChannelCtor || typeof Blob !== 'function' || typeof URL.createObjectURL !== 'function') return;
  const BlobCtor = Blob;
  const URLCtor = URL;
  const createObjectURL = URL.createObjectURL;
  const revokeObjectURL = URL.revokeObjectURL;
  const workerPostMessage = Native.prototype.postMessage;
  const getHref = nativeGetter<string>(URL.prototype, 'href');
  const getProtocol = nativeGetter<string>(URL.prototype, 'protocol');
  const getPathname = nativeGetter<string>(URL.prototype, 'pathname');
  const getOrigin = nativeGetter<string>(URL.prototype, 'origin');
  const getBaseUri = nativeGetter<string>(Node.prototype, 'baseURI');
  const pageOrigin = location.origin;
  /** Page blob URLs a starting worker still has to load: the page's revoke waits for it. */
  const heldPageBlobs = new natives.MapCtor<string, number>();
  let refused = false; // the page's CSP refused our blob once: it will again, stop trying
  let mark = 0;
  /** The agent's own source (agent-source.ts), which each worker runs first; '' when unavailable. */
  let source: string | undefined;

  const plan = (args: unknown[]): { url: string; type: 'classic' | 'module'; options: WorkerOptions } | undefined => {
    if (refused || args.length < 1) return undefined;
    const input = args[0];
    let url: string;
    if (typeof input === 'string') url = getHref(new natives.URLCtor(input, getBaseUri(document)));
    else {
      try {
        url = getHref(input); // a real URL object; anything else (TrustedScriptURL, page objects) is left to the native
      } catch {
        return undefined;
      }
    }
    const parsed = new natives.URLCtor(url);
    const protocol = getProtocol(parsed);
    const sameOrigin = protocol === 'blob:' ? getOrigin(new natives.URLCtor(getPathname(parsed))) === pageOrigin : getOrigin(parsed) === pageOrigin;
    // data: workers run in an opaque origin; importing their code into a same-origin blob would change that.
    if (!sameOrigin || (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'blob:')) return undefined;
    const raw = args[1];
    if (raw !== undefined && (typeof raw !== 'object' || raw === null)) return undefined;
    const options: WorkerOptions = {};
    if (raw) {
      // Read once, in WebIDL dictionary order, as the native would.
      const o = raw as Record<string, unknown>;
      const credentials = o.credentials;
      const name = o.name;
      const type = o.type;
      if (credentials !== undefined) options.credentials = credentials as RequestCredentials;
      if (name !== undefined) options.name = name as string;
      if (type !== undefined) {
        if (type !== 'classic' && type !== 'module') return undefined;
        options.type = type;
      }
    }
    return { url, type: options.type === 'module' ? 'module' : 'classic', options };
  };

  const blobUrl = (parts: string[]) => call(createObjectURL, URLCtor, new BlobCtor(ownSequence(parts), { type: 'text/javascript' })) as string;

  const proxy: typeof Worker = new natives.ProxyCtor(Native, {
    construct(target, args, newTarget) {
      const nt = newTarget === proxy ? target : newTarget;
      let p: ReturnType<typeof plan>;
      try {
        p = plan(args);
      } catch {
        p = undefined;
      }
      // Read on the first worker, not at startup: most frames never start one.
      if (p && source === undefined) source = agentSource();
      if (!p || !source) return natives.construct(target, args, nt);
      const boot: WorkerBootConfig = { url: p.url, type: p.type, mark: `pushlens-${++mark}-${str.slice(numToString(natives.random(), 36), 2)}` };
      // The agent itself, run again with the boot config. Guarded: whatever happens in it, the
      // page's own worker script that follows still runs.
      const agent = `try{(${source})(${safeJson(boot)})}catch(e){}\n`;
      const created: string[] = [];
      let main: string;
      try {
        if (p.type === 'module') {
          const agentUrl = blobUrl([agent]);
          created[created.length] = agentUrl;
          main = blobUrl([`import ${natives.JSONStringify(agentUrl)};\nimport ${natives.JSONStringify(p.url)};\n`]);
        } else {
          main = blobUrl([agent, `importScripts(${natives.JSONStringify(p.url)});\n`]);
        }
        created[created.length] = main;
      } catch {
        return natives.construct(target, args, nt);
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        for (let i = 0; i < created.length; i++) safely(() => call(revokeObjectURL, URLCtor, created[i]));
        created.length = 0;
        if (str.startsWith(p.url, 'blob:')) releasePageBlob(p.url);
      };
      let worker: Worker;
      try {
        worker = natives.construct(target, [main, p.options], nt) as Worker;
      } catch {
        // CSP (worker-src/script-src without blob:) or Trusted Types refused our blob.
        refused = true;
        release();
        return natives.construct(target, args, nt);
      }
      if (str.startsWith(p.url, 'blob:')) heldPageBlobs.set(p.url, (heldPageBlobs.get(p.url) ?? 0) + 1);
      natives.setTimeout(release, BLOB_GRACE_MS);
      safely(() =>
        watchBootstrap(
          worker,
          boot.mark,
          () => natives.construct(target, args, nt) as Worker,
          () => {
            refused = true;
            release();
          },
        ),
      );
      safely(() => {
        const channel = newChannel();
        // Our own sequence: the page's array iterator would otherwise be handed our port.
        call(workerPostMessage, worker, { mark: boot.mark }, ownSequence([channel.port2]));
        onWorker({ url: p.url, type: p.type, port: channel.port1, release });
      });
      return worker;
    },
  });
  maskProxy(proxy, Native);
  replaceValue(Native.prototype, 'constructor', proxy);
  replaceValue(globalThis, 'Worker', proxy);

  // A page may revoke its blob: worker URL right after new Worker() (bundlers do): natively the
  // worker already holds the blob; ours loads it a moment later, so the revoke waits until then.
  const pendingRevokes = new natives.MapCtor<string, boolean>();
  const releasePageBlob = (url: string) => {
    const n = (heldPageBlobs.get(url) ?? 1) - 1;
    if (n > 0) return void heldPageBlobs.set(url, n);
    heldPageBlobs.delete(url);
    if (pendingRevokes.get(url)) {
      pendingRevokes.delete(url);
      safely(() => call(revokeObjectURL, URLCtor, url));
    }
  };
  const revokeProxy = new natives.ProxyCtor(revokeObjectURL, {
    apply(target, self, args) {
      if (typeof args[0] === 'string' && heldPageBlobs.has(args[0])) {
        pendingRevokes.set(args[0], true);
        return undefined;
      }
      return natives.apply(target, self, args);
    },
  });
  maskProxy(revokeProxy, revokeObjectURL);
  replaceValue(URL, 'revokeObjectURL', revokeProxy);
}
