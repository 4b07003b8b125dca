// Context: panel. One row per channel: kind badge, name (Chrome's Name column: the path's end and
// the query first, the host after, dimmed, left out when all channels share it; the full URL and
// the frame and origin on hover), state, frames in/out, rate sparkline, reconnect count and the
// last status or close code with its explanation. Virtualized: only the
// rows in view (plus a margin) are in the DOM, so an imported HAR of 100k channels costs a screenful.
import { useEffect, useMemo, useRef, useState } from 'react';
import { matchesChannel, type ChannelFilter } from '../../lib/model/channel-filter';
import type { Channel, ChannelKind } from '../../lib/store/session-types';
import type { Session } from '../../lib/store/session';
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession, useSessionVersion } from '../hooks/use-session';
import { useRenderCount } from '../hooks/use-render-count';
import { t } from '../../lib/i18n/messages';
import { summarizeChannel, channelRate } from '../../lib/store/channel-summary';
import { Sparkline } from '../widgets/Sparkline';
import { Explain } from '../widgets/Explain';
import { VisibleText } from '../widgets/VisibleText';
import { visibleText } from '../../lib/util/visible-text';
import { channelName } from '../../lib/model/channel-name';
import { listChannels } from '../../lib/store/channel-listing';
import { Icon } from '../widgets/Icon';
import { EmptyChannels } from './EmptyChannels';

/** Fixed row height (px, matches .channel-row in panel.css): what makes the list virtual. */
export const CHANNEL_ROW_HEIGHT = 26;
const OVERSCAN = 10;

/** The scrolling pane around the list (.channel-pane): its scroll offset and height, live. */
function useScrollWindow(): [React.RefObject<HTMLDivElement | null>, number, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const pane = ref.current?.parentElement;
    if (!pane) return;
    const update = () =>
      setView((v) => (v.top === pane.scrollTop && v.height === pane.clientHeight ? v : { top: pane.scrollTop, height: pane.clientHeight || 800 }));
    update();
    pane.addEventListener('scroll', update, { passive: true });
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : undefined;
    ro?.observe(pane);
    return () => {
      pane.removeEventListener('scroll', update);
      ro?.disconnect();
    };
  });
  return [ref, view.top, view.height];
}

interface ListedChannels {
  /** The session version this was computed for (the session mutates in place). */
  version: number;
  all: Channel[];
  commonHost: string | undefined;
}

function listedChannels(session: Session, version: number): ListedChannels {
  const { channels, sharedHost } = listChannels(session);
  return { version, all: channels, commonHost: sharedHost };
}

export function ChannelList() {
  const session = useSession();
  const version = useSessionVersion();
  useRenderCount('channel-list');
  const [listRef, scrollTop, viewHeight] = useScrollWindow();
  const { selectedChannel, locale, selectChannel } = useUi(
    useShallow((s) => ({ selectedChannel: s.selectedChannel, locale: s.locale, selectChannel: s.selectChannel })),
  );
  const [filter, setFilter] = useState<ChannelFilter>({ text: '', kind: '' });
  // Once per session change, not per scroll or selection: an imported HAR has 100k channels.
  // A channel left empty (its only request turned out to be a stream) is not shown. The shared
  // host is decided over every channel, so that filtering does not make hosts come and go.
  const { all, commonHost } = useMemo(() => listedChannels(session, version), [session, version]);
  const channels = useMemo(() => (filter.text || filter.kind ? all.filter((c) => matchesChannel(c, filter)) : all), [all, filter]);
  if (all.length === 0) return <EmptyChannels />;
  const now = Date.now();
  const move = (delta: number) => {
    const cur = channels.findIndex((c) => c.index === selectedChannel);
    const k = Math.max(0, Math.min(channels.length - 1, cur + delta));
    const next = channels[k];
    if (next) selectChannel(next.index);
    const pane = listRef.current?.parentElement;
    if (pane && k * CHANNEL_ROW_HEIGHT < pane.scrollTop) pane.scrollTop = k * CHANNEL_ROW_HEIGHT;
    else if (pane && (k + 1) * CHANNEL_ROW_HEIGHT > pane.scrollTop + pane.clientHeight)
      pane.scrollTop = (k + 1) * CHANNEL_ROW_HEIGHT - pane.clientHeight;
  };
  const first = Math.max(0, Math.floor(scrollTop / CHANNEL_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(channels.length, Math.ceil((scrollTop + viewHeight) / CHANNEL_ROW_HEIGHT) + OVERSCAN);
  return (
    <>
      <ChannelFilterBar filter={filter} onChange={setFilter} shown={channels.length} total={all.length} />
      {channels.length === 0 && <div className="empty">{t('channels.none', locale)}</div>}
      <div
        ref={listRef}
        className="channel-list"
        data-testid="channel-list"
        data-total={channels.length}
        style={{ height: channels.length * CHANNEL_ROW_HEIGHT, position: 'relative' }}
        role="listbox"
        tabIndex={0}
        aria-label={t('tab.channels', locale)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') move(1);
          else if (e.key === 'ArrowUp') move(-1);
          // Enter goes on to the selected channel's messages, as Tab would.
          else if (e.key === 'Enter') document.querySelector<HTMLElement>('[data-testid="frame-table"]')?.focus();
          else return;
          e.preventDefault();
        }}
      >
        {channels.slice(first, last).map((ch, j) => {
          const s = summarizeChannel(session, ch);
          const context =
            ch.kind === 'ws'
              ? 'ws-handshake'
              : ch.kind === 'sse'
                ? 'eventsource'
                : ch.kind === 'long-poll' || ch.kind === 'short-poll'
                  ? 'poll'
                  : 'fetch';
          return (
            <div
              key={ch.index}
              role="option"
              aria-selected={selectedChannel === ch.index}
              className={`channel-row ${selectedChannel === ch.index ? 'selected' : ''}`}
              style={{ position: 'absolute', top: (first + j) * CHANNEL_ROW_HEIGHT, left: 0, right: 0, height: CHANNEL_ROW_HEIGHT }}
              data-testid="channel-row"
              data-kind={ch.kind}
              data-url={ch.url}
              data-channel={ch.index}
              data-origin={ch.origin}
              data-open={s.open}
              data-frame={ch.frameId}
              onClick={() => selectChannel(ch.index)}
            >
              <span className={`kind kind-${ch.kind}`} title={t(`kind.${ch.kind}`, locale)}>
                {t(`list.badge.${ch.kind}`, locale)}
              </span>
              {ch.worker && <span className="badge worker">{t('list.worker', locale)}</span>}
              <ChannelNameCell
                url={ch.url}
                method={ch.method}
                hideHost={commonHost !== undefined}
                where={`${frameLabel(ch)} · ${ch.origin || '?'}`}
              />
              <span className="badge realm" data-testid="channel-realm" title={`${frameLabel(ch)} · ${ch.origin || 'unknown origin'}`}>
                {frameLabel(ch)} · <VisibleText text={ch.origin || '?'} />
              </span>
              <span className={`state state-${s.state}`}>{t(`state.${s.state}`, locale)}</span>
              {s.open > 1 && (
                <span className="badge open-count" data-testid="open-count" data-count={s.open} title="connections open at the same time">
                  {s.open} open
                </span>
              )}
              <span className="counts" title={t('list.inOut', locale)}>
                ↓{ch.framesIn} ↑{ch.framesOut}
              </span>
              <Sparkline values={channelRate(session, ch, now)} />
              <span
                className="reconnects"
                data-testid="reconnect-count"
                data-count={s.reconnects}
                title={t('channel.reconnects', locale, { count: s.reconnects })}
              >
                <Icon name="reload" />
                {s.reconnects}
              </span>
              {s.lastStatus !== undefined && <Explain status={s.lastStatus} context={context} />}
              {s.lastClose && <Explain close={s.lastClose} />}
            </div>
          );
        })}
      </div>
    </>
  );
}

/** Which frame owns a channel: the top page, or an iframe by its DevTools frame id. */
export function frameLabel(ch: { isTop: boolean; frameId: number }): string {
  return ch.isTop ? 'top' : ch.frameId < 0 ? 'file' : `frame ${ch.frameId}`;
}

/** The name cell: name first, host after it (dimmed), full URL, frame and origin on hover. */
function ChannelNameCell({ url, method, hideHost, where }: { url: string; method?: string; hideHost: boolean; where: string }) {
  const { name, host } = channelName(url, method);
  return (
    <span className="url" data-testid="channel-name" title={`${visibleText(url)}\n${visibleText(where)}`}>
      <VisibleText text={name} />
      {!hideHost && host && (
        <span className="host" data-testid="channel-host">
          {' '}
          <VisibleText text={host} />
        </span>
      )}
    </span>
  );
}

const KINDS: ChannelKind[] = ['ws', 'sse', 'fetch-stream', 'long-poll', 'short-poll', 'http'];

/** Above the list, sticky: text over URL, method and origin, and the kind. */
function ChannelFilterBar({
  filter,
  onChange,
  shown,
  total,
}: {
  filter: ChannelFilter;
  onChange: (f: ChannelFilter) => void;
  shown: number;
  total: number;
}) {
  const locale = useUi((s) => s.locale);
  return (
    <div className="channel-filter" data-testid="channel-filter" data-shown={shown} data-total={total}>
      <input
        type="search"
        data-testid="channel-filter-text"
        placeholder={t('channels.filter', locale)}
        aria-label={t('channels.filter', locale)}
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !filter.text) return;
          e.stopPropagation();
          onChange({ ...filter, text: '' });
        }}
      />
      <select
        data-testid="channel-filter-kind"
        aria-label={t('channels.allKinds', locale)}
        value={filter.kind}
        onChange={(e) => onChange({ ...filter, kind: e.target.value })}
      >
        <option value="">{t('channels.allKinds', locale)}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`, locale)}
          </option>
        ))}
      </select>
    </div>
  );
}
