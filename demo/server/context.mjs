// Context: node (demo server). The shared state every route module receives.
// Why one object: route modules stay independent of each other and of node:http wiring; they only
// see timing, the timer registry, live counters and the flaky switch.

/**
 * @typedef {object} DemoStats
 * Live counters, exposed at GET /api/stats and as `stats` on startDemoServer's result.
 * "...Connections" fields are currently open; "...Total" fields count since start.
 * @property {number} shortPolls
 * @property {number} longPolls
 * @property {number} longPollsWaiting
 * @property {number} longPoll502s
 * @property {number} notificationsProduced
 * @property {number} wsConnections
 * @property {number} wsConnectionsTotal
 * @property {number} chatReceived
 * @property {number} danmakuReceived
 * @property {number} forbiddenUpgrades
 * @property {number} flakyCloses
 * @property {number} sseConnections
 * @property {number} sseConnectionsTotal
 * @property {number} sseEventsSent
 * @property {number} streamsOpened
 * @property {number} streamsFinished
 * @property {number} streamsClosedEarly
 * @property {boolean} flaky
 */

/** @returns {DemoStats} */
export function createStats() {
  return {
    shortPolls: 0,
    longPolls: 0,
    longPollsWaiting: 0,
    longPoll502s: 0,
    notificationsProduced: 0,
    wsConnections: 0,
    wsConnectionsTotal: 0,
    chatReceived: 0,
    danmakuReceived: 0,
    forbiddenUpgrades: 0,
    flakyCloses: 0,
    sseConnections: 0,
    sseConnectionsTotal: 0,
    sseEventsSent: 0,
    streamsOpened: 0,
    streamsFinished: 0,
    streamsClosedEarly: 0,
    flaky: false,
  };
}

/** Flaky mode switch with change listeners, so open connections can (dis)arm their chaos timers. */
export class FlakySwitch {
  #on = false;
  /** @type {Set<(on: boolean) => void>} */
  #listeners = new Set();
  /** @type {DemoStats} */
  #stats;

  /** @param {DemoStats} stats */
  constructor(stats) {
    this.#stats = stats;
  }

  get on() {
    return this.#on;
  }

  /** @param {boolean} on */
  set(on) {
    if (on === this.#on) return;
    this.#on = on;
    this.#stats.flaky = on;
    for (const fn of [...this.#listeners]) fn(on);
  }

  /**
   * @param {(on: boolean) => void} fn
   * @returns {() => void} unsubscribe
   */
  onChange(fn) {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}

/**
 * @typedef {object} DemoContext
 * @property {import('./timing.mjs').DemoTiming} timing
 * @property {import('./scheduler.mjs').Scheduler} sched
 * @property {DemoStats} stats
 * @property {FlakySwitch} flaky
 */
