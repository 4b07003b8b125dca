// Context: pure (panel + model), no browser APIs.
// HAR 1.2 shapes (only what we read and write) and HarExportInput, the plain structure that
// mirrors the panel session. Import produces the same structure, so a loaded file rebuilds the
// same channels as a live capture. Times in HarExportInput are epoch milliseconds, like records.

export type Header = [string, string];

/** A fetch/XHR exchange; lib/store's HttpInfo extends it, so `conn.http` can be passed as is. */
export interface HarHttpInfo {
  api: 'fetch' | 'xhr';
  method: string;
  url: string;
  requestHeaders: Header[];
  requestBody?: string;
  start: number;
  responseAt?: number;
  end?: number;
  status?: number;
  statusText?: string;
  responseHeaders?: Header[];
  size?: number;
  body?: string;
  /** `body` is base64. */
  bodyBinary?: boolean;
  bodyTruncated?: boolean;
  /** Hash of the body as captured, so an imported poll can still be told "unchanged". */
  bodyHash?: string;
  outcome?: 'ok' | 'error' | 'abort' | 'timeout';
  error?: string;
  eventStream: boolean;
}

export interface HarWsFrame {
  time: number;
  dir: 'in' | 'out';
  /** 1 text, 2 binary (base64 in `data`). */
  opcode: 1 | 2;
  data: string;
}

export interface HarSseEvent {
  time: number;
  event: string;
  id: string;
  data: string;
}

export interface HarConnection {
  api: 'ws' | 'sse' | 'fetch' | 'xhr';
  url: string;
  createdAt: number;
  openedAt?: number;
  closedAt?: number;
  /** Negotiated WebSocket subprotocol. */
  protocol?: string;
  /** Handshake / EventSource response status (101 for an open WebSocket). */
  handshakeStatus?: number;
  close?: { code: number; reason: string; wasClean: boolean };
  errored?: boolean;
  /** Handshake request/response headers, when known (from DevTools entries). */
  requestHeaders?: Header[];
  responseHeaders?: Header[];
  http?: HarHttpInfo;
  frames?: HarWsFrame[];
  events?: HarSseEvent[];
}

export interface HarExportInput {
  /** URL of the inspected page, for log.pages. */
  pageUrl?: string;
  pageTitle?: string;
  connections: HarConnection[];
}

// ---- HAR 1.2 (subset) + Chrome / PushLens extensions ----------------------------------------

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: { mimeType: string; text: string };
  headersSize: number;
  bodySize: number;
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  content: { size: number; mimeType: string; text?: string; encoding?: 'base64' };
  redirectURL: string;
  headersSize: number;
  bodySize: number;
  _error?: string;
}

export interface HarTimings {
  blocked: number;
  dns: number;
  connect: number;
  ssl: number;
  send: number;
  wait: number;
  receive: number;
}

/** Chrome's exact shape: time in epoch seconds (float), opcode 1 text / 2 binary (base64). */
export interface HarWebSocketMessage {
  type: 'send' | 'receive';
  time: number;
  opcode: number;
  data: string;
}

/** PushLens extension, documented: one per SSE event, time in epoch seconds like Chrome's. */
export interface HarEventSourceMessage {
  time: number;
  eventName: string;
  eventId: string;
  data: string;
}

/** PushLens extension: what HAR has no field for, so our own files round-trip exactly. */
export interface HarPushLensInfo {
  api: HarConnection['api'];
  createdAt: number;
  openedAt?: number;
  closedAt?: number;
  responseAt?: number;
  end?: number;
  protocol?: string;
  close?: HarConnection['close'];
  errored?: boolean;
  outcome?: HarHttpInfo['outcome'];
  bodyTruncated?: boolean;
  bodyHash?: string;
}

export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: HarTimings;
  _resourceType?: string;
  _webSocketMessages?: HarWebSocketMessage[];
  _eventSourceMessages?: HarEventSourceMessage[];
  _pushlens?: HarPushLensInfo;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: { startedDateTime: string; id: string; title: string; pageTimings: { onContentLoad: number; onLoad: number } }[];
    entries: HarEntry[];
    comment?: string;
  };
}
