// Context: panel. What the timeline canvas cannot say by itself, in DOM text above and over it: a
// time axis (relative to the session start, wall-clock time on hover), each lane's channel name,
// the live-follow switch and a legend for ticks, bars, gaps and marks.
import { useState } from 'react';
import { t } from '../../../lib/i18n/messages';
import type { Locale } from '../../../lib/i18n/locale';
import type { Channel } from '../../../lib/store/session-types';
import { channelName } from '../../../lib/model/channel-name';
import { visibleText } from '../../../lib/util/visible-text';
import { formatClock } from '../../widgets/format';
import { axisTicks } from './axis';
import { LANE_HEIGHT, type TimeRange } from './layout';

/** Room kept free of tick labels at the axis' right end, where its buttons sit. */
const BUTTONS_PX = 130;

export function TimelineAxis(props: {
  range: TimeRange;
  width: number;
  origin: number;
  live: boolean;
  locale: Locale;
  onLive: (live: boolean) => void;
}) {
  const { range, width, origin, live, locale, onLive } = props;
  const [legend, setLegend] = useState(false);
  const ticks = axisTicks(range, width, origin).filter((k) => k.x < width - BUTTONS_PX);
  return (
    <div className="timeline-axis" data-testid="timeline-axis">
      {ticks.map((k) => (
        <span key={k.time} className="tick" style={{ left: k.x }} title={formatClock(k.time)} data-testid="axis-tick">
          {k.label}
        </span>
      ))}
      <span className="timeline-buttons">
        <button
          data-testid="timeline-live"
          aria-pressed={live}
          className={live ? 'on' : ''}
          title={t('timeline.liveTitle', locale)}
          onClick={() => onLive(!live)}
        >
          {t('timeline.live', locale)}
        </button>
        <button data-testid="timeline-legend-toggle" aria-expanded={legend} onClick={() => setLegend(!legend)}>
          {t('timeline.legend', locale)}
        </button>
      </span>
      {legend && (
        <div className="timeline-legend" data-testid="timeline-legend" role="note">
          <LegendItem swatch="tick" text={t('timeline.legendTicks', locale)} />
          <LegendItem swatch="bar" text={t('timeline.legendBars', locale)} />
          <LegendItem swatch="gap" text={t('timeline.legendGaps', locale)} />
          <LegendItem swatch="mark" text={t('timeline.legendMarks', locale)} />
          <LegendItem swatch="slow" text={t('timeline.legendSlow', locale)} />
          <span className="muted">{t('timeline.keys', locale)}</span>
        </div>
      )}
    </div>
  );
}

function LegendItem({ swatch, text }: { swatch: 'tick' | 'bar' | 'gap' | 'mark' | 'slow'; text: string }) {
  return (
    <span className="legend-item">
      <svg width="16" height="12" viewBox="0 0 16 12" aria-hidden="true" className={`swatch swatch-${swatch}`}>
        {swatch === 'tick' && (
          <>
            <rect x="5" y="0" width="1.5" height="5" className="out" />
            <rect x="10" y="7" width="1.5" height="5" className="in" />
          </>
        )}
        {swatch === 'bar' && <rect x="1" y="4" width="14" height="4" />}
        {swatch === 'gap' && <rect x="1" y="0" width="14" height="12" />}
        {swatch === 'mark' && <path d="M8 1 14 11H2z" />}
        {swatch === 'slow' && <circle cx="8" cy="6" r="3" />}
      </svg>
      {text}
    </span>
  );
}

/** The lanes' names, over the canvas' left edge (the canvas keeps the pointer). */
/** Labels of the lanes in view only (`first` up to `count` lanes): an imported HAR can have 100k lanes. */
export function LaneLabels({ channels, selected, first, count }: { channels: Channel[]; selected: number | null; first: number; count: number }) {
  return (
    <div className="lane-labels" aria-hidden="true">
      {channels.slice(first, first + count).map((ch, k) => {
        const i = first + k;
        const name = channelName(ch.url, ch.method).name;
        return (
          <span
            key={ch.index}
            className={ch.index === selected ? 'lane-label selected' : 'lane-label'}
            style={{ top: i * LANE_HEIGHT }}
            data-testid="lane-label"
            data-channel={ch.index}
            title={visibleText(ch.url)}
          >
            {visibleText(name)}
          </span>
        );
      })}
    </div>
  );
}
