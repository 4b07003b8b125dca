// Context: panel. Virtualized frame table: only the visible rows are rendered, so a million rows
// scroll like ten. New rows follow the tail unless the user scrolled up.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { parseFilter } from '../../lib/model/filter-query';
import { Highlighted } from '../widgets/Highlighted';
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession } from '../hooks/use-session';
import { t } from '../../lib/i18n/messages';
import type { IndexList } from '../../lib/store/frame-store';
import { DIR_OUT, FLAG_BINARY, FLAG_ERROR, FLAG_HTTP, FLAG_INJECTED, FLAG_SENT, FLAG_TRUNCATED } from '../../lib/store/frame-store';
import type { Channel } from '../../lib/store/session-types';
import { formatBytes, formatRelative, formatClock, formatMs, oneLine } from '../widgets/format';
import { FRAME_BUDGET_MS, LONG_TASK_MS } from '../../lib/model/handler-thresholds';
import { previewText } from '../widgets/preview-text';
import { channelProtocol, decodeRow } from '../../lib/store/channel-decoding';
import { VisibleText } from '../widgets/VisibleText';
import { visibleText } from '../../lib/util/visible-text';

const ROW_HEIGHT = 20;
/** A cut-off preview's tooltip shows this much of it; the detail pane shows it all. */
const TITLE_CHARS = 500;

function rangeOf(rows: IndexList, a: number, b: number): number[] {
  const out: number[] = [];
  let inside = false;
  for (let k = 0; k < rows.length; k++) {
    const i = rows.at(k);
    const edge = i === a || i === b;
    if (edge || inside) out.push(i);
    if (edge && a !== b) inside = !inside;
  }
  return out;
}
const OVERSCAN = 10;

export function FrameTable({ rows, channel, version }: { rows: IndexList; channel: Channel; version: number }) {
  const session = useSession();
  const { selectedFrame, pickedFrames, locale, filter, selectFrame, togglePick, pickRange } = useUi(
    useShallow((s) => ({
      selectedFrame: s.selectedFrame,
      pickedFrames: s.pickedFrames,
      locale: s.locale,
      filter: s.filter,
      selectFrame: s.selectFrame,
      togglePick: s.togglePick,
      pickRange: s.pickRange,
    })),
  );
  const ast = useMemo(() => {
    const parsed = filter.trim() ? parseFilter(filter) : undefined;
    return parsed && parsed.ok ? parsed.ast : null;
  }, [filter]);
  const picked = new Set(pickedFrames);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const followTail = useRef(true);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && followTail.current) el.scrollTop = el.scrollHeight;
  }, [rows.length, version]);

  const onScroll = () => {
    const el = scroller.current!;
    setScrollTop(el.scrollTop);
    followTail.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 2;
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const f = session.frames;
  const selectedRow = selectedFrame === null ? -1 : f.rowOfId(selectedFrame);
  const protocol = channelProtocol(session, channel);
  // The page agent times the page's WebSocket and EventSource listeners: only those channels get the column.
  const timed = channel.kind === 'ws' || channel.kind === 'sse';
  const items = [];
  for (let k = first; k < last; k++) {
    const i = rows.at(k);
    const id = f.idAt(i);
    const out = f.dir[i] === DIR_OUT;
    const flags = f.flags[i];
    const http = (flags & FLAG_HTTP) !== 0;
    const status = f.status[i];
    const decoded = protocol ? decodeRow(session, channel, i) : null;
    const eventTitle = visibleText(decoded ? decoded.messageType : http && status ? `${f.eventName(i)} ${status}` : f.eventName(i));
    items.push(
      <div
        key={id}
        className={`frame-row ${out ? 'out' : 'in'} ${selectedFrame === id ? 'selected' : ''} ${picked.has(id) ? 'picked' : ''} ${flags & FLAG_ERROR ? 'error' : ''} ${flags & (FLAG_SENT | FLAG_INJECTED) ? 'synthetic' : ''}`}
        style={{ top: k * ROW_HEIGHT }}
        data-testid="frame-row"
        data-direction={out ? 'out' : 'in'}
        data-index={i}
        data-id={id}
        data-pos={k}
        data-picked={picked.has(id) || undefined}
        onClick={(e) => {
          // Ctrl/Cmd-click picks frames for replay; shift-click picks a range.
          if (e.ctrlKey || e.metaKey) togglePick(channel.index, id);
          else if (e.shiftKey && selectedRow >= 0)
            pickRange(
              channel.index,
              rangeOf(rows, selectedRow, i).map((r) => f.idAt(r)),
            );
          else selectFrame(id, channel.index);
        }}
      >
        <span className="c-time" title={formatClock(f.time[i])}>
          {formatRelative(f.time[i] - channel.firstTime)}
        </span>
        <span className="c-dir" aria-label={t(out ? 'direction.sent' : 'direction.received', locale)}>
          {out ? '↑' : '↓'}
        </span>
        <span className="c-event" title={eventTitle}>
          <VisibleText text={decoded ? decoded.messageType : http && status ? `${f.eventName(i)} ${status}` : f.eventName(i)} />
        </span>
        <span className="c-size">{formatBytes(f.size[i])}</span>
        {timed && <HandlerCell ms={f.handlerMs[i]} />}
        <span className="c-preview" title={visibleText(oneLine(previewText(f.preview[i], (flags & FLAG_BINARY) !== 0)).slice(0, TITLE_CHARS))}>
          {flags & FLAG_SENT ? <span className="tag">sent by PushLens</span> : null}
          {flags & FLAG_INJECTED ? <span className="tag">injected</span> : null}
          {decoded ? (
            <span className="decoded" data-testid="decoded-summary">
              <VisibleText text={oneLine(decoded.summary)} />
            </span>
          ) : (
            <Highlighted text={oneLine(previewText(f.preview[i], (flags & FLAG_BINARY) !== 0))} ast={ast} />
          )}
          {flags & FLAG_TRUNCATED ? ' …' : ''}
        </span>
      </div>,
    );
  }
  const move = (delta: number) => {
    if (rows.length === 0) return;
    let k = 0;
    if (selectedRow >= 0) for (let j = 0; j < rows.length; j++) if (rows.at(j) === selectedRow) k = j + delta;
    k = Math.max(0, Math.min(rows.length - 1, k));
    selectFrame(f.idAt(rows.at(k)), channel.index, true);
    const el = scroller.current!;
    if (k * ROW_HEIGHT < el.scrollTop) el.scrollTop = k * ROW_HEIGHT;
    else if ((k + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = (k + 1) * ROW_HEIGHT - el.clientHeight;
  };
  // Enter opens the detail of the selected frame (the first one if none) and moves focus into it.
  const openDetail = () => {
    if (selectedRow < 0) move(0);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="frame-detail"]')?.focus());
  };
  return (
    <div className="frame-table">
      <div className="frame-header">
        <span className="c-time">{t('column.time', locale)}</span>
        <span className="c-dir" />
        <span className="c-event">{t('column.event', locale)}</span>
        <span className="c-size">{t('column.size', locale)}</span>
        {timed && (
          <span className="c-handler" title={t('column.handlerTitle', locale)}>
            {t('column.handler', locale)}
          </span>
        )}
        <span className="c-preview">{t('column.preview', locale)}</span>
      </div>
      <div
        className="frame-scroll"
        ref={scroller}
        onScroll={onScroll}
        tabIndex={0}
        data-testid="frame-table"
        role="group"
        aria-label={t('tab.messages', locale)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') move(1);
          else if (e.key === 'ArrowUp') move(-1);
          else if (e.key === 'Escape') selectFrame(null, channel.index, true);
          else if (e.key === 'Enter') openDetail();
          else return;
          // Not passed on: DevTools would also take an Escape from an extension panel (console drawer).
          e.preventDefault();
          e.stopPropagation();
        }}
      >
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>{items}</div>
      </div>
    </div>
  );
}

/** The page listeners' time on one message; empty when none of its listeners was timed. */
function HandlerCell({ ms }: { ms: number }) {
  if (!(ms >= 0)) return <span className="c-handler" data-testid="handler-ms" />;
  const level = ms > LONG_TASK_MS ? ' long' : ms > FRAME_BUDGET_MS ? ' over-frame' : '';
  return (
    <span className={`c-handler${level}`} data-testid="handler-ms" data-ms={Math.round(ms * 100) / 100} title={formatMs(ms)}>
      {formatMs(ms)}
    </span>
  );
}
