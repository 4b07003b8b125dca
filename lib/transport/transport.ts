// Context: shared (relay, background, panel, tests). A tiny transport interface so routing and
// protocol code can be tested with fake adapters, without a browser.

export interface Transport<In, Out> {
  post(message: Out): void;
  /** Returns a function that removes the listener. */
  listen(onMessage: (message: In) => void): () => void;
  /** Called once when the other side goes away. Returns an unlisten function. */
  onDisconnect(callback: () => void): () => void;
}

/** An in-memory transport end; `close()` breaks the pair as a stopped service worker breaks a Port. */
export interface FakeTransport<In, Out> extends Transport<In, Out> {
  close(): void;
}

/**
 * A connected pair of in-memory transports; what one posts the other receives (asynchronously,
 * structured-cloned, as real ports do). Used by the message-layer unit tests.
 */
export function createFakeTransportPair<A, B>(): [FakeTransport<A, B>, FakeTransport<B, A>] {
  const listenersA = new Set<(m: A) => void>();
  const listenersB = new Set<(m: B) => void>();
  const goneA = new Set<() => void>();
  const goneB = new Set<() => void>();
  let open = true;
  const deliver = <M>(set: Set<(m: M) => void>, m: M) => {
    // structuredClone mimics what real ports do: the receiver never shares objects with the sender.
    const copy = structuredClone(m);
    queueMicrotask(() => {
      if (open) for (const l of set) l(copy);
    });
  };
  const close = () => {
    if (!open) return;
    open = false;
    for (const c of goneA) c();
    for (const c of goneB) c();
  };
  const a: FakeTransport<A, B> = {
    post: (m) => deliver(listenersB, m),
    listen: (l) => (listenersA.add(l), () => listenersA.delete(l)),
    onDisconnect: (c) => (goneA.add(c), () => goneA.delete(c)),
    close,
  };
  const b: FakeTransport<B, A> = {
    post: (m) => deliver(listenersA, m),
    listen: (l) => (listenersB.add(l), () => listenersB.delete(l)),
    onDisconnect: (c) => (goneB.add(c), () => goneB.delete(c)),
    close,
  };
  return [a, b];
}
