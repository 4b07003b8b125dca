// Context: panel. Draws the timeline on a canvas: one lane per channel, connection lifetimes as
// bars, polling requests as bars with their duration, frames as ticks (out above, in below the
// middle), reconnect gaps shaded, error statuses and abnormal closes marked, and messages whose
// page listeners ran longer than a long task (50 ms) marked with a dot at the lane's foot.
import type { Session } from '../../../lib/store/session';
import type { Channel } from '../../../lib/store/session-types';
import { LANE_HEIGHT, lifetimeTracks, timeToX, type TimeRange } from './layout';
import { laneTicks } from './lane-ticks';

export interface TimelineColors {
  bg: string;
  lane: string;
  bar: string;
  pollBar: string;
  in: string;
  out: string;
  gap: string;
  bad: string;
  text: string;
  brush: string;
  synthetic: string;
  slow: string;
}

export function readColors(el: HTMLElement): TimelineColors {
  const s = getComputedStyle(el);
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg', '#fff'),
    lane: v('--bg2', '#f3f3f3'),
    bar: v('--accent', '#1a73e8'),
    pollBar: v('--warn', '#9a6700'),
    in: v('--in', '#0b6e2e'),
    out: v('--out', '#a3470a'),
    gap: 'rgba(197, 34, 31, 0.15)',
    bad: v('--bad', '#c5221f'),
    text: v('--muted', '#666'),
    brush: 'rgba(26, 115, 232, 0.2)',
    synthetic: v('--synthetic', '#7e57c2'),
    slow: v('--bad', '#c5221f'),
  };
}

export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  session: Session,
  channels: Channel[],
  range: TimeRange,
  width: number,
  height: number,
  colors: TimelineColors,
  now: number,
  brush: TimeRange | null,
  selected: number | null,
  /** Only these lanes are drawn (the ones in view): a HAR of 100k channels has 100k lanes. */
  lanes: { from: number; to: number } = { from: 0, to: channels.length },
): { slowHandlers: number } {
  let slowHandlers = 0;
  ctx.fillStyle = colors.bg;
  ctx.fillRect(0, 0, width, height);
  for (let lane = Math.max(0, lanes.from); lane < Math.min(channels.length, lanes.to); lane++) {
    const ch = channels[lane];
    const y0 = lane * LANE_HEIGHT;
    const mid = y0 + LANE_HEIGHT / 2;
    ctx.fillStyle = ch.index === selected ? 'rgba(26,115,232,0.12)' : lane % 2 ? colors.lane : colors.bg;
    ctx.fillRect(0, y0, width, LANE_HEIGHT);
    const http = ch.kind === 'long-poll' || ch.kind === 'short-poll' || ch.kind === 'http';
    // Overlapping lifetimes (connections open at the same time) get their own tracks; the lane
    // shows a gap only when no connection of the channel was alive.
    const conns = ch.connections.map((ci) => session.connections[ci]);
    const spans = conns.map((c) => ({ start: c.http ? c.http.start : (c.openedAt ?? c.createdAt), end: c.closedAt ?? now }));
    const { track, tracks } = http ? { track: spans.map(() => 0), tracks: 1 } : lifetimeTracks(spans);
    const barH = Math.max(2, Math.min(6, Math.floor((LANE_HEIGHT - 4) / tracks)));
    let prevEnd: number | undefined;
    conns.forEach((c, k) => {
      const { start, end } = spans[k];
      if (!http && prevEnd !== undefined && start > prevEnd) {
        // Reconnect gap: the channel was down.
        const gx = timeToX(prevEnd, range, width);
        ctx.fillStyle = colors.gap;
        ctx.fillRect(gx, y0, Math.max(1, timeToX(start, range, width) - gx), LANE_HEIGHT);
      }
      prevEnd = prevEnd === undefined ? end : Math.max(prevEnd, end);
      const x0 = timeToX(start, range, width);
      const x1 = timeToX(end, range, width);
      if (x1 < 0 || x0 > width) return;
      ctx.fillStyle = http ? colors.pollBar : colors.bar;
      ctx.globalAlpha = http ? 0.55 : 0.25;
      const top = tracks === 1 ? mid - 3 : y0 + 2 + track[k] * (barH + 1);
      ctx.fillRect(x0, top, Math.max(1, x1 - x0), tracks === 1 ? 6 : barH);
      ctx.globalAlpha = 1;
      const status = c.http?.status ?? c.handshakeStatus;
      if ((status !== undefined && status >= 400) || (c.close && c.close.code !== 1000) || c.http?.outcome === 'error') {
        ctx.fillStyle = colors.bad;
        const mx = timeToX(c.closedAt ?? start, range, width);
        ctx.beginPath();
        ctx.moveTo(mx, y0 + 2);
        ctx.lineTo(mx - 4, y0 + 8);
        ctx.lineTo(mx + 4, y0 + 8);
        ctx.fill();
      }
    });
    if (!http) {
      const { inCounts, outCounts, synthetic, slow } = laneTicks(session, ch, range, width);
      // What PushLens sent or injected is marked, so synthetic traffic never passes for real.
      ctx.fillStyle = colors.synthetic;
      for (const x of synthetic) ctx.fillRect(x - 1, y0 + 1, 3, LANE_HEIGHT - 2);
      // And the messages on which the page's own listeners held the main thread over a long task.
      ctx.fillStyle = colors.slow;
      for (const x of slow) {
        ctx.beginPath();
        ctx.arc(x, y0 + LANE_HEIGHT - 4, 2.5, 0, Math.PI * 2);
        ctx.fill();
      }
      slowHandlers += slow.length;
      const max = Math.max(1, ...maxOf(inCounts), ...maxOf(outCounts));
      for (let x = 0; x < inCounts.length; x++) {
        if (inCounts[x]) {
          ctx.fillStyle = colors.in;
          ctx.fillRect(x, mid + 1, 1, 2 + Math.min(7, (inCounts[x] / max) * 7));
        }
        if (outCounts[x]) {
          ctx.fillStyle = colors.out;
          const h = 2 + Math.min(7, (outCounts[x] / max) * 7);
          ctx.fillRect(x, mid - 1 - h, 1, h);
        }
      }
    }
  }
  if (brush) {
    const bx0 = timeToX(brush.start, range, width);
    const bx1 = timeToX(brush.end, range, width);
    ctx.fillStyle = colors.brush;
    ctx.fillRect(Math.min(bx0, bx1), 0, Math.abs(bx1 - bx0), height);
  }
  return { slowHandlers };
}

function maxOf(a: Uint32Array): [number] {
  let m = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return [m];
}
