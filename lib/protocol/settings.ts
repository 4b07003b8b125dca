// Context: shared (page agent, relay, panel). Capture settings the panel pushes to agents, their
// defaults and bounds, and the storage key under which the panel leaves them for relays. The relay
// applies stored settings at document_start, before any panel exists, so they live here and not
// in the panel.

/** Capture settings the panel pushes to agents. Caps keep every side bounded. */
export interface AgentSettings {
  /** Max records kept in the page ring buffer. */
  bufferRecords: number;
  /** Max payload bytes kept in the page ring buffer (previews only). */
  bufferBytes: number;
  /** Bytes of each payload kept as preview. */
  previewBytes: number;
  recording: boolean;
}

export const DEFAULT_AGENT_SETTINGS: AgentSettings = {
  bufferRecords: 20_000,
  bufferBytes: 32 * 1024 * 1024,
  previewBytes: 64 * 1024,
  recording: true,
};

/** chrome.storage.local / panel localStorage key of the stored AgentSettings. */
export const AGENT_SETTINGS_KEY = 'pushlens.agentSettings';

const LIMITS: Record<Exclude<keyof AgentSettings, 'recording'>, [number, number]> = {
  bufferRecords: [1, 10_000_000],
  bufferBytes: [1024, 4 * 1024 * 1024 * 1024],
  previewBytes: [16, 64 * 1024 * 1024],
};

/** Defaults overlaid with whatever valid fields `raw` has (it may come from an older version, or be anything). */
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
