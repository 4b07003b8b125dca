// Context: panel. The selected channel: header with counts and verdict, the virtualized frame
// table, and the detail of the selected frame.
import { useMemo } from 'react';
import { useUi } from '@/lib/store/ui-store';
import { session } from '@/lib/panel/panel-runtime';
import { t } from '@/lib/i18n/messages';
import { summarizeChannel } from '@/lib/store/channel-summary';
import { filterRows } from '@/lib/store/filter-rows';
import { FrameTable } from './FrameTable';
import { FrameDetail } from './FrameDetail';

export function ChannelView() {
  const { selectedChannel, selectedFrame, filter, locale } = useUi();
  const channel = selectedChannel === null ? undefined : session.channels[selectedChannel];
  const version = session.version;
  const filtered = useMemo(
    () => (channel ? filterRows(session, channel.frames, filter) : undefined),
    // version: recompute when frames arrive
    [channel, filter, version],
  );
  if (!channel || !filtered) {
    return (
      <div className="empty" data-testid="empty-frames">
        {t(session.channels.length ? 'empty.selectChannel' : 'empty.noChannels', locale)}
      </div>
    );
  }
  const s = summarizeChannel(session, channel);
  return (
    <div className="channel-view">
      <div className="channel-head">
        <span className={`kind kind-${channel.kind}`}>{t(`kind.${channel.kind}`, locale)}</span>
        <span className="url">{channel.url}</span>
        <span className="frame-count" data-testid="frame-count" data-in={channel.framesIn} data-out={channel.framesOut} data-rows={channel.frames.length}>
          {s.frameCount}
        </span>
        {channel.poll && <span className="verdict" data-testid="poll-verdict">{channel.poll.reason}</span>}
      </div>
      {filtered.rows.length === 0 ? (
        <div className="empty">{filter ? t('empty.noMatches', locale, { filter }) : t('empty.noFrames', locale)}</div>
      ) : (
        <FrameTable rows={filtered.rows} channel={channel} version={version} />
      )}
      {selectedFrame !== null && selectedFrame < session.frames.count && <FrameDetail index={selectedFrame} />}
    </div>
  );
}
