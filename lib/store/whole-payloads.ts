// Context: panel (and the standalone viewer). Whole payloads of frames the Session holds only in
// part (cut at the agent's preview cap). lib/panel/full-payload.ts fetches them from the page
// agent on demand; they are kept here, bounded, so every reader that needs the exact frame
// (actions, copy, HAR/JSON/mock exports built synchronously from the Session) gets the same bytes.
import type { Session } from './session';
import { FLAG_BINARY, FLAG_TRUNCATED } from './frame-store';

export interface WholePayload {
  /** Text, or base64 of the bytes when `binary`. */
  data: string;
  binary: boolean;
}

/** Characters kept across all whole payloads of a session; the oldest fetched go first. */
export const WHOLE_PAYLOADS_MAX_CHARS = 64 * 1024 * 1024;

interface Kept extends WholePayload {
  /** The frame's true size when fetched: a row that no longer has it is not this frame. */
  size: number;
}

const bySession = new WeakMap<Session, { entries: Map<string, Kept>; chars: number }>();

function cacheOf(session: Session) {
  let c = bySession.get(session);
  if (!c) bySession.set(session, (c = { entries: new Map(), chars: 0 }));
  return c;
}

/** A frame's identity that outlives row shifts and Clear: its agent and its sequence number there. */
export function wholeKey(session: Session, row: number): string | undefined {
  const f = session.frames;
  const connection = session.connections[f.connection[row]];
  return connection ? `${connection.agentId}\n${f.seq[row]}` : undefined;
}

/** Keeps a fetched whole under its frame's key (wholeKey, taken before the fetch: rows shift meanwhile). */
export function rememberWhole(session: Session, key: string, size: number, whole: WholePayload): void {
  if (whole.data.length > WHOLE_PAYLOADS_MAX_CHARS) return;
  const cache = cacheOf(session);
  const old = cache.entries.get(key);
  if (old) {
    cache.chars -= old.data.length;
    cache.entries.delete(key);
  }
  cache.entries.set(key, { ...whole, size });
  cache.chars += whole.data.length;
  for (const [k, v] of cache.entries) {
    if (cache.chars <= WHOLE_PAYLOADS_MAX_CHARS) break;
    cache.entries.delete(k);
    cache.chars -= v.data.length;
  }
}

/** The whole payload fetched for this row, if any. */
export function knownWhole(session: Session, row: number): WholePayload | undefined {
  const key = wholeKey(session, row);
  const kept = key === undefined ? undefined : bySession.get(session)?.entries.get(key);
  return kept && kept.size === session.frames.size[row] ? kept : undefined;
}

/**
 * What a reader should use for this row: the whole payload when it is whole (never cut, or
 * fetched), else the preview with `cut` set (callers mark it with the true size, or refuse it).
 */
export function payloadOf(session: Session, row: number): WholePayload & { cut: boolean } {
  const f = session.frames;
  const binary = (f.flags[row] & FLAG_BINARY) !== 0;
  if (!(f.flags[row] & FLAG_TRUNCATED)) return { data: f.preview[row], binary, cut: false };
  const whole = knownWhole(session, row);
  return whole ? { data: whole.data, binary: whole.binary, cut: false } : { data: f.preview[row], binary, cut: true };
}
