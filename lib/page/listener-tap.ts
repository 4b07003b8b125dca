// Context: page (MAIN world). Sees each message event of a hooked WebSocket or EventSource from
// inside the page's own listener call, so recording a frame adds no listener dispatch of its own.
//
// Why: profiled, a second listener on a socket costs the browser ~3–6 µs per event (a C++ → JS
// call with its checkpoints) — more than all of our recording work, and more than the target
// overhead for an SSE flood whose events cost ~10 µs each. So the page's function listeners (and
// `onmessage`) on hooked sockets are registered as thin wrappers that record the event first,
// once per event, then call the page's function. Our own listener ("fallback") is attached only
// while no durable page listener covers the type (none yet, only `once`/`signal`/object options,
// or only handleEvent objects), so every event is recorded whatever the page does.
//
// What the page sees stays the same: `onmessage` returns its own function, removeEventListener
// finds the wrapper of the function it passes, the same function added twice is still added
// once (one wrapper per function), `this` and the argument are the browser's, the return value
// goes back to the browser, and an error thrown by the page's listener is reported where it was
// thrown, its stack cleared of our frame before page code can see it.
//
// Handler cost: the same wrappers time the page's function on each recorded message, with two
// reads of the clock saved at startup around the call (nothing else on the hot path: no closure,
// no allocation). The time goes to the record made for the event (a ring column, sent as
// `handlerMs`); several listeners add up; a listener that throws is timed up to the throw (the
// `finally` leaves the exception and where the browser reports it as they were). Held frames are
// timed when released, and injected ones when dispatched (dispatchTimed). Not timed: listeners
// given as handleEvent objects (the page's object is not ours to wrap).
import { natives, call, safely, reportAgentError, arr } from './natives';
import { wrapMethod, wrapAccessor, hideAgentFrames } from './proxy-utils';

type Listener = (this: unknown, event: Event) => unknown;

/** Withholds the event from the page (TapOwner.onEvent). */
export const HELD = -1;
/** Nothing recorded to add the listeners' time to (TapOwner.onEvent). */
export const UNTIMED = 0;

export interface TapOwner {
  /** Event types recorded for this target; listeners of other types are left alone. */
  watches(type: string): boolean;
  /**
   * Records a trusted event (called once per event). Returns the token of the record made for it
   * (the page listeners' time on the event is added to that record), UNTIMED, or HELD to
   * withhold the event from the page.
   */
  onEvent(event: Event): number;
}

/** Where the page listeners' time goes: the Recorder (or a worker's sink), by record token. */
export interface CostSink {
  handlerCost(token: number, ms: number): void;
}

interface TypeCover {
  /** Page functions added without options object, by capture flag: they stay until removed. */
  bubble: Set<Listener>;
  capture: Set<Listener>;
  /** The `on<type>` handler is a function. */
  handler: boolean;
  /** Our own listener, attached while nothing durable of the page's covers the type. */
  fallback: Listener | undefined;
}

interface TapEntry {
  owner: TapOwner;
  types: Map<string, TypeCover>;
  /** The event last recorded: later listeners of the same dispatch must not record it again. */
  last: Event | undefined;
  /** The event whose page listeners are timed, and the token of its record. */
  timed: Event | undefined;
  token: number;
}

const stopImmediate = natives.stopImmediatePropagation;
const callFunction = Function.prototype.call.bind(Function.prototype.call) as (fn: unknown, self: unknown, ...args: unknown[]) => unknown;
const errorGetter = typeof ErrorEvent === 'function' ? natives.getOwnPropertyDescriptor(ErrorEvent.prototype, 'error')?.get : undefined;
const getError = errorGetter ? (e: Event) => callFunction(errorGetter, e) : undefined;
const now = natives.now;

/** A page listener that stays until the page removes it covers the type: no fallback needed. */
function covered(c: TypeCover): boolean {
  return c.handler || c.bubble.size > 0 || c.capture.size > 0;
}

export class ListenerTap {
  private entries = new natives.WeakMapCtor<object, TapEntry>();
  private wrappers = new natives.WeakMapCtor<Listener, Listener>();
  private originals = new natives.WeakMapCtor<Listener, Listener>();

  constructor(private costs: CostSink) {
    // An error thrown by a page listener passed through our wrapper, whose frame is in the error's
    // stack. The browser reports it to the global scope's "error" listeners; ours was added
    // before any page script ran, so it runs first and removes our frame before the page reads it.
    call(natives.addEventListener, globalThis, 'error', (e: ErrorEvent) => safely(() => hideAgentFrames(getError?.(e))), true);
    wrapMethod(EventTarget.prototype, 'addEventListener', (native, self, args) => {
      const entry = typeof args[0] === 'string' ? this.entries.get(self as object) : undefined;
      if (!entry || !entry.owner.watches(args[0] as string)) return natives.apply(native, self, args);
      const type = args[0] as string;
      const cover = this.cover(entry, self as object, type);
      const listener = args[1];
      if (typeof listener !== 'function') return natives.apply(native, self, args);
      const forwarded = arr.slice(args);
      forwarded[1] = this.wrapperOf(listener as Listener);
      const result = natives.apply(native, self, forwarded);
      // Only an options-less registration is sure to stay until the page removes it: `once` or
      // a `signal` can end it without telling us (reading them would be visible to the page).
      const options = args[2];
      if (options === undefined || options === null || typeof options === 'boolean') {
        (options === true ? cover.capture : cover.bubble).add(listener as Listener);
        this.updateFallback(entry, self as object, type, cover);
      }
      return result;
    });

    wrapMethod(EventTarget.prototype, 'removeEventListener', (native, self, args) => {
      const entry = typeof args[0] === 'string' ? this.entries.get(self as object) : undefined;
      const wrapper =
        entry && typeof args[1] === 'function' && entry.owner.watches(args[0] as string) ? this.wrappers.get(args[1] as Listener) : undefined;
      if (!entry || !wrapper) return natives.apply(native, self, args);
      const forwarded = arr.slice(args);
      forwarded[1] = wrapper;
      const result = natives.apply(native, self, forwarded);
      safely(() => {
        const cover = entry.types.get(args[0] as string);
        if (!cover) return;
        const options = args[2];
        // An options object's capture flag is not read (the page would see a second read): forget both.
        if (options !== true) cover.bubble.delete(args[1] as Listener);
        if (options !== false && options !== undefined && options !== null) cover.capture.delete(args[1] as Listener);
        this.updateFallback(entry, self as object, args[0] as string, cover);
      });
      return result;
    });
  }

  /** Starts recording `target`'s events of the types its owner watches, `initial` at once. */
  register(target: object, owner: TapOwner, initial: string[]): void {
    const entry: TapEntry = { owner, types: new natives.MapCtor(), last: undefined, timed: undefined, token: 0 };
    this.entries.set(target, entry);
    for (let i = 0; i < initial.length; i++) this.cover(entry, target, initial[i]);
  }

  /**
   * Dispatches an event PushLens made (an injected frame, a held one released) to `target`'s
   * listeners, their time added to the record `token`.
   */
  dispatchTimed(target: object, event: Event, token: number): void {
    const entry = this.entries.get(target);
    if (entry && token > 0) {
      entry.timed = event;
      entry.token = token;
    }
    call(natives.dispatchEvent, target, event);
    // The page may dispatch this event object again later: that is not our message any more.
    if (entry && entry.timed === event) entry.timed = undefined;
  }

  /** Routes a prototype's `on<type>` handler attribute through the wrappers. */
  tapHandler(proto: object, type: string): void {
    wrapAccessor(
      proto,
      `on${type}`,
      (native, self) => {
        const value = natives.apply(native, self, []);
        return typeof value === 'function' ? (this.originals.get(value as Listener) ?? value) : value;
      },
      (native, self, args) => {
        const entry = this.entries.get(self as object);
        const value = args[0];
        if (!entry || typeof value !== 'function') {
          const result = natives.apply(native, self, args);
          if (entry) safely(() => this.setHandler(entry, self as object, type, false));
          return result;
        }
        const forwarded = arr.slice(args);
        forwarded[0] = this.wrapperOf(value as Listener);
        const result = natives.apply(native, self, forwarded);
        safely(() => this.setHandler(entry, self as object, type, true));
        return result;
      },
    );
  }

  private setHandler(entry: TapEntry, target: object, type: string, isFunction: boolean): void {
    const cover = this.cover(entry, target, type);
    cover.handler = isFunction;
    this.updateFallback(entry, target, type, cover);
  }

  /** The coverage of `type` on `target`, created (with our fallback listener first) on first use. */
  private cover(entry: TapEntry, target: object, type: string): TypeCover {
    let cover = entry.types.get(type);
    if (!cover) {
      cover = { bubble: new natives.SetCtor(), capture: new natives.SetCtor(), handler: false, fallback: undefined };
      entry.types.set(type, cover);
      this.updateFallback(entry, target, type, cover);
    }
    return cover;
  }

  private updateFallback(entry: TapEntry, target: object, type: string, cover: TypeCover): void {
    if (covered(cover) && cover.fallback) {
      // Removed in a later task, not now: a page listener added during a dispatch does not run
      // for that event, so our fallback must still record it.
      const fallback = cover.fallback;
      natives.setTimeout(() => {
        if (cover.fallback !== fallback || !covered(cover)) return;
        call(natives.removeEventListener, target, type, fallback);
        cover.fallback = undefined;
      }, 0);
    } else if (!covered(cover) && !cover.fallback) {
      const fallback: Listener = (event) => {
        if (this.see(entry, event)) call(stopImmediate, event);
      };
      cover.fallback = fallback;
      call(natives.addEventListener, target, type, fallback);
    }
  }

  /** First listener call of a dispatch: records a trusted event; true = withhold it from the page. */
  private see(entry: TapEntry, event: Event): boolean {
    if (entry.last === event) return false;
    entry.last = event;
    try {
      // isTrusted is an unforgeable own property of each event: the page cannot fake it.
      if (!event.isTrusted) return false;
      const token = entry.owner.onEvent(event);
      if (token === HELD) return true;
      if (token > 0) {
        entry.timed = event;
        entry.token = token;
      }
      return false;
    } catch (err) {
      reportAgentError(err);
      return false;
    }
  }

  /** Adds one listener call's time (from `start` to now) to record `token`; never throws into the page. */
  private spent(token: number, start: number): void {
    try {
      this.costs.handlerCost(token, now() - start);
    } catch (err) {
      reportAgentError(err);
    }
  }

  private wrapperOf(listener: Listener): Listener {
    let wrapper = this.wrappers.get(listener);
    if (wrapper) return wrapper;
    const tap = this;
    wrapper = function (this: unknown, event: Event) {
      const entry = tap.entries.get(this as object);
      if (entry !== undefined) {
        if (tap.see(entry, event)) {
          call(stopImmediate, event);
          return undefined;
        }
        if (entry.timed === event) {
          const token = entry.token;
          const start = now();
          // No catch: an exception must leave the page's function untouched, so the browser
          // reports it where it was thrown (a rethrow or reportError would report it at our line).
          try {
            return callFunction(listener, this, event);
          } finally {
            tap.spent(token, start);
          }
        }
      }
      return callFunction(listener, this, event);
    };
    this.wrappers.set(listener, wrapper);
    this.originals.set(wrapper, listener);
    return wrapper;
  }
}
