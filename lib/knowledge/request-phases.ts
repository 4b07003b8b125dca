// Context: pure (panel + model), no browser APIs.
// Splits a Resource Timing entry into the phases the article's "what happens after Enter"
// walk-through describes. Takes a plain object so the panel can feed it from HAR timings or a
// PerformanceResourceTiming copy alike.

import type { Localized } from '../i18n/locale';

export type RequestPhase = 'redirect' | 'dns' | 'tcp' | 'tls' | 'waiting' | 'download';

export interface ResourceTimingLike {
  startTime: number;
  redirectStart: number;
  redirectEnd: number;
  domainLookupStart: number;
  domainLookupEnd: number;
  connectStart: number;
  connectEnd: number;
  secureConnectionStart: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
}

export interface PhaseDuration {
  phase: RequestPhase;
  ms: number;
  /** Start of the phase relative to entry.startTime, for drawing a waterfall. */
  offsetMs: number;
}

export const requestPhaseInfo: Readonly<Record<RequestPhase, { label: Localized; hint: Localized }>> = {
  redirect: {
    label: { en: 'Redirects', 'zh-CN': '重定向' },
    hint: {
      en: 'Time spent following 3xx responses before the final request.',
      'zh-CN': '在发出最终请求之前，跟随 3xx 重定向所花的时间。',
    },
  },
  dns: {
    label: { en: 'DNS lookup', 'zh-CN': 'DNS 解析' },
    hint: {
      en: 'Turning the host name into an IP address; zero when the answer was cached.',
      'zh-CN': '把域名解析成 IP 地址；命中缓存时为零。',
    },
  },
  tcp: {
    label: { en: 'TCP connect', 'zh-CN': 'TCP 连接' },
    hint: {
      en: 'The three-way handshake; absent when an open connection was reused.',
      'zh-CN': '即三次握手；复用已有连接时没有这一段。',
    },
  },
  tls: {
    label: { en: 'TLS handshake', 'zh-CN': 'TLS 握手' },
    hint: {
      en: 'Negotiating encryption for HTTPS and wss://.',
      'zh-CN': '为 HTTPS 和 wss:// 协商加密。',
    },
  },
  waiting: {
    label: { en: 'Request sent, waiting (TTFB)', 'zh-CN': '发送请求并等待首字节（TTFB）' },
    hint: {
      en: 'From sending the request to the first byte of the answer. For a long poll this is the hold time.',
      'zh-CN': '从发出请求到收到响应的第一个字节。对长轮询来说，这一段就是挂起时间。',
    },
  },
  download: {
    label: { en: 'Response download', 'zh-CN': '下载响应' },
    hint: {
      en: 'Receiving the body. For an SSE or fetch stream this is how long the stream stayed open.',
      'zh-CN': '接收响应体。对 SSE 或 fetch 流来说，这就是流保持打开的时长。',
    },
  },
};

// Resource Timing reports 0 for any mark it hides (cross-origin without Timing-Allow-Origin) or
// that did not happen, so 0 means "unknown", never "at time zero".
function span(phase: RequestPhase, start: number, end: number, origin: number): PhaseDuration | null {
  if (!(start > 0) || !(end > 0) || !Number.isFinite(start) || !Number.isFinite(end)) return null;
  const ms = end - start;
  if (!(ms > 0)) return null;
  return { phase, ms, offsetMs: start - origin };
}

export function phasesFromResourceTiming(entry: ResourceTimingLike): PhaseDuration[] {
  const origin = entry.startTime;
  // secureConnectionStart sits inside the connect span; outside it (0, or a reused connection)
  // there was no TLS work to show.
  const tlsStart =
    entry.secureConnectionStart > 0 && entry.secureConnectionStart >= entry.connectStart && entry.secureConnectionStart <= entry.connectEnd
      ? entry.secureConnectionStart
      : 0;
  const candidates = [
    span('redirect', entry.redirectStart, entry.redirectEnd, origin),
    span('dns', entry.domainLookupStart, entry.domainLookupEnd, origin),
    span('tcp', entry.connectStart, tlsStart > 0 ? tlsStart : entry.connectEnd, origin),
    tlsStart > 0 ? span('tls', tlsStart, entry.connectEnd, origin) : null,
    span('waiting', entry.requestStart, entry.responseStart, origin),
    span('download', entry.responseStart, entry.responseEnd, origin),
  ];
  return candidates.filter((p): p is PhaseDuration => p !== null);
}

/**
 * Whole duration, which Resource Timing exposes even cross-origin. Lets the panel show something
 * when the phase list is empty.
 */
export function totalDurationMs(entry: Pick<ResourceTimingLike, 'startTime' | 'responseEnd'>): number | null {
  const ms = entry.responseEnd - entry.startTime;
  return entry.responseEnd > 0 && ms >= 0 ? ms : null;
}

/** True when the timing was hidden: the detailed marks are zero although the request finished. */
export function isTimingRestricted(entry: ResourceTimingLike): boolean {
  return entry.responseEnd > 0 && entry.requestStart === 0 && entry.responseStart === 0;
}

/** Request timings as HAR and chrome.devtools.network give them (ms; -1 = does not apply). */
export interface HarTimingsLike {
  blocked?: number;
  dns?: number;
  connect?: number;
  ssl?: number;
  send?: number;
  wait?: number;
  receive?: number;
}

/**
 * The same phases from HAR timings (what DevTools records for each request). HAR's `connect`
 * includes the TLS time, which `ssl` repeats, so TCP is connect minus ssl.
 */
export function phasesFromHarTimings(t: HarTimingsLike): PhaseDuration[] {
  const v = (x: number | undefined) => (x === undefined || x < 0 ? 0 : x);
  const ssl = v(t.ssl);
  const steps: [RequestPhase, number][] = [
    ['dns', v(t.dns)],
    ['tcp', Math.max(0, v(t.connect) - ssl)],
    ['tls', ssl],
    ['waiting', v(t.send) + v(t.wait)],
    ['download', v(t.receive)],
  ];
  const out: PhaseDuration[] = [];
  let offset = v(t.blocked);
  for (const [phase, ms] of steps) {
    if (ms > 0) out.push({ phase, ms, offsetMs: offset });
    offset += ms;
  }
  return out;
}
