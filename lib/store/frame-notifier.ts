// Context: panel (and node: tests, CLI). Tells subscribers that something changed, at most once
// per animation frame: ingest can apply tens of thousands of records a second and React must not
// follow each one. Nothing is scheduled while nobody listens, so a Session used in node never
// keeps a timer alive.

export type Listener = () => void;

export interface FrameScheduler {
  /** Runs `fn` once, soon; returns a cancel function. */
  (fn: () => void): () => void;
}

/** A hidden DevTools panel gets no animation frames; this slower timer keeps its DOM current. */
const HIDDEN_FALLBACK_MS = 250;
/** Node and workers have no requestAnimationFrame: one tick of a 60 Hz display. */
const NO_RAF_MS = 16;

export const defaultScheduler: FrameScheduler = (fn) => {
  let done = false;
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    fn();
  };
  const frame = raf ? raf(run) : undefined;
  const timer = setTimeout(run, raf ? HIDDEN_FALLBACK_MS : NO_RAF_MS);
  function cancel() {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  }
  return () => {
    done = true;
    cancel();
  };
};

export class FrameNotifier {
  private listeners = new Set<Listener>();
  private cancelPending: (() => void) | undefined;
  /** The version published to subscribers at the last notification. */
  private published: number;
  /** Notifications delivered so far (each one is a batch of changes). */
  notifications = 0;

  constructor(
    private current: () => number,
    private schedule: FrameScheduler = defaultScheduler,
  ) {
    this.published = current();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    // A change made before this subscriber arrived still reaches it.
    if (this.published !== this.current()) this.changed();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.cancel();
    };
  }

  /** What subscribers see until the next notification: steady within a frame, as React requires. */
  snapshot(): number {
    return this.published;
  }

  changed(): void {
    if (this.cancelPending || this.listeners.size === 0) return;
    this.cancelPending = this.schedule(() => this.flush());
  }

  private flush(): void {
    this.cancelPending = undefined;
    const v = this.current();
    if (v === this.published) return;
    this.published = v;
    this.notifications++;
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (err) {
        // One broken subscriber must not starve the others; the error still surfaces.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  private cancel(): void {
    this.cancelPending?.();
    this.cancelPending = undefined;
  }
}
