// Context: panel. The selected channel: header with counts and verdict, then its messages
// (virtualized table + detail), its connections (reconnect chain) or its insights.
import { useEffect, useMemo, useReducer } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession, useSessionVersion } from '../hooks/use-session';
import { useRenderCount } from '../hooks/use-render-count';
import { t } from '../../lib/i18n/messages';
import { summarizeChannel, isStreamKind } from '../../lib/store/channel-summary';
import { filterRows } from '../../lib/store/filter-rows';
import { withoutHeartbeats, channelHeartbeat } from '../../lib/store/heartbeats';
import { FrameTable } from './FrameTable';
import { FrameDetail } from './FrameDetail';
import { ReconnectChain } from './ReconnectChain';
import { Insights } from './lazy-views';
import { formatClock } from '../widgets/format';
import { channelProtocol } from '../../lib/store/channel-decoding';
import { DecodeAs } from '../widgets/DecodeAs';
import { ChannelActions } from './actions/ChannelActions';
import type { Channel } from '../../lib/store/session-types';
import { Composer } from './actions/Composer';
import { visibleText } from '../../lib/util/visible-text';
import { VisibleText } from '../widgets/VisibleText';
import { frameLabel } from './ChannelList';
import { ErrorBoundary } from '../widgets/ErrorBoundary';

/** Rows one filter slice scans: ~15 ms for a case-insensitive text query on this machine, leaving room for the render. */
const FILTER_SLICE_ROWS = 100_000;

export function ChannelView() {
  const session = useSession();
  const version = useSessionVersion();
  useRenderCount('channel-view');
  const { selectedChannel, selectedFrame, filter, locale, timeBrush, channelTab, hideHeartbeats, setChannelTab, setTimeBrush } = useUi(
    useShallow((s) => ({
      selectedChannel: s.selectedChannel,
      selectedFrame: s.selectedFrame,
      filter: s.filter,
      locale: s.locale,
      timeBrush: s.timeBrush,
      channelTab: s.channelTab,
      hideHeartbeats: s.hideHeartbeats,
      setChannelTab: s.setChannelTab,
      setTimeBrush: s.setTimeBrush,
    })),
  );
  const channel = selectedChannel === null ? undefined : session.channels[selectedChannel];
  // A filter over a big channel runs one slice of rows per task (each key typed over 1M rows held
  // the panel ~100 ms): the first slice renders now, the next after the browser had its turn.
  const [sliceTick, nextSlice] = useReducer((n: number) => n + 1, 0);
  const filtered = useMemo(
    () => {
      if (!channel) return undefined;
      const out = filterRows(session, channel.frames, filter, timeBrush, FILTER_SLICE_ROWS);
      return hideHeartbeats ? { ...out, rows: withoutHeartbeats(session, channel, out.rows) } : out;
    },
    // version: the frame store is mutated in place, so the version is what says frames arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, channel, filter, version, timeBrush, hideHeartbeats, sliceTick],
  );
  const pending = filtered?.pending ?? 0;
  useEffect(() => {
    if (!pending) return;
    const id = setTimeout(nextSlice, 0);
    return () => clearTimeout(id);
  }, [filtered, pending, sliceTick]);
  if (!channel || !filtered) {
    return (
      <div className="empty" data-testid="empty-frames">
        {t(session.channels.length ? 'empty.selectChannel' : 'empty.noChannels', locale)}
      </div>
    );
  }
  const s = summarizeChannel(session, channel);
  // The selection is a frame id; its row (if still held, and of this channel) is looked up now.
  const selectedRow = selectedFrame === null ? -1 : session.frames.rowOfId(selectedFrame);
  const tab = channelTab === 'connections' && !isStreamKind(channel.kind) ? 'messages' : channelTab;
  return (
    <div className="channel-view">
      <div className="channel-head">
        <span className={`kind kind-${channel.kind}`}>{t(`kind.${channel.kind}`, locale)}</span>
        <span className="url" title={visibleText(channel.url)}>
          <VisibleText text={channel.url} />
        </span>
        <span
          className="badge realm"
          data-testid="channel-origin"
          data-origin={channel.origin}
          data-frame={channel.frameId}
          title={`${frameLabel(channel)} · ${visibleText(channel.origin || '?')}`}
        >
          {frameLabel(channel)} · {channel.origin || '?'}
        </span>
        <span
          className="frame-count"
          data-testid="frame-count"
          data-in={channel.framesIn}
          data-out={channel.framesOut}
          data-rows={channel.frames.length}
          title={isStreamKind(channel.kind) ? 'messages' : 'responses'}
        >
          {s.frameCount}
        </span>
        {channelProtocol(session, channel) && (
          <span className="protocol" data-testid="protocol" data-protocol={channelProtocol(session, channel)!.id}>
            {channelProtocol(session, channel)!.name}
          </span>
        )}
        {channel.frames.length > 0 && <DecodeAs channel={channel} />}
        {channel.poll && (
          <span className="verdict" data-testid="poll-verdict" title={channel.poll.reason}>
            {channel.poll.reason}
          </span>
        )}
        {isStreamKind(channel.kind) && <HeartbeatSwitch channel={channel} />}
      </div>
      <ErrorBoundary pane="actions">
        <ChannelActions channel={channel} />
      </ErrorBoundary>
      <ErrorBoundary pane="composer">
        <Composer channel={channel} />
      </ErrorBoundary>
      <div className="channel-tabs" role="tablist">
        <button
          role="tab"
          aria-selected={tab === 'messages'}
          className={tab === 'messages' ? 'active' : ''}
          data-testid="tab-messages"
          onClick={() => setChannelTab('messages')}
        >
          {t('tab.messages', locale)} (
          <span data-testid="filtered-count" data-count={filtered.rows.length} data-pending={pending}>
            {filtered.rows.length}
          </span>
          )
          {pending > 0 && (
            <span className="filter-progress" data-testid="filter-progress" role="status">
              {' '}
              {t('filter.progress', locale, { pct: Math.floor(((channel.frames.length - pending) / Math.max(1, channel.frames.length)) * 100) })}
            </span>
          )}
        </button>
        {isStreamKind(channel.kind) && (
          <button
            role="tab"
            aria-selected={tab === 'connections'}
            className={tab === 'connections' ? 'active' : ''}
            data-testid="tab-connections"
            onClick={() => setChannelTab('connections')}
          >
            {t('tab.connections', locale)} ({s.reconnects + 1})
          </button>
        )}
        <button
          role="tab"
          aria-selected={tab === 'insights'}
          className={tab === 'insights' ? 'active' : ''}
          data-testid="tab-insights"
          onClick={() => setChannelTab('insights')}
        >
          {t('tab.insights', locale)}
        </button>
      </div>
      {tab === 'connections' ? (
        <ErrorBoundary pane="connections">
          <ReconnectChain channel={channel} />
        </ErrorBoundary>
      ) : tab === 'insights' ? (
        <ErrorBoundary pane="insights">
          <Insights channel={channel} />
        </ErrorBoundary>
      ) : (
        <>
          {timeBrush && (
            <div className="brush-note">
              Showing {formatClock(timeBrush.start)} – {formatClock(timeBrush.end)} · <button onClick={() => setTimeBrush(null)}>show all</button>
            </div>
          )}
          <div className="messages-pane">
            {filtered.rows.length === 0 ? (
              <div className="empty">{filter ? t('empty.noMatches', locale, { filter }) : t('empty.noFrames', locale)}</div>
            ) : (
              <ErrorBoundary pane="frames">
                <FrameTable rows={filtered.rows} channel={channel} version={version + sliceTick} />
              </ErrorBoundary>
            )}
            {selectedRow >= 0 && session.frames.channel[selectedRow] === channel.index && (
              <ErrorBoundary pane="detail" resetKey={selectedFrame}>
                <FrameDetail index={selectedRow} />
              </ErrorBoundary>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function HeartbeatSwitch({ channel }: { channel: Channel }) {
  const session = useSession();
  const { hideHeartbeats, locale, setPrefs } = useUi(
    useShallow((s) => ({ hideHeartbeats: s.hideHeartbeats, locale: s.locale, setPrefs: s.setPrefs })),
  );
  const beat = channelHeartbeat(session, channel);
  if (!beat) return null;
  return (
    <label
      className="check heartbeat"
      title={t('heartbeat.title', locale, { signature: beat.signature.slice(0, 60), period: (beat.periodMs / 1000).toFixed(1) })}
    >
      <input
        type="checkbox"
        data-testid="hide-heartbeats"
        checked={hideHeartbeats}
        onChange={(e) => setPrefs({ hideHeartbeats: e.target.checked })}
      />
      {t('heartbeat.hide', locale, { period: (beat.periodMs / 1000).toFixed(1) })}
    </label>
  );
}
