// Context: pure (panel + model), no browser APIs.
// WebSocket close codes: RFC 6455 section 7.4 plus later IANA registrations. Written as data so
// the panel can render the whole table on the Learn tab as well as explain a single close.

import type { Localized } from '../i18n/locale';

/**
 * What a client should do next. "backoff" means reconnect, but with growing randomised delays,
 * because the server is telling us it is struggling.
 */
export type ReconnectAdvice = 'yes' | 'backoff' | 'no' | 'depends';

export interface CloseCodeEntry {
  code: number;
  name: string;
  /** False for codes that only exist inside APIs and must never appear in a Close frame. */
  onWire: boolean;
  /** 'rfc6455' = defined by the protocol itself; 'iana' = added to the registry later. */
  source: 'rfc6455' | 'iana';
  summary: Localized;
  reconnect: ReconnectAdvice;
  advice: Localized;
}

export const closeCodeEntries: readonly CloseCodeEntry[] = [
  {
    code: 1000,
    name: 'Normal Closure',
    onWire: true,
    source: 'rfc6455',
    summary: {
      en: 'The connection finished its job and one side closed it on purpose.',
      'zh-CN': '连接已完成使命，一方主动将其正常关闭。',
    },
    reconnect: 'no',
    advice: {
      en: 'An intended close. Reconnect only if your app expects this channel to stay open and the server closed it anyway.',
      'zh-CN': '这是有意的关闭。只有当应用需要这个通道一直在线、而服务器却关掉了它时，才需要重连。',
    },
  },
  {
    code: 1001,
    name: 'Going Away',
    onWire: true,
    source: 'rfc6455',
    summary: {
      en: 'An endpoint is leaving: the server is shutting down, or the browser is navigating away from the page.',
      'zh-CN': '有一方要离开了：服务器正在关闭，或者浏览器正在离开当前页面。',
    },
    reconnect: 'yes',
    advice: {
      en: 'When the server sent it (deploy or shutdown), reconnect after a short random delay so all clients do not return at the same instant.',
      'zh-CN': '如果是服务器发出的（发布或停机），在一个短暂的随机延迟后重连，避免所有客户端同时涌回来。',
    },
  },
  {
    code: 1002,
    name: 'Protocol Error',
    onWire: true,
    source: 'rfc6455',
    summary: {
      en: 'An endpoint received something that breaks the WebSocket protocol, such as a malformed frame.',
      'zh-CN': '一方收到了违反 WebSocket 协议的内容，比如格式错误的帧。',
    },
    reconnect: 'no',
    advice: {
      en: 'A bug in the client, server or a proxy in between. Reconnecting will most likely hit it again; fix the implementation first.',
      'zh-CN': '这是客户端、服务器或中间代理的实现缺陷。重连多半还会再次遇到，应先修复实现。',
    },
  },
  {
    code: 1003,
    name: 'Unsupported Data',
    onWire: true,
    source: 'rfc6455',
    summary: {
      en: 'An endpoint got a kind of data it cannot accept, for example binary frames when it only handles text.',
      'zh-CN': '一方收到了无法接受的数据类型，比如只能处理文本却收到了二进制帧。',
    },
    reconnect: 'no',
    advice: {
      en: 'Send the format the other side expects (text or binary) before reconnecting.',
      'zh-CN': '先改为发送对方期望的格式（文本或二进制），再考虑重连。',
    },
  },
  {
    code: 1004,
    name: 'Reserved',
    onWire: false,
    source: 'rfc6455',
    summary: {
      en: 'Reserved with no meaning yet; it should not be sent.',
      'zh-CN': '保留码，目前没有定义含义，不应发送。',
    },
    reconnect: 'depends',
    advice: {
      en: 'Seeing it means a non-conforming server or library. Treat it like an unexpected close.',
      'zh-CN': '出现它说明服务器或库不符合规范。按意外关闭处理即可。',
    },
  },
  {
    code: 1005,
    name: 'No Status Received',
    onWire: false,
    source: 'rfc6455',
    summary: {
      en: 'Never sent on the wire: the browser reports it when a Close frame arrived without any status code.',
      'zh-CN': '不会出现在线路上：当收到的关闭帧里没有状态码时，浏览器用它来表示这种情况。',
    },
    reconnect: 'depends',
    advice: {
      en: 'The peer closed cleanly but did not say why. Whether to reconnect is up to your app protocol.',
      'zh-CN': '对方正常关闭了连接，但没有说明原因。是否重连取决于应用自己的协议约定。',
    },
  },
  {
    code: 1006,
    name: 'Abnormal Closure',
    onWire: false,
    source: 'rfc6455',
    summary: {
      en: 'Never sent on the wire: the browser reports it when the connection ended without a closing handshake.',
      'zh-CN': '不会出现在线路上：当连接在没有关闭握手的情况下结束时，浏览器用它来表示。',
    },
    reconnect: 'backoff',
    advice: {
      en: 'The connection dropped: network loss, a proxy or load balancer idle timeout, a server crash, or a failed handshake (any status but 101). Reconnect with exponential backoff and jitter, and send pings often enough to keep idle proxies from cutting the line.',
      'zh-CN':
        '连接意外中断：网络断开、代理或负载均衡的空闲超时、服务器崩溃，或握手失败（收到 101 以外的状态码）。应使用带随机抖动的指数退避重连，并定期发送心跳，防止空闲连接被代理切断。',
    },
  },
  {
    code: 1007,
    name: 'Invalid Frame Payload Data',
    onWire: true,
    source: 'rfc6455',
    summary: {
      en: 'A message contradicted its own type, typically a text message that is not valid UTF-8.',
      'zh-CN': '消息内容与其类型不符，典型情况是文本消息不是合法的 UTF-8。',
    },
    reconnect: 'no',
    advice: {
      en: 'Fix the encoding of what is being sent; the same message will close the connection again.',
      'zh-CN': '修正发送内容的编码；同样的消息还会再次导致连接关闭。',
    },
  },
  {
    code: 1008,
    name: 'Policy Violation',
    onWire: true,
    source: 'rfc6455',
    summary: {
      en: 'A message broke a rule of the receiving side; a generic code when no more specific one fits.',
      'zh-CN': '消息违反了接收方的规则；在没有更合适的关闭码时使用的通用代码。',
    },
    reconnect: 'no',
    advice: {
      en: 'Servers often use it for failed authentication or authorisation. Refresh the credentials or fix the request before reconnecting, or the loop will repeat.',
      'zh-CN': '服务器常用它表示认证或授权失败。应先刷新凭据或修正请求再重连，否则会陷入循环。',
    },
  },
  {
    code: 1009,
    name: 'Message Too Big',
    onWire: true,
    source: 'rfc6455',
    summary: {
      en: 'A message was larger than the receiver is willing to handle.',
      'zh-CN': '消息超过了接收方愿意处理的大小。',
    },
    reconnect: 'no',
    advice: {
      en: 'Split the data into smaller messages or raise the server limit; resending the same message will fail again.',
      'zh-CN': '把数据拆成更小的消息，或调高服务器的限制；重发同一条消息还会失败。',
    },
  },
  {
    code: 1010,
    name: 'Mandatory Extension',
    onWire: true,
    source: 'rfc6455',
    summary: {
      en: 'Sent by a client: it needed an extension (such as compression) that the server did not agree to in the handshake.',
      'zh-CN': '由客户端发出：它需要某个扩展（比如压缩），但服务器在握手中没有同意。',
    },
    reconnect: 'no',
    advice: {
      en: 'Enable the extension on the server or stop requiring it on the client.',
      'zh-CN': '在服务器端启用该扩展，或者让客户端不再强制要求它。',
    },
  },
  {
    code: 1011,
    name: 'Internal Error',
    onWire: true,
    source: 'rfc6455',
    summary: {
      en: 'The server hit an unexpected condition that stopped it from continuing.',
      'zh-CN': '服务器遇到了意外情况，无法继续处理。',
    },
    reconnect: 'backoff',
    advice: {
      en: 'Check the server logs. Clients may reconnect, with backoff, since the next attempt may land on a healthy process.',
      'zh-CN': '请查看服务器日志。客户端可以带退避地重连，下一次连接也许会落到正常的进程上。',
    },
  },
  {
    code: 1012,
    name: 'Service Restart',
    onWire: true,
    source: 'iana',
    summary: {
      en: 'The service is restarting.',
      'zh-CN': '服务正在重启。',
    },
    reconnect: 'backoff',
    advice: {
      en: 'Reconnect after a randomised delay of a few seconds so clients spread out over the restart.',
      'zh-CN': '在几秒的随机延迟后重连，让客户端在重启期间分散回连。',
    },
  },
  {
    code: 1013,
    name: 'Try Again Later',
    onWire: true,
    source: 'iana',
    summary: {
      en: 'The server is temporarily overloaded and is shedding connections.',
      'zh-CN': '服务器暂时过载，正在主动断开部分连接。',
    },
    reconnect: 'backoff',
    advice: {
      en: 'Reconnect with exponential backoff and jitter; coming straight back defeats the point.',
      'zh-CN': '用带随机抖动的指数退避重连；立刻回连就失去了意义。',
    },
  },
  {
    code: 1014,
    name: 'Bad Gateway',
    onWire: true,
    source: 'iana',
    summary: {
      en: 'A gateway or proxy got an invalid response from the server behind it, like HTTP 502.',
      'zh-CN': '网关或代理从后端服务器收到了无效响应，相当于 HTTP 502。',
    },
    reconnect: 'backoff',
    advice: {
      en: 'The backend is failing or restarting; reconnect with backoff.',
      'zh-CN': '后端出错或正在重启；请带退避地重连。',
    },
  },
  {
    code: 1015,
    name: 'TLS Handshake',
    onWire: false,
    source: 'rfc6455',
    summary: {
      en: 'Never sent on the wire: reported when the TLS handshake failed, for example because the certificate could not be verified.',
      'zh-CN': '不会出现在线路上：TLS 握手失败时报告，比如证书无法通过验证。',
    },
    reconnect: 'no',
    advice: {
      en: 'Fix the certificate or TLS setup; reconnecting will fail the same way. (Browsers usually report this as 1006.)',
      'zh-CN': '修复证书或 TLS 配置；重连还会以同样方式失败。（浏览器通常把这种情况报告为 1006。）',
    },
  },
  {
    code: 3000,
    name: 'Unauthorized',
    onWire: true,
    source: 'iana',
    summary: {
      en: 'Registered for frameworks: the endpoint needs authentication the client did not give.',
      'zh-CN': '为框架注册的关闭码：该端点需要认证，而客户端没有提供。',
    },
    reconnect: 'no',
    advice: {
      en: 'Sign in or refresh the token, then reconnect.',
      'zh-CN': '先登录或刷新令牌，再重连。',
    },
  },
  {
    code: 3003,
    name: 'Forbidden',
    onWire: true,
    source: 'iana',
    summary: {
      en: 'Registered for frameworks: the client is authenticated but not allowed to use this endpoint.',
      'zh-CN': '为框架注册的关闭码：客户端已通过认证，但无权使用该端点。',
    },
    reconnect: 'no',
    advice: {
      en: 'Reconnecting with the same identity will be refused again.',
      'zh-CN': '以相同身份重连仍会被拒绝。',
    },
  },
  {
    code: 3008,
    name: 'Timeout',
    onWire: true,
    source: 'iana',
    summary: {
      en: 'Registered for frameworks: the server closed the connection because something took too long, such as a missing heartbeat.',
      'zh-CN': '为框架注册的关闭码：因为某件事耗时过长（比如心跳缺失），服务器关闭了连接。',
    },
    reconnect: 'yes',
    advice: {
      en: 'Reconnect, and check that the client answers pings or sends heartbeats in time.',
      'zh-CN': '重新连接，并检查客户端是否及时响应 ping 或发送心跳。',
    },
  },
];
