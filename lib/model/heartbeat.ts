// Context: pure model, no browser APIs.
// Finds keep-alive traffic (ping/pong frames, `{"type":"ping"}`, SSE comment lines) so the panel
// can dim or hide it: it is often the majority of frames on an idle channel and buries the data.

export interface HeartbeatFrame {
  t: number;
  dir: 'in' | 'out';
  size: number;
  text: string;
}

export interface HeartbeatSide {
  dir: 'in' | 'out';
  signature: string;
}

export interface Heartbeat extends HeartbeatSide {
  periodMs: number;
  /** Share of all frames that are heartbeats (both sides when a reply was found). */
  share: number;
  count: number;
  /** The answer in the other direction (pong for a ping), when it keeps the same rhythm. */
  reply?: HeartbeatSide;
}

/** Keep-alives are tiny; a larger frame that repeats is data, not a heartbeat. */
const MAX_SIZE = 128;
const MIN_COUNT = 3;
// Heartbeats come from timers, so their spacing is steady; ±25% still allows timer drift and the
// odd frame lost while a tab was throttled.
const PERIOD_TOLERANCE = 0.25;
const MIN_REGULAR_SHARE = 0.7;
const MIN_PERIOD_MS = 250;

const KEYWORD = /ping|pong|heart|beat|keep-?alive|\bhb\b|noop|idle|alive/i;

/**
 * Identity of a frame for grouping. Texts are compared exactly, except that digits are masked in
 * SSE comments and in frames naming a keep-alive (`{"type":"ping","ts":1732…}`), whose counters or
 * timestamps change every time. A ticker `{"p":101.5}` keeps its digits and is never folded.
 */
export function heartbeatSignature(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (trimmed.startsWith(':') || KEYWORD.test(trimmed)) return trimmed.replace(/\d+/g, '#');
  return trimmed;
}

interface Group {
  dir: 'in' | 'out';
  signature: string;
  times: number[];
}

function regularPeriod(times: readonly number[]): number | null {
  if (times.length < MIN_COUNT) return null;
  const intervals: number[] = [];
  for (let i = 1; i < times.length; i++) intervals.push((times[i] as number) - (times[i - 1] as number));
  const sorted = [...intervals].sort((a, b) => a - b);
  const period = sorted[Math.floor(sorted.length / 2)] as number;
  if (period < MIN_PERIOD_MS) return null;
  const regular = intervals.filter((d) => Math.abs(d - period) <= PERIOD_TOLERANCE * period).length;
  return regular / intervals.length >= MIN_REGULAR_SHARE ? period : null;
}

/** The strongest periodic small identical frame series, or null when there is none. */
export function detectHeartbeat(frames: readonly HeartbeatFrame[]): Heartbeat | null {
  if (frames.length < MIN_COUNT) return null;
  const groups = new Map<string, Group>();
  for (const f of frames) {
    if (f.size > MAX_SIZE) continue;
    const signature = heartbeatSignature(f.text);
    const key = `${f.dir}\u0000${signature}`;
    let g = groups.get(key);
    if (!g) {
      g = { dir: f.dir, signature, times: [] };
      groups.set(key, g);
    }
    g.times.push(f.t);
  }
  const periodic: Array<Group & { periodMs: number }> = [];
  for (const g of groups.values()) {
    g.times.sort((a, b) => a - b);
    const periodMs = regularPeriod(g.times);
    if (periodMs !== null) periodic.push({ ...g, periodMs });
  }
  if (periodic.length === 0) return null;
  // Prefer the side that starts the exchange (the ping); among equals, the most frequent.
  periodic.sort((a, b) => b.times.length - a.times.length || (a.times[0] as number) - (b.times[0] as number));
  const best = periodic[0] as Group & { periodMs: number };
  const reply = periodic.find(
    (g) =>
      g !== best &&
      g.dir !== best.dir &&
      Math.abs(g.periodMs - best.periodMs) <= PERIOD_TOLERANCE * best.periodMs &&
      Math.abs(g.times.length - best.times.length) <= Math.max(1, best.times.length * 0.2),
  );
  const count = best.times.length + (reply ? reply.times.length : 0);
  const result: Heartbeat = {
    dir: best.dir,
    signature: best.signature,
    periodMs: Math.round(best.periodMs),
    share: count / frames.length,
    count,
  };
  if (reply) result.reply = { dir: reply.dir, signature: reply.signature };
  return result;
}

/** Whether a frame belongs to a detected heartbeat (either side of a ping/pong pair). */
export function isHeartbeatFrame(detected: Heartbeat | null, frame: Pick<HeartbeatFrame, 'dir' | 'size' | 'text'>): boolean {
  if (!detected || frame.size > MAX_SIZE) return false;
  const sig = heartbeatSignature(frame.text);
  if (frame.dir === detected.dir && sig === detected.signature) return true;
  return detected.reply !== undefined && frame.dir === detected.reply.dir && sig === detected.reply.signature;
}
