// Context: pure (panel + model), no browser APIs.
// Findings for short and long polling: what the polls cost against what actually changed, and
// long polls that run into proxy timeouts. Polls are where push saves the most, so the text puts
// the waste in requests and bytes per minute rather than in general terms.

import type { PollingStats } from '../model/polling';
import { median, quantile } from '../model/stats';
import type { HttpExchange } from '../model/types';
import { localize } from '../i18n/locale';
import { timeoutMatching, timeoutNear } from './proxy-timeouts';
import type { AdvisorInput, Draft } from './types';

/**
 * Request plus response headers of one poll. Browsers send ~400–800 B (cookies, user agent,
 * accept-*), servers answer with ~200–400 B; HTTP/2 compresses repeats, so this is a middle value.
 */
export const HEADER_BYTES_PER_POLL = 600;
/** An SSE event adds "id: …\n", "data: " and a blank line around the payload. */
const SSE_EVENT_OVERHEAD_BYTES = 20;
/** Below this share of unchanged answers most polls bring news, and polling is a fair fit. */
const UNCHANGED_WARN_SHARE = 0.5;
/** Polling once every 10 s or slower costs little; the same waste is then only worth an info. */
const BUSY_REQUESTS_PER_MINUTE = 6;
/** Faster than 4 requests a second: the most wasteful polls, flagged first whatever they return. */
const FAST_REQUESTS_PER_MINUTE = 240;
const ERROR_WARN_SHARE = 0.2;
const ERROR_ERROR_SHARE = 0.5;
/** Statuses a proxy or load balancer answers with when the held request outlives it. */
const GATEWAY_STATUSES = new Set([502, 504, 524]);

const round1 = (n: number): number => Math.round(n * 10) / 10;

function isError(x: HttpExchange): boolean {
  return x.outcome === 'error' || x.outcome === 'timeout' || (x.status !== undefined && x.status >= 400);
}

interface Tally {
  responses: number;
  sized: number;
  sizeSum: number;
  changedSized: number;
  changedSizeSum: number;
}

/** Same notion of "unchanged" as lib/model/polling (304, 204, or the previous body hash). */
function tally(exchanges: readonly HttpExchange[]): Tally {
  const sorted = [...exchanges].filter((x) => !x.eventStream).sort((a, b) => a.start - b.start);
  const t: Tally = { responses: 0, sized: 0, sizeSum: 0, changedSized: 0, changedSizeSum: 0 };
  let prevHash: string | undefined;
  for (const x of sorted) {
    if (x.status === undefined || isError(x)) continue;
    t.responses++;
    const unchanged = x.status === 304 || x.status === 204 || (x.bodyHash !== undefined && x.bodyHash === prevHash);
    if (x.bodyHash !== undefined && x.status !== 304) prevHash = x.bodyHash;
    const size = x.status === 304 || x.status === 204 ? (x.size ?? 0) : x.size;
    if (size === undefined) continue;
    t.sized++;
    t.sizeSum += size;
    if (!unchanged) {
      t.changedSized++;
      t.changedSizeSum += size;
    }
  }
  return t;
}

function holdOf(x: HttpExchange): number | undefined {
  const done = x.end ?? x.responseAt;
  return done === undefined ? undefined : done - x.start;
}

export function shortPollFindings(input: AdvisorInput, stats: PollingStats): Draft[] {
  if (!(stats.cadenceMs > 0)) return [];
  const out: Draft[] = [];
  const cadenceMs = stats.cadenceMs;
  const rpm = round1(stats.requestsPerMinute > 0 ? stats.requestsPerMinute : 60_000 / cadenceMs);
  const unchangedPercent = Math.round(stats.unchangedShare * 100);
  const changedPerMinute = round1(rpm * (1 - stats.unchangedShare));

  if (rpm >= FAST_REQUESTS_PER_MINUTE) {
    const perMinute = Math.round(rpm);
    out.push({
      id: 'short-poll-fast',
      severity: 'warn',
      technique: 'sse',
      numbers: { cadenceMs, requestsPerMinute: perMinute },
      title: {
        en: (f) => `Polls ${f.num(perMinute)} times a minute (every ${f.duration(cadenceMs)}), one request right after another`,
        'zh-CN': (f) => `每分钟轮询 ${f.num(perMinute)} 次（每 ${f.duration(cadenceMs)}一次），请求一个接一个不停`,
      },
      detail: {
        en: (f) =>
          `Each answer is followed at once by the next request: ${f.num(perMinute)} full HTTP requests a minute, with their headers, for one stream of updates. One Server-Sent Events or WebSocket connection would deliver the same updates as they happen, without the request storm.`,
        'zh-CN': (f) =>
          `每次响应之后立刻发出下一个请求：为了一路更新，每分钟要发 ${f.num(perMinute)} 个完整的 HTTP 请求（连同请求头）。改用一条 SSE 或 WebSocket 连接，就能在更新发生时直接送达，不必这样频繁请求。`,
      },
    });
  }

  if (stats.unchangedShare >= UNCHANGED_WARN_SHARE) {
    const numbers: Record<string, number> = { cadenceMs, requestsPerMinute: rpm, unchangedPercent, changedPerMinute };
    const t = tally(input.exchanges ?? []);
    let bytes: { now: number; push: number; saved: number; savedPercent: number } | null = null;
    if (t.sized > 0) {
      const avgBody = t.sizeSum / t.sized;
      // Changed answers are the ones SSE would still deliver; their size, not the average, counts.
      const changedBody = t.changedSized > 0 ? t.changedSizeSum / t.changedSized : avgBody;
      const now = Math.round(rpm * (avgBody + HEADER_BYTES_PER_POLL));
      const push = Math.round(changedPerMinute * (changedBody + SSE_EVENT_OVERHEAD_BYTES));
      const saved = Math.max(0, now - push);
      bytes = { now, push, saved, savedPercent: now > 0 ? Math.round((saved / now) * 100) : 0 };
      numbers.bytesPerMinuteNow = now;
      numbers.bytesPerMinutePush = push;
      numbers.bytesSavedPerMinute = saved;
      numbers.savedPercent = bytes.savedPercent;
      numbers.headerBytesAssumed = HEADER_BYTES_PER_POLL;
    }
    const nothingChanged = changedPerMinute === 0;
    out.push({
      id: 'short-poll-unchanged',
      severity: rpm >= BUSY_REQUESTS_PER_MINUTE ? 'warn' : 'info',
      technique: 'sse',
      numbers,
      title: {
        en: (f) => `Polls every ${f.duration(cadenceMs)}; ${f.percent(unchangedPercent)} of responses carried nothing new`,
        'zh-CN': (f) => `每 ${f.duration(cadenceMs)}轮询一次，${f.percent(unchangedPercent)} 的响应没有带来新数据`,
      },
      detail: {
        en: (f) =>
          (nothingChanged
            ? `The page asks ${f.num(rpm, 1)} times a minute and no answer brought changed data. With Server-Sent Events the server would stay silent until something changes, on one open connection.`
            : `The page asks ${f.num(rpm, 1)} times a minute, but only about ${f.num(changedPerMinute, 1)} answers a minute held changed data. With Server-Sent Events the server would push just those ~${f.num(changedPerMinute, 1)} events a minute over one open connection, the moment they happen; long polling would also answer only when something changes.`) +
          (bytes
            ? ` Traffic, counting ~${f.num(HEADER_BYTES_PER_POLL)} B of HTTP headers per request: about ${f.bytes(bytes.now)}/min now vs about ${f.bytes(bytes.push)}/min pushed, roughly ${f.bytes(bytes.saved)}/min (${f.percent(bytes.savedPercent)}) less.`
            : ''),
        'zh-CN': (f) =>
          (nothingChanged
            ? `页面每分钟请求 ${f.num(rpm, 1)} 次，却没有一次响应带来变化的数据。改用 SSE（服务器发送事件）的话，服务器只需保持一条连接，数据有变化时才推送，其余时间什么都不用发。`
            : `页面每分钟请求 ${f.num(rpm, 1)} 次，但每分钟只有约 ${f.num(changedPerMinute, 1)} 次响应带来了变化的数据。改用 SSE（服务器发送事件）的话，服务器只需通过一条保持打开的连接，在数据变化的那一刻推送这每分钟约 ${f.num(changedPerMinute, 1)} 条事件；长轮询同样只在数据变化时才答复。`) +
          (bytes
            ? `流量估算（按每次请求约 ${f.num(HEADER_BYTES_PER_POLL)} B 的 HTTP 头计算）：现在每分钟约 ${f.bytes(bytes.now)}，改为推送后约 ${f.bytes(bytes.push)}，每分钟少约 ${f.bytes(bytes.saved)}，即减少 ${f.percent(bytes.savedPercent)}。`
            : ''),
      },
    });
  } else {
    const changedPercent = 100 - unchangedPercent;
    out.push({
      id: 'short-poll-cadence',
      severity: 'info',
      technique: 'short-poll',
      numbers: { cadenceMs, requestsPerMinute: rpm, changedPercent },
      title: {
        en: (f) => `Polls every ${f.duration(cadenceMs)}; ${f.percent(changedPercent)} of responses brought new data`,
        'zh-CN': (f) => `每 ${f.duration(cadenceMs)}轮询一次，${f.percent(changedPercent)} 的响应带来了新数据`,
      },
      detail: {
        en: (f) =>
          `The data changes about as often as the page asks, so few of the ${f.num(rpm, 1)} requests a minute are wasted. A change still waits up to ${f.duration(cadenceMs)} to be seen; push (SSE or WebSocket) would deliver it at once.`,
        'zh-CN': (f) =>
          `数据变化的频率和页面请求的频率差不多，每分钟 ${f.num(rpm, 1)} 次请求里浪费的不多。不过一次变化最多仍要等 ${f.duration(cadenceMs)}才能被看到；改用推送（SSE 或 WebSocket）可以立即送达。`,
      },
    });
  }

  if (stats.errorShare >= ERROR_WARN_SHARE) {
    const errorPercent = Math.round(stats.errorShare * 100);
    out.push({
      id: 'short-poll-errors',
      severity: stats.errorShare >= ERROR_ERROR_SHARE ? 'error' : 'warn',
      technique: 'short-poll',
      numbers: { errorPercent, cadenceMs },
      title: {
        en: (f) => `${f.percent(errorPercent)} of polls failed`,
        'zh-CN': (f) => `${f.percent(errorPercent)} 的轮询请求失败了`,
      },
      detail: {
        en: (f) =>
          `The page keeps asking every ${f.duration(cadenceMs)} whether or not the last poll failed. When failures come in runs, wait longer after each failure (backoff) instead of hitting a struggling server at full rate.`,
        'zh-CN': (f) =>
          `不管上一次是否失败，页面都照样每 ${f.duration(cadenceMs)}请求一次。如果失败是连续出现的，应在每次失败后拉长等待时间（退避），而不是以原来的频率继续请求一台已经吃力的服务器。`,
      },
    });
  }
  return out;
}

export function longPollFindings(input: AdvisorInput, stats: PollingStats): Draft[] {
  const out: Draft[] = [];
  const exchanges = (input.exchanges ?? []).filter((x) => !x.eventStream);
  const okHolds = exchanges
    .filter((x) => !isError(x) && x.outcome !== 'abort')
    .map(holdOf)
    .filter((h): h is number => h !== undefined && h >= 0);
  // Early answers (data arrived) shorten the median; the server's own timer shows in the top decile.
  const holdMs = Math.round(Math.max(stats.holdMedianMs, okHolds.length > 0 ? quantile(okHolds, 0.9) : 0));
  const rpm = round1(stats.requestsPerMinute);
  const emptyPercent = Math.round(stats.unchangedShare * 100);

  if (stats.holdMedianMs > 0) {
    const holdMedianMs = stats.holdMedianMs;
    out.push({
      id: 'long-poll-summary',
      severity: 'info',
      technique: 'long-poll',
      numbers: { holdMedianMs, requestsPerMinute: rpm, emptyPercent },
      title: {
        en: (f) => `Long polling: the server holds each request about ${f.duration(holdMedianMs)}`,
        'zh-CN': (f) => `长轮询：服务器把每个请求挂起约 ${f.duration(holdMedianMs)}`,
      },
      detail: {
        en: (f) =>
          `${f.num(rpm, 1)} request${rpm === 1 ? '' : 's'} a minute; ${f.percent(emptyPercent)} came back empty (the server's timer ran out with nothing new). Each waiting request keeps a connection and server resources busy while it hangs.`,
        'zh-CN': (f) =>
          `每分钟 ${f.num(rpm, 1)} 次请求，其中 ${f.percent(emptyPercent)} 空手而归（服务器计时结束时仍没有新数据）。每个挂起的请求在等待期间都占着一条连接和服务器资源。`,
      },
    });
  }

  const near = holdMs > 0 ? timeoutNear(holdMs) : null;
  if (near) {
    const timeoutMs = near.ms;
    const marginMs = timeoutMs - holdMs;
    const suggestedHoldMs = Math.round(timeoutMs * 0.75);
    out.push({
      id: 'long-poll-hold-near-timeout',
      severity: 'warn',
      technique: 'long-poll',
      numbers: { holdMs, timeoutMs, marginMs, suggestedHoldMs },
      title: {
        en: (f) => `Requests are held ${f.duration(holdMs)}, close to a ${f.duration(timeoutMs)} proxy timeout`,
        'zh-CN': (f) => `请求挂起 ${f.duration(holdMs)}，接近 ${f.duration(timeoutMs)}的代理超时`,
      },
      detail: {
        en: (f) =>
          `The longest holds reach about ${f.duration(holdMs)}${marginMs > 0 ? `, only ${f.duration(marginMs)} under` : ', right at'} a common ${f.duration(timeoutMs)} timeout: ${localize(near.who, 'en')}. If such a hop sits on the path, a slow answer becomes a 504 Gateway Timeout or 502 Bad Gateway instead of data. Keep holds well below the shortest timeout on the path, e.g. about ${f.duration(suggestedHoldMs)}.`,
        'zh-CN': (f) =>
          `最长的挂起时间约 ${f.duration(holdMs)}，${marginMs > 0 ? `离常见的 ${f.duration(timeoutMs)}超时只差 ${f.duration(marginMs)}` : `正好碰到常见的 ${f.duration(timeoutMs)}超时`}：${localize(near.who, 'zh-CN')}。只要链路上有这样一跳，稍慢一点的响应就会变成 504 Gateway Timeout 或 502 Bad Gateway，而不是数据。挂起时间应明显短于链路上最短的超时，比如约 ${f.duration(suggestedHoldMs)}。`,
      },
    });
  }

  const gateway = exchanges.filter((x) => x.status !== undefined && GATEWAY_STATUSES.has(x.status));
  if (gateway.length > 0) {
    const byStatus = new Map<number, number>();
    for (const x of gateway) byStatus.set(x.status as number, (byStatus.get(x.status as number) ?? 0) + 1);
    const statusCode = [...byStatus.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 504;
    const finished = exchanges.filter((x) => x.status !== undefined || x.outcome !== undefined).length;
    const total = Math.max(finished, gateway.length);
    const percent = Math.round((gateway.length / total) * 100);
    const failedHolds = gateway.map(holdOf).filter((h): h is number => h !== undefined && h >= 0);
    const failedAfterMs = failedHolds.length > 0 ? Math.round(median(failedHolds)) : undefined;
    const matched = failedAfterMs !== undefined ? timeoutMatching(failedAfterMs) : null;
    const numbers: Record<string, number> = { count: gateway.length, total, percent };
    if (failedAfterMs !== undefined) numbers.failedAfterMs = failedAfterMs;
    if (matched) numbers.timeoutMs = matched.ms;
    const count = gateway.length;
    out.push({
      id: 'long-poll-gateway-errors',
      severity: percent >= 20 ? 'error' : 'warn',
      technique: 'long-poll',
      statusCode,
      numbers,
      title: {
        en: (f) => `${f.num(count)} of ${f.num(total)} long polls ended in ${statusCode}`,
        'zh-CN': (f) => `${f.num(total)} 次长轮询中有 ${f.num(count)} 次以 ${statusCode} 结束`,
      },
      detail: {
        en: (f) =>
          `A gateway between the browser and the server answered instead of the server (${f.percent(percent)} of polls)` +
          (failedAfterMs !== undefined ? `, after about ${f.duration(failedAfterMs)}` : '') +
          '. ' +
          (matched
            ? `That matches a common ${f.duration(matched.ms)} timeout: ${localize(matched.who, 'en')}. The proxy gave up waiting while the server was still holding the request. `
            : '') +
          'Shorten the server-side hold below every proxy timeout on the path, or raise those timeouts for this route; the client should treat these answers as "poll again", with a short delay.',
        'zh-CN': (f) =>
          `浏览器和服务器之间的网关代替服务器作了答复（占全部轮询的 ${f.percent(percent)}）` +
          (failedAfterMs !== undefined ? `，发生在请求发出约 ${f.duration(failedAfterMs)}后` : '') +
          '。' +
          (matched ? `这与常见的 ${f.duration(matched.ms)}超时吻合：${localize(matched.who, 'zh-CN')}。服务器还挂着请求，代理已经等不及了。` : '') +
          '请把服务器端的挂起时间缩短到链路上所有代理的超时之下，或者为这个路由调高这些超时；客户端收到这类响应时应稍等片刻再发起下一轮请求。',
      },
    });
  }
  return out;
}
