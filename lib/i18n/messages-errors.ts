// Context: pure (panel + model), no browser APIs.
// UI strings of the error boundaries: which pane failed, retry, copy diagnostics (kept apart from
// messages.ts so the two files can grow independently).
import type { Localized } from './locale';

export const errorMessages = {
  'error.failed': { en: '{pane} failed', 'zh-CN': '{pane}出错了' },
  'error.rest': {
    en: 'The rest of the panel keeps working. Retry, or copy the diagnostics into a bug report.',
    'zh-CN': '面板的其余部分仍可正常使用。可以重试，或复制诊断信息附到问题报告里。',
  },
  'error.retry': { en: 'Retry', 'zh-CN': '重试' },
  'error.copy': { en: 'Copy diagnostics', 'zh-CN': '复制诊断信息' },
  'error.copied': { en: 'Diagnostics copied (no captured data in them).', 'zh-CN': '已复制诊断信息（不含捕获的数据）。' },
  'error.copyManually': {
    en: 'The clipboard is not available here: select the text below and copy it.',
    'zh-CN': '这里无法使用剪贴板：请选中下面的文字并复制。',
  },
  'pane.panel': { en: 'The panel', 'zh-CN': '面板' },
  'pane.viewer': { en: 'The viewer', 'zh-CN': '查看器' },
  'pane.toolbar': { en: 'The toolbar', 'zh-CN': '工具栏' },
  'pane.settings': { en: 'The settings menu', 'zh-CN': '设置菜单' },
  'pane.har': { en: 'HAR import and export', 'zh-CN': 'HAR 导入导出' },
  'pane.export': { en: 'The export menu', 'zh-CN': '导出菜单' },
  'pane.timeline': { en: 'The timeline', 'zh-CN': '时间线' },
  'pane.channels': { en: 'The channel list', 'zh-CN': '通道列表' },
  'pane.channel': { en: 'The channel view', 'zh-CN': '通道视图' },
  'pane.actions': { en: 'The channel actions', 'zh-CN': '通道操作' },
  'pane.composer': { en: 'The composer', 'zh-CN': '消息编辑器' },
  'pane.frames': { en: 'The frame table', 'zh-CN': '消息表' },
  'pane.detail': { en: 'The frame detail', 'zh-CN': '消息详情' },
  'pane.connections': { en: 'The connections view', 'zh-CN': '连接视图' },
  'pane.insights': { en: 'The insights', 'zh-CN': '洞察' },
  'pane.learn': { en: 'The Learn view', 'zh-CN': '学习视图' },
} as const satisfies Record<string, Localized>;
