// Context: pure (panel + model), no browser APIs.
// Shapes of the advisor's input and output. The panel gathers a channel's facts (polling stats,
// attempts, a recent frame sample) and gets back findings that quote measured numbers, so the
// advice is checkable rather than generic.

import type { Locale } from '../i18n/locale';
import type { SseRuleId, TechniqueId } from '../knowledge';
import type { PollingStats } from '../model/polling';
import type { ConnectionAttempt, HttpExchange } from '../model/types';

export type ChannelKind = 'ws' | 'sse' | 'fetch-stream' | 'long-poll' | 'short-poll' | 'http';

/** One captured message. `in` = server → page. SSE events carry their `event:` and `id:` fields. */
export interface AdvisorFrame {
  t: number;
  dir: 'in' | 'out';
  size: number;
  text: string;
  event?: string;
  id?: string;
}

export interface AdvisorInput {
  kind: ChannelKind;
  url: string;
  /** Polling statistics (lib/model/polling); recomputed from `exchanges` when missing. */
  poll?: PollingStats;
  exchanges?: readonly HttpExchange[];
  attempts?: readonly ConnectionAttempt[];
  /** A recent sample of frames, capped by the caller: the tail is complete, the head may not be. */
  frames?: readonly AdvisorFrame[];
  /** Whether any SSE event carried an `id:`; undefined = unknown (derived from frames/attempts). */
  sseIdsSeen?: boolean;
  /** Content-Type of the SSE response when the panel knows it (from DevTools network entries). */
  contentType?: string;
  /** How long the channel has been observed. */
  durationMs: number;
  /**
   * How long the page's own listeners ran per incoming message (WebSocket, EventSource), a recent
   * sample, oldest first; `event` is the SSE event type ('' for WebSocket messages).
   */
  handlerTimes?: readonly { event: string; ms: number }[];
}

export type Severity = 'info' | 'warn' | 'error';

export interface Finding {
  /** Stable across locales and runs, so the UI can key, hide or count findings. */
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  /** The measured values the texts quote, rounded as shown. */
  numbers: Record<string, number>;
  technique?: TechniqueId;
  /** The SSE rule card that explains the finding. */
  sseRule?: SseRuleId;
  statusCode?: number;
  closeCode?: number;
}

/** Locale-bound number formatting, handed to each text template. */
export interface Fmt {
  locale: Locale;
  /** Plain number with at most `digits` decimals and locale grouping. */
  num(n: number, digits?: number): string;
  /** Number with exactly one decimal (cadences such as "1.0 s" read better fixed). */
  fixed1(n: number): string;
  duration(ms: number): string;
  /** `p` is already a percentage (0–100). */
  percent(p: number): string;
  bytes(b: number): string;
}

/** A text in both languages, each written against its own formatter. */
export type Template = { readonly [L in Locale]: (f: Fmt) => string };

/** A finding before localisation: rules write both languages, `adviseChannel` picks one. */
export interface Draft {
  id: string;
  severity: Severity;
  title: Template;
  detail: Template;
  numbers: Record<string, number>;
  technique?: TechniqueId;
  sseRule?: SseRuleId;
  statusCode?: number;
  closeCode?: number;
}
