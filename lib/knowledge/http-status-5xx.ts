// Context: pure (panel + model), no browser APIs.
// Server errors. For realtime clients the question is always "retry, and how soon?", so the
// notes focus on backoff and on proxy timeouts that cut long-lived requests.

import { defineClass, type HttpStatusEntry } from './http-status-types';

const proxyTimeoutPoll = {
  en: 'If long polls end like this after the same number of seconds each time, a proxy or load balancer timeout is shorter than the hold time. Hold requests for less than that timeout (30 s is a common safe value) or raise it.',
  'zh-CN':
    '如果长轮询每次都在相同秒数后以此结束，说明代理或负载均衡的超时比挂起时间短。把挂起时间设得比它短（30 秒通常比较稳妥），或者调大这个超时。',
} as const;

export const serverErrorCodes: readonly HttpStatusEntry[] = defineClass('5xx', [
  {
    code: 500,
    reason: 'Internal Server Error',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Something went wrong on the server that it has no more specific code for.',
      'zh-CN': '服务器内部出错，而且没有更具体的状态码可以描述。',
    },
    realtime: {
      en: 'Retry with growing delays and some randomness, so that many clients do not hammer a sick server at the same moment.',
      'zh-CN': '应以逐渐加长、带随机抖动的间隔重试，避免大量客户端同时冲击出问题的服务器。',
    },
  },
  {
    code: 501,
    reason: 'Not Implemented',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server does not support what the request needs, such as the method.',
      'zh-CN': '服务器不支持完成该请求所需的功能，比如请求方法。',
    },
  },
  {
    code: 502,
    reason: 'Bad Gateway',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'A gateway or proxy got an invalid answer, or none, from the server behind it.',
      'zh-CN': '网关或代理从后端服务器收到了无效响应，或者根本没收到。',
    },
    realtime: {
      en: 'Common while a backend restarts, and when a proxy does not pass the Upgrade and Connection headers through for WebSocket. For long polls it can mean the backend closed a held request.',
      'zh-CN': '常见于后端重启期间，或代理没有透传 WebSocket 所需的 Upgrade 与 Connection 头。在长轮询中，也可能是后端关掉了挂起的请求。',
    },
    contexts: { poll: proxyTimeoutPoll },
  },
  {
    code: 503,
    reason: 'Service Unavailable',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server cannot handle the request right now, because of overload or maintenance.',
      'zh-CN': '服务器暂时无法处理请求，原因是过载或停机维护。',
    },
    realtime: {
      en: 'A request to back off. Honour Retry-After when present; otherwise retry with exponential backoff and jitter. An EventSource will not retry by itself after a 503.',
      'zh-CN': '这是要求退避的信号。有 Retry-After 就遵守它，否则用带随机抖动的指数退避重试。收到 503 后 EventSource 不会自己重连。',
    },
    contexts: {
      poll: {
        en: 'The server is overloaded or in maintenance. Wait as long as Retry-After says, then resume polling at a slower pace with some randomness.',
        'zh-CN': '服务器过载或正在维护。先按 Retry-After 指定的时间等待，再以更慢且带随机抖动的节奏恢复轮询。',
      },
      eventsource: {
        en: 'The EventSource gives up after a 503 even when Retry-After is present; the page must schedule a new EventSource itself, after the advised delay.',
        'zh-CN': '即使带有 Retry-After，EventSource 收到 503 后也会放弃；页面必须在建议的延迟之后，自己新建一个 EventSource。',
      },
    },
  },
  {
    code: 504,
    reason: 'Gateway Timeout',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'A gateway or proxy gave up waiting for the server behind it.',
      'zh-CN': '网关或代理等待后端服务器超时，放弃了。',
    },
    realtime: {
      en: 'The classic long-polling mismatch: the server holds the request longer than the proxy in front of it is willing to wait.',
      'zh-CN': '长轮询的典型错配：服务器挂起请求的时间，比前面代理愿意等待的时间还长。',
    },
    contexts: { poll: proxyTimeoutPoll },
  },
  {
    code: 505,
    reason: 'HTTP Version Not Supported',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server will not use the HTTP version of the request.',
      'zh-CN': '服务器不支持请求所用的 HTTP 版本。',
    },
  },
  {
    code: 506,
    reason: 'Variant Also Negotiates',
    registry: 'permanent',
    ref: 'RFC 2295',
    summary: {
      en: 'A configuration loop in content negotiation: the chosen variant negotiates again.',
      'zh-CN': '内容协商配置出现循环：选中的变体自己又要再协商。',
    },
  },
  {
    code: 507,
    reason: 'Insufficient Storage',
    registry: 'permanent',
    ref: 'RFC 4918',
    summary: {
      en: 'A WebDAV server has no room to store what the request needs.',
      'zh-CN': 'WebDAV 服务器没有足够的空间来保存请求所需的内容。',
    },
  },
  {
    code: 508,
    reason: 'Loop Detected',
    registry: 'permanent',
    ref: 'RFC 5842',
    summary: {
      en: 'A WebDAV server hit an endless loop while handling the request and stopped.',
      'zh-CN': 'WebDAV 服务器在处理请求时遇到无限循环，于是中止。',
    },
  },
  {
    code: 510,
    reason: 'Not Extended',
    registry: 'obsolete',
    ref: 'RFC 2774',
    summary: {
      en: 'From the HTTP Extension Framework, now historic: the request lacked an extension the server required.',
      'zh-CN': '来自已成为历史的 HTTP 扩展框架：请求缺少服务器要求的扩展声明。',
    },
  },
  {
    code: 511,
    reason: 'Network Authentication Required',
    registry: 'permanent',
    ref: 'RFC 6585',
    summary: {
      en: 'A captive portal (hotel or airport Wi-Fi) wants the user to log in before any traffic goes through.',
      'zh-CN': '网络接入门户（如酒店、机场 Wi-Fi）要求用户先登录，才放行任何流量。',
    },
    realtime: {
      en: 'Every poll, stream and handshake will fail until the user signs in to the network, so pause retries rather than spinning.',
      'zh-CN': '在用户登录网络之前，所有轮询、事件流和握手都会失败，此时应暂停重试，而不是不停地空转。',
    },
  },
]);
