// Context: panel. The "Export as…" menu: the session, the selected channel or the brushed time
// range as MSW handlers, a Playwright test or a HAR for pushlens-replay, each a file that plays
// the same conversation again. Secrets are redacted as in HAR export unless unticked.
import { useState } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { t } from '../../lib/i18n/messages';
import { exportHar } from '../../lib/har';
import { sessionToHarInput } from '../../lib/store/session-har';
import { clipToRange, MOCK_FILE_NAMES, mockFileText, sessionScript, type MockFormat, type MockScope } from '../../lib/export/from-session';
import type { Session } from '../../lib/store/session';
import { download } from './HarControls';
import { afterWholes } from '../../lib/panel/full-payload';
import { usePanelLink } from '../hooks/use-session';

type ScopeName = 'all' | 'channel' | 'range';

export function ExportMenu({ session }: { session: Session }) {
  const { locale, selectedChannel, timeBrush } = useUi(
    useShallow((s) => ({ locale: s.locale, selectedChannel: s.selectedChannel, timeBrush: s.timeBrush })),
  );
  const [open, setOpen] = useState(false);
  const [scopeName, setScopeName] = useState<ScopeName>('all');
  const [redact, setRedact] = useState(true);
  const [speed, setSpeed] = useState('1');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const link = usePanelLink();

  // A scope whose selection went away falls back to the whole session.
  const effective: ScopeName = scopeName === 'channel' && selectedChannel === null ? 'all' : scopeName === 'range' && !timeBrush ? 'all' : scopeName;
  const scope: MockScope = {};
  if (effective === 'channel' && selectedChannel !== null) scope.channels = new Set([selectedChannel]);
  if (effective === 'range' && timeBrush) scope.range = timeBrush;
  const pageUrl = [...session.agents.values()].find((a) => a.isTop && a.realm === 'document')?.url;

  // Frames held only in part are fetched whole from the page first; those it no longer holds go out marked.
  const whenWhole = (run: () => void) =>
    afterWholes(
      session,
      link,
      scope.channels,
      (done, total) => setMessage({ ok: true, text: t('export.fetchingWhole', locale, { done, total }) }),
      run,
    );

  const exportMocks = (format: MockFormat) =>
    whenWhole(() => {
      const script = sessionScript(session, scope, redact, pageUrl);
      if (script.endpoints.length === 0) return setMessage({ ok: false, text: t('mocks.empty', locale) });
      const n = Number(speed);
      const text = mockFileText(script, format, { speed: Number.isFinite(n) && n > 0 ? n : 1, generatedAt: new Date().toISOString() });
      const file = MOCK_FILE_NAMES[format];
      download(file, text, 'text/javascript');
      setMessage({ ok: true, text: t('mocks.exported', locale, { endpoints: script.endpoints.length, file }) });
    });

  const exportReplayHar = () =>
    whenWhole(() => {
      let input = sessionToHarInput(session, scope.channels, pageUrl);
      if (scope.range) input = clipToRange(input, scope.range);
      if (input.connections.length === 0) return setMessage({ ok: false, text: t('mocks.empty', locale) });
      const file = 'pushlens-replay.har';
      download(file, JSON.stringify(exportHar(input, { redact }), null, 1), 'application/json');
      setMessage({ ok: true, text: t('mocks.exported', locale, { endpoints: input.connections.length, file }) });
    });

  return (
    <span className="settings export-menu">
      <button data-testid="export-menu" onClick={() => setOpen(!open)} aria-expanded={open} title={t('mocks.menuTitle', locale)}>
        {t('mocks.menu', locale)}
      </button>
      {open && (
        <div className="settings-pop" data-testid="export-menu-pop" role="dialog" aria-label={t('mocks.menu', locale)}>
          <label>
            <select data-testid="export-scope" value={effective} onChange={(e) => setScopeName(e.target.value as ScopeName)}>
              <option value="all">{t('mocks.scopeAll', locale)}</option>
              <option value="channel" disabled={selectedChannel === null}>
                {t('mocks.scopeChannel', locale)}
              </option>
              <option value="range" disabled={!timeBrush}>
                {t('mocks.scopeRange', locale)}
              </option>
            </select>
          </label>
          <label>
            {t('mocks.speed', locale)}
            <input data-testid="export-speed" value={speed} onChange={(e) => setSpeed(e.target.value)} inputMode="decimal" />
          </label>
          <label className="check" title={t('har.redactTitle', locale)}>
            <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} data-testid="export-redact" />
            {t('har.redact', locale)}
          </label>
          <button data-testid="export-msw" onClick={() => exportMocks('msw')}>
            {t('mocks.msw', locale)}
          </button>
          <button data-testid="export-playwright" onClick={() => exportMocks('playwright')}>
            {t('mocks.playwright', locale)}
          </button>
          <button data-testid="export-replay-har" onClick={exportReplayHar}>
            {t('mocks.har', locale)}
          </button>
          {message && (
            <div className={message.ok ? 'ok' : 'bad'} data-testid="export-message" role="status">
              {message.text}
            </div>
          )}
        </div>
      )}
    </span>
  );
}
