// Context: panel and standalone viewer. Export the session (or the selected channel) as HAR 1.2
// with WebSocket messages in Chrome's format and SSE events in `_eventSourceMessages`; import a
// HAR from Chrome or PushLens with progress, size checks and clear errors.
import { useRef, useState } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { t } from '../../lib/i18n/messages';
import { exportHar } from '../../lib/har/export';
import { sessionToHarInput } from '../../lib/store/session-har';
import { exportSessionJson } from '../../lib/store/export-json';
import type { Session } from '../../lib/store/session';
import { afterWholes } from '../../lib/panel/full-payload';
import { usePanelLink } from '../hooks/use-session';

export function download(name: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function HarControls({ session, onLoaded }: { session: Session; onLoaded?: (name: string) => void }) {
  const { locale, selectedChannel, imported } = useUi(
    useShallow((s) => ({ locale: s.locale, selectedChannel: s.selectedChannel, imported: s.imported })),
  );
  const link = usePanelLink();
  const [redact, setRedact] = useState(true);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const importing = useRef<AbortController | null>(null);

  // Frames held only in part are fetched whole from the page first; those it no longer holds are
  // exported marked truncated with their true size, and the message says how many.
  const whenWhole = (channels: Set<number> | undefined, run: (stillPartial: number) => void) =>
    afterWholes(session, link, channels, (done, total) => setMessage({ ok: true, text: t('export.fetchingWhole', locale, { done, total }) }), run);
  const partialNote = (stillPartial: number) => (stillPartial ? ` ${t('export.stillPartial', locale, { count: stillPartial })}` : '');

  const doExport = (onlySelected: boolean) => {
    const channels = onlySelected && selectedChannel !== null ? new Set([selectedChannel]) : undefined;
    whenWhole(channels, (stillPartial) => {
      const har = exportHar(sessionToHarInput(session, channels), { redact });
      download(`pushlens-${new Date().toISOString().replace(/[:.]/g, '-')}.har`, JSON.stringify(har, null, 1), 'application/json');
      setMessage({ ok: true, text: t('har.exported', locale, { count: har.log.entries.length }) + partialNote(stillPartial) });
    });
  };

  // The JSON export obeys the same "Redact secrets" switch as HAR: one switch for every export.
  const doExportJson = () =>
    whenWhole(undefined, (stillPartial) => {
      download(`pushlens-session-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, exportSessionJson(session, { redact }), 'application/json');
      if (stillPartial) setMessage({ ok: true, text: partialNote(stillPartial).trim() });
    });

  // Parsing (first half of the bar) and loading into the session (second half) both run in time
  // slices, so a big file never freezes the page; Cancel stops either and leaves nothing half loaded.
  const doImport = async (f: File) => {
    importing.current?.abort();
    const abort = new AbortController();
    importing.current = abort;
    setProgress(0);
    setMessage(null);
    try {
      // Loaded on the first import only (see lib/store/har-file-import.ts).
      const { importHarFile } = await import('../../lib/store/har-file-import');
      const result = await importHarFile(session, f, { signal: abort.signal, onProgress: setProgress, onParsed: imported });
      if (result.ok) {
        const warn = result.warnings ? ` ${t('har.warnings', locale, { count: result.warnings })}` : '';
        setMessage({ ok: true, text: t('har.imported', locale, { name: f.name, connections: result.connections, records: result.records }) + warn });
        onLoaded?.(f.name);
      } else {
        setMessage({ ok: false, text: result.cancelled ? t('har.cancelled', locale) : result.message });
      }
    } catch (err) {
      // Only the chunk itself failing to load (extension updated under the panel) lands here.
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      if (importing.current === abort) {
        importing.current = null;
        setProgress(null);
      }
    }
  };

  return (
    <span className="har-controls">
      <button data-testid="export-har" onClick={() => doExport(false)} title={t('har.exportTitle', locale)}>
        {t('toolbar.export', locale)}
      </button>
      {selectedChannel !== null && (
        <button data-testid="export-har-channel" onClick={() => doExport(true)}>
          {t('har.exportChannel', locale)}
        </button>
      )}
      <label className="check" title={t('har.redactTitle', locale)}>
        <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} data-testid="har-redact" />
        {t('har.redact', locale)}
      </label>
      <button data-testid="export-json" onClick={doExportJson}>
        JSON
      </button>
      <button data-testid="import-har" onClick={() => file.current?.click()}>
        {t('har.import', locale)}
      </button>
      <input
        ref={file}
        type="file"
        accept=".har,.json,application/json"
        hidden
        data-testid="import-har-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void doImport(f);
        }}
      />
      {progress !== null && (
        <>
          <progress data-testid="import-progress" max={1} value={progress} />
          <button data-testid="import-cancel" onClick={() => importing.current?.abort()}>
            {t('har.cancel', locale)}
          </button>
        </>
      )}
      {message && (
        <span className={message.ok ? 'ok' : 'bad'} data-testid="har-message" role="status">
          {message.text}
        </span>
      )}
    </span>
  );
}
