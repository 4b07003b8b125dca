// Context: pure (panel + model), no browser APIs.
// Fallback notes per context and class, used when a code has no sharper note of its own. They
// matter most for unregistered codes, where the class is all we know.

import type { Localized } from '../i18n/locale';
import type { HttpStatusClass, HttpStatusContext } from './http-status-types';

const interim: Localized = {
  en: 'An interim response: the browser handles it and waits for the final status. Page scripts never see it.',
  'zh-CN': '这是临时响应：浏览器会自行处理并等待最终状态码，页面脚本看不到它。',
};

const wsFailed: Localized = {
  en: 'The handshake failed: only 101 Switching Protocols opens a WebSocket. The page is never told this status; it gets an error event and then a close event with code 1006.',
  'zh-CN':
    '握手失败：只有 101 Switching Protocols 才能建立 WebSocket。页面不会得知这个状态码，只会先收到 error 事件，再收到关闭码为 1006 的 close 事件。',
};

const wsRedirect: Localized = {
  en: 'A browser WebSocket does not follow redirects, so this fails the handshake; the page sees close code 1006.',
  'zh-CN': '浏览器的 WebSocket 不跟随重定向，因此握手失败，页面看到的是关闭码 1006。',
};

const esOtherSuccess: Localized = {
  en: 'Only 200 with Content-Type text/event-stream opens a stream. Any other status fails the EventSource, and it does not reconnect.',
  'zh-CN': '只有状态码 200 且 Content-Type 为 text/event-stream 才能打开事件流。其他任何状态码都会让 EventSource 失败，并且不会重连。',
};

const esRedirect: Localized = {
  en: 'The EventSource follows the redirect; what counts is the final response, which must be 200 with text/event-stream.',
  'zh-CN': 'EventSource 会跟随重定向；关键看最终响应，它必须是 200 且为 text/event-stream。',
};

const esError: Localized = {
  en: 'An EventSource does not retry after an HTTP error status: it fires error, moves to CLOSED (readyState 2) and stays there. Its automatic reconnect only covers a stream that opened and then dropped or ended. The page must create a new EventSource to try again.',
  'zh-CN':
    'EventSource 遇到 HTTP 错误状态码后不会重试：它触发 error 事件，进入 CLOSED（readyState 为 2）并一直保持。自动重连只针对已经打开、随后中断或结束的事件流。页面要重试，必须新建一个 EventSource。',
};

const pollSuccess: Localized = {
  en: 'A successful poll. Whether it carried news shows in the body; identical bodies in a row are wasted requests.',
  'zh-CN': '一次成功的轮询。有没有新数据要看响应体；连续返回相同内容就是在浪费请求。',
};

const pollRedirect: Localized = {
  en: 'The browser follows the redirect by itself, but every poll pays for the extra round trip. Poll the final URL directly.',
  'zh-CN': '浏览器会自动跟随重定向，但每次轮询都要多跑一个来回。应直接轮询最终地址。',
};

const pollClientError: Localized = {
  en: 'The same request will fail the same way next time, so a polling loop should stop or fix the request instead of repeating it at the same pace.',
  'zh-CN': '同样的请求下次还会以同样的方式失败，因此轮询应停下来或修正请求，而不是按原来的节奏重复发送。',
};

const pollServerError: Localized = {
  en: 'A server-side failure. Keep polling but back off: lengthen the interval with some randomness until the server recovers.',
  'zh-CN': '服务器端故障。可以继续轮询，但要退避：逐步拉长间隔并加入随机抖动，直到服务器恢复。',
};

const fetchSuccess: Localized = {
  en: 'fetch resolves and response.ok is true.',
  'zh-CN': 'fetch 正常返回，response.ok 为 true。',
};

const fetchRedirect: Localized = {
  en: 'fetch follows redirects by default; response.redirected and response.url tell the script it happened.',
  'zh-CN': 'fetch 默认会跟随重定向；脚本可以通过 response.redirected 和 response.url 得知发生过重定向。',
};

const fetchError: Localized = {
  en: 'fetch does not reject on HTTP error statuses: it resolves with response.ok set to false, so the code must check it. Only network failures reject the promise.',
  'zh-CN': 'fetch 不会因为 HTTP 错误状态码而 reject：它照常返回，只是 response.ok 为 false，代码必须自己检查。只有网络故障才会让 Promise 被 reject。',
};

const notes: Readonly<Record<HttpStatusContext, Readonly<Record<HttpStatusClass, Localized>>>> = {
  'ws-handshake': {
    '1xx': interim,
    '2xx': wsFailed,
    '3xx': wsRedirect,
    '4xx': wsFailed,
    '5xx': wsFailed,
  },
  eventsource: {
    '1xx': interim,
    '2xx': esOtherSuccess,
    '3xx': esRedirect,
    '4xx': esError,
    '5xx': esError,
  },
  poll: {
    '1xx': interim,
    '2xx': pollSuccess,
    '3xx': pollRedirect,
    '4xx': pollClientError,
    '5xx': pollServerError,
  },
  fetch: {
    '1xx': interim,
    '2xx': fetchSuccess,
    '3xx': fetchRedirect,
    '4xx': fetchError,
    '5xx': fetchError,
  },
};

export function genericContextNote(context: HttpStatusContext, statusClass: HttpStatusClass): Localized {
  return notes[context][statusClass];
}
