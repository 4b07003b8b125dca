// Context: page (MAIN world). Wraps native constructors and methods with Proxies so the page still
// sees the native function: same name, length, prototype, statics, instanceof and a native-looking
// toString. A wrapper never throws into the page: agent work runs inside `safely`.
import { natives, safely } from './natives';

const originals = new natives.WeakMapCtor<object, object>();
const nativeToString = Function.prototype.toString;

/** Makes Function.prototype.toString report the wrapped native for each of our proxies. */
export function installToStringMask(): void {
  const masked = new natives.ProxyCtor(nativeToString, {
    apply(target, thisArg, args) {
      const original = typeof thisArg === 'function' || (typeof thisArg === 'object' && thisArg !== null) ? originals.get(thisArg) : undefined;
      return natives.apply(target, original ?? thisArg, args);
    },
  });
  originals.set(masked, nativeToString);
  replaceValue(Function.prototype, 'toString', masked);
}

/** Replaces an own data property keeping its attributes (writable, enumerable, configurable). */
export function replaceValue(owner: object, key: PropertyKey, value: unknown): boolean {
  const desc = natives.getOwnPropertyDescriptor(owner, key);
  if (!desc || !('value' in desc) || !desc.configurable) return false;
  return natives.defineProperty(owner, key, { ...desc, value });
}

type AnyFn = (...args: unknown[]) => unknown;
type AnyCtor = new (...args: unknown[]) => object;

/**
 * Wraps a constructor: `after` sees each new native instance before the page gets it. The
 * instance returned is the real native object, so libraries' `instanceof` checks keep working.
 */
export function wrapConstructor<C extends AnyCtor>(ctor: C, after: (instance: InstanceType<C>, args: unknown[]) => void): C {
  const proxy: C = new natives.ProxyCtor(ctor, {
    construct(target, args, newTarget) {
      const instance = natives.construct(target, args, newTarget === proxy ? target : newTarget) as InstanceType<C>;
      safely(() => after(instance, args));
      return instance;
    },
  });
  originals.set(proxy, ctor);
  // `ws.constructor === WebSocket` must stay true after we replace the global.
  replaceValue(ctor.prototype, 'constructor', proxy);
  return proxy;
}

/**
 * Wraps a method: `around` gets the native, `this` and the arguments and must call the native
 * itself (so it can see the result or the exception).
 */
export function wrapMethod(owner: object, key: PropertyKey, around: (native: AnyFn, self: unknown, args: unknown[]) => unknown): boolean {
  const desc = natives.getOwnPropertyDescriptor(owner, key);
  if (!desc || typeof desc.value !== 'function') return false;
  const native = desc.value as AnyFn;
  const proxy = new natives.ProxyCtor(native, {
    apply(target, self, args) {
      return around(target, self, args);
    },
  });
  originals.set(proxy, native);
  return replaceValue(owner, key, proxy);
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
  return (self) => natives.apply(get, self, []) as T;
}
