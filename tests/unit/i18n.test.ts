// Context: node (test runner). Locale choice, message dictionary and interpolation.

import { describe, expect, it } from 'vitest';
import { isMessageKey, localize, messages, pickLocale, t, type MessageKey } from '../../lib/i18n';

describe('pickLocale', () => {
  it.each(['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh_CN', 'ZH-cn', 'zh-Hans-CN', ' zh-CN '])('%s → zh-CN', (tag) => {
    expect(pickLocale(tag)).toBe('zh-CN');
  });

  it.each([undefined, '', 'en', 'en-US', 'fr', 'zh-TW', 'zh-HK', 'zh-Hant', 'ja', 'zhx'])('%s → en', (tag) => {
    expect(pickLocale(tag)).toBe('en');
  });
});

describe('localize', () => {
  it('picks the locale and falls back to English when a translation is empty', () => {
    expect(localize({ en: 'Open', 'zh-CN': '已连接' }, 'zh-CN')).toBe('已连接');
    expect(localize({ en: 'Open', 'zh-CN': '已连接' }, 'en')).toBe('Open');
    expect(localize({ en: 'Open', 'zh-CN': '' }, 'zh-CN')).toBe('Open');
  });
});

describe('messages', () => {
  const keys = Object.keys(messages) as MessageKey[];
  const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

  it('has a useful number of keys, each in both languages with the same placeholders', () => {
    expect(keys.length).toBeGreaterThanOrEqual(40);
    for (const key of keys) {
      const m = messages[key];
      expect(m.en.trim(), key).not.toBe('');
      expect(m['zh-CN'].trim(), key).not.toBe('');
      expect(placeholders(m['zh-CN']), key).toEqual(placeholders(m.en));
    }
  });

  it('covers what the panel needs', () => {
    const needed = [
      'toolbar.record',
      'toolbar.pause',
      'toolbar.clear',
      'toolbar.preserveLog',
      'toolbar.export',
      'toolbar.settings',
      'toolbar.filterPlaceholder',
      'empty.noChannels',
      'empty.noFrames',
      'empty.selectChannel',
      'column.time',
      'column.direction',
      'column.event',
      'column.size',
      'column.preview',
      'kind.ws',
      'kind.sse',
      'kind.fetch-stream',
      'kind.long-poll',
      'kind.short-poll',
      'kind.http',
      'state.connecting',
      'state.open',
      'state.closed',
      'state.reconnecting',
      'channel.reconnects',
      'records.dropped',
      'tab.learn',
      'tab.channels',
      'settings.language',
    ];
    for (const key of needed) expect(isMessageKey(key), key).toBe(true);
    expect(isMessageKey('toolbar.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });

  it('translates Chinese strings into Chinese', () => {
    expect(t('kind.long-poll', 'zh-CN')).toBe('长轮询');
    expect(t('kind.short-poll', 'en')).toBe('Short polling');
    expect(t('empty.noChannels', 'en')).toMatch(/^No realtime traffic yet\. Open or reload the page/);
  });
});

describe('t()', () => {
  it('interpolates parameters in either language', () => {
    expect(t('records.dropped', 'en', { count: 12 })).toBe('12 records dropped');
    expect(t('records.dropped', 'zh-CN', { count: 12 })).toBe('已丢弃 12 条记录');
    expect(t('channel.closedWith', 'en', { code: 1006 })).toBe('Closed with code 1006');
  });

  it('replaces every occurrence and leaves unknown placeholders visible', () => {
    expect(t('records.dropped', 'en')).toBe('{count} records dropped');
    expect(t('records.dropped', 'en', { other: 1 })).toBe('{count} records dropped');
    expect(t('empty.noMatches', 'en', { filter: '{count}' })).toBe('Nothing matches "{count}".');
  });

  it('does not read inherited properties as parameters', () => {
    expect(t('empty.noMatches', 'en', { filter: 'x' })).toBe('Nothing matches "x".');
    expect(t('channel.httpStatus', 'en', {})).toBe('HTTP status {status}');
  });
});
