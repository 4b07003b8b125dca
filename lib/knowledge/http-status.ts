// Context: pure (panel + model), no browser APIs.
// Lookup and tooltip text for HTTP statuses. Statuses come from untrusted pages and proxies, so
// every number gets an answer: registered, unregistered-but-in-a-class, or not a status at all.

import { localize, type Locale, type Localized } from '../i18n/locale';
import { informationalCodes, successCodes } from './http-status-1xx-2xx';
import { redirectionCodes } from './http-status-3xx';
import { clientErrorCodes } from './http-status-4xx';
import { serverErrorCodes } from './http-status-5xx';
import { httpStatusClasses, statusClassOf } from './http-status-classes';
import { genericContextNote } from './http-status-context';
import type { Explanation } from './explanation';
import type { HttpRegistryStatus, HttpStatusClass, HttpStatusContext, HttpStatusEntry } from './http-status-types';

export const httpStatusEntries: readonly HttpStatusEntry[] = [
  ...informationalCodes,
  ...successCodes,
  ...redirectionCodes,
  ...clientErrorCodes,
  ...serverErrorCodes,
];

const byCode: ReadonlyMap<number, HttpStatusEntry> = new Map(httpStatusEntries.map((entry) => [entry.code, entry]));

export type HttpStatusKind = 'registered' | 'unregistered' | 'out-of-range';

export interface HttpStatusInfo {
  code: number;
  kind: HttpStatusKind;
  /** null only for out-of-range codes. */
  statusClass: HttpStatusClass | null;
  /** IANA reason phrase; null when the code is not registered. */
  reason: string | null;
  alias?: string;
  registry: HttpRegistryStatus | null;
  ref: string | null;
  summary: Localized;
  realtime?: Localized;
  contexts?: Partial<Record<HttpStatusContext, Localized>>;
}

// DevTools and fetch report 0 when no HTTP response reached the script at all; users see it in
// the status column far more often than any exotic code, so it gets its own wording.
const statusZero: Localized = {
  en: '0 is not an HTTP status. Browsers report it when no response arrived: a network failure, a request blocked by CORS or by an extension, a cancelled request, or an opaque response.',
  'zh-CN': '0 不是 HTTP 状态码。浏览器在没有收到响应时会报告 0：网络故障、请求被 CORS 或扩展拦截、请求被取消，或者是不透明（opaque）响应。',
};

function outOfRange(code: number): Localized {
  const shown = String(code);
  return {
    en: `${shown} is not a valid HTTP status code. Status codes are whole numbers from 100 to 599; a value outside that range comes from a broken server or a tool's own marker.`,
    'zh-CN': `${shown} 不是有效的 HTTP 状态码。状态码是 100 到 599 之间的整数；超出这个范围的值来自有缺陷的服务器，或是某个工具自定义的标记。`,
  };
}

function unregistered(code: number, statusClass: HttpStatusClass): Localized {
  const info = httpStatusClasses[statusClass];
  return {
    en: `${code} is an unregistered ${statusClass} code: it has no standard meaning, so treat it like any ${statusClass} response (${info.label.en.toLowerCase()}). ${info.description.en} Some servers and proxies use such codes for their own purposes (for example nginx 499, Cloudflare 52x).`,
    'zh-CN': `${code} 是未注册的 ${statusClass} 状态码：没有标准含义，应按一般的 ${statusClass}（${info.label['zh-CN']}）响应来对待。${info.description['zh-CN']}有些服务器和代理会自定义这类状态码（例如 nginx 的 499、Cloudflare 的 52x）。`,
  };
}

export function httpStatusInfo(code: number): HttpStatusInfo {
  const entry = byCode.get(code);
  if (entry) {
    return {
      code,
      kind: 'registered',
      statusClass: entry.statusClass,
      reason: entry.reason,
      alias: entry.alias,
      registry: entry.registry,
      ref: entry.ref,
      summary: entry.summary,
      realtime: entry.realtime,
      contexts: entry.contexts,
    };
  }
  const statusClass = statusClassOf(code);
  if (statusClass === null) {
    return {
      code,
      kind: 'out-of-range',
      statusClass: null,
      reason: null,
      registry: null,
      ref: null,
      summary: code === 0 ? statusZero : outOfRange(code),
    };
  }
  return {
    code,
    kind: 'unregistered',
    statusClass,
    reason: null,
    registry: null,
    ref: null,
    summary: unregistered(code, statusClass),
  };
}

export function isRegisteredHttpStatus(code: number): boolean {
  return byCode.has(code);
}

const registryTag: Readonly<Record<Exclude<HttpRegistryStatus, 'permanent'>, Localized>> = {
  temporary: { en: ' (temporary registration)', 'zh-CN': '（临时注册）' },
  unused: { en: ' (reserved, unused)', 'zh-CN': '（保留，未使用）' },
  obsolete: { en: ' (obsolete)', 'zh-CN': '（已废弃）' },
};

function titleOf(info: HttpStatusInfo, locale: Locale): string {
  if (info.kind === 'out-of-range') {
    return localize({ en: `${info.code}: not an HTTP status`, 'zh-CN': `${info.code}：不是 HTTP 状态码` }, locale);
  }
  if (info.kind === 'unregistered' || info.reason === null) {
    return localize(
      {
        en: `${info.code}: unregistered ${info.statusClass ?? ''} code`,
        'zh-CN': `${info.code}：未注册的 ${info.statusClass ?? ''} 状态码`,
      },
      locale,
    );
  }
  // Reason phrases are protocol tokens seen on the wire, so they stay in English in both locales.
  const name = info.alias ?? info.reason;
  const tag = info.registry && info.registry !== 'permanent' ? localize(registryTag[info.registry], locale) : '';
  return `${info.code} ${name}${tag}`;
}

/**
 * Plain text for a tooltip. Paragraphs are separated by a blank line; the UI renders them as
 * text (never HTML), with white-space preserved.
 */
export function explainHttpStatus(code: number, context: HttpStatusContext | undefined, locale: Locale): Explanation {
  const info = httpStatusInfo(code);
  const parts: string[] = [localize(info.summary, locale)];
  if (context !== undefined && info.statusClass !== null) {
    const note = info.contexts?.[context] ?? genericContextNote(context, info.statusClass);
    parts.push(localize(note, locale));
  } else if (info.realtime) {
    parts.push(localize(info.realtime, locale));
  }
  return { title: titleOf(info, locale), body: parts.join('\n\n') };
}
