// Context: panel. Capture settings (AgentSettings: in-page buffer,
// preview bytes, recording) plus the panel's memory budget, remembered
// across panel sessions. The panel reads them synchronously from its localStorage at start and
// mirrors them to chrome.storage.local (key and bounds in lib/protocol/settings.ts), where each
// page's relay reads them at document_start:
// the in-page buffer only matters *before* a panel is open, so it must reach agents without one.
import { AGENT_SETTINGS_KEY, DEFAULT_AGENT_SETTINGS, sanitizeAgentSettings, type AgentSettings } from '../protocol/settings';

// Re-exported for the panel's views, which used to import them from here.
export { AGENT_SETTINGS_KEY, sanitizeAgentSettings };

export function readStoredAgentSettings(): AgentSettings {
  try {
    return sanitizeAgentSettings(JSON.parse(localStorage.getItem(AGENT_SETTINGS_KEY) ?? 'null'));
  } catch {
    return { ...DEFAULT_AGENT_SETTINGS };
  }
}

/** Remembers settings for later panels and for pages loaded from now on. */
export function storeAgentSettings(settings: AgentSettings): void {
  const clean = sanitizeAgentSettings(settings);
  try {
    localStorage.setItem(AGENT_SETTINGS_KEY, JSON.stringify(clean));
  } catch {
    /* storage full or disabled: the settings still apply to this panel */
  }
  void chrome.storage?.local?.set({ [AGENT_SETTINGS_KEY]: clean }).catch(() => {});
}

/**
 * Panel start: stored settings become the UI's settings (pushed to agents on attach) and are
 * mirrored for relays. Takes a setter so this file stays free of the UI store.
 */
export function restoreAgentSettings(apply: (settings: AgentSettings) => void): void {
  const settings = readStoredAgentSettings();
  apply(settings);
  if (localStorage.getItem(AGENT_SETTINGS_KEY) !== null) storeAgentSettings(settings);
}
