// Context: pure (panel + model), no browser APIs.
// UI strings of the export menu (mocks and tests from a recording), kept apart from messages.ts so
// the files can grow independently.
import type { Localized } from './locale';

export const exportMessages = {
  'mocks.menu': { en: 'Export as…', 'zh-CN': '导出为…' },
  'mocks.menuTitle': {
    en: 'Turn the recording into mocks or a test that play the same conversation again',
    'zh-CN': '把录制的通信导出为可重放同样对话的 Mock 或测试',
  },
  'mocks.msw': { en: 'MSW handlers (.mjs)', 'zh-CN': 'MSW 处理器（.mjs）' },
  'mocks.playwright': { en: 'Playwright test (.spec.ts)', 'zh-CN': 'Playwright 测试（.spec.ts）' },
  'mocks.har': { en: 'HAR for pushlens-replay', 'zh-CN': '供 pushlens-replay 使用的 HAR' },
  'mocks.scopeAll': { en: 'Whole session', 'zh-CN': '整个会话' },
  'mocks.scopeChannel': { en: 'Selected channel', 'zh-CN': '选中的通道' },
  'mocks.scopeRange': { en: 'Brushed time range', 'zh-CN': '框选的时间范围' },
  'mocks.speed': { en: 'Speed ×', 'zh-CN': '速度 ×' },
  'mocks.exported': {
    en: 'Exported {endpoints} endpoints as {file}.',
    'zh-CN': '已导出 {endpoints} 个端点：{file}。',
  },
  'mocks.empty': { en: 'Nothing to export in this scope.', 'zh-CN': '此范围内没有可导出的内容。' },
  'export.fetchingWhole': {
    en: 'Fetching whole frames from the page: {done} of {total}…',
    'zh-CN': '正在从页面取回完整帧：{done} / {total}…',
  },
  'export.stillPartial': {
    en: '{count} frames were no longer held whole by the page: exported in part, marked truncated with their true size.',
    'zh-CN': '{count} 个帧页面已不再完整保存：按部分导出，并标记为截断及其真实大小。',
  },
} as const satisfies Record<string, Localized>;
