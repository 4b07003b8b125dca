// Context: pure (panel + model), no browser APIs.
// Informational and success codes. 101 and 204 are the ones realtime traffic hinges on.

import { defineClass, type HttpStatusEntry } from './http-status-types';

export const informationalCodes: readonly HttpStatusEntry[] = defineClass('1xx', [
  {
    code: 100,
    reason: 'Continue',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'An interim reply: the server has the request headers and the client may go on sending the body.',
      'zh-CN': '临时响应：服务器已收到请求头，客户端可以继续发送请求体。',
    },
  },
  {
    code: 101,
    reason: 'Switching Protocols',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server agrees to leave HTTP and speak the protocol named in the Upgrade header on this same connection.',
      'zh-CN': '服务器同意在这条连接上改用 Upgrade 头里指定的协议，不再说 HTTP。',
    },
    realtime: {
      en: 'This is the success answer to a WebSocket opening handshake: from here on the connection carries WebSocket frames, not HTTP.',
      'zh-CN': '这是 WebSocket 握手成功的标志：此后这条连接上传的是 WebSocket 帧，而不是 HTTP。',
    },
    contexts: {
      'ws-handshake': {
        en: 'Handshake accepted. The server also had to return a Sec-WebSocket-Accept value that matches the key the browser sent; if it does not, the browser drops the connection anyway.',
        'zh-CN': '握手成功。服务器还必须返回与浏览器所发 key 对应的 Sec-WebSocket-Accept，对不上的话浏览器仍会断开连接。',
      },
    },
  },
  {
    code: 102,
    reason: 'Processing',
    registry: 'permanent',
    ref: 'RFC 2518',
    summary: {
      en: 'An interim reply from WebDAV servers saying a slow request is still being worked on; rarely seen today.',
      'zh-CN': 'WebDAV 服务器的临时响应，表示耗时的请求仍在处理中；如今很少见。',
    },
  },
  {
    code: 103,
    reason: 'Early Hints',
    registry: 'permanent',
    ref: 'RFC 8297',
    summary: {
      en: 'An interim reply carrying Link headers so the browser can start preloading while the real response is prepared.',
      'zh-CN': '临时响应，携带 Link 头，让浏览器在正式响应生成前就开始预加载资源。',
    },
  },
  {
    code: 104,
    reason: 'Upload Resumption Supported',
    registry: 'temporary',
    ref: 'draft-ietf-httpbis-resumable-upload',
    summary: {
      en: 'A temporary registration from the resumable-upload draft: the server tells the client it can resume this upload if it breaks off.',
      'zh-CN': '来自可续传上传草案的临时注册码：服务器告诉客户端，这次上传中断后可以续传。',
    },
  },
]);

export const successCodes: readonly HttpStatusEntry[] = defineClass('2xx', [
  {
    code: 200,
    reason: 'OK',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The request worked and the response carries the result.',
      'zh-CN': '请求成功，响应里带着结果。',
    },
    realtime: {
      en: 'For an EventSource, 200 is necessary but not enough: the Content-Type must also be text/event-stream, or the stream fails and does not reconnect.',
      'zh-CN': '对 EventSource 来说，200 是必要条件但还不够：Content-Type 还必须是 text/event-stream，否则连接失败且不会重连。',
    },
    contexts: {
      eventsource: {
        en: 'The stream opens only if Content-Type is text/event-stream as well. A 200 with text/html or application/json (a login page, an error page from a proxy) fails the EventSource for good.',
        'zh-CN':
          '只有 Content-Type 同时是 text/event-stream 才能打开事件流。如果 200 返回的是 text/html 或 application/json（比如登录页、代理的错误页），EventSource 会直接失败，不再重连。',
      },
      'ws-handshake': {
        en: 'Over HTTP/1.1 a WebSocket handshake must get 101, so a 200 here means the server treated it as a plain request and the socket fails. (WebSocket over HTTP/2 uses an extended CONNECT that does succeed with 200.)',
        'zh-CN':
          '在 HTTP/1.1 上，WebSocket 握手必须得到 101；这里收到 200 说明服务器把它当成了普通请求，连接会失败。（基于 HTTP/2 的 WebSocket 使用扩展 CONNECT，成功时确实返回 200。）',
      },
      poll: {
        en: 'A normal poll answer. Whether it brought anything new shows in the body, not the status; polls that keep returning the same body are wasted round trips.',
        'zh-CN': '正常的轮询响应。有没有新数据要看响应体而不是状态码；反复返回相同内容的轮询就是白跑一趟。',
      },
    },
  },
  {
    code: 201,
    reason: 'Created',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The request created a new resource, usually named in the Location header.',
      'zh-CN': '请求创建了新资源，新资源的地址通常在 Location 头里。',
    },
  },
  {
    code: 202,
    reason: 'Accepted',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server took the request but has not finished it yet; the result comes later by some other route.',
      'zh-CN': '服务器已接下请求但还没处理完，结果稍后通过别的途径获取。',
    },
    realtime: {
      en: 'A common start of a polling loop: the client then polls a status URL, or waits for a push, until the job is done.',
      'zh-CN': '轮询的常见起点：客户端随后轮询一个状态地址，或者等待推送，直到任务完成。',
    },
  },
  {
    code: 203,
    reason: 'Non-Authoritative Information',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Success, but a proxy in between changed the response from what the origin server sent.',
      'zh-CN': '请求成功，但中间的代理改动过源服务器返回的内容。',
    },
  },
  {
    code: 204,
    reason: 'No Content',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Success with an intentionally empty body.',
      'zh-CN': '请求成功，并且故意不返回响应体。',
    },
    realtime: {
      en: 'The standard way for a server to tell an EventSource to stop for good: it closes and never reconnects. In long polling, 204 often means the hold time ran out with no news.',
      'zh-CN': '服务器让 EventSource 永久停止的标准做法：连接关闭且不再重连。在长轮询里，204 常表示挂起超时、没有新消息。',
    },
    contexts: {
      eventsource: {
        en: 'The server is telling this EventSource to stop: it moves to CLOSED and will not reconnect. If the page wants the stream back, it has to create a new EventSource.',
        'zh-CN': '服务器在通知这个 EventSource 停止：它会进入 CLOSED 状态且不再重连。页面想恢复事件流，只能新建一个 EventSource。',
      },
      poll: {
        en: 'Typical long-poll answer when the hold time ran out with nothing to send; the client should simply ask again.',
        'zh-CN': '长轮询挂起到期却没有数据时的典型响应；客户端直接发起下一轮请求即可。',
      },
    },
  },
  {
    code: 205,
    reason: 'Reset Content',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Success; the client should reset the form or view that sent the request.',
      'zh-CN': '请求成功，客户端应重置发起请求的表单或视图。',
    },
  },
  {
    code: 206,
    reason: 'Partial Content',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The response holds only the byte range the client asked for with a Range header.',
      'zh-CN': '响应只包含客户端用 Range 头请求的那一段字节。',
    },
  },
  {
    code: 207,
    reason: 'Multi-Status',
    registry: 'permanent',
    ref: 'RFC 4918',
    summary: {
      en: 'A WebDAV reply whose body lists a separate status for each of several resources.',
      'zh-CN': 'WebDAV 响应，响应体里分别列出多个资源各自的状态。',
    },
  },
  {
    code: 208,
    reason: 'Already Reported',
    registry: 'permanent',
    ref: 'RFC 5842',
    summary: {
      en: 'Used inside a WebDAV multi-status body so the same resource is not listed twice.',
      'zh-CN': '用在 WebDAV 多状态响应体内，避免同一资源被重复列出。',
    },
  },
  {
    code: 226,
    reason: 'IM Used',
    registry: 'permanent',
    ref: 'RFC 3229',
    summary: {
      en: 'The server sent a delta (changes only) against a version the client already has, instead of the full resource.',
      'zh-CN': '服务器只返回相对客户端已有版本的差异部分，而不是完整资源。',
    },
  },
]);
