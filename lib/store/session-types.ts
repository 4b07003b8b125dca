// Context: panel. Shapes of the capture session the panel builds from agent records.
import type { IndexList } from './frame-store';
import type { PollingVerdict } from '../model/polling';
import type { HarHttpInfo } from '../har/types';

/** What the channel list shows as a kind badge (and `data-kind`). */
export type ChannelKind = 'ws' | 'sse' | 'fetch-stream' | 'long-poll' | 'short-poll' | 'http';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface AgentInfo {
  agentId: string;
  frameId: number;
  documentId: string;
  url: string;
  isTop: boolean;
  realm: 'document' | 'worker';
  /** Highest sequence number applied; records arrive in order from here. */
  lastSeq: number;
  /** Set while a resync was requested and not yet answered. */
  awaitingFrom?: number;
  /** Records the agent's ring lost before the panel could read them. */
  dropped: number;
  /** Its frame's relay went away (document unloaded): commands fail at once; cleared if it says hello again. */
  gone?: boolean;
}

/** A fetch/XHR exchange as the panel holds it: the HAR shape plus what only a live capture has. */
export interface HttpInfo extends HarHttpInfo {
  /** Request phases as DevTools measured them (HAR timings), when DevTools saw the request. */
  timings?: { blocked?: number; dns?: number; connect?: number; ssl?: number; send?: number; wait?: number; receive?: number };
  /** Row of this exchange in the frame store (−1 for event streams, whose rows are their events). */
  row: number;
}

/** One SSE attempt inside an EventSource (it reconnects by itself). */
export interface SseAttempt {
  openedAt?: number;
  erroredAt?: number;
  firstEventId?: string;
  lastEventId?: string;
}

export interface Connection {
  index: number;
  agentId: string;
  /** The agent's connection id (what commands name). */
  conn: number;
  frameId: number;
  documentId: string;
  api: 'ws' | 'sse' | 'fetch' | 'xhr';
  url: string;
  channel: number;
  createdAt: number;
  openedAt?: number;
  closedAt?: number;
  /** Panel time its document went away while it was not closed: no close record will ever come. */
  frameGoneAt?: number;
  state: ConnectionState;
  protocol?: string;
  /** Subprotocols the page asked for (WebSocket). */
  protocols?: string[];
  close?: { code: number; reason: string; wasClean: boolean; by: 'client' | 'server'; synthetic?: boolean };
  errored: boolean;
  framesIn: number;
  framesOut: number;
  /** True payload bytes of its frames, both directions (what DevTools' entry for it will hold). */
  payloadBytes: number;
  stack?: string;
  http?: HttpInfo;
  sseAttempts?: SseAttempt[];
  /** HTTP status of the handshake / EventSource response, from DevTools network entries. */
  handshakeStatus?: number;
}

export interface DropNotice {
  /** '' for the panel's own evictions (memory budget). */
  agentId: string;
  /** Unset: the agent's ring lost records fromSeq..toSeq. Panel budget: previews emptied or frames removed. */
  kind?: 'panel-previews' | 'panel-frames';
  /** How many (set for panel evictions, whose seq range may span agents). */
  count?: number;
  fromSeq: number;
  toSeq: number;
  /** Frame-store row count when the drop was noticed: where it happened in the table. */
  atRow: number;
  time: number;
}

export interface Channel {
  index: number;
  /** Frame, realm and origin of the page that opened it, then the endpoint key. */
  key: string;
  /** Frame (0 = top) and page origin that own every connection of this channel. */
  frameId: number;
  origin: string;
  isTop: boolean;
  kind: ChannelKind;
  url: string;
  method?: string;
  connections: number[];
  frames: IndexList;
  framesIn: number;
  framesOut: number;
  /** For HTTP channels: exchanges that got a response. */
  responses: number;
  firstTime: number;
  lastTime: number;
  lastStatus?: number;
  lastClose?: { code: number; reason: string; wasClean: boolean };
  poll?: PollingVerdict;
  /** Set by the worker badge: traffic from a dedicated worker. */
  worker: boolean;
}
