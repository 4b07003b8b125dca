// Context: panel. Actions on one frame: resend an outgoing WebSocket frame, edit it in the
// composer, inject a copy into the page; for HTTP exchanges re-run the request from the page and
// copy it as cURL or fetch(); for a WebSocket channel copy a websocat command.
import { useUi } from '../../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession, usePanelLink } from '../../hooks/use-session';
import { liveConnection, runOn } from '../../../lib/panel/actions';
import { wholePayload } from '../../../lib/panel/full-payload';
import { DIR_OUT, FLAG_HTTP } from '../../../lib/store/frame-store';
import { CopyRefused, toCurl, toFetch, toWebsocat } from '../../../lib/model/copy-as';
import { t } from '../../../lib/i18n/messages';
import { report } from './ActionResult';
import { Icon } from '../../widgets/Icon';

async function copy(make: () => string, what: string): Promise<void> {
  const locale = useUi.getState().locale;
  let text: string;
  try {
    text = make();
  } catch (err) {
    // Captured text that no command can carry exactly (NUL, a line break in a header): say so, copy nothing.
    if (err instanceof CopyRefused) return report(false, t('action.copyRefused', locale, { what, reason: err.message }));
    throw err;
  }
  try {
    await navigator.clipboard.writeText(text);
    report(true, t('action.copied', locale, { what }));
  } catch {
    // DevTools panels may not get clipboard access; the text goes into the composer instead.
    useUi.getState().openComposer({ text });
    report(true, t('action.placedInComposer', locale, { what }));
  }
}

export function FrameActions({ index }: { index: number }) {
  const session = useSession();
  const link = usePanelLink();
  const { locale, openComposer } = useUi(useShallow((s) => ({ locale: s.locale, openComposer: s.openComposer })));
  const f = session.frames;
  const conn = session.connections[f.connection[index]];
  const channel = session.channels[f.channel[index]];
  if (!conn || !channel) return null;
  if ((f.flags[index] & FLAG_HTTP) !== 0 && conn.http) {
    const req = { method: conn.http.method, url: conn.http.url, headers: conn.http.requestHeaders, body: conn.http.requestBody };
    return (
      <span className="frame-actions">
        <button
          data-testid="rerun-request"
          onClick={async () => {
            const r = await runOn(link, conn, { kind: 'http-rerun' });
            report(r.ok, r.ok ? t('action.rerunDone', locale) : (r.error ?? t('action.failed', locale)));
          }}
        >
          <Icon name="resend" /> {t('action.rerun', locale)}
        </button>
        <button onClick={() => void copy(() => toCurl(req), t('action.whatCurl', locale))}>cURL</button>
        <button onClick={() => void copy(() => toFetch(req), t('action.whatFetch', locale))}>fetch()</button>
      </span>
    );
  }
  if (conn.api === 'ws') {
    const out = f.dir[index] === DIR_OUT;
    // The whole frame, fetched from the page when the panel holds only a part of it; a frame the
    // page no longer holds is refused with the reason, never sent as if whole.
    const whole = async () => {
      const w = await wholePayload(session, link, index);
      if ('error' in w) report(false, w.error);
      return 'error' in w ? undefined : w;
    };
    return (
      <span className="frame-actions">
        {out && (
          <button
            data-testid="resend-frame"
            onClick={async () => {
              const w = await whole();
              if (!w) return;
              const r = await runOn(link, liveConnection(session, channel, useUi.getState().targetConnection), { kind: 'ws-send', ...w });
              report(r.ok, r.ok ? t('action.sentAgain', locale) : (r.error ?? t('action.failed', locale)));
            }}
          >
            <Icon name="resend" /> {t('action.resend', locale)}
          </button>
        )}
        <button
          data-testid="edit-frame"
          onClick={async () => {
            const w = await whole();
            if (!w) return;
            openComposer({
              text: w.data,
              // Read when clicked, not subscribed: typing in the composer must not re-render this.
              format: w.binary ? 'base64' : useUi.getState().composer.format,
              mode: out ? 'send' : 'inject',
            });
          }}
        >
          <Icon name="pencil" /> {t('action.edit', locale)}
        </button>
        {!out && (
          <button
            data-testid="inject-frame"
            onClick={async () => {
              const w = await whole();
              if (!w) return;
              const r = await runOn(link, liveConnection(session, channel, useUi.getState().targetConnection), { kind: 'ws-inject', ...w });
              report(r.ok, r.ok ? t('action.injectedCopy', locale) : (r.error ?? t('action.failed', locale)));
            }}
          >
            <Icon name="inject" /> {t('action.inject', locale)}
          </button>
        )}
        <button onClick={() => void copy(() => toWebsocat(conn.url, conn.protocols), t('action.whatWebsocat', locale))}>websocat</button>
      </span>
    );
  }
  return null;
}
