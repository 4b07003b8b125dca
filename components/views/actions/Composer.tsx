// Context: panel. Compose a message: send it to the server on the page's live WebSocket, or
// inject it into the page as if the server had sent it (WebSocket message or SSE event). Text,
// JSON (validated and formattable), hex or base64; Ctrl+Enter sends; history and snippets are
// kept per origin.
import { useEffect, useState } from 'react';
import { useUi } from '../../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession, usePanelLink } from '../../hooks/use-session';
import { liveConnection, runOn, type ChannelCommand } from '../../../lib/panel/actions';
import { encodePayload, formatJson } from '../../../lib/panel/payload-format';
import { loadComposer, saveComposer, remember, type ComposerMemory } from '../../../lib/panel/composer-storage';
import type { Channel } from '../../../lib/store/session-types';
import { t } from '../../../lib/i18n/messages';
import { report } from './ActionResult';
import { useRenderCount } from '../../hooks/use-render-count';

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function Composer({ channel }: { channel: Channel }) {
  const session = useSession();
  const link = usePanelLink();
  useRenderCount('composer');
  const { composer, locale, updateComposer } = useUi(
    useShallow((s) => ({ composer: s.composer, locale: s.locale, updateComposer: s.updateComposer })),
  );
  const [memory, setMemory] = useState<ComposerMemory>({ history: [], snippets: [] });
  const origin = originOf(channel.url);
  useEffect(() => {
    void loadComposer(origin).then(setMemory);
  }, [origin]);
  if (!composer.open) return null;
  const sse = channel.kind === 'sse';
  const update = updateComposer;
  const encoded = encodePayload(composer.text, sse ? 'text' : composer.format);
  const submit = async () => {
    if (!encoded.ok) return report(false, encoded.error);
    const conn = liveConnection(session, channel, useUi.getState().targetConnection);
    const command: ChannelCommand = sse
      ? { kind: 'sse-inject', event: composer.sseEvent || 'message', id: composer.sseId, data: encoded.data }
      : { kind: composer.mode === 'send' ? 'ws-send' : 'ws-inject', data: encoded.data, binary: encoded.binary };
    const r = await runOn(link, conn, command);
    report(
      r.ok,
      r.ok ? t(sse || composer.mode === 'inject' ? 'composer.injected' : 'composer.sent', locale) : (r.error ?? t('action.failed', locale)),
    );
    if (r.ok) {
      const next = remember(memory, composer.text);
      setMemory(next);
      void saveComposer(origin, next);
    }
  };
  return (
    <div className="composer" data-testid="composer">
      <div className="composer-bar">
        {!sse && (
          <select
            value={composer.mode}
            onChange={(e) => update({ mode: e.target.value as 'send' | 'inject' })}
            data-testid="composer-mode"
            aria-label={t('composer.target', locale)}
          >
            <option value="send">{t('composer.sendToServer', locale)}</option>
            <option value="inject">{t('composer.injectIntoPage', locale)}</option>
          </select>
        )}
        {sse && (
          <>
            <input
              value={composer.sseEvent}
              onChange={(e) => update({ sseEvent: e.target.value })}
              placeholder={t('composer.eventPlaceholder', locale)}
              aria-label={t('composer.eventName', locale)}
              data-testid="composer-event"
            />
            <input
              value={composer.sseId}
              onChange={(e) => update({ sseId: e.target.value })}
              placeholder={t('composer.idPlaceholder', locale)}
              aria-label={t('composer.eventId', locale)}
            />
          </>
        )}
        {!sse && (
          <select
            value={composer.format}
            onChange={(e) => update({ format: e.target.value as typeof composer.format })}
            aria-label={t('composer.format', locale)}
            data-testid="composer-format"
          >
            <option value="text">{t('composer.formatText', locale)}</option>
            <option value="json">JSON</option>
            <option value="hex">{t('composer.formatHex', locale)}</option>
            <option value="base64">{t('composer.formatBase64', locale)}</option>
          </select>
        )}
        <button onClick={() => update({ text: formatJson(composer.text) })}>{t('composer.formatJson', locale)}</button>
        {memory.history.length > 0 && (
          <select value="" onChange={(e) => e.target.value && update({ text: e.target.value })} aria-label={t('composer.history', locale)}>
            <option value="">{t('composer.historyPick', locale)}</option>
            {memory.history.map((h, i) => (
              <option key={i} value={h}>
                {h.slice(0, 60)}
              </option>
            ))}
          </select>
        )}
        <button
          onClick={() => {
            const name = composer.text.slice(0, 30) || t('composer.snippetName', locale);
            const next = { ...memory, snippets: [{ name, text: composer.text }, ...memory.snippets] };
            setMemory(next);
            void saveComposer(origin, next);
            report(true, t('composer.snippetSaved', locale));
          }}
        >
          {t('composer.saveSnippet', locale)}
        </button>
        {memory.snippets.length > 0 && (
          <select
            value=""
            onChange={(e) => e.target.value && update({ text: memory.snippets[Number(e.target.value)].text })}
            aria-label={t('composer.snippets', locale)}
          >
            <option value="">{t('composer.snippetsPick', locale)}</option>
            {memory.snippets.map((sn, i) => (
              <option key={i} value={i}>
                {sn.name}
              </option>
            ))}
          </select>
        )}
        <span className="spacer" />
        <button data-testid="composer-submit" className="primary" disabled={!encoded.ok} onClick={() => void submit()} title="Ctrl+Enter">
          {t(sse || composer.mode === 'inject' ? 'composer.inject' : 'composer.send', locale)}
        </button>
      </div>
      <textarea
        data-testid="composer-text"
        aria-label={t('action.compose', locale)}
        value={composer.text}
        spellCheck={false}
        onChange={(e) => update({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
        aria-invalid={!encoded.ok}
      />
      {!encoded.ok && composer.text && (
        <div className="bad" data-testid="composer-error">
          {encoded.error}
        </div>
      )}
    </div>
  );
}
