// Context: panel. Decides when the panel may listen to chrome.devtools.network.onRequestFinished.
// Chrome posts a finished request's whole HAR entry to every listening extension frame, and a
// WebSocket's or event stream's entry holds every message it carried (`_webSocketMessages`,
// `_eventSourceMessages`): after 100k messages, taking that one message in is a ~250 ms task on
// the panel's main thread, whatever the listener then does. The only way not to pay it is not to
// be subscribed when it is posted (removeListener unsubscribes the frame in DevTools).
//
// Why not "listen only while a join is awaited": subscribing is asynchronous, and a refused
// handshake's entry is posted a few ms after the socket is created, well before the hooked record
// reaches the panel (measured: 0 of 5 lone 403s joined). So the gate listens by default and stops
// only while a hooked stream is big enough that its entry would be a long task, plus a grace
// period after it ends (DevTools posts the entry around then). What is lost meanwhile (statuses
// and timings of other requests) is the price of the smooth panel; it comes back afterwards.
// All times here are the panel's own clock, when the gate saw something: records carry the
// page's clock, which for a remote device's page may be off by any amount.
import type { Session } from '../store/session';
import type { Connection } from '../store/session-types';

/** Estimated panel cost of one HAR entry, calibrated on this 2-core machine (100k × 100 B WebSocket ≈ 250–275 ms, 20k × 1 kB event stream ≈ 110 ms), rounded up. */
const MS_PER_MESSAGE = 0.0025;
const MS_PER_MB = 5;
/** A stream whose entry would cost more than this is "heavy": a quarter of the 100 ms task budget, so a fast stream is caught well before its entry gets long. */
export const HEAVY_ENTRY_MS = 25;
/** How long after a heavy stream ended DevTools may still post its entry (seen: 0.2–1.5 s). */
export const GRACE_MS = 5000;
/**
 * A fetch/XHR event stream open this long without one hooked event is of unknown size: the hook
 * sees a body as the page reads it, and a page that reads it with text() reads it all at the end,
 * just when DevTools posts the entry with every event. Until its first event it counts as heavy.
 */
export const SILENT_STREAM_MS = 1000;

export function entryCostMs(messages: number, bytes: number): number {
  return messages * MS_PER_MESSAGE + (bytes / 1e6) * MS_PER_MB;
}

/** What DevTools will put in the connection's entry: messages of a WebSocket, SSE or fetch/XHR event stream. */
export function isStream(c: Connection): boolean {
  return c.api === 'ws' || c.api === 'sse' || c.http?.eventStream === true;
}

export class NetworkGate {
  /** Indexes of connections whose DevTools request(s) may not have finished yet. */
  private live = new Set<number>();
  /** Live connections seen while recording was paused: their frames were not counted. */
  private blind = new Set<number>();
  /** Since when (panel clock) a live fetch/XHR event stream has been seen without any event. */
  private silentSince = new Map<number, number>();
  private connections: Connection[];
  private nextConnection = 0;
  /** Connections below this index belong to documents the inspected tab navigated away from. */
  private goneBelow = 0;
  private holdUntil = 0;

  constructor(private session: Session) {
    this.connections = session.connections;
  }

  /** The inspected tab navigated: its old documents' sockets and streams are gone (no close record will come). */
  navigated(): void {
    if (this.session.connections !== this.connections) return; // cleared: update() holds for everything live
    this.goneBelow = this.session.connections.length;
  }

  /** Whether the panel may be subscribed now. Call it often (a few times a second). */
  update(now: number, recording: boolean): boolean {
    const s = this.session;
    if (s.connections !== this.connections) {
      // Cleared: whatever was heavy may still be posted (a clear on navigation races the sockets' ends).
      if (this.heavyLive(now)) this.holdUntil = Math.max(this.holdUntil, now + GRACE_MS);
      this.live.clear();
      this.blind.clear();
      this.silentSince.clear();
      this.connections = s.connections;
      this.nextConnection = this.goneBelow = 0;
    }
    for (; this.nextConnection < s.connections.length; this.nextConnection++) this.live.add(this.nextConnection);
    let heavy = false;
    for (const i of this.live) {
      const c = s.connections[i];
      if (!recording && c.state !== 'closed') this.blind.add(i);
      if (c.http?.eventStream && c.framesIn === 0 && !this.silentSince.has(i)) this.silentSince.set(i, now);
      const isHeavy = this.isHeavy(c, now);
      if (!this.ended(c)) {
        heavy ||= isHeavy;
        continue;
      }
      // Ended: DevTools posts the entry about now (or did while we were not listening).
      if (isHeavy) this.holdUntil = Math.max(this.holdUntil, now + GRACE_MS);
      this.live.delete(i);
      this.blind.delete(i);
      this.silentSince.delete(i);
    }
    return !heavy && now >= this.holdUntil;
  }

  /** Whether the connection's last DevTools request has finished. */
  private ended(c: Connection): boolean {
    if (c.index < this.goneBelow) return true;
    // Its document went away (frame-gone): no close record will come, DevTools posts the entry about now.
    if (c.frameGoneAt !== undefined) return true;
    if (c.http && !c.http.eventStream) return c.http.end !== undefined;
    return c.state === 'closed';
  }

  private isHeavy(c: Connection, now: number): boolean {
    if (!isStream(c)) return false;
    if (this.blind.has(c.index)) return true;
    const silentSince = this.silentSince.get(c.index);
    if (c.framesIn === 0 && c.state !== 'closed' && silentSince !== undefined && now - silentSince >= SILENT_STREAM_MS) return true;
    return entryCostMs(c.framesIn + c.framesOut, c.payloadBytes) >= HEAVY_ENTRY_MS;
  }

  private heavyLive(now: number): boolean {
    for (const i of this.live) {
      const c = this.connections[i];
      if (c && this.isHeavy(c, now)) return true;
    }
    return false;
  }
}
