// Context: pure (panel + model), no browser APIs.
// UI strings of the panel's action, connection, timeline, insight and learn views (kept apart from
// messages.ts so the two files can grow independently).
import type { Localized } from './locale';

export const actionMessages = {
  // Units (durations shown in the reconnect chain and the insights)
  'chain.seconds': { en: '{value} s', 'zh-CN': '{value} 秒' },
  'chain.ms': { en: '{value} ms', 'zh-CN': '{value} 毫秒' },

  // Reconnect chain
  'chain.reconnectOne': { en: '{count} reconnect', 'zh-CN': '重连 {count} 次' },
  'chain.reconnectMany': { en: '{count} reconnects', 'zh-CN': '重连 {count} 次' },
  'chain.storm': {
    en: '⚠ reconnect storm: the client reconnects quickly and often without backing off',
    'zh-CN': '⚠ 重连风暴：客户端没有退避，频繁地快速重连',
  },
  'chain.colCreated': { en: 'created', 'zh-CN': '创建时间' },
  'chain.colOpenFor': { en: 'open for', 'zh-CN': '连接时长' },
  'chain.colEndedBy': { en: 'ended by', 'zh-CN': '结束原因' },
  'chain.colDownFor': { en: 'down for', 'zh-CN': '中断时长' },
  'chain.colResumed': { en: 'resumed', 'zh-CN': '续传情况' },
  'chain.stillOpen': { en: 'open', 'zh-CN': '仍在连接' },
  'chain.neverOpened': { en: 'never opened', 'zh-CN': '未能建立连接' },
  'chain.error': { en: 'error', 'zh-CN': '出错' },
  'chain.notClean': { en: '(not clean)', 'zh-CN': '（非正常关闭）' },
  'chain.resume': {
    en: '{status} (Last-Event-ID {from} → {to})',
    'zh-CN': '{status}（Last-Event-ID {from} → {to}）',
  },
  'chain.resume.continued': { en: 'continued', 'zh-CN': '已接续' },
  'chain.resume.skipped': { en: 'skipped', 'zh-CN': 'ID 有跳跃' },
  'chain.resume.replayed': { en: 'replayed', 'zh-CN': '重复发送' },
  'chain.resume.restarted': { en: 'restarted', 'zh-CN': '从头重发' },
  'chain.resume.unknown': { en: 'unknown', 'zh-CN': '无法判断' },
  'chain.backoff.none': { en: 'reconnects at once (no backoff)', 'zh-CN': '立即重连（无退避）' },
  'chain.backoff.fixed': { en: 'fixed delay of {base}{jitter}', 'zh-CN': '固定延迟 {base}{jitter}' },
  'chain.backoff.linear': {
    en: 'linear backoff from {base}, +{step} each time{cap}{jitter}',
    'zh-CN': '线性退避：从 {base} 开始，每次增加 {step}{cap}{jitter}',
  },
  'chain.backoff.exponential': {
    en: 'exponential backoff ×{factor} from {base}{cap}{jitter}',
    'zh-CN': '指数退避：从 {base} 开始，每次 ×{factor}{cap}{jitter}',
  },
  'chain.backoff.unknown': { en: 'no clear backoff pattern yet', 'zh-CN': '尚未看出明确的退避规律' },
  'chain.backoff.cap': { en: ', capped at {max}', 'zh-CN': '，上限 {max}' },
  'chain.backoff.jitter': { en: ', with jitter', 'zh-CN': '，带随机抖动' },

  // Channel list
  'list.worker': { en: 'worker', 'zh-CN': 'Worker' },
  'list.inOut': { en: 'in / out', 'zh-CN': '接收 / 发送' },
  'list.badge.ws': { en: 'WS', 'zh-CN': 'WS' },
  'list.badge.sse': { en: 'SSE', 'zh-CN': 'SSE' },
  'list.badge.fetch-stream': { en: 'STREAM', 'zh-CN': '流' },
  'list.badge.long-poll': { en: 'LONG POLL', 'zh-CN': '长轮询' },
  'list.badge.short-poll': { en: 'POLL', 'zh-CN': '轮询' },
  'list.badge.http': { en: 'HTTP', 'zh-CN': 'HTTP' },

  // Channel actions
  'action.failed': { en: 'failed', 'zh-CN': '失败' },
  'action.compose': { en: 'Compose', 'zh-CN': '编写消息' },
  'action.closeCode': { en: 'close code', 'zh-CN': '关闭码' },
  'action.closeReason': { en: 'close reason', 'zh-CN': '关闭原因' },
  'action.close': { en: 'Close', 'zh-CN': '关闭' },
  'action.closeCodeInvalid': {
    en: 'A page can only close with 1000 or 3000–4999, not {code}.',
    'zh-CN': '页面只能使用 1000 或 3000–4999 的关闭码，不能使用 {code}。',
  },
  'action.closed': { en: 'Closed with {code}.', 'zh-CN': '已使用关闭码 {code} 关闭连接。' },
  'action.dropTitle': {
    en: 'The page sees close 1006 (not clean), as if the network died',
    'zh-CN': '页面会收到关闭码 1006（非正常关闭），就像网络断了一样',
  },
  'action.dropped': { en: 'Connection dropped (the page saw 1006).', 'zh-CN': '连接已断开（页面收到了 1006）。' },
  'action.holdTitle': {
    en: 'Hold incoming frames (the page receives nothing) and release them later, in order',
    'zh-CN': '暂扣收到的帧（页面什么也收不到），稍后再按顺序放行',
  },
  'action.hold': { en: 'Hold', 'zh-CN': '暂扣' },
  'action.release': { en: 'Release', 'zh-CN': '放行' },
  'action.holding': { en: 'Holding incoming frames.', 'zh-CN': '正在暂扣收到的帧。' },
  'action.released': { en: 'Released held frames in order.', 'zh-CN': '已按顺序放行暂扣的帧。' },
  'action.replaySpeed': { en: 'replay speed', 'zh-CN': '重放速度' },
  'action.speedOriginal': { en: 'original timing', 'zh-CN': '原始节奏' },
  'action.speedFaster': { en: '{factor}× faster', 'zh-CN': '{factor} 倍速' },
  'action.speedAtOnce': { en: 'at once', 'zh-CN': '立即全部发送' },
  'action.replayToServer': { en: 'Replay {count} → server', 'zh-CN': '重放 {count} 条 → 服务器' },
  'action.replayToPage': { en: 'Replay {count} → page', 'zh-CN': '重放 {count} 条 → 页面' },
  'action.replaying': { en: 'Replaying {count} frames…', 'zh-CN': '正在重放 {count} 帧…' },
  'action.replayProgress': { en: 'Replaying… {done}/{total}', 'zh-CN': '正在重放… {done}/{total}' },
  'action.replayedToServer': { en: 'Replayed {count} frames to the server.', 'zh-CN': '已向服务器重放 {count} 帧。' },
  'action.replayedToPage': { en: 'Replayed {count} frames to the page.', 'zh-CN': '已向页面重放 {count} 帧。' },
  'action.replayedEvents': { en: 'Replayed {count} events to the page.', 'zh-CN': '已向页面重放 {count} 个事件。' },
  'action.injectEvent': { en: 'Inject event', 'zh-CN': '注入事件' },
  'action.failTitle': {
    en: 'Close the EventSource and fire error: the page sees it fail for good',
    'zh-CN': '关闭 EventSource 并触发 error 事件：页面会认为它已彻底失败',
  },
  'action.fail': { en: 'Fail', 'zh-CN': '使其失败' },
  'action.sseFailed': {
    en: 'EventSource failed (readyState CLOSED, error fired).',
    'zh-CN': 'EventSource 已失败（readyState 为 CLOSED，已触发 error）。',
  },

  // Frame actions
  'action.copied': { en: '{what} copied.', 'zh-CN': '已复制 {what}。' },
  'action.copyRefused': {
    en: '{what} not copied: the captured data {reason}, so no pasted command could send it exactly.',
    'zh-CN': '未复制 {what}：捕获的数据{reason}，粘贴的命令无法原样发送。',
  },
  'action.placedInComposer': {
    en: '{what} placed in the composer (clipboard not available).',
    'zh-CN': '无法访问剪贴板，已将 {what} 放入消息编辑器。',
  },
  'action.whatCurl': { en: 'cURL command', 'zh-CN': 'cURL 命令' },
  'action.whatFetch': { en: 'fetch() call', 'zh-CN': 'fetch() 调用' },
  'action.whatWebsocat': { en: 'websocat command', 'zh-CN': 'websocat 命令' },
  'action.rerun': { en: 'Re-run', 'zh-CN': '重新请求' },
  'action.rerunDone': {
    en: 'Request re-run from the page; the new response appears as the next row.',
    'zh-CN': '已从页面重新发出请求；新的响应会显示在下一行。',
  },
  'action.sentAgain': { en: 'Sent again to the server.', 'zh-CN': '已再次发送到服务器。' },
  'action.injectedCopy': { en: 'Injected a copy into the page.', 'zh-CN': '已将副本注入页面。' },

  // Composer
  'composer.target': { en: 'where to', 'zh-CN': '发送目标' },
  'composer.sendToServer': { en: 'Send to server', 'zh-CN': '发送到服务器' },
  'composer.injectIntoPage': { en: 'Inject into page', 'zh-CN': '注入到页面' },
  'composer.eventPlaceholder': { en: 'event', 'zh-CN': '事件名' },
  'composer.eventName': { en: 'event name', 'zh-CN': '事件名称' },
  'composer.idPlaceholder': { en: 'id', 'zh-CN': 'ID' },
  'composer.eventId': { en: 'event id', 'zh-CN': '事件 ID' },
  'composer.format': { en: 'format', 'zh-CN': '格式' },
  'composer.formatText': { en: 'Text', 'zh-CN': '文本' },
  'composer.formatHex': { en: 'Hex (binary)', 'zh-CN': 'Hex（二进制）' },
  'composer.formatBase64': { en: 'Base64 (binary)', 'zh-CN': 'Base64（二进制）' },
  'composer.formatJson': { en: 'Format JSON', 'zh-CN': '格式化 JSON' },
  'composer.history': { en: 'history', 'zh-CN': '历史记录' },
  'composer.historyPick': { en: 'History…', 'zh-CN': '历史记录…' },
  'composer.snippetName': { en: 'snippet', 'zh-CN': '片段' },
  'composer.snippetSaved': { en: 'Snippet saved for this origin.', 'zh-CN': '已为此来源保存片段。' },
  'composer.saveSnippet': { en: 'Save snippet', 'zh-CN': '保存片段' },
  'composer.snippets': { en: 'snippets', 'zh-CN': '片段' },
  'composer.snippetsPick': { en: 'Snippets…', 'zh-CN': '片段…' },
  'composer.send': { en: 'Send', 'zh-CN': '发送' },
  'composer.inject': { en: 'Inject', 'zh-CN': '注入' },
  'composer.injected': { en: 'Injected into the page.', 'zh-CN': '已注入页面。' },
  'composer.sent': { en: 'Sent to the server.', 'zh-CN': '已发送到服务器。' },

  // Timeline
  'timeline.ariaLabel': {
    en: 'Timeline: wheel to zoom, drag to pan, shift+drag to select a time range, double-click to reset',
    'zh-CN': '时间线：滚动滚轮缩放，拖动平移，按住 Shift 拖动选择时间范围，双击重置',
  },

  // Insights: why the channel was classified as polling (rebuilt from its numbers)
  'learn.pollReasonLong': {
    en: 'server holds each request (median {hold}) and the client asks again {gap} after each answer',
    'zh-CN': '服务器会挂起每个请求（中位数 {hold}），客户端在每次收到响应后 {gap} 再次请求',
  },
  'learn.pollReasonShort': {
    en: 'asks every {cadence} (±{pct}%) and is answered in {hold}',
    'zh-CN': '每 {cadence} 请求一次（±{pct}%），响应耗时 {hold}',
  },
  'learn.unknownTime': { en: 'unknown time', 'zh-CN': '未知时长' },

  // Learn: close-code ranges
  'learn.range.unused': { en: 'Unused', 'zh-CN': '未使用' },
  'learn.range.protocol': { en: 'Reserved for the protocol', 'zh-CN': '协议保留' },
  'learn.range.registered': { en: 'Registered for libraries and frameworks', 'zh-CN': '供库和框架注册使用' },
  'learn.range.private': { en: 'Private use', 'zh-CN': '私有使用' },

  // JSON tree
  'json.more': { en: '… {count} more', 'zh-CN': '… 还有 {count} 项' },
} as const satisfies Record<string, Localized>;
