// Context: page (MAIN world), runs at document_start before any page script. Captures the
// built-ins the agent relies on, so a page that later replaces them can neither break the
// agent nor observe or forge its traffic.

const g = globalThis as typeof globalThis & Record<string, unknown>;
const reflectApply = Reflect.apply;
const nativeBind = Function.prototype.bind;
const nativeCallFn = Function.prototype.call;
const defineOwn = Reflect.defineProperty;
const ownDesc = Reflect.getOwnPropertyDescriptor;
const ownKeys = Reflect.ownKeys;

/**
 * `fn` as a plain function taking `this` first (a bound `call`): invoking it runs the native
 * directly, with no lookup the page can intercept and no argument array. Use only at startup.
 */
export function uncurry<A extends unknown[], R>(fn: (...a: A) => R): (self: unknown, ...a: A) => R {
  return reflectApply(nativeBind, nativeCallFn, [fn]) as (self: unknown, ...a: A) => R;
}

/**
 * A subclass of a native collection whose prototype holds its own copies of the native methods
 * and accessors: `map.get(k)` on our instances never reaches the page's Map.prototype. Our
 * instances never reach the page, so neither does this prototype.
 */
function privateCollection<C extends abstract new (...a: never[]) => object>(Base: C): C {
  const Private = class extends (Base as unknown as new () => object) {} as unknown as C;
  const proto = Base.prototype as object;
  const keys = ownKeys(proto);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === 'constructor') continue;
    defineOwn(Private.prototype as object, keys[i], ownDesc(proto, keys[i])!);
  }
  return Private;
}

const NativeProxy = Proxy;
const setProto = Reflect.setPrototypeOf;
/**
 * `new ProxyCtor(target, handler)` with a handler that has no prototype: traps are looked up on
 * the handler at every operation, and one inherited from the page's Object.prototype (a `get`
 * the page added) would run page code on our proxies and tell the page they are proxies.
 */
const SafeProxy = function (target: object, handler: ProxyHandler<object>) {
  setProto(handler, null);
  return new NativeProxy(target, handler);
} as unknown as ProxyConstructor;

export const natives = {
  /** Before proxy-utils masks it (the masked one wraps this); agent-source.ts reads the agent's own source with it. */
  functionToString: Function.prototype.toString,
  apply: Reflect.apply,
  construct: Reflect.construct,
  reflectGet: Reflect.get,
  defineProperty: Reflect.defineProperty,
  getOwnPropertyDescriptor: Reflect.getOwnPropertyDescriptor,
  ProxyCtor: SafeProxy,
  WeakMapCtor: privateCollection(WeakMap),
  WeakSetCtor: privateCollection(WeakSet),
  MapCtor: privateCollection(Map),
  SetCtor: privateCollection(Set),
  setPrototypeOf: Reflect.setPrototypeOf,
  getPrototypeOf: Reflect.getPrototypeOf,
  ownKeys,
  isArray: Array.isArray,
  min: Math.min,
  max: Math.max,
  imul: Math.imul,
  round: Math.round,
  random: Math.random,
  dateNow: Date.now,
  now: performance.now.bind(performance),
  timeOrigin: performance.timeOrigin,
  setTimeout: g.setTimeout.bind(g) as typeof setTimeout,
  clearTimeout: g.clearTimeout.bind(g) as typeof clearTimeout,
  queueMicrotask: g.queueMicrotask.bind(g) as typeof queueMicrotask,
  addEventListener: EventTarget.prototype.addEventListener,
  removeEventListener: EventTarget.prototype.removeEventListener,
  dispatchEvent: EventTarget.prototype.dispatchEvent,
  stopImmediatePropagation: Event.prototype.stopImmediatePropagation,
  TextDecoderCtor: TextDecoder,
  TextEncoderCtor: TextEncoder,
  MessageChannelCtor: typeof MessageChannel === 'function' ? MessageChannel : undefined,
  MessageEventCtor: typeof MessageEvent === 'function' ? MessageEvent : undefined,
  portPostMessage: typeof MessagePort === 'function' ? MessagePort.prototype.postMessage : undefined,
  portStart: typeof MessagePort === 'function' ? MessagePort.prototype.start : undefined,
  channelPort1: typeof MessageChannel === 'function' ? ownDesc(MessageChannel.prototype, 'port1')?.get : undefined,
  channelPort2: typeof MessageChannel === 'function' ? ownDesc(MessageChannel.prototype, 'port2')?.get : undefined,
  eventData: typeof MessageEvent === 'function' ? ownDesc(MessageEvent.prototype, 'data')?.get : undefined,
  eventPorts: typeof MessageEvent === 'function' ? ownDesc(MessageEvent.prototype, 'ports')?.get : undefined,
  btoa: typeof g.btoa === 'function' ? (g.btoa as (s: string) => string).bind(g) : undefined,
  fromCharCode: String.fromCharCode,
  ArrayBufferIsView: ArrayBuffer.isView,
  ErrorCtor: Error,
  JSONStringify: JSON.stringify,
  PromiseCtor: Promise,
  promiseThen: Promise.prototype.then,
  URLCtor: URL,
  RequestCtor: typeof Request === 'function' ? Request : undefined,
  promiseReject: Promise.reject.bind(Promise) as <T>(reason: unknown) => Promise<T>,
  isExtensible: Object.isExtensible,
  captureStackTrace: (Error as { captureStackTrace?: (target: object, constructorOpt?: unknown) => void }).captureStackTrace,
  /**
   * The inherited `stack` getters (Firefox keeps an error's stack behind Error.prototype's and
   * DOMException.prototype's accessors, not in an own property as V8 does), captured before the
   * page could replace them.
   */
  errorStackGetter: ownDesc(Error.prototype, 'stack')?.get,
  domExceptionStackGetter: typeof DOMException === 'function' ? ownDesc(DOMException.prototype, 'stack')?.get : undefined,
  DOMExceptionCtor: typeof DOMException === 'function' ? DOMException : undefined,
  /** The URL of the agent's own script: its frames are hidden from stacks the page sees. */
  agentScriptUrl: ownScriptUrl(),
};

function ownScriptUrl(): string | undefined {
  try {
    const stack = new Error().stack ?? '';
    // Only an extension script is ours to hide; in unit tests (no extension) nothing is hidden.
    const url = /(?:chrome|moz)-extension:\/\/[^/\s]+\/[^\s:)]+/.exec(stack)?.[0];
    if (url) return url;
    // Firefox names a MAIN-world content script "<anonymous code>" in stacks, for the page and for
    // us alike (frames read `construct@<anonymous code>:1:7397`): that name is what to hide.
    return /^[^\n]*@(<anonymous code>):\d+:\d+$/m.exec(stack)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Natives of the page's prototypes, uncurried at startup: after document_start the agent calls
 * these, never `x.method()` on an array, string or regexp (the page can replace those).
 */
const ArrayProto = Array.prototype;
const StringProto = String.prototype;
export const arr = {
  push: uncurry(ArrayProto.push) as <T>(a: T[], ...items: T[]) => number,
  join: uncurry(ArrayProto.join) as (a: unknown[], sep?: string) => string,
  /** A copy of a[start, end) (not the native: it would read the page's Array.prototype.constructor for species). */
  slice<T>(a: readonly T[], start = 0, end = a.length): T[] {
    const out: T[] = [];
    for (let i = start; i < end && i < a.length; i++) out[i - start] = a[i];
    return out;
  },
  shift: uncurry(ArrayProto.shift) as <T>(a: T[]) => T | undefined,
  sort: uncurry(ArrayProto.sort) as <T>(a: T[], cmp: (x: T, y: T) => number) => T[],
};
export const str = {
  slice: uncurry(StringProto.slice) as (s: string, start?: number, end?: number) => string,
  charCodeAt: uncurry(StringProto.charCodeAt) as (s: string, i: number) => number,
  indexOf: uncurry(StringProto.indexOf) as (s: string, search: string, from?: number) => number,
  includes: uncurry(StringProto.includes) as (s: string, search: string) => boolean,
  startsWith: uncurry(StringProto.startsWith) as (s: string, search: string) => boolean,
  toLowerCase: uncurry(StringProto.toLowerCase) as (s: string) => string,
  toUpperCase: uncurry(StringProto.toUpperCase) as (s: string) => string,
  trim: uncurry(StringProto.trim) as (s: string) => string,
  padStart: uncurry(StringProto.padStart) as (s: string, n: number, fill: string) => string,
};
const regexExec = uncurry(RegExp.prototype.exec) as (re: RegExp, s: string) => RegExpExecArray | null;
/** `re.test(s)` without the page's RegExp.prototype.exec (which `test` would look up). */
export function reTest(re: RegExp, s: string): boolean {
  return regexExec(re, s) !== null;
}
export const numToString = uncurry(Number.prototype.toString) as (n: number, radix?: number) => string;
/** A string from a value the page may control, without calling its toString/valueOf: non-strings become ''. */
export function asString(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? '' + v : '';
}

const UNDEFINED_CTOR = { __proto__: null, value: undefined, writable: true, enumerable: false, configurable: true } as unknown as PropertyDescriptor;
/**
 * `promise.then(onOk, onErr)` on a promise the page never gets (the browser's, which we wrap),
 * with no lookup the page can intercept: then() reads `promise.constructor` and its
 * Symbol.species, both page-writable; an own `constructor` of undefined makes it use the
 * intrinsic Promise without reading either.
 */
export function ownThen<T>(promise: Promise<T>, onOk: (v: T) => unknown, onErr?: (e: unknown) => unknown): Promise<unknown> {
  natives.defineProperty(promise, 'constructor', UNDEFINED_CTOR);
  return natives.apply(natives.promiseThen, promise, [onOk, onErr]) as Promise<unknown>;
}

/** A new private MessageChannel's two ports, read with the native getters. */
export function newChannel(): { port1: MessagePort; port2: MessagePort } {
  const channel = new natives.MessageChannelCtor!();
  return {
    port1: reflectApply(natives.channelPort1!, channel, []) as MessagePort,
    port2: reflectApply(natives.channelPort2!, channel, []) as MessagePort,
  };
}

/**
 * Listens on one of our MessagePorts with natives only: the page's `onmessage` setter or data
 * getter would otherwise receive our port or our messages (and could answer with forged ones).
 */
export function listenPort(port: MessagePort, onData: (data: unknown) => void): void {
  reflectApply(natives.addEventListener, port, ['message', (e: MessageEvent) => safely(() => onData(reflectApply(natives.eventData!, e, [])))]);
  reflectApply(natives.portStart!, port, []);
}

/**
 * True when the page may format stacks itself (Error.prepareStackTrace set, or an accessor
 * there): reading a stack would then run page code with our frames. Looked up by descriptor, so
 * a page getter does not see us looking.
 */
export function pageFormatsStacks(): boolean {
  const desc = ownDesc(natives.ErrorCtor, 'prepareStackTrace');
  return desc !== undefined && !('value' in desc && desc.value === undefined);
}

/** Wall-clock ms with sub-ms precision, immune to page changes of Date. */
export function nowMs(): number {
  return natives.timeOrigin + natives.now();
}

/** Calls a page-visible method with the native implementation captured at startup. */
export function call<T>(fn: (...args: never[]) => T, thisArg: unknown, ...args: unknown[]): T {
  return natives.apply(fn as (...a: unknown[]) => T, thisArg, args);
}

/** Runs agent code so that an agent bug can never throw into the page (rule 2). */
export function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    reportAgentError(err);
  }
}

let agentErrors = 0;
/**
 * Counts an agent bug without letting it reach the page (rule 2). Nothing is logged: a console
 * message is something a page can force and observe (console is the page's), so it would tell
 * the page PushLens is there. The count is kept for debugging the agent in DevTools.
 */
export function reportAgentError(err: unknown): void {
  agentErrors++;
  lastAgentError = err;
}
/** Read from the agent's own frame in a debugger; never exposed to the page. */
export let lastAgentError: unknown;
export const agentErrorCount = (): number => agentErrors;
