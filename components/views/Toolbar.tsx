// Context: panel. Record/pause, clear, preserve log, filter, export, language. The toolbar stays
// one row at every panel width: what does not fit moves, least used first, into the "more" menu.
import { useRef } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession } from '../hooks/use-session';
import { useWidth } from '../hooks/use-media';
import { t } from '../../lib/i18n/messages';
import type { Locale } from '../../lib/i18n/locale';
import { FilterInput } from '../widgets/FilterInput';
import { HarControls } from './HarControls';
import { ExportMenu } from './ExportMenu';
import { SettingsMenu } from './SettingsMenu';
import { DroppedCount } from './DroppedCount';
import { ErrorBoundary } from '../widgets/ErrorBoundary';
import { Icon } from '../widgets/Icon';
import { OverflowMenu } from '../widgets/OverflowMenu';

/**
 * Toolbar widths (px) below which groups move into the "more" menu, measured on the English
 * labels (the longer ones) with a channel selected: language and settings first, then the
 * export and import controls, then "Preserve log".
 */
const FITS_ALL = 1380;
const FITS_EXPORTS = 1040;
const FITS_PRESERVE = 700;

export function Toolbar() {
  const session = useSession();
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
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
  // Before the first measurement (width 0) everything is inline, as on a wide panel.
  const level = width === 0 || width >= FITS_ALL ? 0 : width >= FITS_EXPORTS ? 1 : width >= FITS_PRESERVE ? 2 : 3;
  const preserve = (
    <label className="check" key="preserve">
      <input
        type="checkbox"
        data-testid="preserve-log"
        checked={preserveLog}
        onChange={(e) => {
          localStorage.setItem('pushlens.preserveLog', String(e.target.checked));
          setPrefs({ preserveLog: e.target.checked });
        }}
      />
      {t('toolbar.preserveLog', locale)}
    </label>
  );
  const exports = [
    // HAR and JSON export (both under the one "Redact secrets" switch) and HAR import.
    <ErrorBoundary pane="har" inline key="har">
      <HarControls session={session} />
    </ErrorBoundary>,
    <ErrorBoundary pane="export" inline key="export">
      <ExportMenu session={session} />
    </ErrorBoundary>,
  ];
  const settings = [
    <ErrorBoundary pane="settings" inline key="settings">
      <SettingsMenu />
    </ErrorBoundary>,
    <select
      key="language"
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
    </select>,
  ];
  const moved = [...(level >= 3 ? [preserve] : []), ...(level >= 2 ? exports : []), ...(level >= 1 ? settings : [])];
  return (
    <div className="toolbar" role="toolbar" ref={ref} data-testid="toolbar" data-overflow={moved.length}>
      <span className="view-tabs" role="tablist">
        <button
          role="tab"
          aria-selected={tab === 'traffic'}
          data-testid="tab-traffic"
          className={tab === 'traffic' ? 'active' : ''}
          onClick={() => setTab('traffic')}
        >
          {t('tab.traffic', locale)}
        </button>
        <button
          role="tab"
          aria-selected={tab === 'learn'}
          data-testid="tab-learn"
          className={tab === 'learn' ? 'active' : ''}
          onClick={() => setTab('learn')}
        >
          {t('tab.learn', locale)}
        </button>
      </span>
      <button
        data-testid="record-toggle"
        className={recording ? 'rec on' : 'rec'}
        title={recording ? t('toolbar.pause', locale) : t('toolbar.record', locale)}
        aria-pressed={recording}
        onClick={() => setPrefs({ recording: !recording })}
      >
        <Icon name={recording ? 'record' : 'stop'} /> {recording ? t('toolbar.pause', locale) : t('toolbar.record', locale)}
      </button>
      <button
        data-testid="clear"
        title={t('toolbar.clear', locale)}
        onClick={() => {
          session.clear();
          captureCleared();
        }}
      >
        <Icon name="clear" /> {t('toolbar.clear', locale)}
      </button>
      {level < 3 && preserve}
      <FilterInput />
      <DroppedCount />
      <span className="spacer" />
      {level < 2 && exports}
      {level < 1 && settings}
      {moved.length > 0 && <OverflowMenu label={t('toolbar.more', locale)}>{moved}</OverflowMenu>}
    </div>
  );
}
