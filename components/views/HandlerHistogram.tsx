// Context: panel. How long the page's own listeners ran per message on this channel: p50, p95 and
// max, and a small SVG histogram on doubling millisecond bins with one 60 Hz frame marked, so a
// tail of slow messages stands out next to the bulk of fast ones.
import { FRAME_BUDGET_MS, HISTOGRAM_EDGES, LONG_TASK_MS, handlerHistogram, handlerStats } from '../../lib/model/handler-cost';
import type { Locale } from '../../lib/i18n/locale';
import { t } from '../../lib/i18n/messages';
import { formatMs } from '../widgets/format';

const WIDTH = 360;
const HEIGHT = 96;
const AXIS = 14;
const TOP = 12;

const r2 = (v: number) => Math.round(v * 100) / 100;

/** x of a time in ms on the doubling bins (linear inside a bin). */
function xOf(ms: number, binWidth: number): number {
  let k = HISTOGRAM_EDGES.length - 1;
  while (k > 0 && ms < HISTOGRAM_EDGES[k]) k--;
  const from = HISTOGRAM_EDGES[k];
  const to = HISTOGRAM_EDGES[k + 1] ?? from * 2;
  return (k + Math.min(1, (ms - from) / (to - from))) * binWidth;
}

export function HandlerHistogram({ values, locale }: { values: readonly number[]; locale: Locale }) {
  const stats = handlerStats(values);
  if (!stats) return null;
  const bins = handlerHistogram(values);
  const binWidth = WIDTH / bins.length;
  const top = Math.max(1, ...bins.map((b) => b.count));
  const plot = HEIGHT - AXIS - TOP;
  const budgetX = xOf(FRAME_BUDGET_MS, binWidth);
  return (
    <div
      className="handler-histogram"
      data-testid="handler-histogram"
      data-count={stats.count}
      data-p50={r2(stats.p50)}
      data-p95={r2(stats.p95)}
      data-max={r2(stats.max)}
      data-long={stats.longTasks}
    >
      <p data-testid="handler-summary">
        {t('insights.handlerSummary', locale, {
          count: stats.count,
          p50: formatMs(stats.p50),
          p95: formatMs(stats.p95),
          max: formatMs(stats.max),
          slow: stats.longTasks,
        })}
      </p>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={t('insights.handlerTime', locale)}>
        {bins.map((b, k) => {
          const h = b.count ? Math.max(1, (b.count / top) * plot) : 0;
          const color = b.from >= LONG_TASK_MS ? 'var(--bad)' : b.to > FRAME_BUDGET_MS ? 'var(--warn)' : 'var(--accent)';
          return (
            <g key={k}>
              <rect
                data-testid="handler-bin"
                data-from={b.from}
                data-count={b.count}
                x={k * binWidth + 1}
                y={TOP + plot - h}
                width={binWidth - 2}
                height={h}
                style={{ fill: color }}
              >
                <title>{`${b.from}–${Number.isFinite(b.to) ? b.to : '∞'} ms: ${b.count}`}</title>
              </rect>
              {b.count > 0 && (
                <text x={k * binWidth + binWidth / 2} y={TOP + plot - h - 2} textAnchor="middle" style={{ fill: 'var(--muted)', fontSize: 9 }}>
                  {b.count}
                </text>
              )}
              <text x={k * binWidth} y={HEIGHT - 2} style={{ fill: 'var(--muted)', fontSize: 9 }}>
                {b.from}
              </text>
            </g>
          );
        })}
        <line x1={budgetX} x2={budgetX} y1={TOP - 4} y2={TOP + plot} style={{ stroke: 'var(--muted)', strokeDasharray: '3 2' }} />
        <text x={WIDTH - 2} y={HEIGHT - 2} textAnchor="end" style={{ fill: 'var(--muted)', fontSize: 9 }}>
          ms
        </text>
      </svg>
      <p className="muted">{t('insights.handlerNote', locale)}</p>
    </div>
  );
}
