// Context: panel. Compose a message: send it to the server on the page's live WebSocket, or
// inject it into the page as if the server had sent it (WebSocket message or SSE event). Text,
// JSON (validated and formattable), hex or base64; Ctrl+Enter sends; history and snippets are
// kept per origin.
import { useEffect, useState } from 'react';
import { useUi } from '@/lib/store/ui-store';
import { session } from '@/lib/panel/panel-runtime';
import { liveConnection, runOn, type ChannelCommand } from '@/lib/panel/actions';
import { encodePayload, formatJson } from '@/lib/panel/payload-format';
import { loadComposer, saveComposer, remember, type ComposerMemory } from '@/lib/panel/composer-storage';
import type { Channel } from '@/lib/store/session-types';
import { report } from './ActionResult';

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function Composer({ channel }: { channel: Channel }) {
  const { composer, set } = useUi();
  const [memory, setMemory] = useState<ComposerMemory>({ history: [], snippets: [] });
  const origin = originOf(channel.url);
  useEffect(() => {
    void loadComposer(origin).then(setMemory);
  }, [origin]);
  if (!composer.open) return null;
  const sse = channel.kind === 'sse';
  const update = (patch: Partial<typeof composer>) => set({ composer: { ...composer, ...patch } });
  const encoded = encodePayload(composer.text, sse ? 'text' : composer.format);
  const submit = async () => {
    if (!encoded.ok) return report(false, encoded.error);
    const conn = liveConnection(session, channel);
    const command: ChannelCommand = sse
      ? { kind: 'sse-inject', event: composer.sseEvent || 'message', id: composer.sseId, data: encoded.data }
      : { kind: composer.mode === 'send' ? 'ws-send' : 'ws-inject', data: encoded.data, binary: encoded.binary };
    const r = await runOn(conn, command);
    report(r.ok, r.ok ? (sse || composer.mode === 'inject' ? 'Injected into the page.' : 'Sent to the server.') : (r.error ?? 'failed'));
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
          <select value={composer.mode} onChange={(e) => update({ mode: e.target.value as 'send' | 'inject' })} data-testid="composer-mode" aria-label="where to">
            <option value="send">Send to server</option>
            <option value="inject">Inject into page</option>
          </select>
        )}
        {sse && (
          <>
            <input value={composer.sseEvent} onChange={(e) => update({ sseEvent: e.target.value })} placeholder="event" aria-label="event name" data-testid="composer-event" />
            <input value={composer.sseId} onChange={(e) => update({ sseId: e.target.value })} placeholder="id" aria-label="event id" />
          </>
        )}
        {!sse && (
          <select value={composer.format} onChange={(e) => update({ format: e.target.value as typeof composer.format })} aria-label="format" data-testid="composer-format">
            <option value="text">Text</option>
            <option value="json">JSON</option>
            <option value="hex">Hex (binary)</option>
            <option value="base64">Base64 (binary)</option>
          </select>
        )}
        <button onClick={() => update({ text: formatJson(composer.text) })}>Format JSON</button>
        {memory.history.length > 0 && (
          <select value="" onChange={(e) => e.target.value && update({ text: e.target.value })} aria-label="history">
            <option value="">History…</option>
            {memory.history.map((h, i) => (
              <option key={i} value={h}>
                {h.slice(0, 60)}
              </option>
            ))}
          </select>
        )}
        <button
          onClick={() => {
            const name = composer.text.slice(0, 30) || 'snippet';
            const next = { ...memory, snippets: [{ name, text: composer.text }, ...memory.snippets] };
            setMemory(next);
            void saveComposer(origin, next);
            report(true, 'Snippet saved for this origin.');
          }}
        >
          Save snippet
        </button>
        {memory.snippets.length > 0 && (
          <select value="" onChange={(e) => e.target.value && update({ text: memory.snippets[Number(e.target.value)].text })} aria-label="snippets">
            <option value="">Snippets…</option>
            {memory.snippets.map((sn, i) => (
              <option key={i} value={i}>
                {sn.name}
              </option>
            ))}
          </select>
        )}
        <span className="spacer" />
        <button data-testid="composer-submit" className="primary" disabled={!encoded.ok} onClick={() => void submit()} title="Ctrl+Enter">
          {sse || composer.mode === 'inject' ? 'Inject' : 'Send'}
        </button>
      </div>
      <textarea
        data-testid="composer-text"
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
