// Context: panel. The timeline canvas: a lane per channel. Wheel zooms around the cursor, drag
// pans, shift+drag brushes a time range that filters the frame table, a click on a lane selects
// its channel, hovering shows the nearest frame, double-click fits everything again. From the
// keyboard (the canvas takes focus): + and − zoom, arrows left/right pan, up/down select the
// previous/next lane's channel, 0 fits, L toggles live follow (a zoomed view keeps its span and
// slides with the newest traffic). Axis, lane names and legend: TimelineOverlay.tsx.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useUi } from '../../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession, useSessionVersion } from '../../hooks/use-session';
import { countRender, useRenderCount } from '../../hooks/use-render-count';
import type { Session } from '../../../lib/store/session';
import type { Channel } from '../../../lib/store/session-types';
import { DIR_OUT } from '../../../lib/store/frame-store';
import { drawTimeline, readColors } from './draw';
import { listChannels } from '../../../lib/store/channel-listing';
import { LANE_HEIGHT, panRange, timeToX, xToTime, zoomRange, type TimeRange } from './layout';
import { lowerBound } from '../../../lib/util/lower-bound';
import { formatBytes, formatClock, formatMs, oneLine } from '../../widgets/format';
import { t } from '../../../lib/i18n/messages';
import { visibleText } from '../../../lib/util/visible-text';
import { LaneLabels, TimelineAxis } from './TimelineOverlay';

const MAX_VISIBLE_LANES = 8;

interface TimelineView {
  /** The session version this view was computed for. */
  version: number;
  channels: Channel[];
  /** The live edge: open connections' bars reach it. */
  now: number;
  auto: TimeRange;
}

/** Lanes and the fit-everything range for one version of the session. */
function timelineView(session: Session, version: number): TimelineView {
  // Kept up to date as channels come (channel-listing.ts): a pass over 100k channels per render was a long task.
  const { channels, firstTime } = listChannels(session);
  const now = Date.now();
  const auto: TimeRange = { start: firstTime, end: now };
  if (!Number.isFinite(auto.start)) auto.start = now - 10_000;
  auto.end = Math.max(auto.end, auto.start + 1000);
  return { version, channels, now, auto };
}

interface Hover {
  x: number;
  y: number;
  text: string;
}

export function Timeline() {
  const session = useSession();
  const version = useSessionVersion();
  useRenderCount('timeline');
  const { selectedChannel, timeBrush, theme, locale, selectChannel, setTimeBrush } = useUi(
    useShallow((s) => ({
      selectedChannel: s.selectedChannel,
      timeBrush: s.timeBrush,
      theme: s.theme,
      locale: s.locale,
      selectChannel: s.selectChannel,
      setTimeBrush: s.setTimeBrush,
    })),
  );
  const canvas = useRef<HTMLCanvasElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [manual, setManual] = useState<TimeRange | null>(null);
  const [live, setLive] = useState(true);
  const [hover, setHover] = useState<Hover | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const drag = useRef<{ x: number; range: TimeRange; brush: boolean; moved: boolean } | null>(null);
  // Taken once per session change, so hovering, a language switch or a keystroke elsewhere
  // neither moves the live edge nor redraws the canvas.
  const view = useMemo(() => timelineView(session, version), [session, version]);
  const { channels, now } = view;
  // Live: a zoomed-in span slides so that it ends at the newest traffic.
  const range = useMemo(
    () => (!manual ? view.auto : live ? { start: view.now - (manual.end - manual.start), end: view.now } : manual),
    [manual, live, view],
  );
  const pan = (r: TimeRange) => {
    setLive(false);
    setManual(r);
  };
  const height = Math.max(LANE_HEIGHT, channels.length * LANE_HEIGHT);
  // The canvas is only the visible window of lanes (sticky inside the scrolled box, over a spacer
  // of the full height): a canvas as tall as 100k lanes took seconds to allocate on every redraw.
  const viewHeight = Math.min(height, MAX_VISIBLE_LANES * LANE_HEIGHT);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.floor(width * dpr);
    c.height = Math.floor(viewHeight * dpr);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    // Lanes are laid out at their full-height y; the transform shows the scrolled window.
    ctx.setTransform(dpr, 0, 0, dpr, 0, -scrollTop * dpr);
    const from = Math.floor(scrollTop / LANE_HEIGHT);
    const drawn = drawTimeline(ctx, session, channels, range, width, height, readColors(c), now, timeBrush, selectedChannel, {
      from,
      to: from + MAX_VISIBLE_LANES + 1,
    });
    // What the canvas shows, readable without pixels (tests, assistive tools): slow-handler markers drawn.
    c.dataset.slowHandlers = String(drawn.slowHandlers);
    countRender('timeline-draw');
    // theme: the colours are read from CSS variables that follow it.
  }, [session, channels, now, range, width, height, viewHeight, scrollTop, timeBrush, selectedChannel, theme]);

  const laneAt = (y: number) => channels[Math.floor((y + scrollTop) / LANE_HEIGHT)];
  const local = (e: React.MouseEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const onWheel = (e: React.WheelEvent) => {
    const { x } = local(e);
    setManual(zoomRange(range, live ? range.end : xToTime(x, range, width), e.deltaY > 0 ? 1.25 : 0.8));
  };
  const onMouseDown = (e: React.MouseEvent) => {
    drag.current = { x: local(e).x, range, brush: e.shiftKey, moved: false };
  };
  const onMouseMove = (e: React.MouseEvent) => {
    const { x, y } = local(e);
    const d = drag.current;
    if (d) {
      if (Math.abs(x - d.x) > 3) d.moved = true;
      if (d.brush)
        setTimeBrush({
          start: Math.min(xToTime(d.x, d.range, width), xToTime(x, d.range, width)),
          end: Math.max(xToTime(d.x, d.range, width), xToTime(x, d.range, width)),
        });
      else if (d.moved) pan(panRange(d.range, -((x - d.x) / width) * (d.range.end - d.range.start)));
      return;
    }
    setHover(nearestFrame(laneAt(y)?.index, x, y));
  };
  const onMouseUp = (e: React.MouseEvent) => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved) {
      const ch = laneAt(local(e).y);
      if (ch) selectChannel(ch.index);
    }
  };

  const nearestFrame = (channelIndex: number | undefined, x: number, y: number): Hover | null => {
    if (channelIndex === undefined) return null;
    const rows = session.channels[channelIndex].frames;
    const f = session.frames;
    const time = xToTime(x, range, width);
    const k = lowerBound(rows.length, (j) => f.time[rows.at(j)], time);
    let best = -1;
    let bestDx = 5;
    for (const j of [k - 1, k]) {
      if (j < 0 || j >= rows.length) continue;
      const dx = Math.abs(timeToX(f.time[rows.at(j)], range, width) - x);
      if (dx < bestDx) {
        bestDx = dx;
        best = rows.at(j);
      }
    }
    if (best < 0) return null;
    return {
      x,
      y,
      text: `${formatClock(f.time[best])} ${f.dir[best] === DIR_OUT ? '↑' : '↓'} ${formatBytes(f.size[best])}${f.handlerMs[best] >= 0 ? ` (${t('frame.handler', locale, { ms: formatMs(f.handlerMs[best]) })})` : ''} ${visibleText(oneLine(f.preview[best], 80))}`,
    };
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const span = range.end - range.start;
    const centre = live ? range.end : range.start + span / 2;
    const lane = channels.findIndex((c) => c.index === selectedChannel);
    if (e.key === '+' || e.key === '=') setManual(zoomRange(range, centre, 0.8));
    else if (e.key === '-' || e.key === '_') setManual(zoomRange(range, centre, 1.25));
    else if (e.key === 'ArrowLeft') pan(panRange(range, -span / 10));
    else if (e.key === 'ArrowRight') pan(panRange(range, span / 10));
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = channels[Math.max(0, Math.min(channels.length - 1, lane < 0 ? 0 : lane + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) selectChannel(next.index);
    } else if (e.key === '0') {
      setManual(null);
      setLive(true);
    } else if (e.key === 'l' || e.key === 'L') setLive(!live);
    else return;
    e.preventDefault();
  };

  return (
    <div className="timeline-box">
      <TimelineAxis range={range} width={width} origin={view.auto.start} live={live} locale={locale} onLive={setLive} />
      <div
        className="timeline"
        ref={wrap}
        style={{ maxHeight: MAX_VISIBLE_LANES * LANE_HEIGHT }}
        data-theme-version={theme}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <LaneLabels channels={channels} selected={selectedChannel} first={Math.floor(scrollTop / LANE_HEIGHT)} count={MAX_VISIBLE_LANES + 1} />
        <canvas
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-live={live}
          data-range={`${Math.round(range.start)}-${Math.round(range.end)}`}
          ref={canvas}
          data-testid="timeline"
          data-lanes={channels.length}
          data-version={version}
          style={{ width, height: viewHeight, position: 'sticky', top: 0 }}
          onWheel={onWheel}
          onMouseDown={onMouseDown}
          onMouseMove={onMouseMove}
          onMouseUp={onMouseUp}
          onMouseLeave={() => {
            drag.current = null;
            setHover(null);
          }}
          onDoubleClick={() => {
            setManual(null);
            setLive(true);
            setTimeBrush(null);
          }}
          aria-label={t('timeline.ariaLabel', locale)}
        />
        {height > viewHeight && <div style={{ height: height - viewHeight }} />}
        {hover && (
          <div
            className="timeline-hover"
            style={{ left: Math.min(hover.x + 8, width - 260), top: hover.y + scrollTop + 8 }}
            data-testid="timeline-hover"
          >
            {hover.text}
          </div>
        )}
      </div>
    </div>
  );
}
