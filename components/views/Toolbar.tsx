// Context: panel. Record/pause, clear, preserve log, filter, export, language.
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession } from '../hooks/use-session';
import { t } from '../../lib/i18n/messages';
import type { Locale } from '../../lib/i18n/locale';
import { exportSessionJson } from '../../lib/store/export-json';
import { FilterInput } from '../widgets/FilterInput';
import { HarControls } from './HarControls';
import { ExportMenu } from './ExportMenu';
import { SettingsMenu } from './SettingsMenu';
import { DroppedCount } from './DroppedCount';
import { ErrorBoundary } from '../widgets/ErrorBoundary';

export function Toolbar() {
  const session = useSession();
  const { recording, preserveLog, locale, tab, setTab, setPrefs, captureCleared } = useUi(
    useShallow((s) => ({
      recording: s.recording,
      preserveLog: s.preserveLog,
      locale: s.locale,
      tab: s.tab,
      setTab: s.setTab,
      setPrefs: s.setPrefs,
      captureCleared: s.captureCleared,
    })),
  );
  const download = () => {
    const blob = new Blob([exportSessionJson(session)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `pushlens-session-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <div className="toolbar" role="toolbar">
      <span className="view-tabs" role="tablist">
        <button role="tab" data-testid="tab-traffic" className={tab === 'traffic' ? 'active' : ''} onClick={() => setTab('traffic')}>
          {t('tab.traffic', locale)}
        </button>
        <button role="tab" data-testid="tab-learn" className={tab === 'learn' ? 'active' : ''} onClick={() => setTab('learn')}>
          {t('tab.learn', locale)}
        </button>
      </span>
      <button
        data-testid="record-toggle"
        className={recording ? 'rec on' : 'rec'}
        title={recording ? t('toolbar.pause', locale) : t('toolbar.record', locale)}
        onClick={() => setPrefs({ recording: !recording })}
      >
        {recording ? '● ' + t('toolbar.pause', locale) : '○ ' + t('toolbar.record', locale)}
      </button>
      <button
        data-testid="clear"
        onClick={() => {
          session.clear();
          captureCleared();
        }}
      >
        {t('toolbar.clear', locale)}
      </button>
      <label className="check">
        <input
          type="checkbox"
          checked={preserveLog}
          onChange={(e) => {
            localStorage.setItem('pushlens.preserveLog', String(e.target.checked));
            setPrefs({ preserveLog: e.target.checked });
          }}
        />
        {t('toolbar.preserveLog', locale)}
      </label>
      <FilterInput />
      <DroppedCount />
      <span className="spacer" />
      <ErrorBoundary pane="har" inline>
        <HarControls session={session} />
      </ErrorBoundary>
      <ErrorBoundary pane="export" inline>
        <ExportMenu session={session} />
      </ErrorBoundary>
      <button data-testid="export-json" onClick={download}>
        JSON
      </button>
      <ErrorBoundary pane="settings" inline>
        <SettingsMenu />
      </ErrorBoundary>
      <select
        data-testid="language"
        value={locale}
        onChange={(e) => {
          localStorage.setItem('pushlens.locale', e.target.value);
          setPrefs({ locale: e.target.value as Locale });
        }}
        aria-label={t('settings.language', locale)}
      >
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </select>
    </div>
  );
}
