// Context: node (demo server). Type declarations for index.mjs, so TypeScript tests and scripts
// can import startDemoServer without enabling allowJs for the whole project.

/** Every delay and rate the demo uses; see timing.mjs for what each one controls. */
export interface DemoTiming {
  likesChangeEvery: number;
  notifyMinMs: number;
  notifyMaxMs: number;
  longPollTimeoutMs: number;
  chatBotMs: number;
  danmakuBurstMin: number;
  danmakuBurstMax: number;
  danmakuGapMs: number;
  danmakuPauseMs: number;
  danmakuBinaryMs: number;
  ssePriceMs: number;
  sseNewsMs: number;
  sseHeartbeatMs: number;
  sseRetryMs: number;
  llmTokenMinMs: number;
  llmTokenMaxMs: number;
  flakyMinMs: number;
  flakyMaxMs: number;
  flakySseMinEvents: number;
  flakySseMaxEvents: number;
  flaky502Rate: number;
  flaky502DelayMs: number;
}

/** Live counters (also served at GET /api/stats). "...Connections" = open now, "...Total" = since start. */
export interface DemoStats {
  shortPolls: number;
  longPolls: number;
  longPollsWaiting: number;
  longPoll502s: number;
  notificationsProduced: number;
  wsConnections: number;
  wsConnectionsTotal: number;
  chatReceived: number;
  danmakuReceived: number;
  forbiddenUpgrades: number;
  flakyCloses: number;
  sseConnections: number;
  sseConnectionsTotal: number;
  sseEventsSent: number;
  streamsOpened: number;
  streamsFinished: number;
  streamsClosedEarly: number;
  flaky: boolean;
}

export interface DemoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: '127.0.0.1' (default), '::1' or 'localhost'; anything else throws. */
  host?: string;
  /** Compressed timings (milliseconds instead of seconds) for tests. */
  fast?: boolean;
  /** Start with flaky mode on. */
  flaky?: boolean;
  /** Overrides applied on top of the default or fast timings. */
  timing?: Partial<DemoTiming>;
  /** Do not log handler errors to stderr. */
  quiet?: boolean;
}

export interface DemoServer {
  /** e.g. "http://127.0.0.1:5173/" (trailing slash). */
  url: string;
  port: number;
  /** The live counters object (mutated in place). */
  stats: DemoStats;
  timing: DemoTiming;
  setFlaky(on: boolean): void;
  /** Timers still scheduled; 0 after close(). */
  readonly pendingTimers: number;
  /** Releases every timer, socket and stream; idempotent. */
  close(): Promise<void>;
}

export function startDemoServer(options?: DemoServerOptions): Promise<DemoServer>;
