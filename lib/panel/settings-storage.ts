// Context: panel and relay (extension contexts). Capture settings (AgentSettings: in-page buffer,
// preview bytes, recording) plus the panel's memory budget, remembered
// across panel sessions. The panel reads them synchronously from its localStorage at start and
// mirrors them to chrome.storage.local, where each page's relay reads them at document_start:
// the in-page buffer only matters *before* a panel is open, so it must reach agents without one.
import { DEFAULT_AGENT_SETTINGS, type AgentSettings } from '../protocol/envelope';

export const AGENT_SETTINGS_KEY = 'pushlens.agentSettings';

const LIMITS: Record<Exclude<keyof AgentSettings, 'recording'>, [number, number]> = {
  bufferRecords: [1, 10_000_000],
  bufferBytes: [1024, 4 * 1024 * 1024 * 1024],
  previewBytes: [16, 64 * 1024 * 1024],
};

/** Defaults overlaid with whatever valid fields `raw` has (it may come from an older version). */
export function sanitizeAgentSettings(raw: unknown): AgentSettings {
  const out: AgentSettings = { ...DEFAULT_AGENT_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as Record<string, unknown>;
  for (const [key, [min, max]] of Object.entries(LIMITS) as [keyof typeof LIMITS, [number, number]][]) {
    const v = r[key];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = Math.min(max, Math.max(min, Math.floor(v)));
  }
  if (typeof r.recording === 'boolean') out.recording = r.recording;
  return out;
}

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
 * mirrored for relays. Takes a setter so the relay, which imports this file, stays free of the UI store.
 */
export function restoreAgentSettings(apply: (settings: AgentSettings) => void): void {
  const settings = readStoredAgentSettings();
  apply(settings);
  if (localStorage.getItem(AGENT_SETTINGS_KEY) !== null) storeAgentSettings(settings);
}
