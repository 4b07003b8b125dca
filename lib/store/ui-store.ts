// Context: panel. UI state (selection, filter, switches, settings) in a Zustand store. Captured
// frames are not here: they live in the columnar FrameStore, outside React state.
// State changes go through named actions that keep related fields consistent: changing channel
// (from the list, timeline, Clear, HAR import or a Learn link) resets the selected AND picked
// frames, and picks never span channels. Frames are named by id (FrameStore.idAt), never by row.
import { create } from 'zustand';
import { DEFAULT_AGENT_SETTINGS, type AgentSettings } from '../protocol/envelope';
import type { Locale } from '../i18n/locale';

export type PanelTab = 'traffic' | 'learn';
export type ChannelTab = 'messages' | 'connections' | 'insights';
export type ComposerState = {
  open: boolean;
  text: string;
  mode: 'send' | 'inject';
  format: 'text' | 'json' | 'hex' | 'base64';
  sseEvent: string;
  sseId: string;
};

/** Plain preferences: no other field depends on them, so one typed setter is enough. */
export interface UiPrefs {
  hideHeartbeats: boolean;
  recording: boolean;
  preserveLog: boolean;
  locale: Locale;
  theme: 'light' | 'dark';
  agentSettings: AgentSettings;
  /** Width of the channel list in px (remembered). */
  listWidth: number;
  /** Height of the channel list in px when it sits above the frames (narrow panel; remembered). */
  listHeight: number;
  /** Running as the standalone HAR viewer (no live page). */
  viewer: boolean;
}

export interface UiData extends UiPrefs {
  tab: PanelTab;
  selectedChannel: number | null;
  /** Id of the selected frame (FrameStore.idAt), not a row. */
  selectedFrame: number | null;
  filter: string;
  /** Time range brushed on the timeline: the frame table shows only frames inside it. */
  timeBrush: { start: number; end: number } | null;
  /** Which view of the selected channel is shown. */
  channelTab: ChannelTab;
  /** Ids of frames picked with ctrl/shift-click, for replay; all of `pickedChannel`. */
  pickedFrames: number[];
  pickedChannel: number | null;
  /** Agent connection the channel's actions go to ("agentId:conn"), chosen by the user; null = the channel's newest live one. */
  targetConnection: string | null;
  composer: ComposerState;
  /** Outcome of the last action, shown in the action bar. */
  actionResult: { ok: boolean; text: string } | null;
}

export interface UiActions {
  setPrefs: (patch: Partial<UiPrefs>) => void;
  setTab: (tab: PanelTab) => void;
  setChannelTab: (tab: ChannelTab) => void;
  /** Selects a channel (or none): the selected frame, picks and action target are reset. */
  selectChannel: (channel: number | null) => void;
  /** A Learn-view link: back to traffic on that channel. */
  showChannel: (channel: number) => void;
  /** Selects frame `id` of `channel` (switching channel if it differs). Picks are cleared (a plain
   *  click) unless `keepPicks` (keyboard moves), and always when they belong to another channel. */
  selectFrame: (id: number | null, channel?: number, keepPicks?: boolean) => void;
  /** Ctrl-click: adds or removes one frame; a pick in another channel starts a new pick list. */
  togglePick: (channel: number, id: number) => void;
  /** Shift-click: the picks become exactly these frames of `channel`. */
  pickRange: (channel: number, ids: number[]) => void;
  clearPicks: () => void;
  /** After the capture was cleared (Clear, navigation without preserve log): nothing stays selected. */
  captureCleared: () => void;
  /** After a HAR file replaced the session: nothing selected, recording off. */
  imported: () => void;
  setFilter: (filter: string) => void;
  setTimeBrush: (brush: { start: number; end: number } | null) => void;
  setTargetConnection: (key: string | null) => void;
  openComposer: (patch?: Partial<ComposerState>) => void;
  updateComposer: (patch: Partial<ComposerState>) => void;
  report: (ok: boolean, text: string) => void;
}

export type UiState = UiData & UiActions;

const nothingSelected = (): Partial<UiData> => ({
  selectedChannel: null,
  selectedFrame: null,
  pickedFrames: [],
  pickedChannel: null,
  targetConnection: null,
});

export const useUi = create<UiState>((set, get) => ({
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
  pickedChannel: null,
  targetConnection: null,
  composer: { open: false, text: '', mode: 'send', format: 'text', sseEvent: 'message', sseId: '' },
  actionResult: null,
  listWidth: 380,
  listHeight: 150,
  viewer: false,

  setPrefs: (patch) => set(pickPrefs(patch)),
  setTab: (tab) => set({ tab }),
  setChannelTab: (channelTab) => set({ channelTab }),
  selectChannel: (channel) => {
    if (channel === get().selectedChannel) return set({ selectedFrame: null, pickedFrames: [], pickedChannel: null });
    set({ ...nothingSelected(), selectedChannel: channel, actionResult: null });
  },
  showChannel: (channel) => {
    get().selectChannel(channel);
    set({ tab: 'traffic' });
  },
  selectFrame: (id, channel, keepPicks = false) => {
    if (channel !== undefined && channel !== get().selectedChannel) get().selectChannel(channel);
    const s = get();
    const keep = keepPicks && s.pickedChannel === s.selectedChannel;
    set({ selectedFrame: id, ...(keep ? {} : { pickedFrames: [], pickedChannel: null }) });
  },
  togglePick: (channel, id) => {
    const s = get();
    if (s.pickedChannel !== channel || s.selectedChannel !== channel) {
      if (s.selectedChannel !== channel) get().selectChannel(channel);
      return set({ pickedFrames: [id], pickedChannel: channel });
    }
    set({ pickedFrames: s.pickedFrames.includes(id) ? s.pickedFrames.filter((x) => x !== id) : [...s.pickedFrames, id] });
  },
  pickRange: (channel, ids) => {
    if (get().selectedChannel !== channel) get().selectChannel(channel);
    set({ pickedFrames: [...ids], pickedChannel: ids.length ? channel : null });
  },
  clearPicks: () => set({ pickedFrames: [], pickedChannel: null }),
  captureCleared: () => set({ ...nothingSelected(), timeBrush: null, actionResult: null }),
  imported: () => set({ ...nothingSelected(), timeBrush: null, actionResult: null, recording: false }),
  setFilter: (filter) => set({ filter }),
  setTimeBrush: (timeBrush) => set({ timeBrush }),
  setTargetConnection: (targetConnection) => set({ targetConnection }),
  openComposer: (patch) => set({ composer: { ...get().composer, ...patch, open: true } }),
  updateComposer: (patch) => set({ composer: { ...get().composer, ...patch } }),
  report: (ok, text) => set({ actionResult: { ok, text } }),
}));

const PREF_KEYS: (keyof UiPrefs)[] = [
  'hideHeartbeats',
  'recording',
  'preserveLog',
  'locale',
  'theme',
  'agentSettings',
  'listWidth',
  'listHeight',
  'viewer',
];

/** Only preference fields pass: a caller cannot slip a selection change through setPrefs. */
function pickPrefs(patch: Partial<UiPrefs>): Partial<UiPrefs> {
  const out: Partial<Record<keyof UiPrefs, unknown>> = {};
  for (const k of PREF_KEYS) if (k in patch) out[k] = patch[k];
  return out as Partial<UiPrefs>;
}
