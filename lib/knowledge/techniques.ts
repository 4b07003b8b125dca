// Context: pure (panel + model), no browser APIs.
// The four push techniques from the seed article, as cards and as one comparison table. The
// classifier in lib/model names a technique by id; the Learn tab renders these.

import type { Localized } from '../i18n/locale';

export type TechniqueId = 'short-poll' | 'long-poll' | 'sse' | 'ws';

export const TECHNIQUE_IDS: readonly TechniqueId[] = ['short-poll', 'long-poll', 'sse', 'ws'];

export interface TechniqueCard {
  id: TechniqueId;
  name: Localized;
  oneLine: Localized;
  howItWorks: Localized;
  strengths: readonly Localized[];
  costs: readonly Localized[];
  /** Scenarios from the article this technique suits (likes, chat, bullet comments, live data). */
  goodFor: readonly Localized[];
}

export const techniqueCards: readonly TechniqueCard[] = [
  {
    id: 'short-poll',
    name: { en: 'Short polling', 'zh-CN': '短轮询' },
    oneLine: {
      en: 'The page asks the server for news on a timer, and the server answers at once either way.',
      'zh-CN': '页面定时向服务器询问有没有新消息，服务器不管有没有都立即答复。',
    },
    howItWorks: {
      en: 'A timer in the page (setInterval or a loop of setTimeout) sends an ordinary HTTP request every few seconds. The server replies straight away, with fresh data or with nothing new. Updates feel as fresh as the interval is short.',
      'zh-CN':
        '页面里的定时器（setInterval 或循环调用的 setTimeout）每隔几秒发一次普通的 HTTP 请求。服务器马上回复，要么带回新数据，要么告诉你没变化。轮询间隔越短，更新就越及时。',
    },
    strengths: [
      { en: 'Easy to understand and to build: plain requests, any server.', 'zh-CN': '原理简单，实现方便：普通请求，任何服务器都能支持。' },
      { en: 'Works through every proxy, firewall and browser.', 'zh-CN': '能穿过所有代理和防火墙，所有浏览器都支持。' },
      { en: 'Each request stands alone, so a failure only costs one round.', 'zh-CN': '每次请求互不相关，失败了也只影响这一轮。' },
    ],
    costs: [
      {
        en: 'Most requests come back empty, yet each one carries full HTTP headers.',
        'zh-CN': '大部分请求都空手而归，但每次都要带上完整的 HTTP 头。',
      },
      {
        en: 'Load grows with users times frequency; with many users the server slows down.',
        'zh-CN': '服务器压力随用户数和频率成倍增长，用户一多就会变慢。',
      },
      { en: 'Delay up to one full interval before a change is seen.', 'zh-CN': '变化最多要等一个完整的轮询间隔才能被看到。' },
    ],
    goodFor: [
      { en: 'Small apps and low user counts', 'zh-CN': '规模小、用户少的应用' },
      { en: 'Data that changes slowly, such as a dashboard refreshed every minute', 'zh-CN': '变化不频繁的数据，比如每分钟刷新一次的看板' },
    ],
  },
  {
    id: 'long-poll',
    name: { en: 'Long polling', 'zh-CN': '长轮询' },
    oneLine: {
      en: 'The page asks, and the server holds the request open until it has news or a timeout passes.',
      'zh-CN': '页面发出请求后，服务器先把请求挂起，等有了新消息或到了超时时间再回复。',
    },
    howItWorks: {
      en: 'The server does not answer right away: it keeps the request waiting. When data changes it responds at once; if nothing happens before its timer runs out, it sends an empty answer. Either way the page handles the response and immediately sends the next request. Also known as Comet.',
      'zh-CN':
        '服务器收到请求后不马上回复，而是把它挂起。数据一有变化就立即响应；如果到时间仍没有变化，就返回一个空响应。无论哪种情况，页面处理完响应后都会立刻发起下一轮请求。这种方式也叫 Comet。',
    },
    strengths: [
      { en: 'Far fewer requests than short polling, and news arrives almost at once.', 'zh-CN': '请求数比短轮询少得多，消息也几乎能即时到达。' },
      { en: 'Still plain HTTP, so it works where WebSocket is blocked.', 'zh-CN': '仍然是普通 HTTP，在 WebSocket 被拦截的环境里也能用。' },
    ],
    costs: [
      {
        en: 'Each waiting request ties up a connection and server resources while it hangs.',
        'zh-CN': '每个挂起的请求在等待期间都占着连接和服务器资源。',
      },
      { en: 'The server must handle many concurrent held requests.', 'zh-CN': '服务器必须能同时应付大量挂起的请求。' },
      {
        en: 'Hold times must stay below every proxy timeout, or requests end in 504 or 408.',
        'zh-CN': '挂起时间必须短于链路上所有代理的超时，否则请求会以 504 或 408 结束。',
      },
      {
        en: 'Messages that arrive between two polls must be buffered by the server, or they are lost.',
        'zh-CN': '两次请求之间到达的消息需要服务器缓存，否则就会丢失。',
      },
    ],
    goodFor: [
      { en: 'Notifications and likes where WebSocket or SSE is not available', 'zh-CN': '在无法使用 WebSocket 或 SSE 时推送通知、点赞提醒' },
      { en: 'Fallback transport in realtime libraries', 'zh-CN': '作为实时通信库的降级方案' },
    ],
  },
  {
    id: 'sse',
    name: { en: 'Server-Sent Events (SSE)', 'zh-CN': 'SSE（服务器发送事件）' },
    oneLine: {
      en: 'One long HTTP response that the server keeps writing events into.',
      'zh-CN': '一个持续不断的 HTTP 响应，服务器随时往里写入事件。',
    },
    howItWorks: {
      en: 'The page opens an EventSource; the server answers with Content-Type text/event-stream and never finishes the response. Each time data changes it writes an event, and the browser fires it in the page. If the connection drops, the browser reconnects on its own and reports the last event id it saw.',
      'zh-CN':
        '页面创建一个 EventSource，服务器以 Content-Type: text/event-stream 响应，并且一直不结束这个响应。数据每次变化，服务器就写入一条事件，浏览器随即在页面里触发它。连接断开后，浏览器会自动重连，并告诉服务器它收到的最后一个事件 id。',
    },
    strengths: [
      {
        en: 'Plain HTTP: works with ordinary servers, proxies, cookies and HTTP/2.',
        'zh-CN': '基于普通 HTTP：兼容常规服务器、代理、Cookie 和 HTTP/2。',
      },
      { en: 'Light and simple to use: a few lines on each side.', 'zh-CN': '轻量、好用：前后端各写几行代码即可。' },
      { en: 'Reconnect and resume (Last-Event-ID) are built in.', 'zh-CN': '内置断线重连和断点续传（Last-Event-ID）。' },
      { en: 'Named event types let one stream carry several kinds of message.', 'zh-CN': '支持自定义事件类型，一条流可以承载多种消息。' },
    ],
    costs: [
      {
        en: 'One way only: the page still sends to the server with ordinary requests.',
        'zh-CN': '只能单向：页面要向服务器发消息，仍需另发普通请求。',
      },
      {
        en: 'Text only (UTF-8); binary data must be encoded, e.g. as Base64.',
        'zh-CN': '只能传文本（UTF-8）；二进制数据需要先编码，比如转成 Base64。',
      },
      { en: 'EventSource cannot send custom headers or a request body.', 'zh-CN': 'EventSource 不能设置自定义请求头，也不能带请求体。' },
      {
        en: 'On HTTP/1.1 each open stream uses one of the roughly six connections a browser allows per site, shared by all tabs.',
        'zh-CN': '在 HTTP/1.1 下，每条打开的事件流都占用浏览器对同一站点大约 6 个连接中的一个，而且所有标签页共用这个配额。',
      },
    ],
    goodFor: [
      { en: 'Live data feeds, notifications, progress updates', 'zh-CN': '实时数据、消息通知、进度更新' },
      {
        en: 'Streaming AI answers token by token (usually fetch plus a stream reader)',
        'zh-CN': '逐字输出的 AI 回答（通常用 fetch 加流式读取实现）',
      },
    ],
  },
  {
    id: 'ws',
    name: { en: 'WebSocket', 'zh-CN': 'WebSocket' },
    oneLine: {
      en: 'A lasting two-way channel: after an HTTP handshake, both sides send messages whenever they like.',
      'zh-CN': '一条持久的双向通道：经过一次 HTTP 握手后，双方可以随时互相发消息。',
    },
    howItWorks: {
      en: 'The browser sends an HTTP request asking to upgrade; the server agrees with 101 Switching Protocols. From then on the same TCP connection carries WebSocket frames in both directions. Neither side is a requester: there is no request and response any more, only messages.',
      'zh-CN':
        '浏览器先发一个请求协议升级的 HTTP 请求，服务器以 101 Switching Protocols 同意。此后同一条 TCP 连接上双向传输的就是 WebSocket 帧。双方地位平等，不再有请求和响应之分，只有消息。',
    },
    strengths: [
      { en: 'Full duplex: both sides send at any time over one connection.', 'zh-CN': '全双工：双方可通过同一条连接随时发送。' },
      { en: 'Tiny per-message overhead (a few bytes of framing, no headers).', 'zh-CN': '每条消息开销很小（只有几个字节的帧头，没有 HTTP 头）。' },
      { en: 'Carries both text and binary messages.', 'zh-CN': '文本和二进制消息都能传。' },
    ],
    costs: [
      {
        en: 'Its own protocol: servers, proxies and load balancers need explicit support.',
        'zh-CN': '是独立的协议：服务器、代理和负载均衡都需要专门支持。',
      },
      {
        en: 'No built-in reconnect or resume; the app must write both, plus heartbeats.',
        'zh-CN': '没有内置的断线重连和续传，应用要自己实现，还要加心跳。',
      },
      { en: 'No built-in message types; the app designs its own message format.', 'zh-CN': '没有内置的消息类型，需要应用自己设计消息格式。' },
      { en: 'Stateful connections make scaling out harder than with plain requests.', 'zh-CN': '连接有状态，横向扩容比普通请求更麻烦。' },
    ],
    goodFor: [
      { en: 'Chat and collaborative editing', 'zh-CN': '聊天、协同编辑' },
      { en: 'Bullet comments (danmaku), games and other high-frequency two-way traffic', 'zh-CN': '弹幕、游戏等高频双向通信' },
    ],
  },
];

export type ComparisonAxisId = 'protocol' | 'direction' | 'complexity' | 'reconnect' | 'data' | 'customEvents' | 'support' | 'latency';

export interface ComparisonAxis {
  id: ComparisonAxisId;
  label: Localized;
  values: Readonly<Record<TechniqueId, Localized>>;
}

export const techniqueComparison: readonly ComparisonAxis[] = [
  {
    id: 'protocol',
    label: { en: 'Protocol', 'zh-CN': '协议' },
    values: {
      'short-poll': { en: 'HTTP, a new request each time', 'zh-CN': 'HTTP，每次都是新请求' },
      'long-poll': { en: 'HTTP, a held request', 'zh-CN': 'HTTP，请求被挂起' },
      sse: { en: 'HTTP, one long response', 'zh-CN': 'HTTP，一个持续的响应' },
      ws: { en: 'Its own WebSocket protocol (after an HTTP upgrade)', 'zh-CN': '独立的 WebSocket 协议（经 HTTP 升级而来）' },
    },
  },
  {
    id: 'direction',
    label: { en: 'Direction', 'zh-CN': '通信方向' },
    values: {
      'short-poll': { en: 'Client pulls; the server only answers', 'zh-CN': '客户端拉取，服务器只能应答' },
      'long-poll': { en: 'Client pulls; the server answers when it has news', 'zh-CN': '客户端拉取，服务器有消息时才应答' },
      sse: { en: 'One way: server to client', 'zh-CN': '单向：只能服务器发给客户端' },
      ws: { en: 'Two way: both sides send freely', 'zh-CN': '双向：双方可以互相发送' },
    },
  },
  {
    id: 'complexity',
    label: { en: 'Effort', 'zh-CN': '实现难度' },
    values: {
      'short-poll': { en: 'Simplest', 'zh-CN': '最简单' },
      'long-poll': { en: 'Moderate: held requests and timeouts', 'zh-CN': '中等：要处理挂起和超时' },
      sse: { en: 'Light and simple', 'zh-CN': '轻量，使用简单' },
      ws: { en: 'More work', 'zh-CN': '相对复杂' },
    },
  },
  {
    id: 'reconnect',
    label: { en: 'Reconnect', 'zh-CN': '断线重连' },
    values: {
      'short-poll': { en: 'Not needed: every poll is a fresh request', 'zh-CN': '不需要：每次轮询都是新请求' },
      'long-poll': { en: 'The polling loop itself; handle errors yourself', 'zh-CN': '靠轮询循环本身，出错需自行处理' },
      sse: { en: 'Built in, with Last-Event-ID resume', 'zh-CN': '默认支持，并可凭 Last-Event-ID 续传' },
      ws: { en: 'Do it yourself', 'zh-CN': '需要自己实现' },
    },
  },
  {
    id: 'data',
    label: { en: 'Data', 'zh-CN': '数据格式' },
    values: {
      'short-poll': { en: 'Any HTTP body, text or binary', 'zh-CN': '任意 HTTP 响应体，文本或二进制' },
      'long-poll': { en: 'Any HTTP body, text or binary', 'zh-CN': '任意 HTTP 响应体，文本或二进制' },
      sse: { en: 'UTF-8 text only', 'zh-CN': '只能传 UTF-8 文本' },
      ws: { en: 'Text and binary', 'zh-CN': '文本和二进制都可以' },
    },
  },
  {
    id: 'customEvents',
    label: { en: 'Custom event types', 'zh-CN': '自定义消息类型' },
    values: {
      'short-poll': { en: 'No; defined by your response format', 'zh-CN': '无，由响应格式自行约定' },
      'long-poll': { en: 'No; defined by your response format', 'zh-CN': '无，由响应格式自行约定' },
      sse: { en: 'Yes, with the event: field', 'zh-CN': '支持，用 event 字段指定' },
      ws: { en: 'No; design your own message envelope', 'zh-CN': '无，需自己设计消息结构' },
    },
  },
  {
    id: 'support',
    label: { en: 'Browser support and connection limits', 'zh-CN': '浏览器支持与连接数限制' },
    values: {
      'short-poll': { en: 'Every browser; each poll borrows a connection briefly', 'zh-CN': '所有浏览器；每次轮询只短暂占用一个连接' },
      'long-poll': {
        en: 'Every browser; each held poll occupies one of ~6 HTTP/1.1 connections per site',
        'zh-CN': '所有浏览器；在 HTTP/1.1 下，每个挂起的请求占用同一站点约 6 个连接中的一个',
      },
      sse: {
        en: 'All modern browsers (not old IE); on HTTP/1.1 each stream holds one of ~6 connections per site across all tabs, HTTP/2 lifts this',
        'zh-CN': '所有现代浏览器（旧版 IE 不支持）；在 HTTP/1.1 下每条流占用同一站点约 6 个连接中的一个且各标签页共享，HTTP/2 没有这个问题',
      },
      ws: {
        en: 'All modern browsers; not counted against the HTTP per-site connection limit',
        'zh-CN': '所有现代浏览器；不占用 HTTP 对同一站点的连接数配额',
      },
    },
  },
  {
    id: 'latency',
    label: { en: 'Delay before the page sees news', 'zh-CN': '消息到达延迟' },
    values: {
      'short-poll': { en: 'Up to one polling interval', 'zh-CN': '最多一个轮询间隔' },
      'long-poll': { en: 'About one round trip, plus gaps between polls', 'zh-CN': '约一个往返时间，外加两次请求之间的空档' },
      sse: { en: 'Immediate while connected', 'zh-CN': '连接期间即时到达' },
      ws: { en: 'Immediate while connected', 'zh-CN': '连接期间即时到达' },
    },
  },
];

export function techniqueCard(id: TechniqueId): TechniqueCard {
  const card = techniqueCards.find((c) => c.id === id);
  // TechniqueId lists exactly the four cards above; a unit test keeps the two in step.
  if (!card) throw new Error(`unknown technique ${id}`);
  return card;
}
