// Context: panel. Record/pause, clear, preserve log, filter, export, language.
import { useUi } from '../../lib/store/ui-store';
import { session } from '../../lib/panel/panel-runtime';
import { t } from '../../lib/i18n/messages';
import type { Locale } from '../../lib/i18n/locale';
import { FilterInput } from '../widgets/FilterInput';
import { HarControls } from './HarControls';
import { SettingsMenu } from './SettingsMenu';

export function Toolbar() {
  const { recording, preserveLog, locale, tab, set } = useUi();
  // Records the pages' buffers lost before the panel read them, plus what the panel's own memory
  // budget evicted (previews or whole frames): every loss is counted where people look.
  let dropped = 0;
  for (const a of session.agents.values()) dropped += a.dropped;
  for (const d of session.drops) if (d.kind === 'panel-frames' || d.kind === 'panel-previews') dropped += d.count ?? 0;
  return (
    <div className="toolbar" role="toolbar">
      <span className="view-tabs" role="tablist">
        <button role="tab" data-testid="tab-traffic" className={tab === 'traffic' ? 'active' : ''} onClick={() => set({ tab: 'traffic' })}>
          {t('tab.traffic', locale)}
        </button>
        <button role="tab" data-testid="tab-learn" className={tab === 'learn' ? 'active' : ''} onClick={() => set({ tab: 'learn' })}>
          {t('tab.learn', locale)}
        </button>
      </span>
      <button
        data-testid="record-toggle"
        className={recording ? 'rec on' : 'rec'}
        title={recording ? t('toolbar.pause', locale) : t('toolbar.record', locale)}
        onClick={() => set({ recording: !recording })}
      >
        {recording ? '● ' + t('toolbar.pause', locale) : '○ ' + t('toolbar.record', locale)}
      </button>
      <button
        data-testid="clear"
        onClick={() => {
          session.clear();
          set({ selectedChannel: null, selectedFrame: null });
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
            set({ preserveLog: e.target.checked });
          }}
        />
        {t('toolbar.preserveLog', locale)}
      </label>
      <FilterInput />
      {dropped > 0 && (
        <span className="dropped" data-testid="dropped-count" title={t('records.droppedHint', locale)}>
          {t('records.dropped', locale, { count: dropped })}
        </span>
      )}
      {session.invalidRecords > 0 && (
        <span className="dropped" data-testid="invalid-count" data-count={session.invalidRecords} title={t('records.invalidHint', locale)}>
          {t('records.invalid', locale, { count: session.invalidRecords })}
        </span>
      )}
      <span className="spacer" />
      {/* HAR and JSON export (both under the one "Redact secrets" switch) and HAR import. */}
      <HarControls session={session} />
      <SettingsMenu />
      <select
        data-testid="language"
        value={locale}
        onChange={(e) => {
          localStorage.setItem('pushlens.locale', e.target.value);
          set({ locale: e.target.value as Locale });
        }}
        aria-label={t('settings.language', locale)}
      >
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </select>
    </div>
  );
}
