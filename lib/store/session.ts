// Context: panel. Turns agent records into connections, channels and frame rows. Applies each
// agent's records strictly in sequence order: a gap asks the agent to resync from the first
// missing number, duplicates are skipped, so the panel ends with exactly what the page saw.
import type { CaptureRecord } from '../protocol/records';
import { FrameStore, IndexList, DIR_IN, DIR_OUT, FLAG_BINARY, FLAG_TRUNCATED, FLAG_SENT, FLAG_INJECTED, FLAG_HTTP, FLAG_ERROR } from './frame-store';
import type { AgentInfo, Channel, ChannelKind, Connection, DropNotice } from './session-types';
import { channelKey, isSessionParam } from '../model/channel-key';
import { pollingEndpointKey, normalizeUrl, isCursorParam } from '../model/url-normalize';
import { classifyOne } from '../model/polling';
import { httpExchanges } from './http-exchanges';
import { enforceBudget, DEFAULT_PANEL_BUDGET, type PanelBudget } from './budget';
import { FrameNotifier, type FrameScheduler } from './frame-notifier';
import { setHandlerCost } from './handler-costs';

/** `scheme://host:port` of a page URL; '' when unknown (agent hello not seen) or opaque. */
function originOf(url: string): string {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? url.split(':')[0] + ':' : o;
  } catch {
    return '';
  }
}

export interface IngestResult {
  /** Set when a gap was found: ask the agent to resend from this sequence number. */
  resyncFrom?: number;
  applied: number;
}

export class Session {
  frames = new FrameStore();
  agents = new Map<string, AgentInfo>();
  connections: Connection[] = [];
  channels: Channel[] = [];
  drops: DropNotice[] = [];
  /** Records and batches refused at the door for not matching their schema (lib/panel/ingest-checked.ts). */
  invalidRecords = 0;
  /** Panel memory caps (lib/store/budget.ts). */
  budget: PanelBudget = { ...DEFAULT_PANEL_BUDGET };
  /** SSE `id` of event rows (only SSE rows have one, so a sparse map beats a column). */
  sseIds = new Map<number, string>();
  /** Bumped on every change (also by helpers outside this class); each bump reaches subscribers. */
  get version(): number {
    return this.changeCount;
  }
  set version(v: number) {
    this.changeCount = v;
    this.notifier.changed();
  }
  private changeCount = 0;
  private notifier: FrameNotifier;

  constructor(schedule?: FrameScheduler) {
    this.notifier = new FrameNotifier(() => this.changeCount, schedule);
  }

  /** Calls `listener` after changes, at most once per animation frame; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => this.notifier.subscribe(listener);

  /** The version subscribers were last told about (useSyncExternalStore's snapshot). */
  getSnapshot = (): number => this.notifier.snapshot();

  /** How many notifications subscribers got (the panel's render test counts against it). */
  get notifications(): number {
    return this.notifier.notifications;
  }
  /**
   * Bumped when a channel loses its last connection or gets one again after that (a request that
   * turned out to be a stream moves to a stream channel): views that list the non-empty channels
   * extend their list as channels are added and rebuild it only when this changes (channel-listing.ts).
   */
  regroups = 0;
  private emptied = new Set<number>();
  private byAgentConn = new Map<string, number>();
  private channelByKey = new Map<string, number>();
  private pollDirty = new Set<number>();

  agentHello(frameId: number, documentId: string, agentId: string, url: string, isTop: boolean, realm: 'document' | 'worker'): AgentInfo {
    let agent = this.agents.get(agentId);
    if (!agent) {
      agent = { agentId, frameId, documentId, url, isTop, realm, lastSeq: 0, dropped: 0 };
      this.agents.set(agentId, agent);
    }
    agent.url = url;
    this.version++;
    return agent;
  }

  /** Applies a batch; unknown agents (hello lost or panel reopened) are created on the fly. */
  ingest(frameId: number, documentId: string, agentId: string, records: CaptureRecord[], recording = true): IngestResult {
    let agent = this.agents.get(agentId);
    if (!agent) {
      agent = { agentId, frameId, documentId, url: '', isTop: frameId === 0, realm: 'document', lastSeq: 0, dropped: 0 };
      this.agents.set(agentId, agent);
    }
    let applied = 0;
    for (const r of records) {
      if (r.seq <= agent.lastSeq) continue; // already have it (a resync overlaps live batches)
      const expected = agent.lastSeq + 1;
      // Only the agent's own answer to a resync may skip ahead: a `dropped` range that starts
      // exactly where this panel is and ends at its own seq. Anything else is a gap (a forged
      // range would otherwise move lastSeq ahead and hide the agent's later traffic).
      if (r.seq !== expected && !(r.type === 'dropped' && r.fromSeq === expected && r.toSeq === r.seq)) {
        if (agent.awaitingFrom === expected) break; // resync requested; its answer fills the gap
        agent.awaitingFrom = expected;
        this.version++;
        return { resyncFrom: expected, applied };
      }
      // Paused: connection lifecycles still apply (so later frames have a home), frames do not.
      if (recording || (r.type !== 'ws-frame' && r.type !== 'sse-event')) this.apply(agent, r);
      agent.lastSeq = r.seq;
      applied++;
    }
    if (agent.awaitingFrom !== undefined && agent.awaitingFrom <= agent.lastSeq) agent.awaitingFrom = undefined;
    if (applied) this.version++;
    if (applied) enforceBudget(this, this.budget);
    return { applied };
  }

  /** Re-runs polling classification for channels that got new exchanges. */
  refreshPolling(): void {
    for (const ci of this.pollDirty) {
      const channel = this.channels[ci];
      if (!channel || channel.kind === 'fetch-stream') continue;
      const exchanges = httpExchanges(this.connections, channel.connections);
      const series = classifyOne(exchanges);
      if (series) {
        channel.kind = series.kind;
        channel.poll = { kind: series.kind, reason: series.reason, stats: series.stats };
      }
    }
    if (this.pollDirty.size) this.version++;
    this.pollDirty.clear();
  }

  connectionOf(agentId: string, conn: number): Connection | undefined {
    // Floods hit one connection record after record: skip building and hashing the key string.
    const last = this.lastConnection;
    if (last && last.conn === conn && last.agentId === agentId && this.connections[last.index] === last) return last;
    const i = this.byAgentConn.get(`${agentId}:${conn}`);
    const c = i === undefined ? undefined : this.connections[i];
    if (c) this.lastConnection = c;
    return c;
  }
  private lastConnection: Connection | undefined;

  clear(): void {
    // Ids continue after the cleared ones: a selection or pick made before the clear finds nothing.
    this.frames = new FrameStore(this.frames.nextId());
    this.connections = [];
    this.channels = [];
    this.drops = [];
    this.sseIds.clear();
    this.byAgentConn.clear();
    this.channelByKey.clear();
    this.pollDirty.clear();
    this.emptied.clear();
    // Agents stay: their sequence positions must survive a clear so old records are not re-sent.
    this.version++;
  }

  private apply(agent: AgentInfo, r: CaptureRecord): void {
    switch (r.type) {
      case 'dropped': {
        const count = r.toSeq - r.fromSeq + 1;
        agent.dropped += count;
        this.drops.push({ agentId: agent.agentId, fromSeq: r.fromSeq, toSeq: r.toSeq, atRow: this.frames.count, time: r.t });
        return;
      }
      case 'ws-create':
        this.newConnection(agent, r.conn, 'ws', r.url, r.t, channelKey('ws', r.url), 'ws', r.stack).protocols = r.protocols;
        return;
      case 'sse-create': {
        const c = this.newConnection(agent, r.conn, 'sse', r.url, r.t, channelKey('sse', r.url), 'sse', r.stack);
        c.sseAttempts = [];
        return;
      }
      case 'http-request': {
        const key = `http ${pollingEndpointKey(r.method, r.url, r.body && !r.body.binary ? r.body.data : undefined, isSessionParam)}`;
        const c = this.newConnection(agent, r.conn, r.api, r.url, r.t, key, 'http');
        const channel = this.channels[c.channel];
        channel.method = r.method;
        const row = this.frames.add({
          time: r.t,
          size: r.body?.size ?? 0,
          dir: DIR_OUT,
          channel: c.channel,
          connection: c.index,
          event: this.frames.intern(r.method),
          flags: FLAG_HTTP,
          seq: r.seq,
          status: 0,
          preview: `${r.method} ${r.url}`,
        });
        channel.frames.push(row);
        c.http = {
          api: r.api,
          method: r.method,
          url: r.url,
          requestHeaders: r.headers,
          requestBody: r.body?.data,
          start: r.t,
          eventStream: false,
          row,
        };
        return;
      }
    }
    const c = this.connectionOf(agent.agentId, r.conn);
    if (!c) return; // its create record was lost before a drop notice; the drop is already counted
    if (r.type === 'handler-cost') {
      setHandlerCost(this, c, r.frameSeq, r.ms);
      return;
    }
    const channel = this.channels[c.channel];
    channel.lastTime = r.t;
    switch (r.type) {
      case 'ws-open':
        c.openedAt = r.t;
        c.state = 'open';
        c.protocol = r.protocol;
        return;
      case 'ws-frame':
      case 'sse-event': {
        const dir = r.type === 'ws-frame' && r.dir === 'out' ? DIR_OUT : DIR_IN;
        const synthetic = r.synthetic === 'sent' ? FLAG_SENT : r.synthetic === 'injected' ? FLAG_INJECTED : 0;
        const flags = (r.payload.binary ? FLAG_BINARY : 0) | (r.payload.truncated ? FLAG_TRUNCATED : 0) | synthetic;
        const event = r.type === 'sse-event' ? this.frames.intern(r.event) : this.frames.intern(r.payload.binary ? 'binary' : 'text');
        const row = this.frames.add({
          time: r.t,
          size: r.payload.size,
          dir,
          channel: c.channel,
          connection: c.index,
          event,
          flags,
          seq: r.seq,
          status: 0,
          preview: r.payload.data,
          // Only the page's WebSocket and EventSource listeners are timed; a value anywhere else is not the agent's.
          handlerMs: dir === DIR_IN && (c.api === 'ws' || c.api === 'sse') ? r.handlerMs : undefined,
        });
        channel.frames.push(row);
        c.payloadBytes += r.payload.size;
        if (dir === DIR_IN) {
          c.framesIn++;
          channel.framesIn++;
        } else {
          c.framesOut++;
          channel.framesOut++;
        }
        if (r.type === 'sse-event' && r.id) this.sseIds.set(row, r.id);
        if (r.type === 'sse-event' && c.sseAttempts) {
          const attempt = c.sseAttempts[c.sseAttempts.length - 1];
          if (attempt && r.id) {
            attempt.firstEventId ??= r.id;
            attempt.lastEventId = r.id;
          }
        }
        return;
      }
      case 'ws-close':
        c.closedAt = r.t;
        c.state = 'closed';
        c.close = { code: r.code, reason: r.reason, wasClean: r.wasClean, by: r.by, synthetic: r.synthetic === 'dropped' };
        channel.lastClose = { code: r.code, reason: r.reason, wasClean: r.wasClean };
        return;
      case 'ws-error':
        c.errored = true;
        return;
      case 'sse-open':
        c.openedAt ??= r.t;
        c.state = 'open';
        c.sseAttempts?.push({ openedAt: r.t });
        return;
      case 'sse-error':
        c.errored = true;
        c.state = r.readyState === 2 ? 'closed' : 'reconnecting';
        if (r.readyState === 2) c.closedAt = r.t;
        {
          const attempt = c.sseAttempts?.[c.sseAttempts.length - 1];
          if (attempt && attempt.erroredAt === undefined) attempt.erroredAt = r.t;
          // An error before any open is a failed attempt of its own.
          else c.sseAttempts?.push({ erroredAt: r.t });
        }
        return;
      case 'sse-close':
        c.state = 'closed';
        c.closedAt = r.t;
        return;
      case 'http-response':
        this.onHttpResponse(c, channel, r.t, r.status, r.statusText, r.headers, r.url, r.eventStream);
        return;
      case 'http-end':
        this.onHttpEnd(c, channel, r);
        return;
    }
  }

  private onHttpResponse(
    c: Connection,
    channel: Channel,
    t: number,
    status: number,
    statusText: string,
    headers: [string, string][],
    url: string,
    eventStream: boolean,
  ): void {
    const h = c.http;
    if (!h) return;
    h.responseAt = t;
    h.status = status;
    h.statusText = statusText;
    h.responseHeaders = headers;
    if (url) {
      if (!h.url) h.url = url;
      c.url ||= url;
    }
    c.state = 'open';
    c.openedAt = t;
    if (eventStream) {
      h.eventStream = true;
      this.moveToStreamChannel(c, channel);
      return;
    }
    channel.lastStatus = status;
    channel.responses++;
    channel.framesIn++;
    c.framesIn++;
    this.frames.status[h.row] = status;
    this.pollDirty.add(channel.index);
  }

  private onHttpEnd(c: Connection, channel: Channel, r: Extract<CaptureRecord, { type: 'http-end' }>): void {
    const h = c.http;
    if (!h) return;
    h.end = r.t;
    h.size = r.size;
    h.bodyHash = r.bodyHash;
    h.outcome = r.outcome;
    h.error = r.error;
    if (r.body) {
      h.body = r.body.data;
      h.bodyBinary = r.body.binary;
      h.bodyTruncated = r.body.truncated;
    }
    c.state = 'closed';
    c.closedAt = r.t;
    if (h.row >= 0) {
      this.frames.size[h.row] = r.size;
      this.frames.dir[h.row] = DIR_IN;
      if (r.outcome !== 'ok') this.frames.flags[h.row] |= FLAG_ERROR;
      if (r.body) this.frames.setPreview(h.row, r.body.data);
      else if (r.outcome !== 'ok') this.frames.setPreview(h.row, `${r.outcome}${r.error ? `: ${r.error}` : ''}`);
    }
    this.pollDirty.add(channel.index);
  }

  /** A response turned out to be text/event-stream: it is a stream channel, not a poll. */
  private moveToStreamChannel(c: Connection, from: Channel): void {
    const h = c.http!;
    from.connections = from.connections.filter((i) => i !== c.index);
    if (from.connections.length === 0) {
      this.emptied.add(from.index);
      this.regroups++;
    }
    const rows = new IndexList();
    for (let k = 0; k < from.frames.length; k++) if (from.frames.at(k) !== h.row) rows.push(from.frames.at(k));
    from.frames = rows;
    h.row = -1;
    const key = channelKey('fetch-stream', h.url, h.method);
    const to = this.channelFor(key, 'fetch-stream', h.url, c.createdAt, c.agentId);
    to.method = h.method;
    to.connections.push(c.index);
    c.channel = to.index;
  }

  private newConnection(
    agent: AgentInfo,
    conn: number,
    api: Connection['api'],
    url: string,
    t: number,
    key: string,
    kind: ChannelKind,
    stack?: string,
  ): Connection {
    const channel = this.channelFor(key, kind, url, t, agent.agentId);
    const c: Connection = {
      index: this.connections.length,
      agentId: agent.agentId,
      conn,
      frameId: agent.frameId,
      documentId: agent.documentId,
      api,
      url,
      channel: channel.index,
      createdAt: t,
      state: 'connecting',
      errored: false,
      framesIn: 0,
      framesOut: 0,
      payloadBytes: 0,
      stack,
    };
    this.connections.push(c);
    this.byAgentConn.set(`${agent.agentId}:${conn}`, c.index);
    if (this.emptied.delete(channel.index)) this.regroups++;
    channel.connections.push(c.index);
    channel.lastTime = t;
    return c;
  }

  /** originOf, remembered for the last page URL: each new channel asks, and parsing (or, for an
   *  imported file's empty URL, throwing) per channel was a large part of loading 100k channels. */
  private originOfUrl(url: string): string {
    const last = this.lastOrigin;
    if (last && last.url === url) return last.origin;
    const origin = originOf(url);
    this.lastOrigin = { url, origin };
    return origin;
  }
  private lastOrigin: { url: string; origin: string } | undefined;

  private channelFor(urlKey: string, kind: ChannelKind, url: string, t: number, agentId: string): Channel {
    // A channel never mixes frames or origins (rule 1): the same URL opened by the top page and by
    // a cross-origin iframe (or a worker) is two channels, and actions on one never reach the other.
    // A reload of the same frame and origin keeps folding into the same channel.
    const agent = this.agents.get(agentId);
    const origin = this.originOfUrl(agent?.url ?? '');
    const frameId = agent?.frameId ?? -1;
    const realm = agent?.realm ?? 'document';
    const key = `${frameId} ${realm} ${origin} ${urlKey}`;
    const existing = this.channelByKey.get(key);
    if (existing !== undefined) return this.channels[existing];
    const channel: Channel = {
      index: this.channels.length,
      key,
      frameId,
      origin,
      isTop: agent?.isTop ?? frameId === 0,
      kind,
      url: kind === 'http' ? normalizeUrl(url, undefined, (name) => isCursorParam(name) || isSessionParam(name)) || url : url,
      connections: [],
      frames: new IndexList(),
      framesIn: 0,
      framesOut: 0,
      responses: 0,
      firstTime: t,
      lastTime: t,
      worker: this.agents.get(agentId)?.realm === 'worker',
    };
    this.channels.push(channel);
    this.channelByKey.set(key, channel.index);
    return channel;
  }
}
