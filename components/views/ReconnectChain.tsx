// Context: panel. The story of a channel's connections: each attempt, how it ended (close code,
// reason, clean or not, HTTP status), how long the channel was down, whether an SSE stream
// resumed from its Last-Event-ID, and the client's backoff pattern.
import { useUi } from '../../lib/store/ui-store';
import { useSession } from '../hooks/use-session';
import { channelChain } from '../../lib/store/channel-attempts';
import type { Channel } from '../../lib/store/session-types';
import type { BackoffResult } from '../../lib/model/backoff';
import type { ResumeStatus } from '../../lib/model/reconnect-chain';
import type { Locale } from '../../lib/i18n/locale';
import { t, type MessageKey } from '../../lib/i18n/messages';
import { Explain } from '../widgets/Explain';
import { formatRelative } from '../widgets/format';

function formatDuration(v: number | undefined, locale: Locale): string {
  if (v === undefined) return '?';
  return v >= 1000 ? t('chain.seconds', locale, { value: (v / 1000).toFixed(1) }) : t('chain.ms', locale, { value: Math.round(v) });
}

export function describeBackoff(b: BackoffResult, locale: Locale): string {
  const ms = (v?: number) => formatDuration(v, locale);
  const jitter = b.jitter ? t('chain.backoff.jitter', locale) : '';
  const cap = b.capMs ? t('chain.backoff.cap', locale, { max: ms(b.capMs) }) : '';
  switch (b.pattern) {
    case 'none':
      return t('chain.backoff.none', locale);
    case 'fixed':
      return t('chain.backoff.fixed', locale, { base: ms(b.baseMs), jitter });
    case 'linear':
      return t('chain.backoff.linear', locale, { base: ms(b.baseMs), step: ms(b.stepMs), cap, jitter });
    case 'exponential':
      return t('chain.backoff.exponential', locale, { factor: (b.factor ?? 2).toFixed(1), base: ms(b.baseMs), cap, jitter });
    default:
      return t('chain.backoff.unknown', locale);
  }
}

const RESUME_KEYS: Record<ResumeStatus, MessageKey> = {
  continued: 'chain.resume.continued',
  skipped: 'chain.resume.skipped',
  replayed: 'chain.resume.replayed',
  restarted: 'chain.resume.restarted',
  unknown: 'chain.resume.unknown',
};

export function ReconnectChain({ channel }: { channel: Channel }) {
  const session = useSession();
  const locale = useUi((s) => s.locale);
  const chain = channelChain(session, channel);
  const t0 = channel.firstTime;
  return (
    <div className="chain" data-testid="reconnect-chain">
      <div className="chain-head">
        <strong>{t(chain.reconnectCount === 1 ? 'chain.reconnectOne' : 'chain.reconnectMany', locale, { count: chain.reconnectCount })}</strong>
        {chain.reconnectCount > 0 && <span data-testid="backoff"> · {describeBackoff(chain.backoff, locale)}</span>}
        {chain.storm && (
          <span className="bad" data-testid="storm-warning">
            {' '}
            · {t('chain.storm', locale)}
          </span>
        )}
      </div>
      <table className="chain-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('chain.colCreated', locale)}</th>
            <th>{t('chain.colOpenFor', locale)}</th>
            <th>{t('chain.colEndedBy', locale)}</th>
            <th>{t('chain.colDownFor', locale)}</th>
            {chain.kind === 'sse' && <th>{t('chain.colResumed', locale)}</th>}
          </tr>
        </thead>
        <tbody>
          {chain.attempts.map((a) => (
            <tr key={a.id} data-testid="chain-attempt">
              <td>{a.attemptNumber}</td>
              <td>{formatRelative(a.createdAt - t0)}</td>
              <td>
                {a.openedAt !== undefined
                  ? a.closedAt !== undefined
                    ? t('chain.seconds', locale, { value: ((a.closedAt - a.openedAt) / 1000).toFixed(1) })
                    : t('chain.stillOpen', locale)
                  : t('chain.neverOpened', locale)}
              </td>
              <td>
                {a.cause.httpStatus !== undefined && a.cause.httpStatus !== 101 && a.cause.httpStatus !== 200 && (
                  <Explain
                    status={a.cause.httpStatus}
                    context={chain.kind === 'ws' ? 'ws-handshake' : chain.kind === 'sse' ? 'eventsource' : 'fetch'}
                  />
                )}
                {a.cause.closeCode !== undefined && (
                  <Explain close={{ code: a.cause.closeCode, reason: a.cause.closeReason ?? '', wasClean: a.cause.wasClean ?? false }} />
                )}
                {a.cause.closeReason ? <span className="reason"> “{a.cause.closeReason}”</span> : null}
                {a.cause.closeCode === undefined && a.cause.error && <span className="bad"> {t('chain.error', locale)}</span>}
                {a.cause.wasClean === false && <span className="muted"> {t('chain.notClean', locale)}</span>}
              </td>
              <td>{a.gapUntilNextOpenMs !== undefined ? t('chain.seconds', locale, { value: (a.gapUntilNextOpenMs / 1000).toFixed(2) }) : ''}</td>
              {chain.kind === 'sse' && (
                <td data-testid="resume">
                  {a.resumedFrom
                    ? t('chain.resume', locale, {
                        status: t(RESUME_KEYS[a.resumedFrom.status], locale),
                        from: a.resumedFrom.previousLastEventId,
                        to: a.resumedFrom.firstEventId ?? '…',
                      })
                    : ''}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
