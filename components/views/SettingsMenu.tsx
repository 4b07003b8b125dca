// Context: panel. Capture settings (rule 4, caps as settings): the in-page history buffer,
// preview size per payload, and the panel's memory budget. Applied at once to every page agent of
// the tab and remembered for later panels and pages.
import { useState } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { useSession, usePanelLink } from '../hooks/use-session';
import { storeAgentSettings, sanitizeAgentSettings } from '../../lib/panel/settings-storage';
import { t } from '../../lib/i18n/messages';
import { Icon } from '../widgets/Icon';

export function SettingsMenu() {
  const session = useSession();
  const link = usePanelLink();
  const { agentSettings, locale, setPrefs } = useUi(useShallow((s) => ({ agentSettings: s.agentSettings, locale: s.locale, setPrefs: s.setPrefs })));
  const [open, setOpen] = useState(false);
  const [records, setRecords] = useState(String(agentSettings.bufferRecords));
  const [bufferMb, setBufferMb] = useState(String(Math.round(agentSettings.bufferBytes / 1024 / 1024)));
  const [previewKb, setPreviewKb] = useState(String(Math.round(agentSettings.previewBytes / 1024)));
  const [maxFrames, setMaxFrames] = useState(String(session.budget.maxFrames));
  const [error, setError] = useState('');
  const apply = () => {
    const nums = [records, bufferMb, previewKb, maxFrames].map(Number);
    if (nums.some((n) => !Number.isFinite(n) || n <= 0)) return setError(t('settings.invalid', locale));
    const next = sanitizeAgentSettings({
      ...agentSettings,
      bufferRecords: nums[0],
      bufferBytes: nums[1] * 1024 * 1024,
      previewBytes: nums[2] * 1024,
    });
    setPrefs({ agentSettings: next });
    storeAgentSettings(next);
    link?.pushSettings(next);
    session.budget = { ...session.budget, maxFrames: Math.floor(nums[3]) };
    setError('');
    setOpen(false);
  };
  return (
    <span className="settings">
      <button data-testid="settings-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        <Icon name="gear" /> {t('toolbar.settings', locale)}
      </button>
      {open && (
        <div className="settings-pop" data-testid="settings" role="dialog" aria-label={t('toolbar.settings', locale)}>
          <NumberSetting label={t('settings.bufferLimit', locale)} value={records} onChange={setRecords} testid="setting-buffer-records" />
          <NumberSetting label={t('settings.bufferMb', locale)} value={bufferMb} onChange={setBufferMb} />
          {/* What the applied caps cost every frame of the page, panel open or not (DESIGN.md rule 4). */}
          <div className="muted settings-note" data-testid="settings-ring-cost">
            {t('settings.ringCost', locale, {
              mb: Math.round(agentSettings.bufferBytes / 1024 / 1024),
              records: agentSettings.bufferRecords.toLocaleString(locale),
            })}
          </div>
          <NumberSetting label={t('settings.previewKb', locale)} value={previewKb} onChange={setPreviewKb} testid="setting-preview-kb" />
          <NumberSetting label={t('settings.maxFrames', locale)} value={maxFrames} onChange={setMaxFrames} />
          {error && <div className="bad">{error}</div>}
          <button className="primary" data-testid="settings-apply" onClick={apply}>
            {t('settings.apply', locale)}
          </button>
        </div>
      )}
    </span>
  );
}

/** One numeric setting: typed as text so a bad value can be shown and explained, not swallowed. */
function NumberSetting({ label, value, onChange, testid }: { label: string; value: string; onChange: (v: string) => void; testid?: string }) {
  return (
    <label>
      {label}
      <input data-testid={testid} value={value} onChange={(e) => onChange(e.target.value)} inputMode="numeric" />
    </label>
  );
}
