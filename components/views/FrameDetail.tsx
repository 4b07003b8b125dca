// Context: panel. Detail of one frame: JSON tree or text, hex + ASCII for binary, SSE fields,
// and for HTTP exchanges the status (explained), headers, timing and body preview.
import { useState } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { usePanelLink, useSession } from '../hooks/use-session';
import { t } from '../../lib/i18n/messages';
import { FLAG_BINARY, FLAG_HTTP, FLAG_TRUNCATED } from '../../lib/store/frame-store';
import { JsonTree, tryJson } from '../widgets/JsonTree';
import { base64ToBytes, hexDump } from '../widgets/preview-text';
import { formatBytes, formatClock, formatMs } from '../widgets/format';
import { Explain } from '../widgets/Explain';
import { FrameActions } from './actions/FrameActions';
import { report } from './actions/ActionResult';
import { wholePayload } from '../../lib/panel/full-payload';
import { Waterfall } from '../widgets/Waterfall';
import { decodeRow, pairOfRow, channelProtocol } from '../../lib/store/channel-decoding';
import { VisibleText } from '../widgets/VisibleText';

export function FrameDetail({ index }: { index: number }) {
  const session = useSession();
  const link = usePanelLink();
  const locale = useUi((s) => s.locale);
  const [raw, setRaw] = useState(false);
  const f = session.frames;
  const flags = f.flags[index];
  const conn = session.connections[f.connection[index]];
  const http = (flags & FLAG_HTTP) !== 0 ? conn?.http : undefined;
  const binary = (flags & FLAG_BINARY) !== 0;
  const text = http ? (http.body ?? '') : f.preview[index];
  const json = !binary && !raw ? tryJson(text) : undefined;
  const channel = session.channels[f.channel[index]];
  const decoded = channel ? decodeRow(session, channel, index) : null;
  const pair = channel && decoded ? pairOfRow(session, channel, index) : undefined;
  // Pairs name frames by id: the row of either end may have shifted since they were paired.
  const id = f.idAt(index);
  const other = pair ? (pair.request === id ? pair.response : pair.request) : undefined;
  const copy = async () => {
    // The whole frame (fetched from the page when only a part is here); never a part as if whole.
    const whole = http ? { data: text, binary } : await wholePayload(session, link, index);
    if ('error' in whole) return report(false, whole.error);
    void navigator.clipboard?.writeText(whole.binary ? hexDump(base64ToBytes(whole.data)) : whole.data).catch(() => {});
  };
  return (
    <div
      className="frame-detail"
      data-testid="frame-detail"
      tabIndex={-1}
      role="region"
      aria-label={t('detail.label', locale)}
      onKeyDown={(e) => {
        // Escape closes the detail and gives focus back to the table it was opened from.
        if (e.key !== 'Escape' || (e.target as HTMLElement).closest('input, textarea, select')) return;
        // Stopped here: DevTools forwards an Escape it sees in an extension panel and opens its console drawer.
        e.preventDefault();
        e.stopPropagation();
        useUi.getState().selectFrame(null, undefined, true);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="frame-table"]')?.focus());
      }}
    >
      <div className="detail-head">
        <span>{formatClock(f.time[index])}</span>
        <span>{formatBytes(f.size[index])}</span>
        {f.eventName(index) && !http && (
          <span data-testid="detail-event">
            event: <VisibleText text={f.eventName(index)} />
          </span>
        )}
        {f.handlerMs[index] >= 0 && (
          <span data-testid="detail-handler" title={t('column.handlerTitle', locale)}>
            {t('frame.handler', locale, { ms: formatMs(f.handlerMs[index]) })}
          </span>
        )}
        {(flags & FLAG_TRUNCATED) !== 0 && <span className="warn">preview truncated ({formatBytes(f.size[index])} in all)</span>}
        <span className="spacer" />
        <FrameActions index={index} />
        {!binary && (
          <button data-testid="detail-raw" onClick={() => setRaw(!raw)}>
            {raw ? 'Tree' : 'Raw'}
          </button>
        )}
        <button onClick={() => void copy()}>{t('action.copy', locale)}</button>
      </div>
      {http && (
        <div className="http-info">
          <div>
            <VisibleText text={`${http.method} ${http.url}`} />
          </div>
          <div>
            {http.status !== undefined ? <Explain status={http.status} context="poll" /> : <span>{http.outcome ?? 'pending'}</span>}{' '}
            <VisibleText text={http.statusText ?? ''} />
            {http.responseAt && <span> · headers after {Math.round(http.responseAt - http.start)} ms</span>}
            {http.end && <span> · done after {Math.round(http.end - http.start)} ms</span>}
            {http.error && (
              <span className="bad">
                {' '}
                · <VisibleText text={http.error} />
              </span>
            )}
          </div>
          {http.timings && <Waterfall timings={http.timings} />}
          <details>
            <summary>Request headers ({http.requestHeaders.length})</summary>
            <pre>
              {http.requestHeaders.map(([k, v], i) => (
                <div key={i}>
                  <VisibleText text={`${k}: ${v}`} />
                </div>
              ))}
            </pre>
          </details>
          <details>
            <summary>Response headers ({http.responseHeaders?.length ?? 0})</summary>
            <pre>
              {(http.responseHeaders ?? []).map(([k, v], i) => (
                <div key={i}>
                  <VisibleText text={`${k}: ${v}`} />
                </div>
              ))}
            </pre>
          </details>
          {http.requestBody && (
            <details>
              <summary>Request body</summary>
              <pre>
                <VisibleText text={http.requestBody} multiline />
              </pre>
            </details>
          )}
        </div>
      )}
      {decoded && (
        <div className="decoded-view" data-testid="decoded-view">
          <div className="decoded-head">
            <strong>{channelProtocol(session, channel!)?.name}</strong> · {decoded.messageType}
            {pair && other !== undefined && (
              <button
                className="pair-link"
                data-testid="pair-link"
                data-rtt={pair.roundTripMs}
                onClick={() => useUi.getState().selectFrame(other, channel!.index, true)}
              >
                {pair.request === id ? `→ answered after ${Math.round(pair.roundTripMs)} ms` : `← request ${Math.round(pair.roundTripMs)} ms earlier`}
              </button>
            )}
          </div>
          <JsonTree value={decoded.fields} />
        </div>
      )}
      <div className="detail-body">
        {binary ? (
          <pre className="hex">{hexDump(base64ToBytes(text))}</pre>
        ) : json !== undefined ? (
          <JsonTree value={json} />
        ) : (
          <pre data-testid="detail-text">
            <VisibleText text={text} multiline />
          </pre>
        )}
      </div>
    </div>
  );
}
