// Context: pure (panel + model), no browser APIs.
// Client errors. Retrying an identical request rarely helps here, except 408, 425 and 429,
// which is why the realtime notes call those out.

import { defineClass, type HttpStatusEntry } from './http-status-types';

const authRealtime = {
  en: 'At a WebSocket handshake the page cannot read this status: it only sees an error and close code 1006. An EventSource treats it as fatal and stops without reconnecting. Check cookies, tokens in the URL, and CORS credentials.',
  'zh-CN':
    '在 WebSocket 握手阶段，页面读不到这个状态码，只能看到 error 事件和关闭码 1006。EventSource 会把它当作致命错误，停止且不再重连。请检查 Cookie、URL 里的令牌以及跨域凭据设置。',
} as const;

export const clientErrorCodes: readonly HttpStatusEntry[] = defineClass('4xx', [
  {
    code: 400,
    reason: 'Bad Request',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server could not make sense of the request: bad syntax, framing or parameters.',
      'zh-CN': '服务器无法理解这个请求：语法、格式或参数有误。',
    },
    realtime: {
      en: 'At a WebSocket handshake this often means a missing or malformed Sec-WebSocket-Key or Sec-WebSocket-Version header, usually stripped by a proxy.',
      'zh-CN': '在 WebSocket 握手中，这常表示 Sec-WebSocket-Key 或 Sec-WebSocket-Version 头缺失或格式错误，通常是被代理删掉了。',
    },
    contexts: {
      'ws-handshake': {
        en: 'The server rejected the upgrade request itself, often because a proxy stripped Upgrade, Connection or the Sec-WebSocket-* headers. The page sees only close code 1006.',
        'zh-CN': '服务器拒绝了升级请求本身，常见原因是代理删掉了 Upgrade、Connection 或 Sec-WebSocket-* 头。页面只能看到关闭码 1006。',
      },
    },
  },
  {
    code: 401,
    reason: 'Unauthorized',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The request lacks valid credentials; the server says how to authenticate in WWW-Authenticate.',
      'zh-CN': '请求缺少有效的身份凭据；服务器会在 WWW-Authenticate 头里说明认证方式。',
    },
    realtime: authRealtime,
    contexts: {
      'ws-handshake': {
        en: 'The server wants credentials before the upgrade. Browsers cannot set an Authorization header on a WebSocket, so send a cookie or a token in the URL or subprotocol. The page only sees close code 1006.',
        'zh-CN':
          '服务器要求在升级前提供凭据。浏览器无法给 WebSocket 设置 Authorization 头，只能通过 Cookie、URL 中的令牌或子协议传递。页面只能看到关闭码 1006。',
      },
      eventsource: {
        en: 'An EventSource cannot send custom headers, so it authenticates only with cookies (withCredentials for cross-origin) or a token in the URL. After a 401 it stops and does not reconnect.',
        'zh-CN':
          'EventSource 不能发送自定义请求头，只能靠 Cookie（跨域时需设置 withCredentials）或 URL 里的令牌来认证。收到 401 后它会停止，不再重连。',
      },
    },
  },
  {
    code: 402,
    reason: 'Payment Required',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Reserved for future use; some APIs use it for exhausted paid quotas.',
      'zh-CN': '为将来保留；有些 API 用它表示付费额度已用完。',
    },
  },
  {
    code: 403,
    reason: 'Forbidden',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server understood who is asking and refuses anyway; new credentials will not change that.',
      'zh-CN': '服务器知道请求者是谁，但仍然拒绝；换凭据也无济于事。',
    },
    realtime: {
      en: 'WebSocket servers often answer 403 when the Origin header is not on their allow list. The page only sees close code 1006; an EventSource stops for good.',
      'zh-CN': 'WebSocket 服务器在 Origin 不在白名单中时常返回 403。页面只能看到关闭码 1006；EventSource 则会永久停止。',
    },
    contexts: {
      'ws-handshake': {
        en: 'Often an Origin check: the server does not accept WebSocket connections from this page origin. The page only sees close code 1006.',
        'zh-CN': '多半是 Origin 校验没通过：服务器不接受来自该页面源的 WebSocket 连接。页面只能看到关闭码 1006。',
      },
    },
  },
  {
    code: 404,
    reason: 'Not Found',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Nothing exists at this URL, or the server prefers not to say.',
      'zh-CN': '这个地址上没有资源，或者服务器不愿透露。',
    },
    realtime: {
      en: 'For WebSocket and SSE endpoints this is usually a wrong path or a proxy that does not route the realtime endpoint.',
      'zh-CN': '对于 WebSocket 和 SSE 接口，这通常是路径写错了，或者代理没有转发这个实时接口。',
    },
  },
  {
    code: 405,
    reason: 'Method Not Allowed',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The resource exists but does not accept this method; Allow lists the ones it does.',
      'zh-CN': '资源存在，但不接受这个请求方法；Allow 头列出了允许的方法。',
    },
    realtime: {
      en: 'An EventSource always uses GET, so a 405 means the endpoint expects POST: use fetch with a stream reader instead.',
      'zh-CN': 'EventSource 只会发 GET，出现 405 说明接口要的是 POST：这时应改用 fetch 加流式读取。',
    },
  },
  {
    code: 406,
    reason: 'Not Acceptable',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server has no representation matching the Accept headers the client sent.',
      'zh-CN': '服务器没有符合客户端 Accept 系列请求头的内容格式。',
    },
    realtime: {
      en: 'An EventSource sends Accept: text/event-stream; a server that cannot produce that format may answer 406.',
      'zh-CN': 'EventSource 会发送 Accept: text/event-stream；不能输出这种格式的服务器可能返回 406。',
    },
  },
  {
    code: 407,
    reason: 'Proxy Authentication Required',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'Like 401, but the proxy between client and server wants credentials.',
      'zh-CN': '与 401 类似，只是要求认证的是客户端与服务器之间的代理。',
    },
  },
  {
    code: 408,
    reason: 'Request Timeout',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server gave up waiting for the client to finish sending the request and closed the connection.',
      'zh-CN': '服务器等不到客户端把请求发完，于是放弃并关闭了连接。',
    },
    realtime: {
      en: 'Some servers and proxies also send 408 when a long poll is held longer than their idle timeout. Keep the long-poll hold time below every timeout on the path.',
      'zh-CN': '有些服务器和代理在长轮询挂起超过其空闲超时时也会返回 408。长轮询的挂起时间应短于链路上每一个超时设置。',
    },
    contexts: {
      poll: {
        en: 'If this ends long polls at a steady duration, a server or proxy idle timeout is shorter than the hold time. Lower the hold time below it; retrying right away is safe.',
        'zh-CN': '如果长轮询总在固定时长后以 408 结束，说明服务器或代理的空闲超时比挂起时间短。把挂起时间调到它之下；立即重试是安全的。',
      },
    },
  },
  {
    code: 409,
    reason: 'Conflict',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The request clashes with the current state of the resource, such as an edit conflict.',
      'zh-CN': '请求与资源的当前状态冲突，比如编辑冲突。',
    },
  },
  {
    code: 410,
    reason: 'Gone',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The resource was removed on purpose and will not come back.',
      'zh-CN': '资源已被有意删除，并且不会再恢复。',
    },
    realtime: {
      en: 'A clear signal for a polling client to stop polling this URL.',
      'zh-CN': '明确告诉轮询客户端：不要再轮询这个地址了。',
    },
  },
  {
    code: 411,
    reason: 'Length Required',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server wants a Content-Length header on this request.',
      'zh-CN': '服务器要求这个请求带上 Content-Length 头。',
    },
  },
  {
    code: 412,
    reason: 'Precondition Failed',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'A condition the client attached (If-Match, If-Unmodified-Since) was not true, so nothing was done.',
      'zh-CN': '客户端附加的条件（If-Match、If-Unmodified-Since）不成立，因此服务器什么也没做。',
    },
  },
  {
    code: 413,
    reason: 'Content Too Large',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The request body is larger than the server will accept.',
      'zh-CN': '请求体超出了服务器愿意接收的大小。',
    },
  },
  {
    code: 414,
    reason: 'URI Too Long',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The URL is longer than the server will read.',
      'zh-CN': '请求的 URL 太长，服务器不愿处理。',
    },
    realtime: {
      en: 'EventSource can only pass data in the URL, so piling state or tokens into the query string can hit this limit.',
      'zh-CN': 'EventSource 只能通过 URL 传参，把状态或令牌都塞进查询字符串可能会触发这个限制。',
    },
  },
  {
    code: 415,
    reason: 'Unsupported Media Type',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server does not accept the body format named in Content-Type.',
      'zh-CN': '服务器不接受 Content-Type 所标明的请求体格式。',
    },
  },
  {
    code: 416,
    reason: 'Range Not Satisfiable',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The byte range asked for lies outside the resource.',
      'zh-CN': '请求的字节范围超出了资源本身。',
    },
  },
  {
    code: 417,
    reason: 'Expectation Failed',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server cannot meet the Expect header, most often Expect: 100-continue.',
      'zh-CN': '服务器无法满足 Expect 头的要求，最常见的是 Expect: 100-continue。',
    },
  },
  {
    code: 418,
    reason: '(Unused)',
    alias: "I'm a teapot",
    registry: 'unused',
    ref: 'RFC 9110',
    summary: {
      en: "Reserved because of the April Fools' teapot joke; it has no standard meaning, though some servers still send it.",
      'zh-CN': '因愚人节“茶壶”玩笑而保留，没有标准含义，不过仍有服务器会返回它。',
    },
  },
  {
    code: 421,
    reason: 'Misdirected Request',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The request reached a server that cannot answer for this host, often because an HTTP/2 connection was reused across hostnames.',
      'zh-CN': '请求到达了无法为该主机名应答的服务器，常见于 HTTP/2 连接被跨主机名复用。',
    },
  },
  {
    code: 422,
    reason: 'Unprocessable Content',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The body is well formed but its content fails validation.',
      'zh-CN': '请求体格式正确，但内容没有通过校验。',
    },
  },
  {
    code: 423,
    reason: 'Locked',
    registry: 'permanent',
    ref: 'RFC 4918',
    summary: {
      en: 'A WebDAV resource is locked against this change.',
      'zh-CN': 'WebDAV 资源已被锁定，不能做这个修改。',
    },
  },
  {
    code: 424,
    reason: 'Failed Dependency',
    registry: 'permanent',
    ref: 'RFC 4918',
    summary: {
      en: 'A WebDAV action failed because an action it depended on failed first.',
      'zh-CN': 'WebDAV 操作失败，因为它所依赖的另一个操作先失败了。',
    },
  },
  {
    code: 425,
    reason: 'Too Early',
    registry: 'permanent',
    ref: 'RFC 8470',
    summary: {
      en: 'The server will not process a request sent as TLS early data, since it could be replayed; send it again after the handshake.',
      'zh-CN': '服务器不处理以 TLS 早期数据发送的请求，因为它可能被重放；握手完成后重发即可。',
    },
  },
  {
    code: 426,
    reason: 'Upgrade Required',
    registry: 'permanent',
    ref: 'RFC 9110',
    summary: {
      en: 'The server refuses to answer over the current protocol and names the one it wants in the Upgrade header.',
      'zh-CN': '服务器拒绝用当前协议应答，并在 Upgrade 头里指明要求的协议。',
    },
    realtime: {
      en: 'A WebSocket-only endpoint answers 426 to a plain HTTP request, for example when it is opened with fetch or in a browser tab. It can also mean an unsupported Sec-WebSocket-Version.',
      'zh-CN':
        '只接受 WebSocket 的接口收到普通 HTTP 请求时会返回 426，比如用 fetch 请求或直接在浏览器标签页打开。它也可能表示 Sec-WebSocket-Version 不受支持。',
    },
    contexts: {
      'ws-handshake': {
        en: 'The server does not accept the WebSocket version the browser offered (browsers send 13), or wants TLS (wss://) instead.',
        'zh-CN': '服务器不接受浏览器提供的 WebSocket 版本（浏览器发送的是 13），或者要求改用 TLS（wss://）。',
      },
    },
  },
  {
    code: 428,
    reason: 'Precondition Required',
    registry: 'permanent',
    ref: 'RFC 6585',
    summary: {
      en: 'The server insists the request be conditional (If-Match and friends) to avoid lost updates.',
      'zh-CN': '服务器要求请求必须带条件头（如 If-Match），以免覆盖别人的修改。',
    },
  },
  {
    code: 429,
    reason: 'Too Many Requests',
    registry: 'permanent',
    ref: 'RFC 6585',
    summary: {
      en: 'The client sent too many requests in a given time and is being rate limited.',
      'zh-CN': '客户端在一段时间内请求过多，被限流了。',
    },
    realtime: {
      en: 'The server asks for backoff. Wait at least as long as Retry-After says, then stretch the interval; polling faster or reconnecting at once makes it worse.',
      'zh-CN': '服务器在要求退避。至少等待 Retry-After 指定的时间，再拉长请求间隔；加快轮询或立刻重连只会更糟。',
    },
    contexts: {
      poll: {
        en: 'The poll interval is too aggressive for this server. Honour Retry-After, then poll less often or switch to a push technique.',
        'zh-CN': '对这台服务器来说轮询太频繁了。遵守 Retry-After，然后降低轮询频率，或者改用推送方式。',
      },
    },
  },
  {
    code: 431,
    reason: 'Request Header Fields Too Large',
    registry: 'permanent',
    ref: 'RFC 6585',
    summary: {
      en: 'One header, or all headers together, are too large; oversized cookies are the usual culprit.',
      'zh-CN': '某个请求头或全部请求头加起来过大；通常是 Cookie 太大。',
    },
  },
  {
    code: 451,
    reason: 'Unavailable For Legal Reasons',
    registry: 'permanent',
    ref: 'RFC 7725',
    summary: {
      en: 'Access is blocked because of a legal demand, such as a court order or censorship.',
      'zh-CN': '由于法律要求（如法院命令或审查），访问被阻止。',
    },
  },
]);
