// Context: pure (panel + model), no browser APIs.
// Number formatting for the advisor's texts. Intl is part of the JS runtime (not a browser API),
// so node tests see the same output as the panel.

import type { Locale } from '../i18n/locale';
import type { Fmt } from './types';

const UNITS: Record<Locale, { ms: string; s: string; min: string; h: string }> = {
  en: { ms: 'ms', s: 's', min: 'min', h: 'h' },
  'zh-CN': { ms: '毫秒', s: '秒', min: '分钟', h: '小时' },
};

export function makeFmt(locale: Locale): Fmt {
  const cache = new Map<number, Intl.NumberFormat>();
  const nf = (digits: number): Intl.NumberFormat => {
    let f = cache.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
      cache.set(digits, f);
    }
    return f;
  };
  const fixed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const u = UNITS[locale];
  const num = (n: number, digits = 0): string => nf(digits).format(Number.isFinite(n) ? n : 0);
  return {
    locale,
    num,
    fixed1: (n) => fixed.format(Number.isFinite(n) ? n : 0),
    duration(ms) {
      const v = Math.max(0, Number.isFinite(ms) ? ms : 0);
      // Below 10 s a tenth of a second matters ("polls every 1.5 s"); above it, it is noise.
      if (v < 1000) return `${num(Math.round(v))} ${u.ms}`;
      if (v < 10_000) return `${fixed.format(v / 1000)} ${u.s}`;
      if (v < 90_000) return `${num(Math.round(v / 1000))} ${u.s}`;
      if (v < 90 * 60_000) return `${num(v / 60_000, 1)} ${u.min}`;
      return `${num(v / 3_600_000, 1)} ${u.h}`;
    },
    percent: (p) => `${num(Math.round(p))}%`,
    bytes(b) {
      const v = Math.max(0, Number.isFinite(b) ? b : 0);
      if (v < 1024) return `${num(Math.round(v))} B`;
      if (v < 1024 * 1024) return `${num(v / 1024, 1)} KB`;
      return `${num(v / (1024 * 1024), 1)} MB`;
    },
  };
}
