// Context: pure (panel + model), no browser APIs.
// Idle/read timeouts of common middleboxes. A long poll held, or a socket left silent, for about
// this long is cut by the hop in between, which the page then sees as 502/504 or a 1006 close.

import type { Localized } from '../i18n/locale';

export interface ProxyTimeout {
  ms: number;
  /** A clause naming who cuts at this point, to follow a colon. */
  who: Localized;
}

export const PROXY_TIMEOUTS: readonly ProxyTimeout[] = [
  {
    ms: 30_000,
    who: {
      en: "many proxies and platform routers stop waiting after 30 s (Heroku's router, for one)",
      'zh-CN': '许多代理和云平台路由层 30 秒后就不再等待（例如 Heroku 的路由层）',
    },
  },
  {
    ms: 60_000,
    who: {
      en: "nginx's proxy_read_timeout and the AWS Application Load Balancer idle timeout both default to 60 s",
      'zh-CN': 'nginx 的 proxy_read_timeout 和 AWS 应用负载均衡器的空闲超时默认都是 60 秒',
    },
  },
  {
    ms: 100_000,
    who: {
      en: 'Cloudflare answers 524 when the origin stays silent for 100 s',
      'zh-CN': 'Cloudflare 在源站 100 秒无响应时返回 524',
    },
  },
];

/** The timeout a duration sits just under (or barely over): within max(5 s, 10%) below, 1 s above. */
export function timeoutNear(ms: number): ProxyTimeout | null {
  for (const t of PROXY_TIMEOUTS) {
    const margin = Math.max(5_000, 0.1 * t.ms);
    if (ms > t.ms - margin && ms <= t.ms + 1_000) return t;
  }
  return null;
}

/** The timeout a duration matches within ±10%: what an observed cut-off most likely was. */
export function timeoutMatching(ms: number): ProxyTimeout | null {
  for (const t of PROXY_TIMEOUTS) {
    if (Math.abs(ms - t.ms) <= 0.1 * t.ms) return t;
  }
  return null;
}
