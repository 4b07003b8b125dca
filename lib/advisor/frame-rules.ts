// Context: pure (panel + model), no browser APIs.
// Findings from the frame sample: keep-alive rhythm, long silences that idle timeouts punish, and
// WebSockets that only ever carry server → page data (where SSE is the simpler tool).

import { isHeartbeatFrame, type Heartbeat } from '../model/heartbeat';
import type { ReconnectChain } from '../model/reconnect-chain';
import type { AdvisorFrame, AdvisorInput, Draft } from './types';

/**
 * Proxies and load balancers commonly drop a connection after 60 s without traffic; a silence or
 * heartbeat period above 50 s leaves too little margin for timer drift and throttled tabs.
 */
const IDLE_WARN_MS = 50_000;
/** Enough incoming messages to call a channel one-way rather than "quiet so far". */
const ONE_WAY_MIN_IN = 20;
/** A subscribe message or two at the start does not make a channel two-way. */
const ONE_WAY_MAX_OUT = 2;
const PING_TEXT = /ping|pong|heart|beat|keep-?alive/i;
const PING_MAX_SIZE = 128;

export function heartbeatFindings(hb: Heartbeat | null): Draft[] {
  if (!hb) return [];
  const periodMs = hb.periodMs;
  const sharePercent = Math.round(hb.share * 100);
  const count = hb.count;
  const fromPage = hb.dir === 'out';
  const replied = hb.reply !== undefined;
  const numbers = { periodMs, sharePercent, count };
  const whoEn = fromPage ? 'sent by the page' : 'sent by the server';
  const whoZh = fromPage ? '由页面发出' : '由服务器发出';
  if (periodMs > IDLE_WARN_MS) {
    return [
      {
        id: 'heartbeat-slow',
        severity: 'warn',
        numbers,
        title: {
          en: (f) => `Heartbeat every ${f.duration(periodMs)}: slower than common idle timeouts`,
          'zh-CN': (f) => `心跳间隔 ${f.duration(periodMs)}：比常见的空闲超时还慢`,
        },
        detail: {
          en: (f) =>
            `A keep-alive ${whoEn} arrives only every ${f.duration(periodMs)}. nginx and AWS load balancers drop a connection after 60 s without traffic by default, so a late beat lets them cut the line. Send one every 20–30 s.`,
          'zh-CN': (f) =>
            `心跳${whoZh}，间隔达 ${f.duration(periodMs)}。nginx 和 AWS 负载均衡默认在 60 秒没有流量后断开连接，心跳稍一延迟，连接就可能被切断。建议每 20–30 秒发一次。`,
        },
      },
    ];
  }
  return [
    {
      id: 'heartbeat',
      severity: 'info',
      numbers,
      title: {
        en: (f) => `Heartbeat every ${f.duration(periodMs)}, ${whoEn}${replied ? ' and answered' : ''}`,
        'zh-CN': (f) => `每 ${f.duration(periodMs)}一次心跳，${whoZh}${replied ? '并得到回应' : ''}`,
      },
      detail: {
        en: (f) =>
          `${f.num(count)} keep-alive frames, ${f.percent(sharePercent)} of the sample. They keep proxies from treating the connection as idle and reveal a dead peer; hide them to see the data.`,
        'zh-CN': (f) =>
          `共 ${f.num(count)} 个心跳帧，占样本的 ${f.percent(sharePercent)}。心跳能防止代理把连接当作空闲而切断，也能及时发现对端已经失联；隐藏它们可以更清楚地看到数据。`,
      },
    },
  ];
}

interface ConnWindow {
  start: number;
  end: number;
}

/** Longest silence inside one connection; gaps across a reconnect are not a connection's idling. */
export function longestIdleMs(input: AdvisorInput, chain: ReconnectChain | null, frames: readonly AdvisorFrame[]): number {
  const times = frames.map((f) => f.t).sort((a, b) => a - b);
  const firstFrame = times[0];
  const starts = [...(chain?.attempts.map((a) => a.createdAt) ?? []), ...(firstFrame !== undefined ? [firstFrame] : [])];
  if (starts.length === 0) return 0;
  const observedEnd = Math.min(...starts) + Math.max(0, input.durationMs);
  const windows: ConnWindow[] = [];
  if (chain && chain.attempts.length > 0) {
    for (const a of chain.attempts) {
      if (a.openedAt === undefined) continue;
      windows.push({ start: a.openedAt, end: a.closedAt ?? Math.max(observedEnd, a.openedAt) });
    }
  } else if (firstFrame !== undefined) {
    windows.push({ start: firstFrame, end: Math.max(observedEnd, times[times.length - 1] as number) });
  }
  let longest = 0;
  for (const w of windows) {
    const inside = times.filter((t) => t >= w.start && t <= w.end);
    // The sample is capped at the head: the silence before its first frame is only known when the
    // sample reaches back past this connection's opening.
    const headKnown = firstFrame === undefined || firstFrame < w.start;
    let prev = headKnown ? w.start : inside[0];
    if (prev === undefined) continue;
    for (const t of inside) {
      longest = Math.max(longest, t - prev);
      prev = t;
    }
    longest = Math.max(longest, w.end - prev);
  }
  return Math.round(longest);
}

export function idleFindings(input: AdvisorInput, chain: ReconnectChain | null, frames: readonly AdvisorFrame[], hb: Heartbeat | null): Draft[] {
  // Without a frame sample nothing is known about silence; an empty sample means none was seen.
  if (input.kind !== 'ws' || hb || input.frames === undefined) return [];
  const idleMs = longestIdleMs(input, chain, frames);
  if (idleMs < IDLE_WARN_MS) return [];
  return [
    {
      id: 'ws-idle-no-heartbeat',
      severity: 'warn',
      technique: 'ws',
      numbers: { longestIdleMs: idleMs },
      title: {
        en: (f) => `No heartbeat, and the socket sat silent for ${f.duration(idleMs)}`,
        'zh-CN': (f) => `没有心跳，连接曾静默 ${f.duration(idleMs)}`,
      },
      detail: {
        en: (f) =>
          `No message crossed this WebSocket for ${f.duration(idleMs)}. Proxies and load balancers (nginx, AWS ALB) drop connections idle for about 60 s, and the page then sees a 1006 close, or nothing at all until it next sends. Send a small ping every 20–30 s (and expect a pong) to keep the line open and detect a dead one.`,
        'zh-CN': (f) =>
          `这个 WebSocket 上曾有 ${f.duration(idleMs)}没有任何消息往来。代理和负载均衡（nginx、AWS ALB）通常会断开空闲约 60 秒的连接，页面随后会看到 1006 关闭，甚至直到下次发送时才察觉。建议每 20–30 秒发一个小的 ping（并等待 pong），既能保持连接，也能发现已经断掉的连接。`,
      },
    },
  ];
}

export function oneWayFindings(input: AdvisorInput, frames: readonly AdvisorFrame[], hb: Heartbeat | null): Draft[] {
  if (input.kind !== 'ws') return [];
  const isPing = (f: AdvisorFrame): boolean => isHeartbeatFrame(hb, f) || (f.size <= PING_MAX_SIZE && PING_TEXT.test(f.text));
  let inCount = 0;
  let outCount = 0;
  let pingCount = 0;
  for (const f of frames) {
    if (isPing(f)) {
      if (f.dir === 'out') pingCount++;
      continue;
    }
    if (f.dir === 'in') inCount++;
    else outCount++;
  }
  if (inCount < ONE_WAY_MIN_IN || outCount > ONE_WAY_MAX_OUT) return [];
  return [
    {
      id: 'ws-one-way',
      severity: 'info',
      technique: 'sse',
      numbers: { inCount, outCount, pingCount },
      title: {
        en: () => 'Only the server talks on this WebSocket: SSE would be simpler',
        'zh-CN': () => '这个 WebSocket 上只有服务器在发消息：用 SSE 会更简单',
      },
      detail: {
        en: (f) =>
          `${f.num(inCount)} messages came in; the page sent ${f.num(outCount)}${pingCount > 0 ? `, plus ${f.num(pingCount)} pings` : ''}. For server → page traffic, Server-Sent Events give reconnect and resume (Last-Event-ID) for free over plain HTTP, and the rare page → server message can be an ordinary request. Keep WebSocket if you need binary data or busy two-way traffic.`,
        'zh-CN': (f) =>
          `收到 ${f.num(inCount)} 条消息，页面只发了 ${f.num(outCount)} 条${pingCount > 0 ? `（另有 ${f.num(pingCount)} 个 ping）` : ''}。对于服务器到页面的单向推送，SSE 基于普通 HTTP，自带断线重连和断点续传（Last-Event-ID）；页面偶尔要发给服务器的消息，用普通请求即可。如果需要传二进制数据或频繁的双向通信，再保留 WebSocket。`,
      },
    },
  ];
}
