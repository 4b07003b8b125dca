// Context: pure (panel + model), no browser APIs.
// How an EventSource reads a stream and when it reconnects, as short cards. The advisor links a
// finding (say, a stream without ids) to the rule that explains it, hence the stable ids.

import type { Localized } from '../i18n/locale';

export type SseRuleId =
  | 'retry-field'
  | 'last-event-id'
  | 'fail-without-reconnect'
  | 'no-content-stops'
  | 'event-types'
  | 'comments-heartbeat'
  | 'line-endings'
  | 'multi-line-data'
  | 'bom'
  | 'ready-state';

export interface SseRule {
  id: SseRuleId;
  title: Localized;
  body: Localized;
  /** A tiny stream or code sample; protocol text, so not translated. */
  example?: string;
}

export const sseRules: readonly SseRule[] = [
  {
    id: 'retry-field',
    title: { en: 'retry: sets the reconnect delay', 'zh-CN': 'retry：设置重连等待时间' },
    body: {
      en: 'A "retry:" line holding only digits sets how many milliseconds the browser waits before reconnecting after the connection drops. Anything other than digits is ignored. Without it the browser picks its own delay, usually a few seconds.',
      'zh-CN':
        '只包含数字的 “retry:” 行用来设置连接断开后浏览器等待多少毫秒再重连。含有非数字字符的值会被忽略。不设置时由浏览器自行决定，通常是几秒钟。',
    },
    example: 'retry: 10000\n\n',
  },
  {
    id: 'last-event-id',
    title: { en: 'id: and Last-Event-ID resume a stream', 'zh-CN': 'id 与 Last-Event-ID：断点续传' },
    body: {
      en: 'An "id:" line stores a last event ID in the EventSource. When it reconnects, the browser sends that value in the Last-Event-ID request header so the server can replay what was missed. An empty "id:" clears it; an id containing a NULL character is ignored. Without ids, events sent while the client was away are lost.',
      'zh-CN':
        '“id:” 行会把一个“最后事件 ID”存进 EventSource。重连时浏览器会在 Last-Event-ID 请求头中带上这个值，服务器据此补发断线期间漏掉的消息。空的 “id:” 会清除它；包含 NULL 字符的 id 会被忽略。不设置 id 的话，客户端离线期间发出的事件就丢了。',
    },
    example: 'id: 42\ndata: hello\n\n',
  },
  {
    id: 'fail-without-reconnect',
    title: { en: 'Wrong status or type: no reconnect', 'zh-CN': '状态码或类型不对：不会重连' },
    body: {
      en: 'The stream opens only on HTTP 200 with Content-Type text/event-stream (after following redirects). Any other status, or any other content type, fails the EventSource for good: it fires error, goes to CLOSED and does not retry. Only a stream that was open and then dropped or ended (network loss, or the server finishing the response) triggers the automatic reconnect.',
      'zh-CN':
        '只有（跟随重定向后）得到 HTTP 200 且 Content-Type 为 text/event-stream 时，事件流才会打开。其他任何状态码或内容类型都会让 EventSource 彻底失败：触发 error 事件、进入 CLOSED 状态并且不再重试。只有已经打开的事件流随后中断或结束（网络断开，或服务器结束了响应）才会触发自动重连。',
    },
  },
  {
    id: 'no-content-stops',
    title: { en: '204 tells the client to stop', 'zh-CN': '204：让客户端停止' },
    body: {
      en: 'A server that wants a client to stop reconnecting answers the next attempt with 204 No Content. The EventSource closes and stays closed.',
      'zh-CN': '服务器若想让客户端不再重连，就在下一次连接时返回 204 No Content。EventSource 随即关闭，并保持关闭。',
    },
  },
  {
    id: 'event-types',
    title: { en: 'event: names need addEventListener', 'zh-CN': 'event：具名事件要用 addEventListener' },
    body: {
      en: 'An "event:" line gives the message a type. onmessage only receives messages with no type (or type "message"); a named event reaches only listeners added with addEventListener for that exact name. A typo on either side makes events vanish silently.',
      'zh-CN':
        '“event:” 行给消息指定类型。onmessage 只能收到没有类型（或类型为 “message”）的消息；具名事件只会送到用 addEventListener 为该名称注册的监听器。任何一方拼写有误，事件都会悄无声息地丢失。',
    },
    example: "event: price\ndata: 42\n\n// page: source.addEventListener('price', handler)",
  },
  {
    id: 'comments-heartbeat',
    title: { en: 'Lines starting with ":" are comments', 'zh-CN': '以 “:” 开头的行是注释' },
    body: {
      en: 'The browser ignores comment lines, so servers send them every 15–30 seconds as heartbeats. They keep proxies and load balancers from closing an idle stream, and never reach page code.',
      'zh-CN': '浏览器会忽略注释行，所以服务器常每隔 15–30 秒发一行注释作为心跳。它能防止代理和负载均衡把空闲的流关掉，而且不会传到页面代码里。',
    },
    example: ': keep-alive\n\n',
  },
  {
    id: 'line-endings',
    title: { en: 'Any line ending works', 'zh-CN': '三种换行符都可以' },
    body: {
      en: 'Lines may end with CRLF, LF or a lone CR. A blank line ends one event. Mixing styles is allowed, but a server that writes "\\r\\n" and a parser that only splits on "\\n" will disagree.',
      'zh-CN':
        '每行可以用 CRLF、LF 或单独的 CR 结尾。一个空行表示一条事件结束。允许混用多种换行符，但服务器写 “\\r\\n”、解析器却只按 “\\n” 切分时，两边就会对不上。',
    },
  },
  {
    id: 'multi-line-data',
    title: { en: 'Several data: lines join with newlines', 'zh-CN': '多行 data 用换行拼接' },
    body: {
      en: 'Each "data:" line of one event is appended with a newline between them, and the final newline is dropped. One space after the colon is removed. An event with no data lines is not delivered at all.',
      'zh-CN':
        '同一条事件中的每个 “data:” 行会依次拼接，中间以换行分隔，最后一个换行会被去掉。冒号后的一个空格会被去除。没有任何 data 行的事件根本不会派发。',
    },
    example: 'data: first line\ndata: second line\n\n',
  },
  {
    id: 'bom',
    title: { en: 'Always UTF-8; a leading BOM is skipped', 'zh-CN': '固定 UTF-8；开头的 BOM 会被跳过' },
    body: {
      en: 'An event stream is always decoded as UTF-8, whatever charset the header claims. One byte-order mark at the very start is dropped; a second one would become part of the first field name.',
      'zh-CN':
        '无论响应头声明何种字符集，事件流一律按 UTF-8 解码。流最开头的一个字节顺序标记（BOM）会被去掉；如果还有第二个，它会变成第一个字段名的一部分。',
    },
  },
  {
    id: 'ready-state',
    title: { en: 'readyState: 0, 1, 2', 'zh-CN': 'readyState：0、1、2' },
    body: {
      en: '0 CONNECTING: opening, or waiting to reconnect after a drop. 1 OPEN: the stream is flowing. 2 CLOSED: failed for good or closed by close(); it will not come back by itself.',
      'zh-CN': '0 CONNECTING：正在连接，或在断线后等待重连。1 OPEN：事件流正常接收中。2 CLOSED：彻底失败或被 close() 关闭，不会自行恢复。',
    },
  },
];

export function sseRule(id: SseRuleId): SseRule {
  const rule = sseRules.find((r) => r.id === id);
  // The id type covers every entry, and a unit test checks the list is complete.
  if (!rule) throw new Error(`unknown SSE rule ${id}`);
  return rule;
}
