// Context: page (MAIN world). Wraps native constructors and methods with Proxies so the page still
// sees the native function: same name, length, prototype, statics, instanceof and a native-looking
// toString. A wrapper never throws into the page: agent work runs inside `safely`.
import { natives, safely, str, arr, reTest, pageFormatsStacks, uncurry } from './natives';

const originals = new natives.WeakMapCtor<object, object>();
const nativeToString = natives.functionToString;

/** Makes Function.prototype.toString report the wrapped native for each of our proxies. */
export function installToStringMask(): void {
  const handler: ProxyHandler<typeof nativeToString> = {
    apply(target, thisArg, args) {
      const original = typeof thisArg === 'function' || (typeof thisArg === 'object' && thisArg !== null) ? originals.get(thisArg) : undefined;
      try {
        return natives.apply(target, original ?? thisArg, args);
      } catch (err) {
        hideAgentFrames(err, handler.apply);
        throw err;
      }
    },
  };
  settleKeys(nativeToString);
  const masked = new natives.ProxyCtor(nativeToString, handler);
  originals.set(masked, nativeToString);
  replaceValue(Function.prototype, 'toString', masked);
}

/** Makes Function.prototype.toString show `original` for a proxy built outside these helpers (worker wrapping). */
export function maskProxy(proxy: object, original: object): void {
  settleKeys(original);
  originals.set(proxy, original);
}

/** Replaces an own data property keeping its attributes (writable, enumerable, configurable). */
export function replaceValue(owner: object, key: PropertyKey, value: unknown): boolean {
  const desc = natives.getOwnPropertyDescriptor(owner, key);
  if (!desc || !('value' in desc) || !desc.configurable) return false;
  return natives.defineProperty(owner, key, plain({ ...desc, value }));
}

type AnyFn = (...args: unknown[]) => unknown;
type AnyCtor = new (...args: unknown[]) => object;

/**
 * Wraps a constructor: `after` sees each new native instance before the page gets it. The
 * instance returned is the real native object, so libraries' `instanceof` checks keep working.
 */
export function wrapConstructor<C extends AnyCtor>(
  ctor: C,
  after: (instance: InstanceType<C>, args: unknown[]) => void,
  /** Converts the arguments before the native sees them (it must throw only what the native would). */
  before?: (args: unknown[]) => unknown[],
): C {
  const handler: ProxyHandler<C> = {
    construct(target, args, newTarget) {
      let instance: InstanceType<C>;
      try {
        if (before) args = before(args);
        instance = natives.construct(target, args, newTarget === proxy ? target : newTarget) as InstanceType<C>;
      } catch (err) {
        hideAgentFrames(err, handler.construct);
        throw err;
      }
      safely(() => after(instance, args));
      return instance;
    },
  };
  settleKeys(ctor);
  const proxy: C = new natives.ProxyCtor(ctor, handler);
  originals.set(proxy, ctor);
  // `ws.constructor === WebSocket` must stay true after we replace the global.
  replaceValue(ctor.prototype, 'constructor', proxy);
  return proxy;
}

/**
 * Wraps a method: `around` gets the native, `this` and the arguments and must call the native
 * itself (so it can see the result or the exception). Errors thrown through the wrapper lose our
 * stack frames; `hide` does the same for an error `around` hands back in a rejected promise.
 */
export function wrapMethod(
  owner: object,
  key: PropertyKey,
  around: (native: AnyFn, self: unknown, args: unknown[], hide: (err: unknown) => void) => unknown,
): boolean {
  const desc = natives.getOwnPropertyDescriptor(owner, key);
  if (!desc || typeof desc.value !== 'function') return false;
  const native = desc.value as AnyFn;
  const handler: ProxyHandler<AnyFn> = {
    apply(target, self, args) {
      try {
        return around(target, self, args, hide);
      } catch (err) {
        hideAgentFrames(err, handler.apply);
        throw err;
      }
    },
  };
  // For errors `around` returns (a rejected promise) rather than throws.
  const hide = (err: unknown) => hideAgentFrames(err, handler.apply);
  settleKeys(native);
  const proxy = new natives.ProxyCtor(native, handler);
  originals.set(proxy, native);
  return replaceValue(owner, key, proxy);
}

/**
 * Wraps an accessor property's getter and setter the same way (each stays a native-looking
 * function); `get`/`set` receive the native function and must call it themselves.
 */
export function wrapAccessor(
  owner: object,
  key: PropertyKey,
  get: (native: AnyFn, self: unknown) => unknown,
  set: (native: AnyFn, self: unknown, args: unknown[]) => unknown,
): boolean {
  const desc = natives.getOwnPropertyDescriptor(owner, key);
  if (!desc || typeof desc.get !== 'function' || typeof desc.set !== 'function' || !desc.configurable) return false;
  const proxied = (fn: AnyFn, around: (native: AnyFn, self: unknown, args: unknown[]) => unknown) => {
    const handler: ProxyHandler<AnyFn> = {
      apply(target, self, args) {
        try {
          return around(target, self, args);
        } catch (err) {
          hideAgentFrames(err, handler.apply);
          throw err;
        }
      },
    };
    settleKeys(fn);
    const proxy = new natives.ProxyCtor(fn, handler);
    originals.set(proxy, fn);
    return proxy;
  };
  return natives.defineProperty(
    owner,
    key,
    plain({
      ...desc,
      get: proxied(desc.get, (native, self) => get(native, self)),
      set: proxied(desc.set, set),
    }),
  );
}

const AT_FRAME = /^\s+at /;

/**
 * Makes an error thrown or rejected through a wrapper carry the stack the native would have given:
 * without our frames. An error the native made while we called it gets its stack recaptured from
 * the page's call site (full depth); an error from page code (a throwing toString, say) keeps its
 * frames minus ours. Errors we cannot read safely are left alone.
 */
export function hideAgentFrames(err: unknown, trap?: unknown): void {
  const url = natives.agentScriptUrl;
  if (!url || typeof err !== 'object' || err === null) return;
  try {
    // A page-installed formatter would run now, early and with our frames: leave such stacks alone.
    if (pageFormatsStacks()) return;
    const desc = natives.getOwnPropertyDescriptor(err, 'stack');
    if (!desc) {
      hideInheritedStack(err, url, trap);
      return;
    }
    const stack = desc.get ? natives.apply(desc.get, err, []) : desc.value;
    if (typeof stack !== 'string' || !stack.includes(url)) return;
    const lines = splitLines(stack);
    let first = -1;
    for (let i = 0; i < lines.length && first < 0; i++) if (reTest(AT_FRAME, lines[i])) first = i;
    if (trap && first >= 0 && str.includes(lines[first], url) && natives.captureStackTrace && natives.isExtensible(err)) {
      natives.captureStackTrace(err, trap);
      return;
    }
    const keptLines: string[] = [];
    for (let i = 0; i < lines.length; i++) if (!(reTest(AT_FRAME, lines[i]) && str.includes(lines[i], url))) arr.push(keptLines, lines[i]);
    const kept = arr.join(keptLines, '\n');
    if (desc.set) natives.apply(desc.set, err, [kept]);
    else if ('value' in desc && desc.writable) natives.defineProperty(err, 'stack', plain({ ...desc, value: kept }));
  } catch {
    /* a frozen or exotic error: it keeps its stack */
  }
}

/** A Firefox stack line: `name@file:line:column` (name may be empty). */
const GECKO_FRAME = /^[^@]*@(.*):(\d+):(\d+)$/;

/**
 * Firefox (SpiderMonkey): an error keeps its stack behind the prototype's `stack` accessor, with
 * no header line, and the frames of our Proxy traps in it (`apply@<anonymous code>:1:7695`).
 * An error the native made while our trap called it (our frame on top) gets its stack
 * recaptured from the page's call site, as V8's branch does; Firefox's captureStackTrace stores
 * it as an own `stack` data property, a smaller sign than our frames in every stack an error
 * reporter sends. Its fileName/lineNumber/columnNumber (own data properties of a JS error,
 * pointing into our script) are moved to the page's frame the native would have named. Errors
 * from page code that only passed through us are left alone: they would need an own property too,
 * and their native stack holds async markers we cannot rebuild.
 */
function hideInheritedStack(err: object, url: string, trap: unknown): void {
  if (!natives.isExtensible(err)) return;
  const isDom = isDomException(err);
  const getter = isDom ? natives.domExceptionStackGetter : natives.errorStackGetter;
  if (!getter) return;
  const stack = natives.apply(getter, err, []);
  if (typeof stack !== 'string') return;
  const lines = splitLines(stack);
  const marker = '@' + url + ':';
  if (!reTest(GECKO_FRAME, lines[0]) || !str.includes(lines[0], marker)) return;
  let fresh: string;
  if (trap && natives.captureStackTrace) {
    natives.captureStackTrace(err, trap);
    const desc = natives.getOwnPropertyDescriptor(err, 'stack');
    if (!desc || !('value' in desc) || typeof desc.value !== 'string') return;
    fresh = desc.value;
  } else {
    // Settled after our trap returned (a fetch the native rejected inside our call, reported
    // through our promise): the page's frames are below ours, so the native's stack is ours
    // without our lines, stored as captureStackTrace would store it.
    const kept: string[] = [];
    for (let i = 0; i < lines.length; i++) if (!str.includes(lines[i], marker)) arr.push(kept, lines[i]);
    fresh = arr.join(kept, '\n');
    natives.defineProperty(err, 'stack', plain({ value: fresh, writable: true, enumerable: false, configurable: true }));
  }
  if (isDom) return;
  const where = geckoFrameExec(splitLines(fresh)[0]);
  if (!where) return;
  setOwnValue(err, 'fileName', where[1]);
  setOwnValue(err, 'lineNumber', +where[2]);
  setOwnValue(err, 'columnNumber', +where[3]);
}

/** `instanceof DOMException` by walking prototypes: the page could give DOMException a Symbol.hasInstance. */
function isDomException(err: object): boolean {
  const proto = natives.DOMExceptionCtor?.prototype;
  if (!proto) return false;
  for (let o = natives.getPrototypeOf(err); o; o = natives.getPrototypeOf(o)) if (o === proto) return true;
  return false;
}

const geckoExec = uncurry(RegExp.prototype.exec) as (re: RegExp, s: string) => RegExpExecArray | null;
function geckoFrameExec(line: string): RegExpExecArray | null {
  return geckoExec(GECKO_FRAME, line);
}

/** Changes an own data property's value only (attributes and key order stay). */
function setOwnValue(owner: object, key: string, value: unknown): void {
  const desc = natives.getOwnPropertyDescriptor(owner, key);
  if (desc && 'value' in desc && desc.writable) natives.defineProperty(owner, key, plain({ ...desc, value }));
}

/**
 * Resolves a native function's lazy own keys in their natural order. SpiderMonkey defines a
 * native's `length` and `name` on first use, in the order they are first touched; a page's first
 * look at a fresh native (ownKeys, or a hot `f.name`) sees [length, name], but through our Proxy
 * a `.name` read resolves `name` first and ownKeys then says [name, length]. Resolving both now,
 * before any page script runs, gives the order a fresh native shows. No effect in V8.
 */
function settleKeys(fn: unknown): void {
  if (typeof fn === 'function') natives.ownKeys(fn);
}

/** `text` split at '\n', without the page's String.prototype.split. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const nl = str.indexOf(text, '\n', start);
    if (nl < 0) break;
    arr.push(out, str.slice(text, start, nl));
    start = nl + 1;
  }
  arr.push(out, str.slice(text, start));
  return out;
}

/**
 * The same descriptor with no prototype: defineProperty reads `get`, `set`, `value`... through
 * the prototype chain, so a descriptor inheriting from the page's Object.prototype could be
 * turned into an accessor by the page.
 */
export function plain(desc: PropertyDescriptor): PropertyDescriptor {
  natives.setPrototypeOf(desc, null);
  return desc;
}

/** The object on `obj`'s prototype chain that holds `key` own (the object itself when none does). */
export function ownerOf(obj: object, key: PropertyKey): object {
  for (let o: object | null = obj; o; o = natives.getPrototypeOf(o) as object | null) if (natives.getOwnPropertyDescriptor(o, key)) return o;
  return obj;
}

/**
 * `items` as a sequence the browser reads without the page's help: WebIDL iterates a sequence
 * argument (Blob parts, a transfer list) through @@iterator and the iterator's `next`, which for
 * a plain array are Array.prototype's and %ArrayIteratorPrototype%'s: page-replaceable, and a page
 * that replaced them would see (and could swap) our blob code or our MessagePort.
 */
export function ownSequence<T>(items: T[]): T[] {
  const iterate = function () {
    let i = 0;
    const step = { __proto__: null, value: undefined as unknown, done: false };
    return {
      __proto__: null,
      next() {
        if (i < items.length) {
          step.value = items[i++];
          step.done = false;
        } else {
          step.value = undefined;
          step.done = true;
        }
        return { __proto__: null, value: step.value, done: step.done };
      },
    };
  };
  natives.defineProperty(items, Symbol.iterator, plain({ value: iterate, writable: true, enumerable: false, configurable: true }));
  return items;
}

/** Replaces a global constructor with its wrapper, keeping the global property's attributes. */
export function replaceGlobal(name: string, value: unknown): boolean {
  return replaceValue(globalThis, name, value);
}

/** A native getter captured now, so later page changes to the prototype cannot fool the agent. */
export function nativeGetter<T>(proto: object, key: string): (self: unknown) => T {
  const desc = natives.getOwnPropertyDescriptor(proto, key);
  const get = desc?.get;
  if (!get) return (self) => (self as Record<string, T>)[key];
  // A bound `call` invokes the getter with no argument array: these run once per frame.
  return boundCall.call(nativeCall, get) as (self: unknown) => T;
}

const nativeCall = Function.prototype.call;
const boundCall = Function.prototype.bind;
