// Context: panel. The story of a channel's connections: each attempt, how it ended (close code,
// reason, clean or not, HTTP status), how long the channel was down, whether an SSE stream
// resumed from its Last-Event-ID, and the client's backoff pattern.
import { useUi } from '@/lib/store/ui-store';
import { session } from '@/lib/panel/panel-runtime';
import { channelChain } from '@/lib/store/channel-attempts';
import type { Channel } from '@/lib/store/session-types';
import type { BackoffResult } from '@/lib/model/backoff';
import { Explain } from './Explain';
import { formatRelative } from './format';

export function describeBackoff(b: BackoffResult): string {
  const ms = (v?: number) => (v === undefined ? '?' : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
  const jitter = b.jitter ? ', with jitter' : '';
  const cap = b.capMs ? `, capped at ${ms(b.capMs)}` : '';
  switch (b.pattern) {
    case 'none':
      return 'reconnects at once (no backoff)';
    case 'fixed':
      return `fixed delay of ${ms(b.baseMs)}${jitter}`;
    case 'linear':
      return `linear backoff from ${ms(b.baseMs)}, +${ms(b.stepMs)} each time${cap}${jitter}`;
    case 'exponential':
      return `exponential backoff ×${(b.factor ?? 2).toFixed(1)} from ${ms(b.baseMs)}${cap}${jitter}`;
    default:
      return 'no clear backoff pattern yet';
  }
}

export function ReconnectChain({ channel }: { channel: Channel }) {
  useUi((s) => s.locale);
  const chain = channelChain(session, channel);
  const t0 = channel.firstTime;
  return (
    <div className="chain" data-testid="reconnect-chain">
      <div className="chain-head">
        <strong>{chain.reconnectCount} reconnect{chain.reconnectCount === 1 ? '' : 's'}</strong>
        {chain.reconnectCount > 0 && <span data-testid="backoff"> · {describeBackoff(chain.backoff)}</span>}
        {chain.storm && (
          <span className="bad" data-testid="storm-warning">
            {' '}
            · ⚠ reconnect storm: the client reconnects quickly and often without backing off
          </span>
        )}
      </div>
      <table className="chain-table">
        <thead>
          <tr>
            <th>#</th>
            <th>created</th>
            <th>open for</th>
            <th>ended by</th>
            <th>down for</th>
            {chain.kind === 'sse' && <th>resumed</th>}
          </tr>
        </thead>
        <tbody>
          {chain.attempts.map((a) => (
            <tr key={a.id} data-testid="chain-attempt">
              <td>{a.attemptNumber}</td>
              <td>{formatRelative(a.createdAt - t0)}</td>
              <td>{a.openedAt !== undefined ? (a.closedAt !== undefined ? `${((a.closedAt - a.openedAt) / 1000).toFixed(1)} s` : 'open') : 'never opened'}</td>
              <td>
                {a.cause.httpStatus !== undefined && a.cause.httpStatus !== 101 && a.cause.httpStatus !== 200 && (
                  <Explain status={a.cause.httpStatus} context={chain.kind === 'ws' ? 'ws-handshake' : chain.kind === 'sse' ? 'eventsource' : 'fetch'} />
                )}
                {a.cause.closeCode !== undefined && <Explain close={{ code: a.cause.closeCode, reason: a.cause.closeReason ?? '', wasClean: a.cause.wasClean ?? false }} />}
                {a.cause.closeReason ? <span className="reason"> “{a.cause.closeReason}”</span> : null}
                {a.cause.closeCode === undefined && a.cause.error && <span className="bad"> error</span>}
                {a.cause.wasClean === false && <span className="muted"> (not clean)</span>}
              </td>
              <td>{a.gapUntilNextOpenMs !== undefined ? `${(a.gapUntilNextOpenMs / 1000).toFixed(2)} s` : ''}</td>
              {chain.kind === 'sse' && (
                <td data-testid="resume">
                  {a.resumedFrom ? `${a.resumedFrom.status} (Last-Event-ID ${a.resumedFrom.previousLastEventId} → ${a.resumedFrom.firstEventId ?? '…'})` : ''}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
