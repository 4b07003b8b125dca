// Context: pure (panel + model), no browser APIs.
// Idle/read timeouts of common middleboxes. A long poll held, or a socket left silent, for about
// this long is cut by the hop in between, which the page then sees as 502/504 or a 1006 close.

import type { Localized } from '../i18n/locale';

export interface ProxyTimeout {
  ms: number;
  who: Localized;
}

export const PROXY_TIMEOUTS: readonly ProxyTimeout[] = [
  {
    ms: 30_000,
    who: {
      en: "many proxies and platform routers (Heroku's router gives up after 30 s)",
      'zh-CN': '许多代理和云平台路由层（例如 Heroku 的路由层 30 秒就放弃）',
    },
  },
  {
    ms: 60_000,
    who: {
      en: 'nginx (proxy_read_timeout defaults to 60 s) and AWS Application Load Balancers (idle timeout defaults to 60 s)',
      'zh-CN': 'nginx（proxy_read_timeout 默认 60 秒）和 AWS 应用负载均衡器（空闲超时默认 60 秒）',
    },
  },
  {
    ms: 100_000,
    who: {
      en: 'Cloudflare (answers 524 when the origin is silent for 100 s)',
      'zh-CN': 'Cloudflare（源站 100 秒无响应就返回 524）',
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
