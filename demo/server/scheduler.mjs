// Context: node (demo server). Tracks every timer the demo creates.
// Why: close() must release all resources so tests (and `npm start` restarts) never leak timers
// that keep the process alive. Routes create timers only through this object.

export class Scheduler {
  /** @type {Set<NodeJS.Timeout>} */
  #timeouts = new Set();
  /** @type {Set<NodeJS.Timeout>} */
  #intervals = new Set();
  #closed = false;

  /**
   * @param {() => void} fn
   * @param {number} ms
   * @returns {NodeJS.Timeout | undefined} undefined once the scheduler is closed
   */
  timeout(fn, ms) {
    if (this.#closed) return undefined;
    const t = setTimeout(() => {
      this.#timeouts.delete(t);
      fn();
    }, ms);
    this.#timeouts.add(t);
    return t;
  }

  /**
   * @param {() => void} fn
   * @param {number} ms
   * @returns {NodeJS.Timeout | undefined}
   */
  interval(fn, ms) {
    if (this.#closed) return undefined;
    const t = setInterval(fn, ms);
    this.#intervals.add(t);
    return t;
  }

  /** @param {NodeJS.Timeout | undefined} t */
  clear(t) {
    if (!t) return;
    clearTimeout(t);
    clearInterval(t);
    this.#timeouts.delete(t);
    this.#intervals.delete(t);
  }

  get closed() {
    return this.#closed;
  }

  /** Number of live timers; the unit test asserts it is 0 after close(). */
  get size() {
    return this.#timeouts.size + this.#intervals.size;
  }

  closeAll() {
    this.#closed = true;
    for (const t of this.#timeouts) clearTimeout(t);
    for (const t of this.#intervals) clearInterval(t);
    this.#timeouts.clear();
    this.#intervals.clear();
  }
}
