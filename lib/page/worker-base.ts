// Context: dedicated worker (worker agent), before the page's worker script runs. The page agent
// starts a captured worker from a blob: URL, so natively the worker's self.location and base URL
// would be that blob URL, and relative URLs (importScripts('x.js'), fetch('/api'), new
// WebSocket('/ws')...) would fail: a blob: URL cannot be a base. This restores what the page would
// see without PushLens: self.location reads as the original URL, and the URL-taking APIs resolve
// relative strings against it before calling the native. Errors stay the native ones: anything we
// cannot resolve is passed through untouched.
import { natives, safely, arr } from './natives';
import { maskProxy, replaceValue, ownerOf, nativeGetter } from './proxy-utils';

type AnyFn = (...args: unknown[]) => unknown;

export function fixWorkerBase(originalUrl: string): void {
  const base = new natives.URLCtor(originalUrl);
  const getHref = nativeGetter<string>(URL.prototype, 'href');
  const resolve = (input: unknown): unknown => {
    if (typeof input !== 'string') return input; // URL objects are absolute; page objects are not stringified by us
    try {
      return getHref(new natives.URLCtor(input, base));
    } catch {
      return input;
    }
  };
  const g = globalThis as unknown as Record<string, unknown>;

  safely(() => fixLocation(base));
  // Each: which arguments are URLs.
  // importScripts lives on WorkerGlobalScope.prototype in Chromium, fetch on the global itself.
  safely(() => wrapFunction(ownerOf(g, 'importScripts'), 'importScripts', (args) => mapAll(args, resolve)));
  safely(() => wrapFunction(ownerOf(g, 'fetch'), 'fetch', (args) => replaceAt(args, 0, resolve)));
  if (typeof XMLHttpRequest === 'function') safely(() => wrapFunction(XMLHttpRequest.prototype, 'open', (args) => replaceAt(args, 1, resolve)));
  for (const name of ['Request', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker']) {
    safely(() => wrapCtor(g, name, (args) => replaceAt(args, 0, resolve)));
  }
}

/** Makes the real WorkerLocation object read as the original URL (same object, same prototype). */
function fixLocation(base: URL): void {
  const Loc = (globalThis as unknown as { WorkerLocation?: { prototype: object } }).WorkerLocation;
  if (!Loc) return;
  const real = self.location;
  const values: Record<string, string> = {
    href: base.href,
    origin: base.origin,
    protocol: base.protocol,
    host: base.host,
    hostname: base.hostname,
    port: base.port,
    pathname: base.pathname,
    search: base.search,
    hash: base.hash,
  };
  for (const key of Object.keys(values)) {
    const desc = natives.getOwnPropertyDescriptor(Loc.prototype, key);
    if (!desc?.get || !desc.configurable) continue;
    const getter = new natives.ProxyCtor(desc.get, {
      apply: (target, self, args) => (self === real ? values[key] : natives.apply(target, self, args)),
    });
    maskProxy(getter, desc.get);
    natives.defineProperty(Loc.prototype, key, { ...desc, get: getter });
  }
  const toString = natives.getOwnPropertyDescriptor(Loc.prototype, 'toString');
  if (toString && typeof toString.value === 'function') {
    const fn = new natives.ProxyCtor(toString.value as AnyFn, {
      apply: (target, self, args) => (self === real ? values.href : natives.apply(target, self, args)),
    });
    maskProxy(fn, toString.value as object);
    replaceValue(Loc.prototype, 'toString', fn);
  }
}

function mapAll(args: unknown[], map: (x: unknown) => unknown): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < args.length; i++) out[i] = map(args[i]);
  return out;
}

function wrapFunction(owner: object, key: string, mapArgs: (args: unknown[]) => unknown[]): void {
  const desc = natives.getOwnPropertyDescriptor(owner, key);
  if (!desc || typeof desc.value !== 'function') return;
  const native = desc.value as AnyFn;
  const proxy = new natives.ProxyCtor(native, {
    apply: (target, self, args) => natives.apply(target, self, mapSafely(mapArgs, args)),
  });
  maskProxy(proxy, native);
  replaceValue(owner, key, proxy);
}

function wrapCtor(owner: Record<string, unknown>, key: string, mapArgs: (args: unknown[]) => unknown[]): void {
  const ctor = owner[key];
  if (typeof ctor !== 'function') return;
  const proxy: object = new natives.ProxyCtor(ctor as new (...a: unknown[]) => object, {
    construct: (target, args, newTarget) => natives.construct(target, mapSafely(mapArgs, args), newTarget === proxy ? target : newTarget),
  });
  maskProxy(proxy, ctor as object);
  // `x.constructor === WebSocket` must stay true with the outermost wrapper installed.
  if (ctor.prototype) replaceValue(ctor.prototype as object, 'constructor', proxy);
  replaceValue(owner, key, proxy);
}

/** A copy of `args` with one argument mapped; the argument count never changes (natives check it). */
function replaceAt(args: unknown[], i: number, map: (x: unknown) => unknown): unknown[] {
  if (i >= args.length) return args;
  const copy = arr.slice(args);
  copy[i] = map(args[i]);
  return copy;
}

/** Our mapping must never throw into the page: on any problem the page's own arguments go through. */
function mapSafely(mapArgs: (args: unknown[]) => unknown[], args: unknown[]): unknown[] {
  try {
    return mapArgs(args);
  } catch {
    return args;
  }
}
