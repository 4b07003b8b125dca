// Context: pure (panel + model), no browser APIs.
// UI strings of the panel. Keys live in one const object so a typo in t('...') fails the type
// check instead of showing a raw key to the user.

import { localize, type Locale, type Localized } from './locale';
import { actionMessages } from './messages-actions';
import { errorMessages } from './messages-errors';
import { exportMessages } from './messages-export';
import { layoutMessages } from './messages-layout';

export const messages = {
  ...actionMessages,
  ...errorMessages,
  ...exportMessages,
  ...layoutMessages,
  // Toolbar
  'toolbar.record': { en: 'Record', 'zh-CN': '录制' },
  'toolbar.pause': { en: 'Pause', 'zh-CN': '暂停' },
  'toolbar.clear': { en: 'Clear', 'zh-CN': '清空' },
  'toolbar.preserveLog': { en: 'Preserve log', 'zh-CN': '保留日志' },
  'toolbar.export': { en: 'Export HAR', 'zh-CN': '导出 HAR' },
  'toolbar.settings': { en: 'Settings', 'zh-CN': '设置' },
  'toolbar.filterPlaceholder': {
    en: 'Filter by text or /regex/',
    'zh-CN': '按文本或 /正则/ 过滤',
  },

  // Empty states
  'empty.noChannels': {
    en: 'No realtime traffic yet. Open or reload the page to capture WebSocket, SSE and polling.',
    'zh-CN': '还没有实时流量。打开或刷新页面，即可捕获 WebSocket、SSE 和轮询请求。',
  },
  'empty.noFrames': {
    en: 'No messages on this channel yet.',
    'zh-CN': '这个通道上还没有消息。',
  },
  'empty.selectChannel': {
    en: 'Select a channel on the left to see its messages.',
    'zh-CN': '在左侧选择一个通道，查看它的消息。',
  },
  'empty.noMatches': {
    en: 'Nothing matches "{filter}".',
    'zh-CN': '没有与“{filter}”匹配的内容。',
  },
  'filter.progress': {
    en: 'filtering… {pct}%',
    'zh-CN': '正在筛选… {pct}%',
  },

  // Frame table columns
  'column.time': { en: 'Time', 'zh-CN': '时间' },
  'column.direction': { en: 'Direction', 'zh-CN': '方向' },
  'column.event': { en: 'Event', 'zh-CN': '事件' },
  'column.size': { en: 'Size', 'zh-CN': '大小' },
  'column.preview': { en: 'Preview', 'zh-CN': '预览' },
  'column.handler': { en: 'Handler', 'zh-CN': '处理耗时' },
  'column.handlerTitle': {
    en: 'Time the page’s own listeners (addEventListener and onmessage) ran for this message',
    'zh-CN': '页面自己的监听器（addEventListener 和 onmessage）处理这条消息所用的时间',
  },

  // Directions: arrows alone are ambiguous for screen readers, so each has a word.
  'direction.sent': { en: 'Sent', 'zh-CN': '发送' },
  'direction.received': { en: 'Received', 'zh-CN': '接收' },

  // Channel kinds
  'kind.ws': { en: 'WebSocket', 'zh-CN': 'WebSocket' },
  'kind.sse': { en: 'Server-Sent Events', 'zh-CN': 'SSE 服务器推送事件' },
  'kind.fetch-stream': { en: 'Fetch stream', 'zh-CN': 'Fetch 流式响应' },
  'kind.long-poll': { en: 'Long polling', 'zh-CN': '长轮询' },
  'kind.short-poll': { en: 'Short polling', 'zh-CN': '短轮询' },
  'kind.http': { en: 'HTTP request', 'zh-CN': 'HTTP 请求' },

  // Connection states
  'state.connecting': { en: 'Connecting', 'zh-CN': '连接中' },
  'state.open': { en: 'Open', 'zh-CN': '已连接' },
  'state.closed': { en: 'Closed', 'zh-CN': '已关闭' },
  'state.reconnecting': { en: 'Reconnecting', 'zh-CN': '重连中' },

  // Channel details
  'channel.reconnects': {
    en: '{count} reconnects',
    'zh-CN': '重连 {count} 次',
  },
  'channel.closedWith': {
    en: 'Closed with code {code}',
    'zh-CN': '以关闭码 {code} 关闭',
  },
  'channel.httpStatus': { en: 'HTTP status {status}', 'zh-CN': 'HTTP 状态码 {status}' },
  'channel.interval': {
    en: 'Every {seconds} s on average',
    'zh-CN': '平均每 {seconds} 秒一次',
  },

  // Loss reporting: the panel must say when it could not keep everything.
  'records.dropped': {
    en: '{count} records dropped',
    'zh-CN': '已丢弃 {count} 条记录',
  },
  'records.invalid': {
    en: '{count} malformed records refused',
    'zh-CN': '已拒收 {count} 条格式错误的记录',
  },
  'records.invalidHint': {
    en: 'Records from the page that did not match their schema (wrong types, missing fields, oversized text) were dropped; everything else was kept.',
    'zh-CN': '来自页面、不符合格式定义的记录（类型错误、缺少字段、文本过长）已被丢弃；其余记录均已保留。',
  },
  'records.droppedHint': {
    en: 'The capture buffer was full. Raise the limit in Settings to keep more.',
    'zh-CN': '捕获缓冲区已满。可以在设置中调高上限以保留更多记录。',
  },

  // Tabs
  'tab.channels': { en: 'Channels', 'zh-CN': '通道' },
  'tab.learn': { en: 'Learn', 'zh-CN': '知识' },

  // Actions on a frame or a channel
  'action.copy': { en: 'Copy', 'zh-CN': '复制' },
  'action.resend': { en: 'Resend', 'zh-CN': '重新发送' },
  'action.edit': { en: 'Edit and send', 'zh-CN': '编辑后发送' },
  'action.inject': { en: 'Inject message', 'zh-CN': '注入消息' },
  'action.cut': { en: 'Cut connection', 'zh-CN': '断开连接' },

  // Settings
  'settings.language': { en: 'Language', 'zh-CN': '语言' },
  'settings.languageAuto': { en: 'Same as browser', 'zh-CN': '跟随浏览器' },
  'settings.bufferLimit': { en: 'Records kept per tab', 'zh-CN': '每个标签页保留的记录数' },

  // Explanations shown inline
  'learn.whatIsThis': { en: 'What does this mean?', 'zh-CN': '这是什么意思？' },
  'learn.statusCodes': { en: 'HTTP status codes', 'zh-CN': 'HTTP 状态码' },
  'learn.closeCodes': { en: 'WebSocket close codes', 'zh-CN': 'WebSocket 关闭码' },
  'learn.techniques': { en: 'Push techniques compared', 'zh-CN': '推送方式对比' },
  // Insights and Learn
  'insights.findings': { en: 'Findings', 'zh-CN': '诊断结果' },
  'insights.numbers': { en: 'This channel in numbers', 'zh-CN': '这个通道的数据' },
  'insights.cadence': { en: 'Interval', 'zh-CN': '请求间隔' },
  'insights.hold': { en: 'Median hold (request → response)', 'zh-CN': '响应耗时中位数（请求 → 响应）' },
  'insights.rpm': { en: 'Requests per minute', 'zh-CN': '每分钟请求数' },
  'insights.unchanged': { en: 'Responses with nothing new', 'zh-CN': '没有新数据的响应' },
  'insights.errors': { en: 'Failed requests', 'zh-CN': '失败的请求' },
  'insights.handlerTime': { en: 'Handler time per message', 'zh-CN': '每条消息的处理耗时' },
  'insights.handlerSummary': {
    en: '{count} messages measured · p50 {p50} · p95 {p95} · max {max} · {slow} over 50 ms',
    'zh-CN': '已测 {count} 条消息 · p50 {p50} · p95 {p95} · 最长 {max} · {slow} 条超过 50 毫秒',
  },
  'insights.handlerNote': {
    en: 'Time the page’s own message listeners ran per message (bars: messages per time range, log scale of ms). The dashed line is one 60 Hz frame.',
    'zh-CN': '页面自己的消息监听器处理每条消息所用的时间（柱子：各耗时区间的消息数，毫秒按对数刻度）。虚线是 60 Hz 下的一帧。',
  },
  'timeline.legendSlow': {
    en: 'message whose page listeners ran over 50 ms',
    'zh-CN': '页面监听器处理超过 50 毫秒的消息',
  },
  'frame.handler': { en: 'handler {ms}', 'zh-CN': '处理 {ms}' },
  'learn.handshakes': { en: 'Handshakes: TCP and WebSocket', 'zh-CN': '握手：TCP 与 WebSocket' },
  'learn.sseRules': { en: 'EventSource rules', 'zh-CN': 'EventSource 规则' },
  'learn.codes': { en: 'Code reference', 'zh-CN': '状态码速查' },
  'learn.searchCodes': { en: 'Search codes, e.g. 204 or "going away"', 'zh-CN': '搜索状态码，例如 204 或“离开”' },
  'learn.seenIn': { en: 'seen on {count} channel(s)', 'zh-CN': '在 {count} 个通道中出现' },
  'tab.traffic': { en: 'Traffic', 'zh-CN': '流量' },
  'tab.messages': { en: 'Messages', 'zh-CN': '消息' },
  'tab.connections': { en: 'Connections', 'zh-CN': '连接' },
  'tab.insights': { en: 'Insights', 'zh-CN': '分析' },
  'har.exported': { en: 'Exported {count} HAR entries.', 'zh-CN': '已导出 {count} 条 HAR 记录。' },
  'har.exportTitle': {
    en: 'HAR 1.2 with WebSocket messages (Chrome format) and SSE events',
    'zh-CN': 'HAR 1.2，包含 WebSocket 消息（Chrome 格式）和 SSE 事件',
  },
  'har.exportChannel': { en: 'Export channel', 'zh-CN': '导出此通道' },
  'har.redact': { en: 'Redact secrets', 'zh-CN': '隐藏敏感信息' },
  'har.redactTitle': {
    en: 'In HAR and JSON exports, replace credentials with a placeholder: auth and cookie headers, token parameters and fragments, user:password in URLs, token subprotocols, secret-named fields of payloads, JWTs and Bearer credentials',
    'zh-CN':
      '在 HAR 和 JSON 导出中用占位符替换凭据：认证与 Cookie 头、URL 中的 token 参数和片段、URL 中的 用户名:密码、携带 token 的子协议、载荷中名称敏感的字段、JWT 和 Bearer 凭据',
  },
  'har.import': { en: 'Import HAR', 'zh-CN': '导入 HAR' },
  'har.cancel': { en: 'Cancel', 'zh-CN': '取消' },
  'har.cancelled': { en: 'Import cancelled: nothing was loaded.', 'zh-CN': '已取消导入：未载入任何内容。' },
  'har.imported': {
    en: 'Opened {name}: {connections} connections, {records} records (offline, recording paused).',
    'zh-CN': '已打开 {name}：{connections} 个连接，{records} 条记录（离线查看，录制已暂停）。',
  },
  'har.warnings': { en: '{count} warnings.', 'zh-CN': '{count} 条警告。' },
  'heartbeat.hide': { en: 'Hide heartbeats (every {period} s)', 'zh-CN': '隐藏心跳（每 {period} 秒）' },
  'heartbeat.title': {
    en: 'Periodic keep-alive frames like “{signature}”, every {period} s',
    'zh-CN': '周期性的保活帧，例如“{signature}”，每 {period} 秒一次',
  },
  'settings.bufferMb': { en: 'In-page history (MB of payload)', 'zh-CN': '页面内历史缓冲（负载 MB）' },
  'settings.previewKb': { en: 'Preview per message (KB)', 'zh-CN': '每条消息保留的预览（KB）' },
  'settings.maxFrames': { en: 'Frames kept in the panel', 'zh-CN': '面板保留的帧数' },
  'settings.apply': { en: 'Apply', 'zh-CN': '应用' },
  // The ring's byte cap counts text at 2 bytes a character, so ASCII traffic fills it at about half its size (npm run bench, memory rows).
  'settings.ringCost': {
    en: 'History ring: up to {mb} MB of page memory per frame ({records} records); ASCII text uses about half.',
    'zh-CN': '历史环形缓冲：每个框架最多占用 {mb} MB 页面内存（{records} 条记录）；ASCII 文本约占一半。',
  },
  'settings.invalid': { en: 'Every value must be a positive number.', 'zh-CN': '每一项都必须是正数。' },
} as const satisfies Record<string, Localized>;

export type MessageKey = keyof typeof messages;

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Unknown placeholders are left as written: a visible "{count}" in the UI is easier to notice
 * and fix than a silently empty string.
 */
export function t(key: MessageKey, locale: Locale, params?: MessageParams): string {
  const template = localize(messages[key], locale);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, value);
}
