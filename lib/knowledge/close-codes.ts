// Context: pure (panel + model), no browser APIs.
// Close-code lookup and tooltip text. Any integer gets an answer, because close codes come from
// the page's peer (untrusted) and from libraries that invent their own.

import { localize, type Locale, type Localized } from '../i18n/locale';
import { closeCodeEntries, type CloseCodeEntry, type ReconnectAdvice } from './close-code-data';
import type { Explanation } from './explanation';

export type CloseCodeRangeKind = 'unused' | 'protocol' | 'registered' | 'private';

export interface CloseCodeRange {
  from: number;
  to: number;
  kind: CloseCodeRangeKind;
  name: string;
  summary: Localized;
  reconnect: ReconnectAdvice;
  advice: Localized;
}

export const closeCodeRanges: readonly CloseCodeRange[] = [
  {
    from: 0,
    to: 999,
    kind: 'unused',
    name: 'Unused',
    summary: {
      en: 'Codes below 1000 are not used by WebSocket; a Close frame carrying one is a protocol error.',
      'zh-CN': '1000 以下的代码 WebSocket 不使用；关闭帧里出现这类代码属于协议错误。',
    },
    reconnect: 'depends',
    advice: {
      en: 'The peer is not following the protocol. Treat it as an unexpected close.',
      'zh-CN': '对方没有遵守协议。按意外关闭处理。',
    },
  },
  {
    from: 1000,
    to: 2999,
    kind: 'protocol',
    name: 'Reserved for the protocol',
    summary: {
      en: 'Kept for the WebSocket protocol itself, its future revisions and its extensions. Codes from 1016 up are not assigned yet.',
      'zh-CN': '留给 WebSocket 协议本身、其后续修订和扩展使用。1016 及以上的代码目前尚未分配。',
    },
    reconnect: 'depends',
    advice: {
      en: 'An unassigned code here has no agreed meaning; look at the close reason and the server or extension that sent it.',
      'zh-CN': '这里未分配的代码没有公认含义；请查看关闭原因，以及发送它的服务器或扩展。',
    },
  },
  {
    from: 3000,
    to: 3999,
    kind: 'registered',
    name: 'Registered for libraries and frameworks',
    summary: {
      en: 'For libraries, frameworks and applications, registered with IANA on a first-come basis so different libraries do not clash.',
      'zh-CN': '供库、框架和应用使用，按先到先得的方式向 IANA 注册，避免不同的库互相冲突。',
    },
    reconnect: 'depends',
    advice: {
      en: 'Its meaning comes from the IANA registry entry or the library that uses it.',
      'zh-CN': '其含义以 IANA 注册表条目或使用它的库为准。',
    },
  },
  {
    from: 4000,
    to: 4999,
    kind: 'private',
    name: 'Private use',
    summary: {
      en: 'Free for each application to define; they are never registered, so only the app that sent one knows what it means.',
      'zh-CN': '由各个应用自行定义，永远不会被注册，因此只有发送它的应用知道其含义。',
    },
    reconnect: 'depends',
    advice: {
      en: 'Look it up in the app or library docs. Many mirror HTTP statuses, e.g. 4401 unauthorised and 4403 forbidden (graphql-ws does this).',
      'zh-CN': '请查阅应用或库的文档。很多实现会借用 HTTP 状态码，比如 4401 表示未认证、4403 表示禁止访问（graphql-ws 就是这样）。',
    },
  },
];

const byCode: ReadonlyMap<number, CloseCodeEntry> = new Map(closeCodeEntries.map((e) => [e.code, e]));

export interface CloseCodeInfo {
  code: number;
  /** True when the code has its own entry; false when only its range (or nothing) is known. */
  known: boolean;
  name: string;
  range: CloseCodeRange | null;
  /** May legitimately appear in a Close frame. */
  onWire: boolean;
  /** WebSocket.close() only accepts 1000 and 3000–4999; anything else throws in the page. */
  canSendFromScript: boolean;
  summary: Localized;
  reconnect: ReconnectAdvice;
  advice: Localized;
}

export function closeCodeRange(code: number): CloseCodeRange | null {
  if (!Number.isInteger(code)) return null;
  return closeCodeRanges.find((r) => code >= r.from && code <= r.to) ?? null;
}

export function canSendFromScript(code: number): boolean {
  return code === 1000 || (Number.isInteger(code) && code >= 3000 && code <= 4999);
}

function invalidInfo(code: number): CloseCodeInfo {
  return {
    code,
    known: false,
    name: 'Invalid',
    range: null,
    onWire: false,
    canSendFromScript: false,
    summary: {
      en: `${code} is not a valid close code: close codes are whole numbers from 0 to 4999 carried in two bytes, and only 1000–4999 are in use.`,
      'zh-CN': `${code} 不是有效的关闭码：关闭码是用两个字节承载的 0 到 4999 之间的整数，实际只使用 1000–4999。`,
    },
    reconnect: 'depends',
    advice: {
      en: 'Something is misreporting the close; check the library or server that produced it.',
      'zh-CN': '有程序报告了错误的关闭码；请检查产生它的库或服务器。',
    },
  };
}

export function closeCodeInfo(code: number): CloseCodeInfo {
  const range = closeCodeRange(code);
  if (range === null) return invalidInfo(code);
  const entry = byCode.get(code);
  if (entry) {
    return {
      code,
      known: true,
      name: entry.name,
      range,
      onWire: entry.onWire,
      canSendFromScript: canSendFromScript(code),
      summary: entry.summary,
      reconnect: entry.reconnect,
      advice: entry.advice,
    };
  }
  return {
    code,
    known: false,
    name: range.name,
    range,
    // Unused and not-yet-assigned protocol codes have no business in a Close frame.
    onWire: range.kind === 'registered' || range.kind === 'private',
    canSendFromScript: canSendFromScript(code),
    summary: range.summary,
    reconnect: range.reconnect,
    advice: range.advice,
  };
}

export const reconnectAdviceLabels: Readonly<Record<ReconnectAdvice, Localized>> = {
  yes: { en: 'Reconnect', 'zh-CN': '可以重连' },
  backoff: { en: 'Reconnect with backoff', 'zh-CN': '退避后重连' },
  no: { en: 'Do not reconnect as is', 'zh-CN': '不要原样重连' },
  depends: { en: 'Depends on the app', 'zh-CN': '取决于应用' },
};

// Close reasons are at most 123 bytes on the wire, but a buggy hook or library could hand us
// anything; keep tooltips bounded.
const MAX_REASON_CHARS = 200;

function reasonLine(code: number, reason: string, locale: Locale): string | null {
  // 1005 and 1006 mean no Close frame (or no status in it), so there is never a reason to show.
  if (code === 1005 || code === 1006) return null;
  if (reason.length === 0) {
    return localize({ en: 'No reason text was given.', 'zh-CN': '对方没有给出原因说明。' }, locale);
  }
  const shown = reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS)}…` : reason;
  return localize({ en: `Reason given: "${shown}"`, 'zh-CN': `给出的原因：“${shown}”` }, locale);
}

function cleanLine(code: number, wasClean: boolean): Localized {
  if (wasClean) {
    return {
      en: 'Clean close: both sides exchanged Close frames before the TCP connection ended.',
      'zh-CN': '正常关闭：双方在 TCP 连接断开前互相发送了关闭帧。',
    };
  }
  if (code === 1006) {
    return {
      en: 'Not clean: the TCP connection ended without any closing handshake.',
      'zh-CN': '非正常关闭：TCP 连接在没有任何关闭握手的情况下断开了。',
    };
  }
  return {
    en: 'Not clean: the closing handshake did not finish before the TCP connection ended.',
    'zh-CN': '非正常关闭：关闭握手尚未完成，TCP 连接就已断开。',
  };
}

export function explainCloseCode(code: number, reason: string, wasClean: boolean, locale: Locale): Explanation {
  const info = closeCodeInfo(code);
  const parts: string[] = [localize(info.summary, locale), localize(info.advice, locale)];
  const why = reasonLine(code, reason, locale);
  if (why !== null) parts.push(why);
  parts.push(localize(cleanLine(code, wasClean), locale));
  const verdict = reconnectAdviceLabels[info.reconnect];
  parts.push(localize({ en: `Next step: ${verdict.en}.`, 'zh-CN': `下一步：${verdict['zh-CN']}。` }, locale));
  return { title: `${code} ${info.name}`, body: parts.join('\n\n') };
}
