// lib/store/frame-store.ts
var DIR_IN = 0;
var DIR_OUT = 1;
var FLAG_BINARY = 1;
var FLAG_TRUNCATED = 2;
var FLAG_SENT = 4;
var FLAG_INJECTED = 8;
var FLAG_HTTP = 16;
var FLAG_ERROR = 32;
var INITIAL_CAPACITY = 1024;
var FrameStore = class {
  count = 0;
  capacity = INITIAL_CAPACITY;
  time = new Float64Array(INITIAL_CAPACITY);
  size = new Uint32Array(INITIAL_CAPACITY);
  seq = new Uint32Array(INITIAL_CAPACITY);
  channel = new Uint32Array(INITIAL_CAPACITY);
  connection = new Uint32Array(INITIAL_CAPACITY);
  event = new Uint16Array(INITIAL_CAPACITY);
  status = new Uint16Array(INITIAL_CAPACITY);
  dir = new Uint8Array(INITIAL_CAPACITY);
  flags = new Uint8Array(INITIAL_CAPACITY);
  preview = [];
  /** Payload characters held, to enforce the panel memory budget. */
  previewChars = 0;
  /** Bumped whenever a row already added changes (preview replaced or evicted): cached filter results are stale. */
  epoch = 0;
  eventNames = [""];
  eventIndex = /* @__PURE__ */ new Map([["", 0]]);
  intern(name) {
    let i = this.eventIndex.get(name);
    if (i === void 0) {
      if (this.eventNames.length >= 65535) return 0;
      i = this.eventNames.length;
      this.eventNames.push(name);
      this.eventIndex.set(name, i);
    }
    return i;
  }
  eventName(i) {
    return this.eventNames[this.event[i]] ?? "";
  }
  add(f) {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.time[i] = f.time;
    this.size[i] = f.size;
    this.seq[i] = f.seq;
    this.channel[i] = f.channel;
    this.connection[i] = f.connection;
    this.event[i] = f.event;
    this.status[i] = f.status;
    this.dir[i] = f.dir;
    this.flags[i] = f.flags;
    this.preview.push(f.preview);
    this.previewChars += f.preview.length;
    return i;
  }
  setPreview(i, preview) {
    this.previewChars += preview.length - this.preview[i].length;
    this.preview[i] = preview;
    this.epoch++;
  }
  clear() {
    this.count = 0;
    this.preview = [];
    this.previewChars = 0;
  }
  /** Bytes held by the typed columns (not the previews), for the memory benchmark. */
  columnBytes() {
    return this.capacity * (8 + 4 + 4 + 4 + 4 + 2 + 2 + 1 + 1);
  }
  grow() {
    const cap = this.capacity * 2;
    this.time = growArray(this.time, cap);
    this.size = growArray(this.size, cap);
    this.seq = growArray(this.seq, cap);
    this.channel = growArray(this.channel, cap);
    this.connection = growArray(this.connection, cap);
    this.event = growArray(this.event, cap);
    this.status = growArray(this.status, cap);
    this.dir = growArray(this.dir, cap);
    this.flags = growArray(this.flags, cap);
    this.capacity = cap;
  }
};
function growArray(a, cap) {
  const next = new a.constructor(cap);
  next.set(a);
  return next;
}
var IndexList = class {
  length = 0;
  items = new Uint32Array(64);
  push(i) {
    if (this.length === this.items.length) {
      const next = new Uint32Array(this.items.length * 2);
      next.set(this.items);
      this.items = next;
    }
    this.items[this.length++] = i;
  }
  at(k) {
    return this.items[k];
  }
};

// lib/model/url-normalize.ts
var ALWAYS_NOISE = /* @__PURE__ */ new Set([
  "_",
  // jQuery `cache: false`
  "nocache",
  "no_cache",
  "cb",
  "cachebuster",
  "cache_buster",
  "cachebust",
  "timestamp",
  "rand",
  "random",
  "nonce"
]);
var NOISE_IF_GENERATED = /* @__PURE__ */ new Set(["t", "ts", "r", "time", "rnd"]);
var MIN_SEC = 1420070400;
var MAX_SEC = 4102444800;
var WEEK_MS = 7 * 24 * 3600 * 1e3;
function isEpochLike(value, opts) {
  if (!/^\d{10}(\d{3})?$/.test(value)) return false;
  const n = Number(value);
  const ms = value.length === 10 ? n * 1e3 : n;
  if (opts?.now !== void 0) return Math.abs(ms - opts.now) <= WEEK_MS;
  return ms >= MIN_SEC * 1e3 && ms < MAX_SEC * 1e3;
}
function looksGenerated(value) {
  if (value === "") return true;
  if (/^\d+$/.test(value)) return true;
  if (/^0?\.\d{4,}$/.test(value)) return true;
  if (/^[0-9a-z]{6,}$/i.test(value) && /\d/.test(value)) return true;
  if (/^[A-Za-z0-9_-]{6,}$/.test(value) && (/[\d_-]/.test(value) || /[A-Z]/.test(value) && /[a-z]/.test(value))) return true;
  return false;
}
function safeDecode(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}
function isNoiseParam(name, value, opts) {
  const lname = name.toLowerCase();
  if (ALWAYS_NOISE.has(lname)) return true;
  if (NOISE_IF_GENERATED.has(lname) && looksGenerated(value)) return true;
  return isEpochLike(value, opts);
}
function normalizeQuery(search, opts, extraDrop) {
  const raw = search.startsWith("?") ? search.slice(1) : search;
  if (raw === "") return "";
  const kept = [];
  for (const pair of raw.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? "" : pair.slice(eq + 1);
    const name = safeDecode(rawName);
    const value = safeDecode(rawValue);
    if (isNoiseParam(name, value, opts)) continue;
    if (extraDrop?.(name, value)) continue;
    kept.push([name, value, pair]);
  }
  kept.sort((x, y) => x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);
  return kept.map((k) => k[2]).join("&");
}
var RELATIVE_BASE = "http://relative.invalid";
function normalizeUrl(url, opts, extraDrop) {
  const trimmed = url.trim();
  let parsed;
  let relative = false;
  try {
    parsed = new URL(trimmed);
  } catch {
    try {
      parsed = new URL(trimmed, RELATIVE_BASE);
      relative = true;
    } catch {
      return trimmed.split("#")[0] ?? "";
    }
  }
  const query = normalizeQuery(parsed.search, opts, extraDrop);
  const head = relative ? parsed.pathname : `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  return query === "" ? head : `${head}?${query}`;
}
var DISCRIMINATOR_KEYS = /* @__PURE__ */ new Set([
  "operationname",
  "type",
  "action",
  "method",
  "op",
  "cmd",
  "command",
  "event",
  "channel",
  "topic"
]);
var MAX_SHAPE_DEPTH = 6;
var MAX_SHAPE_PATHS = 64;
function typeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}
function fnv1a(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
function collectShape(v, path, depth, out) {
  if (out.size >= MAX_SHAPE_PATHS) return;
  const t = typeName(v);
  if (depth >= MAX_SHAPE_DEPTH || t !== "object" && t !== "array") {
    out.add(`${path}:${t}`);
    return;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) out.add(`${path}[]:empty`);
    for (const item of v.slice(0, 16)) collectShape(item, `${path}[]`, depth + 1, out);
    return;
  }
  const obj = v;
  const keys = Object.keys(obj);
  if (keys.length === 0) out.add(`${path}:{}`);
  for (const key of keys) {
    const value = obj[key];
    const childPath = path === "" ? key : `${path}.${key}`;
    const lkey = key.toLowerCase();
    if (depth <= 1 && typeof value === "string" && DISCRIMINATOR_KEYS.has(lkey) && value.length <= 64) {
      out.add(`${childPath}=${value}`);
    } else if (depth === 0 && lkey === "query" && typeof value === "string" && value.length > 0) {
      out.add(`${childPath}#${fnv1a(value)}`);
    } else {
      collectShape(value, childPath, depth + 1, out);
    }
  }
}
function bodyShape(body) {
  if (body === void 0) return "";
  const text = body.trim();
  if (text === "") return "";
  if (text.startsWith("{") || text.startsWith("[")) {
    try {
      const parsed = JSON.parse(text);
      const out = /* @__PURE__ */ new Set();
      collectShape(parsed, "", 0, out);
      return `json{${[...out].sort().join(",")}}`;
    } catch {
      return "opaque";
    }
  }
  if (/^[\w.%+\-[\]]+=[^&]*(&[\w.%+\-[\]]+=[^&]*)*$/.test(text)) {
    const names = new Set(text.split("&").map((p) => safeDecode(p.split("=")[0] ?? "")));
    return `form{${[...names].sort().join(",")}}`;
  }
  return "opaque";
}
var BODYLESS = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS", "DELETE"]);
function endpointKey(method, url, requestBody) {
  const m = (method || "GET").toUpperCase();
  const base = `${m} ${normalizeUrl(url)}`;
  if (BODYLESS.has(m)) return base;
  const shape = bodyShape(requestBody);
  return shape === "" || shape === "opaque" ? base : `${base} ${shape}`;
}
var CURSOR_PARAMS = /* @__PURE__ */ new Set([
  "since",
  "cursor",
  "after",
  "last",
  "lastid",
  "last_id",
  "lasteventid",
  "last_event_id",
  "offset",
  "seq",
  "sequence",
  "ack",
  "position",
  "pos",
  "marker",
  "watermark",
  "revision",
  "rev",
  "from_id",
  "sinceid",
  "since_id"
]);
function isCursorParam(name) {
  return CURSOR_PARAMS.has(name.toLowerCase());
}
function pollingEndpointKey(method, url, requestBody, extraDrop) {
  return endpointKey(method, normalizeUrl(url, void 0, (name) => isCursorParam(name) || (extraDrop?.(name) ?? false)), requestBody);
}

// lib/model/channel-key.ts
function isSessionParam(name) {
  const n = name.toLowerCase();
  return n === "sid" || n === "connectiontoken" || n === "connectionid" || n === "access_token" || n === "accesstoken" || n === "token" || n === "jwt" || n === "auth";
}
function channelKey(kind, url, method) {
  const normalized = normalizeUrl(url, void 0, (name) => isSessionParam(name));
  if (kind === "ws" || kind === "sse") return `${kind} ${normalized}`;
  const m = (method ?? "GET").toUpperCase();
  return `${kind} ${m} ${normalized}`;
}

// lib/model/stats.ts
function median(values) {
  return quantile(values, 0.5);
}
function quantile(values, q) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a2, b2) => a2 - b2);
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = xs[lo];
  const b = xs[hi];
  return a + (b - a) * (pos - lo);
}
function mad(values) {
  const m = median(values);
  if (Number.isNaN(m)) return NaN;
  return median(values.map((v) => Math.abs(v - m)));
}

// lib/model/polling.ts
var MIN_REQUESTS = 3;
var LONG_HOLD_MS = 1500;
var HELD_MS = 2e3;
var HELD_SHARE = 0.25;
var QUICK_GAP_MS = 500;
var QUICK_GAP_OF_HOLD = 0.2;
var MIN_CADENCE_MS = 250;
var JITTER_TOLERANCE = 0.35;
var MIN_INLIER_SHARE = 0.6;
var NEIGHBOUR_RATIO = 1.6;
var MIN_STEADY_SHARE = 0.7;
var TWO_INTERVAL_MAX_RATIO = 1.75;
var SHORT_HOLD_OF_CADENCE = 0.75;
var DECISION_SCAN_LIMIT = 64;
function finishedAt(x) {
  return x.end ?? x.responseAt;
}
function isError(x) {
  return x.outcome === "error" || x.outcome === "timeout" || x.status !== void 0 && x.status >= 400;
}
function isFinished(x) {
  return x.end !== void 0 || x.status !== void 0 || x.outcome !== void 0 && x.outcome !== "abort";
}
function round(n) {
  return Number.isFinite(n) ? Math.round(n) : 0;
}
function measure(sorted) {
  const intervals = [];
  const holds = [];
  const gaps = [];
  let responses = 0;
  let unchanged = 0;
  let finished = 0;
  let errors = 0;
  let prevHash;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i];
    const next = sorted[i + 1];
    if (next) intervals.push(next.start - x.start);
    const done = finishedAt(x);
    if (done !== void 0) {
      holds.push(done - x.start);
      if (next) gaps.push(next.start - done);
    }
    if (isFinished(x)) {
      finished++;
      if (isError(x)) errors++;
    }
    if (x.status !== void 0 && !isError(x)) {
      responses++;
      if (x.status === 304 || x.status === 204 || x.bodyHash !== void 0 && x.bodyHash === prevHash) unchanged++;
      if (x.bodyHash !== void 0 && x.status !== 304) prevHash = x.bodyHash;
    }
  }
  const cadence = median(intervals);
  const jitter = mad(intervals);
  const span = sorted.length > 1 ? sorted[sorted.length - 1].start - sorted[0].start : 0;
  const stats = {
    count: sorted.length,
    cadenceMs: round(cadence),
    jitterMs: round(jitter),
    jitterRatio: cadence > 0 ? Math.round(jitter / cadence * 1e3) / 1e3 : 0,
    holdMedianMs: round(median(holds)),
    gapMedianMs: round(median(gaps)),
    requestsPerMinute: span > 0 ? Math.round((sorted.length - 1) / span * 6e4 * 100) / 100 : 0,
    unchangedShare: responses > 0 ? Math.round(unchanged / responses * 1e3) / 1e3 : 0,
    errorShare: finished > 0 ? Math.round(errors / finished * 1e3) / 1e3 : 0
  };
  return { stats, intervals, holds, gaps };
}
function secs(ms) {
  return ms >= 1e3 ? `${(ms / 1e3).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
function isRegular(intervals, cadence) {
  if (intervals.length < 2 || !(cadence > 0)) return false;
  if (intervals.length === 2) {
    const [a, b] = intervals;
    return Math.min(a, b) > 0 && Math.max(a, b) / Math.min(a, b) <= TWO_INTERVAL_MAX_RATIO;
  }
  const inliers = intervals.filter((d) => Math.abs(d - cadence) <= JITTER_TOLERANCE * cadence).length;
  if (inliers / intervals.length >= MIN_INLIER_SHARE) return true;
  let steady = 0;
  for (let i = 1; i < intervals.length; i++) {
    const a = intervals[i - 1];
    const b = intervals[i];
    if (a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= NEIGHBOUR_RATIO) steady++;
  }
  return steady / (intervals.length - 1) >= MIN_STEADY_SHARE;
}
function judgePolling(sorted) {
  const { stats, intervals, holds, gaps } = measure(sorted);
  if (sorted.length < MIN_REQUESTS) {
    return { kind: "http", reason: `only ${sorted.length} request${sorted.length === 1 ? "" : "s"}: polling needs at least ${MIN_REQUESTS}`, stats };
  }
  const holdMedian = median(holds);
  const gapMedian = median(gaps);
  const cadence = median(intervals);
  if (gaps.length >= 2 && holds.length >= 2) {
    const quickGap = gapMedian <= Math.max(QUICK_GAP_MS, QUICK_GAP_OF_HOLD * holdMedian);
    const heldShare = holds.filter((h) => h >= HELD_MS).length / holds.length;
    const held = holdMedian >= LONG_HOLD_MS || heldShare >= HELD_SHARE;
    if (quickGap && held) {
      return {
        kind: "long-poll",
        reason: `server holds each request (median ${secs(holdMedian)}) and the client asks again ${secs(Math.max(0, gapMedian))} after each answer`,
        stats
      };
    }
  }
  if (cadence < MIN_CADENCE_MS) {
    return { kind: "http", reason: `burst: repeated every ${secs(cadence)}, faster than any poll timer`, stats };
  }
  if (isRegular(intervals, cadence)) {
    const quickAnswer = !(holdMedian >= LONG_HOLD_MS) || holdMedian <= SHORT_HOLD_OF_CADENCE * cadence;
    if (quickAnswer) {
      const pct = Math.round(stats.jitterRatio * 100);
      return {
        kind: "short-poll",
        reason: `asks every ${secs(cadence)} (\xB1${pct}%) and is answered in ${Number.isFinite(holdMedian) ? secs(holdMedian) : "unknown time"}`,
        stats
      };
    }
  }
  return { kind: "http", reason: "repeated at irregular times: no polling rhythm", stats };
}
function sortByStart(exchanges) {
  return exchanges.map((x, i) => ({ x, i })).sort((a, b) => a.x.start - b.x.start || a.i - b.i).map((e) => e.x);
}
function decidedAfter(sorted, finalKind) {
  const limit = Math.min(sorted.length, DECISION_SCAN_LIMIT);
  if (limit < sorted.length && judgePolling(sorted.slice(0, limit)).kind !== finalKind) return sorted.length;
  let decided = limit;
  for (let m = limit; m >= 1; m--) {
    if (judgePolling(sorted.slice(0, m)).kind !== finalKind) break;
    decided = m;
  }
  return decided;
}
function classifyOne(exchanges) {
  const sorted = sortByStart(exchanges.filter((x) => !x.eventStream));
  const first = sorted[0];
  if (!first) return null;
  const verdict = judgePolling(sorted);
  return {
    key: endpointKey(first.method, first.url, first.requestBody),
    method: (first.method || "GET").toUpperCase(),
    normalizedUrl: normalizeUrl(first.url),
    kind: verdict.kind,
    reason: verdict.reason,
    exchangeIds: sorted.map((x) => x.id),
    stats: verdict.stats,
    decidedAfter: decidedAfter(sorted, verdict.kind)
  };
}

// lib/store/budget.ts
var DEFAULT_PANEL_BUDGET = {
  maxFrames: 2e6,
  maxPreviewChars: 2e8
};
var TRIM_TO = 0.9;
var previewCursor = /* @__PURE__ */ new WeakMap();
function enforceBudget(session2, budget) {
  let frames = 0;
  let previews = 0;
  if (session2.frames.count > budget.maxFrames) frames = dropOldestFrames(session2, session2.frames.count - Math.floor(budget.maxFrames * TRIM_TO));
  if (session2.frames.previewChars > budget.maxPreviewChars) previews = evictPreviews(session2, Math.floor(budget.maxPreviewChars * TRIM_TO));
  return { previews, frames };
}
function notice(session2, kind, count, first, last) {
  const f = session2.frames;
  session2.drops.push({ agentId: "", kind, count, fromSeq: f.seq[first] ?? 0, toSeq: f.seq[last] ?? 0, atRow: kind === "panel-frames" ? 0 : last + 1, time: f.time[last] ?? 0 });
  session2.version++;
}
function evictPreviews(session2, target) {
  const f = session2.frames;
  let i = previewCursor.get(f) ?? 0;
  const first = i;
  let count = 0;
  while (f.previewChars > target && i < f.count) {
    if (f.preview[i].length > 0) {
      f.previewChars -= f.preview[i].length;
      f.preview[i] = "";
      count++;
    }
    i++;
  }
  previewCursor.set(f, i);
  if (count) {
    f.epoch++;
    notice(session2, "panel-previews", count, first, i - 1);
  }
  return count;
}
function dropOldestFrames(session2, k) {
  const f = session2.frames;
  k = Math.min(k, f.count);
  if (k <= 0) return 0;
  notice(session2, "panel-frames", k, 0, k - 1);
  let chars = 0;
  for (let i = 0; i < k; i++) chars += f.preview[i].length;
  for (const col of [f.time, f.size, f.seq, f.channel, f.connection, f.event, f.status, f.dir, f.flags]) col.copyWithin(0, k, f.count);
  f.preview.splice(0, k);
  f.previewChars -= chars;
  f.count -= k;
  f.epoch++;
  previewCursor.set(f, Math.max(0, (previewCursor.get(f) ?? 0) - k));
  for (const ch of session2.channels) {
    const rows = new IndexList();
    for (let j = 0; j < ch.frames.length; j++) {
      const r = ch.frames.at(j);
      if (r >= k) rows.push(r - k);
    }
    ch.frames = rows;
  }
  for (const c of session2.connections) if (c.http && c.http.row >= 0) c.http.row = c.http.row >= k ? c.http.row - k : -1;
  const ids = /* @__PURE__ */ new Map();
  for (const [row, id] of session2.sseIds) if (row >= k) ids.set(row - k, id);
  session2.sseIds = ids;
  for (const d of session2.drops) d.atRow = Math.max(0, d.atRow - k);
  return k;
}

// lib/store/session.ts
var Session = class {
  frames = new FrameStore();
  agents = /* @__PURE__ */ new Map();
  connections = [];
  channels = [];
  drops = [];
  /** Panel memory caps (lib/store/budget.ts). */
  budget = { ...DEFAULT_PANEL_BUDGET };
  /** SSE `id` of event rows (only SSE rows have one, so a sparse map beats a column). */
  sseIds = /* @__PURE__ */ new Map();
  /** Bumped on every change; the UI polls it once per animation frame. */
  version = 0;
  byAgentConn = /* @__PURE__ */ new Map();
  channelByKey = /* @__PURE__ */ new Map();
  pollDirty = /* @__PURE__ */ new Set();
  agentHello(frameId, documentId, agentId, url, isTop, realm) {
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
  ingest(frameId, documentId, agentId, records, recording = true) {
    let agent = this.agents.get(agentId);
    if (!agent) {
      agent = { agentId, frameId, documentId, url: "", isTop: frameId === 0, realm: "document", lastSeq: 0, dropped: 0 };
      this.agents.set(agentId, agent);
    }
    let applied = 0;
    for (const r of records) {
      if (r.seq <= agent.lastSeq) continue;
      const expected = agent.lastSeq + 1;
      if (r.seq !== expected && r.type !== "dropped") {
        if (agent.awaitingFrom === expected) break;
        agent.awaitingFrom = expected;
        this.version++;
        return { resyncFrom: expected, applied };
      }
      if (recording || r.type !== "ws-frame" && r.type !== "sse-event") this.apply(agent, r);
      agent.lastSeq = r.seq;
      applied++;
    }
    if (agent.awaitingFrom !== void 0 && agent.awaitingFrom <= agent.lastSeq) agent.awaitingFrom = void 0;
    if (applied) this.version++;
    if (applied) enforceBudget(this, this.budget);
    return { applied };
  }
  /** Re-runs polling classification for channels that got new exchanges. */
  refreshPolling() {
    for (const ci of this.pollDirty) {
      const channel = this.channels[ci];
      if (!channel || channel.kind === "fetch-stream") continue;
      const exchanges = [];
      for (const i of channel.connections) {
        const h = this.connections[i].http;
        if (!h || h.eventStream) continue;
        exchanges.push({ id: String(i), method: h.method, url: h.url, start: h.start, responseAt: h.responseAt, end: h.end, status: h.status, size: h.size, bodyHash: h.bodyHash, requestBody: h.requestBody, outcome: h.outcome });
      }
      const series = classifyOne(exchanges);
      if (series) {
        channel.kind = series.kind;
        channel.poll = { kind: series.kind, reason: series.reason, stats: series.stats };
      }
    }
    if (this.pollDirty.size) this.version++;
    this.pollDirty.clear();
  }
  connectionOf(agentId, conn) {
    const last = this.lastConnection;
    if (last && last.conn === conn && last.agentId === agentId && this.connections[last.index] === last) return last;
    const i = this.byAgentConn.get(`${agentId}:${conn}`);
    const c = i === void 0 ? void 0 : this.connections[i];
    if (c) this.lastConnection = c;
    return c;
  }
  lastConnection;
  clear() {
    this.frames = new FrameStore();
    this.connections = [];
    this.channels = [];
    this.drops = [];
    this.sseIds.clear();
    this.byAgentConn.clear();
    this.channelByKey.clear();
    this.pollDirty.clear();
    this.version++;
  }
  apply(agent, r) {
    switch (r.type) {
      case "dropped": {
        const count = r.toSeq - r.fromSeq + 1;
        agent.dropped += count;
        this.drops.push({ agentId: agent.agentId, fromSeq: r.fromSeq, toSeq: r.toSeq, atRow: this.frames.count, time: r.t });
        return;
      }
      case "ws-create":
        this.newConnection(agent, r.conn, "ws", r.url, r.t, channelKey("ws", r.url), "ws", r.stack).protocols = r.protocols;
        return;
      case "sse-create": {
        const c2 = this.newConnection(agent, r.conn, "sse", r.url, r.t, channelKey("sse", r.url), "sse", r.stack);
        c2.sseAttempts = [];
        return;
      }
      case "http-request": {
        const key = `http ${pollingEndpointKey(r.method, r.url, r.body && !r.body.binary ? r.body.data : void 0, isSessionParam)}`;
        const c2 = this.newConnection(agent, r.conn, r.api, r.url, r.t, key, "http");
        const channel2 = this.channels[c2.channel];
        channel2.method = r.method;
        const row = this.frames.add({ time: r.t, size: r.body?.size ?? 0, dir: DIR_OUT, channel: c2.channel, connection: c2.index, event: this.frames.intern(r.method), flags: FLAG_HTTP, seq: r.seq, status: 0, preview: `${r.method} ${r.url}` });
        channel2.frames.push(row);
        c2.http = { api: r.api, method: r.method, url: r.url, requestHeaders: r.headers, requestBody: r.body?.data, start: r.t, eventStream: false, row };
        return;
      }
    }
    const c = this.connectionOf(agent.agentId, r.conn);
    if (!c) return;
    const channel = this.channels[c.channel];
    channel.lastTime = r.t;
    switch (r.type) {
      case "ws-open":
        c.openedAt = r.t;
        c.state = "open";
        c.protocol = r.protocol;
        return;
      case "ws-frame":
      case "sse-event": {
        const dir = r.type === "ws-frame" && r.dir === "out" ? DIR_OUT : DIR_IN;
        const synthetic = r.synthetic === "sent" ? FLAG_SENT : r.synthetic === "injected" ? FLAG_INJECTED : 0;
        const flags = (r.payload.binary ? FLAG_BINARY : 0) | (r.payload.truncated ? FLAG_TRUNCATED : 0) | synthetic;
        const event = r.type === "sse-event" ? this.frames.intern(r.event) : this.frames.intern(r.payload.binary ? "binary" : "text");
        const row = this.frames.add({ time: r.t, size: r.payload.size, dir, channel: c.channel, connection: c.index, event, flags, seq: r.seq, status: 0, preview: r.payload.data });
        channel.frames.push(row);
        if (dir === DIR_IN) {
          c.framesIn++;
          channel.framesIn++;
        } else {
          c.framesOut++;
          channel.framesOut++;
        }
        if (r.type === "sse-event" && r.id) this.sseIds.set(row, r.id);
        if (r.type === "sse-event" && c.sseAttempts) {
          const attempt = c.sseAttempts[c.sseAttempts.length - 1];
          if (attempt && r.id) {
            attempt.firstEventId ??= r.id;
            attempt.lastEventId = r.id;
          }
        }
        return;
      }
      case "ws-close":
        c.closedAt = r.t;
        c.state = "closed";
        c.close = { code: r.code, reason: r.reason, wasClean: r.wasClean, by: r.by, synthetic: r.synthetic === "dropped" };
        channel.lastClose = { code: r.code, reason: r.reason, wasClean: r.wasClean };
        return;
      case "ws-error":
        c.errored = true;
        return;
      case "sse-open":
        c.openedAt ??= r.t;
        c.state = "open";
        c.sseAttempts?.push({ openedAt: r.t });
        return;
      case "sse-error":
        c.errored = true;
        c.state = r.readyState === 2 ? "closed" : "reconnecting";
        if (r.readyState === 2) c.closedAt = r.t;
        {
          const attempt = c.sseAttempts?.[c.sseAttempts.length - 1];
          if (attempt && attempt.erroredAt === void 0) attempt.erroredAt = r.t;
          else c.sseAttempts?.push({ erroredAt: r.t });
        }
        return;
      case "sse-close":
        c.state = "closed";
        c.closedAt = r.t;
        return;
      case "http-response":
        this.onHttpResponse(c, channel, r.t, r.status, r.statusText, r.headers, r.url, r.eventStream);
        return;
      case "http-end":
        this.onHttpEnd(c, channel, r);
        return;
    }
  }
  onHttpResponse(c, channel, t, status, statusText, headers, url, eventStream) {
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
    c.state = "open";
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
  onHttpEnd(c, channel, r) {
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
    c.state = "closed";
    c.closedAt = r.t;
    if (h.row >= 0) {
      this.frames.size[h.row] = r.size;
      this.frames.dir[h.row] = DIR_IN;
      if (r.outcome !== "ok") this.frames.flags[h.row] |= FLAG_ERROR;
      if (r.body) this.frames.setPreview(h.row, r.body.data);
      else if (r.outcome !== "ok") this.frames.setPreview(h.row, `${r.outcome}${r.error ? `: ${r.error}` : ""}`);
    }
    this.pollDirty.add(channel.index);
  }
  /** A response turned out to be text/event-stream: it is a stream channel, not a poll. */
  moveToStreamChannel(c, from) {
    const h = c.http;
    from.connections = from.connections.filter((i) => i !== c.index);
    const rows = new IndexList();
    for (let k = 0; k < from.frames.length; k++) if (from.frames.at(k) !== h.row) rows.push(from.frames.at(k));
    from.frames = rows;
    h.row = -1;
    const key = channelKey("fetch-stream", h.url, h.method);
    const to = this.channelFor(key, "fetch-stream", h.url, c.createdAt, c.agentId);
    to.method = h.method;
    to.connections.push(c.index);
    c.channel = to.index;
  }
  newConnection(agent, conn, api, url, t, key, kind, stack) {
    const channel = this.channelFor(key, kind, url, t, agent.agentId);
    const c = {
      index: this.connections.length,
      agentId: agent.agentId,
      conn,
      frameId: agent.frameId,
      documentId: agent.documentId,
      api,
      url,
      channel: channel.index,
      createdAt: t,
      state: "connecting",
      errored: false,
      framesIn: 0,
      framesOut: 0,
      stack
    };
    this.connections.push(c);
    this.byAgentConn.set(`${agent.agentId}:${conn}`, c.index);
    channel.connections.push(c.index);
    channel.lastTime = t;
    return c;
  }
  channelFor(key, kind, url, t, agentId) {
    const existing = this.channelByKey.get(key);
    if (existing !== void 0) return this.channels[existing];
    const channel = {
      index: this.channels.length,
      key,
      kind,
      url: kind === "http" ? normalizeUrl(url, void 0, (name) => isCursorParam(name) || isSessionParam(name)) || url : url,
      connections: [],
      frames: new IndexList(),
      framesIn: 0,
      framesOut: 0,
      responses: 0,
      firstTime: t,
      lastTime: t,
      worker: this.agents.get(agentId)?.realm === "worker"
    };
    this.channels.push(channel);
    this.channelByKey.set(key, channel.index);
    return channel;
  }
};

// lib/model/filter-ast.ts
var FILTER_FIELDS = ["dir", "kind", "event", "status", "size", "channel"];
var FILTER_KINDS = ["ws", "sse", "fetch-stream", "long-poll", "short-poll", "http"];
var KIND_ALIASES = {
  websocket: ["ws"],
  eventsource: ["sse"],
  stream: ["fetch-stream"],
  poll: ["long-poll", "short-poll"]
};
function stripStateful(flags) {
  return flags.replace(/[gy]/g, "");
}
function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// lib/model/filter-parse.ts
var FilterSyntaxError = class extends Error {
  constructor(message, at) {
    super(message);
    this.at = at;
  }
  at;
};
var DELIMITERS = /* @__PURE__ */ new Set(["(", ")", "|"]);
function isSpace(c) {
  return c === " " || c === "	" || c === "\n" || c === "\r" || c === "\f" || c === "\v" || c === "\xA0";
}
function isBoundary(c) {
  return c === void 0 || isSpace(c) || DELIMITERS.has(c);
}
function readQuoted(q, start) {
  let value = "";
  let i = start + 1;
  while (i < q.length) {
    const c = q[i];
    if (c === "\\" && i + 1 < q.length) {
      value += q[i + 1];
      i += 2;
      continue;
    }
    if (c === '"') return { value, end: i + 1 };
    value += c;
    i++;
  }
  throw new FilterSyntaxError(`Unterminated quote: add a closing " to the phrase that starts here`, start);
}
var VALID_FLAGS = /^[dgimsuvy]*$/;
function closingSlash(q, start, classAware) {
  let inClass = false;
  for (let i = start + 1; i < q.length; i++) {
    const c = q[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (classAware && c === "[") inClass = true;
    else if (classAware && c === "]") inClass = false;
    else if (c === "/" && !inClass) return i;
  }
  return -1;
}
function tryRegex(q, start) {
  for (const classAware of [true, false]) {
    const close = closingSlash(q, start, classAware);
    if (close <= start + 1) continue;
    let end = close + 1;
    while (end < q.length && /[a-z]/i.test(q[end])) end++;
    const flags = q.slice(close + 1, end);
    if (!isBoundary(q[end]) || !VALID_FLAGS.test(flags)) continue;
    return { source: q.slice(start + 1, close), flags, end };
  }
  return null;
}
function regexNode(source, flags, at) {
  if (new Set(flags).size !== flags.length) {
    throw new FilterSyntaxError(`Invalid regex /${source}/${flags}: repeated flag`, at);
  }
  try {
    new RegExp(source, stripStateful(flags));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const reason = msg.slice(msg.lastIndexOf(": ") + 2) || msg;
    throw new FilterSyntaxError(`Invalid regex /${source}/${flags}: ${reason}`, at);
  }
  return { type: "regex", source, flags, at };
}
function tokenize(q) {
  const tokens = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === "(" || c === ")") {
      tokens.push({ t: c === "(" ? "lparen" : "rparen", at: i, text: c });
      i++;
      continue;
    }
    if (c === "|") {
      const len = q[i + 1] === "|" ? 2 : 1;
      tokens.push({ t: "or", at: i, text: q.slice(i, i + len) });
      i += len;
      continue;
    }
    if (c === "-" && !isSpace(q[i + 1]) && q[i + 1] !== void 0 && q[i + 1] !== ")" && q[i + 1] !== "|") {
      tokens.push({ t: "not", at: i, text: "-" });
      i++;
      continue;
    }
    if (c === '"') {
      const { value, end } = readQuoted(q, i);
      if (value === "") throw new FilterSyntaxError("Empty quotes: put the text to find between them", i);
      tokens.push({ t: "term", at: i, node: { type: "text", value, at: i } });
      i = end;
      continue;
    }
    if (c === "/") {
      const re = tryRegex(q, i);
      if (re) {
        tokens.push({ t: "term", at: i, node: regexNode(re.source, re.flags, i) });
        i = re.end;
        continue;
      }
    }
    const start = i;
    let word = "";
    let quotedValue;
    while (i < q.length && !isBoundary(q[i])) {
      if (q[i] === '"' && /^[A-Za-z][\w-]*:$/.test(word)) {
        const { value, end } = readQuoted(q, i);
        quotedValue = value;
        i = end;
        break;
      }
      word += q[i];
      i++;
    }
    if (quotedValue === void 0) {
      if (word === "OR") {
        tokens.push({ t: "or", at: start, text: word });
        continue;
      }
      if (word === "AND") {
        tokens.push({ t: "and", at: start, text: word });
        continue;
      }
      if (word === "NOT") {
        tokens.push({ t: "not", at: start, text: word });
        continue;
      }
    }
    tokens.push({ t: "term", at: start, node: wordNode(word, quotedValue, start) });
  }
  return tokens;
}
var UNIT = {
  "": 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3
};
function toRange(op, x) {
  switch (op) {
    case ">":
      return { min: Math.floor(x) + 1, max: Number.MAX_SAFE_INTEGER };
    case ">=":
      return { min: Math.ceil(x), max: Number.MAX_SAFE_INTEGER };
    case "<":
      return { min: Number.MIN_SAFE_INTEGER, max: Math.ceil(x) - 1 };
    case "<=":
      return { min: Number.MIN_SAFE_INTEGER, max: Math.floor(x) };
    default:
      return { min: Math.round(x), max: Math.round(x) };
  }
}
function parseStatus(v, at) {
  let m = /^([1-5])xx$/i.exec(v);
  if (m) {
    const base = Number(m[1]) * 100;
    return { type: "status", min: base, max: base + 99 };
  }
  m = /^(\d{1,4})-(\d{1,4})$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return { type: "status", min: Math.min(a, b), max: Math.max(a, b) };
  }
  m = /^(>=|<=|>|<|=)?(\d{1,4})$/.exec(v);
  if (m) return { type: "status", ...toRange(m[1] ?? "=", Number(m[2])) };
  throw new FilterSyntaxError(
    `status: expects a code (404), a class (4xx), a range (200-299) or a comparison (>=500), not '${v}'`,
    at
  );
}
function parseSize(v, at) {
  const m = /^(>=|<=|>|<|=)?(\d+(?:\.\d+)?|\.\d+)([a-z]*)$/i.exec(v);
  const unit = m ? UNIT[(m[3] ?? "").toLowerCase()] : void 0;
  if (!m || unit === void 0) {
    throw new FilterSyntaxError(`size: expects a comparison and a size such as >1k, <=512 or >=2mb, not '${v}'`, at);
  }
  return { type: "size", ...toRange(m[1] ?? "=", Number(m[2]) * unit) };
}
function parseKind(v, at) {
  const values = [];
  for (const part of v.toLowerCase().split(",")) {
    if (part === "") continue;
    const alias = KIND_ALIASES[part];
    if (alias) values.push(...alias);
    else if (FILTER_KINDS.includes(part)) values.push(part);
    else throw new FilterSyntaxError(`Unknown kind '${part}'. Kinds: ${FILTER_KINDS.join(", ")}, poll`, at);
  }
  return { type: "kind", values: [...new Set(values)] };
}
function fieldNode(field, value, at) {
  switch (field) {
    case "dir": {
      const v = value.toLowerCase();
      if (v === "in" || v === "out") return { type: "dir", value: v };
      throw new FilterSyntaxError(`dir: must be in or out, not '${value}'`, at);
    }
    case "kind":
      return parseKind(value, at);
    case "event": {
      const prefix = value.endsWith("*");
      return { type: "event", value: (prefix ? value.slice(0, -1) : value).toLowerCase(), prefix };
    }
    case "status":
      return parseStatus(value, at);
    case "size":
      return parseSize(value, at);
    case "channel":
      return { type: "channel", value: value.toLowerCase() };
  }
}
var FIELD_HINT = {
  dir: "in or out",
  kind: FILTER_KINDS.join(", "),
  event: "an event name",
  status: "a code such as 404 or 4xx",
  size: "a size such as >1k",
  channel: "part of a channel URL"
};
function wordNode(word, quotedValue, at) {
  const m = /^([A-Za-z][\w-]*):(.*)$/s.exec(word);
  if (m) {
    const name = m[1].toLowerCase();
    const value = quotedValue ?? m[2];
    if (FILTER_FIELDS.includes(name)) {
      const field = name;
      if (value === "") throw new FilterSyntaxError(`${field}: needs a value (${FIELD_HINT[field]})`, at);
      return fieldNode(field, value, at);
    }
    if (quotedValue === void 0 && value.startsWith("//")) return { type: "text", value: word, at };
    throw new FilterSyntaxError(
      `Unknown field '${m[1]}:'. Fields: ${FILTER_FIELDS.join(", ")}. To search for the text, quote it: "${word}${quotedValue ?? ""}"`,
      at
    );
  }
  return { type: "text", value: word, at };
}
var Parser = class {
  constructor(tokens, length) {
    this.tokens = tokens;
    this.length = length;
  }
  tokens;
  length;
  pos = 0;
  peek() {
    return this.tokens[this.pos];
  }
  parseQuery() {
    if (this.tokens.length === 0) return { type: "all" };
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) throw new FilterSyntaxError(`Unexpected ')' with no matching '('`, extra.at);
    return node;
  }
  parseOr() {
    const children = [this.parseAnd()];
    for (let tok = this.peek(); tok?.t === "or"; tok = this.peek()) {
      this.pos++;
      const next = this.peek();
      if (!next || next.t === "rparen" || next.t === "or") {
        throw new FilterSyntaxError(`'${tok.text}' needs a term on both sides`, tok.at);
      }
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0] : { type: "or", children };
  }
  parseAnd() {
    const children = [];
    for (; ; ) {
      const tok = this.peek();
      if (!tok || tok.t === "rparen" || tok.t === "or") break;
      if (tok.t === "and") {
        this.pos++;
        const next = this.peek();
        if (children.length === 0 || !next || next.t === "rparen" || next.t === "or" || next.t === "and") {
          throw new FilterSyntaxError(`'AND' needs a term on both sides`, tok.at);
        }
        continue;
      }
      children.push(this.parseUnary());
    }
    if (children.length === 0) {
      const tok = this.peek();
      if (tok?.t === "or") throw new FilterSyntaxError(`'${tok.text}' needs a term on both sides`, tok.at);
      if (tok?.t === "rparen") throw new FilterSyntaxError(`Unexpected ')' with no matching '('`, tok.at);
      throw new FilterSyntaxError("Expected a search term", tok?.at ?? this.length);
    }
    return children.length === 1 ? children[0] : { type: "and", children };
  }
  parseUnary() {
    const tok = this.peek();
    if (tok?.t === "not") {
      this.pos++;
      const next = this.peek();
      if (!next || next.t === "rparen" || next.t === "or" || next.t === "and") {
        throw new FilterSyntaxError(`'${tok.text}' needs a term after it`, tok.at);
      }
      const child = this.parseUnary();
      return child.type === "not" ? child.child : { type: "not", child };
    }
    return this.parsePrimary();
  }
  parsePrimary() {
    const tok = this.peek();
    if (!tok) throw new FilterSyntaxError("Expected a search term", this.length);
    if (tok.t === "lparen") {
      this.pos++;
      const next = this.peek();
      if (next?.t === "rparen") throw new FilterSyntaxError("Empty parentheses", tok.at);
      if (!next) throw new FilterSyntaxError(`Missing ')' for the '(' here`, tok.at);
      const node = this.parseOr();
      if (this.peek()?.t !== "rparen") throw new FilterSyntaxError(`Missing ')' for the '(' here`, tok.at);
      this.pos++;
      return node;
    }
    if (tok.t === "term") {
      this.pos++;
      return tok.node;
    }
    throw new FilterSyntaxError(`Unexpected '${tok.text}'`, tok.at);
  }
};
function parseFilter(query) {
  try {
    const ast = new Parser(tokenize(query), query.length).parseQuery();
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, error: e.message, at: e.at };
    throw e;
  }
}

// lib/model/filter-compile.ts
function cost(n) {
  switch (n.type) {
    case "all":
    case "dir":
    case "status":
    case "size":
      return 0;
    case "kind":
    case "event":
      return 1;
    case "channel":
      return 2;
    case "text":
      return 3;
    case "regex":
      return 4;
    case "not":
      return cost(n.child);
    case "and":
    case "or":
      return Math.max(...n.children.map(cost));
  }
}
function compileNode(n) {
  switch (n.type) {
    case "all":
      return () => true;
    case "dir": {
      const v = n.value;
      return (r) => r.dir === v;
    }
    case "kind": {
      if (n.values.length === 1) {
        const v = n.values[0];
        return (r) => r.kind === v;
      }
      const set = new Set(n.values);
      return (r) => set.has(r.kind);
    }
    case "event": {
      const v = n.value;
      return n.prefix ? (r) => r.event.toLowerCase().startsWith(v) : (r) => r.event.toLowerCase() === v;
    }
    case "status": {
      const { min, max } = n;
      return (r) => r.status >= min && r.status <= max;
    }
    case "size": {
      const { min, max } = n;
      return (r) => r.size >= min && r.size <= max;
    }
    case "channel": {
      const v = n.value;
      return (r) => r.channel.toLowerCase().includes(v);
    }
    case "text": {
      if (n.value.toLowerCase() === n.value.toUpperCase()) {
        const needle = n.value;
        return (r) => r.text.includes(needle);
      }
      const re = new RegExp(escapeRegex(n.value), "i");
      return (r) => re.test(r.text);
    }
    case "regex": {
      const re = new RegExp(n.source, stripStateful(n.flags));
      return (r) => re.test(r.text);
    }
    case "not": {
      const p = compileNode(n.child);
      return (r) => !p(r);
    }
    case "and":
    case "or": {
      const preds = [...n.children].sort((a, b) => cost(a) - cost(b)).map(compileNode);
      if (preds.length === 2) {
        const [a, b] = preds;
        return n.type === "and" ? (r) => a(r) && b(r) : (r) => a(r) || b(r);
      }
      if (n.type === "and") {
        return (r) => {
          for (const p of preds) if (!p(r)) return false;
          return true;
        };
      }
      return (r) => {
        for (const p of preds) if (p(r)) return true;
        return false;
      };
    }
  }
}
function compileFilter(ast) {
  return compileNode(ast);
}

// lib/store/filter-rows.ts
var resumes = /* @__PURE__ */ new WeakMap();
function filterRows(session2, source, query, timeRange) {
  const f = session2.frames;
  const key = source ?? f;
  const total = source ? source.length : f.count;
  const prev = resumes.get(key);
  let from = 0;
  let outcome;
  if (prev && prev.frames === f && prev.query === query && prev.timeRange === timeRange && prev.epoch === f.epoch && prev.done <= total) {
    from = prev.done;
    outcome = prev.outcome;
  } else {
    outcome = { rows: new IndexList() };
  }
  const stable = scan(session2, source, query, timeRange, from, total, outcome);
  if (stable) resumes.set(key, { frames: f, query, timeRange, epoch: f.epoch, done: total, outcome });
  else resumes.delete(key);
  return outcome;
}
function scan(session2, source, query, timeRange, from, to, outcome) {
  const f = session2.frames;
  const out = outcome.rows;
  const items = source ? source.items : null;
  const time = f.time;
  const flags = f.flags;
  const trimmed = query.trim();
  const parsed = trimmed ? parseFilter(trimmed) : void 0;
  let httpRows = 0;
  const tStart = timeRange ? timeRange.start : -Infinity;
  const tEnd = timeRange ? timeRange.end : Infinity;
  if (!parsed || !parsed.ok) {
    if (parsed && !parsed.ok) outcome.error = parsed.error;
    for (let k = from; k < to; k++) {
      const i = items ? items[k] : k;
      if (time[i] >= tStart && time[i] <= tEnd) out.push(i);
    }
    return true;
  }
  const match = compileFilter(parsed.ast);
  const row = { dir: "in", kind: "", event: "", status: 0, size: 0, text: "", channel: "" };
  const preview = f.preview;
  if (textOnly(parsed.ast)) {
    for (let k = from; k < to; k++) {
      const i = items ? items[k] : k;
      if (time[i] < tStart || time[i] > tEnd) continue;
      httpRows += flags[i] & FLAG_HTTP;
      row.text = preview[i];
      if (match(row)) out.push(i);
    }
    return httpRows === 0;
  }
  const channels = session2.channels;
  for (let k = from; k < to; k++) {
    const i = items ? items[k] : k;
    if (time[i] < tStart || time[i] > tEnd) continue;
    httpRows += flags[i] & FLAG_HTTP;
    const ch = channels[f.channel[i]];
    row.dir = f.dir[i] === DIR_OUT ? "out" : "in";
    row.kind = ch.kind;
    row.event = f.eventName(i);
    row.status = f.status[i];
    row.size = f.size[i];
    row.text = preview[i];
    row.channel = ch.url;
    if (match(row)) out.push(i);
  }
  return httpRows === 0;
}
function textOnly(n) {
  switch (n.type) {
    case "all":
    case "text":
    case "regex":
      return true;
    case "not":
      return textOnly(n.child);
    case "and":
    case "or":
      return n.children.every(textOnly);
    default:
      return false;
  }
}

// bench/servers.ts
function floodMessage(i, size) {
  const head = `{"i":${i},"p":"`;
  const tail = '"}';
  return head + "x".repeat(Math.max(0, size - head.length - tail.length)) + tail;
}

// bench/store-bench.ts
var N = Number(process.env.BENCH_FRAMES ?? 1e6);
var SIZE = 100;
var BATCH = 2e3;
var gc = globalThis.gc;
if (!gc) throw new Error("run with --expose-gc");
function heap() {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
function fill(session2, n) {
  let seq = 1;
  const t = Date.now();
  session2.ingest(0, "doc", "agent", [{ type: "ws-create", seq: seq++, t, conn: 1, url: "ws://127.0.0.1/ws/flood", protocols: [] }]);
  for (let done = 0; done < n; ) {
    const batch = [];
    for (let k = 0; k < BATCH && done < n; k++, done++) {
      const data = Buffer.from(floodMessage(done, SIZE), "latin1").toString("latin1");
      batch.push({ type: "ws-frame", seq: seq++, t: t + done, conn: 1, dir: "in", payload: { data, binary: false, size: data.length, truncated: false } });
    }
    const r = session2.ingest(0, "doc", "agent", batch);
    if (r.applied !== batch.length) throw new Error(`ingest applied ${r.applied} of ${batch.length}`);
  }
}
function median2(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
}
function timeFilter(session2, query, rounds) {
  const times = [];
  const cpu = [];
  let matches = 0;
  for (let r = 0; r < rounds; r++) {
    const t02 = performance.now();
    const c02 = cpuMs();
    const out = filterRows(session2, null, query + " ".repeat(r % 2 ? 1 : 2));
    times.push(performance.now() - t02);
    cpu.push(cpuMs() - c02);
    matches = out.rows.length;
  }
  return { ms: median2(times), cpuMs: median2(cpu), matches };
}
var before = heap();
var session = new Session();
var t0 = performance.now();
var c0 = cpuMs();
fill(session, N);
var ingestMs = performance.now() - t0;
var ingestCpuMs = cpuMs() - c0;
var after = heap();
var payloadBytes = N * SIZE;
var result = {
  frames: session.frames.count,
  ingestMs,
  ingestCpuMs,
  bytesPerFrameTotal: (after - before) / N,
  bytesPerFrameBeyondPayload: (after - before - payloadBytes) / N,
  // Substring: a word with letters (the case-insensitive path); regex: a character class.
  filterSubstring: timeFilter(session, "99999", 5),
  filterSubstringLetters: timeFilter(session, "needle", 5),
  filterRegex: timeFilter(session, '/"i":\\d*7{3}\\b/', 5)
};
if (session.frames.count !== N) throw new Error("lost frames");
process.stdout.write(JSON.stringify(result) + "\n");
