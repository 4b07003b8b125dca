// Context: panel. UI state (selection, filter, switches, settings) in a Zustand store. Captured
// frames are not here: they live in the columnar FrameStore, outside React state.
import { create } from 'zustand';
import { DEFAULT_AGENT_SETTINGS, type AgentSettings } from '../protocol/envelope';
import type { Locale } from '../i18n/locale';

export type PanelTab = 'traffic' | 'learn';

export interface UiState {
  tab: PanelTab;
  selectedChannel: number | null;
  selectedFrame: number | null;
  filter: string;
  hideHeartbeats: boolean;
  recording: boolean;
  preserveLog: boolean;
  locale: Locale;
  theme: 'light' | 'dark';
  agentSettings: AgentSettings;
  /** Time range brushed on the timeline: the frame table shows only frames inside it. */
  timeBrush: { start: number; end: number } | null;
  /** Which view of the selected channel is shown. */
  channelTab: 'messages' | 'connections' | 'insights';
  /** Frames picked with ctrl/shift-click, for replay. */
  pickedFrames: number[];
  composer: { open: boolean; text: string; mode: 'send' | 'inject'; format: 'text' | 'json' | 'hex' | 'base64'; sseEvent: string; sseId: string };
  /** Outcome of the last action, shown in the action bar. */
  actionResult: { ok: boolean; text: string } | null;
  /** Width of the channel list in px (remembered). */
  listWidth: number;
  /** Running as the standalone HAR viewer (no live page). */
  viewer: boolean;
  set: (patch: Partial<Omit<UiState, 'set'>>) => void;
}

export const useUi = create<UiState>((set) => ({
  tab: 'traffic',
  selectedChannel: null,
  selectedFrame: null,
  filter: '',
  hideHeartbeats: false,
  recording: true,
  preserveLog: true,
  locale: 'en',
  theme: 'light',
  agentSettings: { ...DEFAULT_AGENT_SETTINGS },
  timeBrush: null,
  channelTab: 'messages',
  pickedFrames: [],
  composer: { open: false, text: '', mode: 'send', format: 'text', sseEvent: 'message', sseId: '' },
  actionResult: null,
  listWidth: 380,
  viewer: false,
  set: (patch) => set(patch),
}));
