// Context: panel. Pure geometry of the timeline: time ↔ x, lanes, tick buckets. Kept apart from
// drawing so it is unit-tested without a canvas.

export interface TimeRange {
  start: number;
  end: number;
}

export const LANE_HEIGHT = 22;

export function timeToX(t: number, range: TimeRange, width: number): number {
  return ((t - range.start) / Math.max(1, range.end - range.start)) * width;
}

export function xToTime(x: number, range: TimeRange, width: number): number {
  return range.start + (x / Math.max(1, width)) * (range.end - range.start);
}

/** Zooms around the time under the cursor; factor < 1 zooms in. Never narrower than 5 ms. */
export function zoomRange(range: TimeRange, atTime: number, factor: number): TimeRange {
  const span = Math.max(5, (range.end - range.start) * factor);
  const ratio = (atTime - range.start) / Math.max(1, range.end - range.start);
  const start = atTime - ratio * span;
  return { start, end: start + span };
}

export function panRange(range: TimeRange, deltaMs: number): TimeRange {
  return { start: range.start + deltaMs, end: range.end + deltaMs };
}

/**
 * Tracks for connection lifetimes (sorted by start): each goes on the first track free at its
 * start, so lifetimes that overlap (two sockets open at once) are drawn overlapping, one above
 * the other, and lifetimes that follow each other (reconnects) share a track.
 */
export function lifetimeTracks(lifetimes: readonly TimeRange[]): { track: number[]; tracks: number } {
  const ends: number[] = [];
  const track = lifetimes.map((l) => {
    let k = ends.findIndex((end) => end <= l.start);
    if (k < 0) k = ends.push(l.end) - 1;
    else ends[k] = l.end;
    return k;
  });
  return { track, tracks: Math.max(1, ends.length) };
}
