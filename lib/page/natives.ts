// Context: page (MAIN world), runs at document_start before any page script. Captures the
// built-ins the agent relies on, so a page that later replaces them can neither break the
// agent nor observe or forge its traffic.

const g = globalThis as typeof globalThis & Record<string, unknown>;

export const natives = {
  apply: Reflect.apply,
  construct: Reflect.construct,
  reflectGet: Reflect.get,
  defineProperty: Reflect.defineProperty,
  getOwnPropertyDescriptor: Reflect.getOwnPropertyDescriptor,
  ProxyCtor: Proxy,
  WeakMapCtor: WeakMap,
  WeakSetCtor: WeakSet,
  MapCtor: Map,
  SetCtor: Set,
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
  /** The URL of the agent's own script: its frames are hidden from stacks the page sees. */
  agentScriptUrl: ownScriptUrl(),
};

function ownScriptUrl(): string | undefined {
  try {
    const stack = new Error().stack ?? '';
    // Only an extension script is ours to hide; in unit tests (no extension) nothing is hidden.
    return /(?:chrome|moz)-extension:\/\/[^/\s]+\/[^\s:)]+/.exec(stack)?.[0];
  } catch {
    return undefined;
  }
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
/** Reports an agent bug without letting it reach the page (rule 2). */
export function reportAgentError(err: unknown): void {
  agentErrors++;
  // Only the first few go to the console: an agent bug must stay visible to us, not flood the page's log.
  if (agentErrors <= 3) {
    try {
      console.debug('[PushLens] hook error (page unaffected):', err);
    } catch {
      /* console may be replaced by the page */
    }
  }
}
