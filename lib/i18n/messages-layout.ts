// Context: pure (panel + model), no browser APIs.
// UI strings of the panel's layout helpers (overflow menu, splitter, empty states, channel filter),
// kept apart from messages.ts so the files can grow independently.
import type { Localized } from './locale';

export const layoutMessages = {
  'toolbar.more': { en: 'More tools', 'zh-CN': '更多工具' },
  'layout.splitter': { en: 'Resize the channel list', 'zh-CN': '调整通道列表大小' },
  'empty.why': {
    en: 'Traffic appears when the page opens a WebSocket, an EventSource, a stream or a polling request. Connections opened before PushLens was installed are not seen: reload the page to capture them from the start.',
    'zh-CN':
      '页面打开 WebSocket、EventSource、流式请求或轮询请求时，这里就会出现流量。安装 PushLens 之前已打开的连接无法看到：刷新页面即可从头捕获。',
  },
  'empty.reload': { en: 'Reload the page', 'zh-CN': '刷新页面' },
  'empty.learn': { en: 'How push techniques work', 'zh-CN': '了解推送技术' },
  'detail.label': { en: 'Message detail', 'zh-CN': '消息详情' },
  'timeline.live': { en: 'Live', 'zh-CN': '实时' },
  'timeline.liveTitle': { en: 'Follow the newest traffic (L)', 'zh-CN': '跟随最新流量（L）' },
  'timeline.legend': { en: 'Legend', 'zh-CN': '图例' },
  'timeline.legendTicks': { en: 'frame (sent above, received below)', 'zh-CN': '消息帧（上方发送，下方接收）' },
  'timeline.legendBars': { en: 'connection or polling request', 'zh-CN': '连接或轮询请求' },
  'timeline.legendGaps': { en: 'reconnect gap', 'zh-CN': '重连间隙' },
  'timeline.legendMarks': { en: 'error or abnormal close', 'zh-CN': '错误或异常关闭' },
  'timeline.keys': {
    en: 'Keys: + and − zoom, ← → pan, ↑ ↓ choose a lane, 0 fits all, L live',
    'zh-CN': '按键：+ 和 − 缩放，← → 平移，↑ ↓ 选择通道，0 显示全部，L 实时',
  },
  'channels.filter': { en: 'Filter channels', 'zh-CN': '筛选通道' },
  'channels.allKinds': { en: 'All kinds', 'zh-CN': '全部类型' },
  'channels.none': { en: 'No channel matches.', 'zh-CN': '没有匹配的通道。' },
} as const satisfies Record<string, Localized>;
