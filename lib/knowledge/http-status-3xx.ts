// Context: pure (panel + model), no browser APIs.
// Redirects and cache validation. The realtime angle: WebSocket refuses redirects, EventSource
// and fetch follow them, and 304 is how a cheap poll says "nothing changed".

import { defineClass, type HttpStatusEntry } from './http-status-types';

const wsNoRedirect = {
  en: 'A browser WebSocket never follows redirects: any 3xx to the handshake makes the connection fail, and the page only sees close code 1006. Point the client at the final URL.',
  'zh-CN': '浏览器的 WebSocket 不会跟随重定向：握手收到任何 3xx 都会导致连接失败，页面只能看到关闭码 1006。应让客户端直接连接最终地址。',
} as const;

const followedRedirect = {
  en: 'EventSource, fetch and XHR follow this redirect on their own; the page sees the final response. In a polling loop every poll pays for the extra round trip, so poll the final URL directly.',
  'zh-CN': 'EventSource、fetch 和 XHR 会自动跟随这个重定向，页面拿到的是最终响应。在轮询中每次请求都要多跑一个来回，所以应直接轮询最终地址。',
} as const;

export const redirectionCodes: readonly HttpStatusEntry[] = defineClass('3xx', [
  {
    code: 300,
    reason: 'Multiple Choices',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The resource exists in several forms and the client (or user) should pick one.',
      'zh-CN': '资源有多种表示形式，需要客户端（或用户）从中选择一个。',
    },
  },
  {
    code: 301,
    reason: 'Moved Permanently',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Permanent redirect: the resource now lives at the URL in Location, and clients may switch the method from POST to GET when following it.',
      'zh-CN': '永久重定向：资源已换到 Location 指定的新地址，客户端跟随时可能把 POST 改成 GET。',
    },
    realtime: followedRedirect,
    contexts: { 'ws-handshake': wsNoRedirect },
  },
  {
    code: 302,
    reason: 'Found',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Temporary redirect to the URL in Location; keep using the original URL next time.',
      'zh-CN': '临时重定向到 Location 指定的地址；下次仍应使用原地址。',
    },
    realtime: {
      en: 'A 302 to a login page is a classic cause of a broken EventSource: the redirect is followed, the login page answers 200 with text/html, and the stream fails without reconnecting.',
      'zh-CN': '302 跳转到登录页是 EventSource 失效的常见原因：重定向被自动跟随，登录页以 text/html 返回 200，事件流随即失败且不会重连。',
    },
    contexts: { 'ws-handshake': wsNoRedirect },
  },
  {
    code: 303,
    reason: 'See Other',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Go fetch the answer from another URL with GET, typically after a form POST.',
      'zh-CN': '请用 GET 到另一个地址获取结果，常用于表单 POST 之后。',
    },
    realtime: followedRedirect,
    contexts: { 'ws-handshake': wsNoRedirect },
  },
  {
    code: 304,
    reason: 'Not Modified',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The cached copy the client named (via If-None-Match or If-Modified-Since) is still current, so no body is sent.',
      'zh-CN': '客户端通过 If-None-Match 或 If-Modified-Since 指明的缓存副本仍然有效，因此不返回响应体。',
    },
    realtime: {
      en: 'The cheap "nothing changed" answer to a poll. Note that the page script often sees 200, because the browser fills in the body from its cache; DevTools shows the 304 on the wire.',
      'zh-CN': '轮询时代表“没有变化”的低成本响应。注意页面脚本看到的往往是 200，因为浏览器会用缓存补上响应体；网络层实际收到的是 304。',
    },
    contexts: {
      poll: {
        en: 'Nothing changed since the last poll, and only headers crossed the network. This is the cheapest a short poll can be; if most polls end this way, the interval may be too short.',
        'zh-CN': '自上次轮询以来没有变化，网络上只传了响应头。这已是短轮询最省的情况；如果大多数轮询都这样结束，说明轮询间隔可能太短了。',
      },
      fetch: {
        en: 'fetch and XHR usually hide this: the browser answers the script with 200 and the cached body, unless the script sent If-None-Match or If-Modified-Since itself.',
        'zh-CN': 'fetch 和 XHR 通常看不到它：浏览器会以 200 和缓存的响应体交给脚本，除非脚本自己发送了 If-None-Match 或 If-Modified-Since。',
      },
      'ws-handshake': wsNoRedirect,
    },
  },
  {
    code: 305,
    reason: 'Use Proxy',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Deprecated: it asked the client to repeat the request through a proxy; browsers ignore it for security reasons.',
      'zh-CN': '已弃用：要求客户端通过代理重新请求；出于安全原因浏览器会忽略它。',
    },
  },
  {
    code: 306,
    reason: '(Unused)',
    alias: 'Switch Proxy',
    registry: 'unused',
    ref: 'RFC 9110',
    summary: {
      en: 'Reserved: it was used in an early draft and is kept only so nobody reuses it.',
      'zh-CN': '保留码：曾在早期草案中使用，保留下来只是为了避免被重新占用。',
    },
  },
  {
    code: 307,
    reason: 'Temporary Redirect',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Temporary redirect that must repeat the same method and body at the new URL.',
      'zh-CN': '临时重定向，且必须以相同的方法和请求体请求新地址。',
    },
    realtime: followedRedirect,
    contexts: { 'ws-handshake': wsNoRedirect },
  },
  {
    code: 308,
    reason: 'Permanent Redirect',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Permanent redirect that must keep the same method and body.',
      'zh-CN': '永久重定向，且必须保持相同的方法和请求体。',
    },
    realtime: followedRedirect,
    contexts: { 'ws-handshake': wsNoRedirect },
  },
]);
