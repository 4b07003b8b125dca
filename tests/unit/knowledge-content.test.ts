// Context: node (test runner). SSE rules, technique cards and handshakes: complete, bilingual, consistent.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SAMPLE_WEBSOCKET_ACCEPT,
  SAMPLE_WEBSOCKET_KEY,
  TECHNIQUE_IDS,
  WEBSOCKET_ACCEPT_GUID,
  handshake,
  handshakePairs,
  handshakes,
  sseRule,
  sseRules,
  techniqueCard,
  techniqueCards,
  techniqueComparison,
  type SseRuleId,
} from '../../lib/knowledge';
import type { Localized } from '../../lib/i18n/locale';

const CJK = /[\u4e00-\u9fff]/;

/** Both languages present, and each really in its language (catches untranslated copies). */
function expectLocalizedProse(text: Localized | undefined, where: string): void {
  expect(text, where).toBeDefined();
  if (!text) return;
  expect(text.en.trim().length, `${where} en`).toBeGreaterThan(0);
  expect(text['zh-CN'].trim().length, `${where} zh-CN`).toBeGreaterThan(0);
  expect(CJK.test(text['zh-CN']), `${where} zh-CN should contain Chinese`).toBe(true);
  expect(CJK.test(text.en), `${where} en should not contain Chinese`).toBe(false);
}

describe('SSE rules', () => {
  const required: SseRuleId[] = [
    'retry-field',
    'last-event-id',
    'fail-without-reconnect',
    'no-content-stops',
    'event-types',
    'comments-heartbeat',
    'line-endings',
    'multi-line-data',
    'bom',
    'ready-state',
  ];

  it('has each required rule exactly once, bilingual', () => {
    expect(sseRules.map((r) => r.id).sort()).toEqual([...required].sort());
    for (const rule of sseRules) {
      expect(sseRule(rule.id)).toBe(rule);
      expectLocalizedProse(rule.body, rule.id);
      expect(rule.title.en.length).toBeGreaterThan(0);
      expect(rule.title['zh-CN'].length).toBeGreaterThan(0);
    }
  });

  it('states the facts developers trip over', () => {
    expect(sseRule('last-event-id').body.en).toContain('Last-Event-ID');
    expect(sseRule('fail-without-reconnect').body.en).toContain('text/event-stream');
    expect(sseRule('no-content-stops').body.en).toContain('204');
    expect(sseRule('event-types').body.en).toContain('addEventListener');
    expect(sseRule('ready-state').body.en).toMatch(/0 CONNECTING.*1 OPEN.*2 CLOSED/);
    expect(sseRule('line-endings').body.en).toMatch(/CRLF.*LF.*CR/);
  });
});

describe('technique cards', () => {
  it('has the four techniques in order', () => {
    expect(techniqueCards.map((c) => c.id)).toEqual(['short-poll', 'long-poll', 'sse', 'ws']);
    expect(TECHNIQUE_IDS).toEqual(techniqueCards.map((c) => c.id));
    for (const id of TECHNIQUE_IDS) expect(techniqueCard(id).id).toBe(id);
  });

  it.each(TECHNIQUE_IDS)('%s is complete in both languages', (id) => {
    const card = techniqueCard(id);
    expectLocalizedProse(card.oneLine, `${id} oneLine`);
    expectLocalizedProse(card.howItWorks, `${id} howItWorks`);
    expect(card.strengths.length).toBeGreaterThanOrEqual(2);
    expect(card.costs.length).toBeGreaterThanOrEqual(2);
    expect(card.goodFor.length).toBeGreaterThanOrEqual(1);
    [...card.strengths, ...card.costs, ...card.goodFor].forEach((t, i) => expectLocalizedProse(t, `${id} #${i}`));
  });

  it('comparison covers the article axes for every technique', () => {
    const axes = techniqueComparison.map((a) => a.id);
    for (const axis of ['protocol', 'direction', 'complexity', 'reconnect', 'data', 'customEvents', 'support'] as const) {
      expect(axes).toContain(axis);
    }
    expect(new Set(axes).size).toBe(axes.length);
    for (const axis of techniqueComparison) {
      expect(Object.keys(axis.values).sort()).toEqual([...TECHNIQUE_IDS].sort());
      expectLocalizedProse(axis.label, axis.id);
      for (const id of TECHNIQUE_IDS) expectLocalizedProse(axis.values[id], `${axis.id}/${id}`);
    }
  });

  it('matches the article on SSE vs WebSocket', () => {
    const value = (axis: string, id: 'sse' | 'ws'): Localized | undefined => techniqueComparison.find((a) => a.id === axis)?.values[id];
    expect(value('reconnect', 'sse')?.['zh-CN']).toContain('默认支持');
    expect(value('reconnect', 'ws')?.['zh-CN']).toContain('自己实现');
    expect(value('direction', 'sse')?.en).toMatch(/One way/);
    expect(value('direction', 'ws')?.en).toMatch(/Two way/);
    expect(value('data', 'ws')?.en).toMatch(/binary/);
    expect(value('data', 'sse')?.en).toMatch(/text only/);
    expect(value('support', 'sse')?.en).toMatch(/6/);
  });
});

describe('handshakes', () => {
  it('has the TCP and WebSocket handshakes with the article step counts', () => {
    expect(handshake('tcp-open').steps).toHaveLength(3);
    expect(handshake('tcp-close').steps).toHaveLength(4);
    expect(handshake('tcp-open').steps.map((s) => s.wire.split(',')[0])).toEqual(['SYN', 'SYN+ACK', 'ACK']);
    expect(handshake('tcp-close').steps.map((s) => s.wire.split(',')[0])).toEqual(['FIN', 'ACK', 'FIN+ACK', 'ACK']);
    expect(handshake('tcp-close').steps[3]?.clientState).toBe('TIME-WAIT');
    expect(handshake('tcp-open').steps[2]?.clientState).toBe('ESTABLISHED');
  });

  it('shows the WebSocket upgrade request and the 101 answer', () => {
    const wires = handshake('ws-open')
      .steps.map((s) => s.wire)
      .join('\n');
    expect(wires).toContain('Upgrade: websocket');
    expect(wires).toContain('Sec-WebSocket-Key');
    expect(wires).toContain('101 Switching Protocols');
    expect(wires).toContain('Sec-WebSocket-Accept');
    expect(handshake('ws-close').steps[0]?.wire).toMatch(/Close frame/);
  });

  it('uses a key/accept pair that really matches', () => {
    const accept = createHash('sha1')
      .update(SAMPLE_WEBSOCKET_KEY + WEBSOCKET_ACCEPT_GUID)
      .digest('base64');
    expect(accept).toBe(SAMPLE_WEBSOCKET_ACCEPT);
  });

  it('is bilingual throughout and pairs each WebSocket handshake with a TCP one', () => {
    for (const h of handshakes) {
      expectLocalizedProse(h.purpose, h.id);
      expectLocalizedProse(h.title, h.id);
      if (h.note) expectLocalizedProse(h.note, `${h.id} note`);
      h.steps.forEach((s, i) => expectLocalizedProse(s.detail, `${h.id} step ${i}`));
    }
    for (const pair of handshakePairs) {
      expect(handshake(pair.websocket).layer).toBe('websocket');
      expect(handshake(pair.tcp).layer).toBe('tcp');
    }
  });
});
