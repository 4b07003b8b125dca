// Context: node (test runner). WebSocket close codes checked against our own copy of RFC 6455 + IANA.

import { describe, expect, it } from 'vitest';
import { canSendFromScript, closeCodeEntries, closeCodeInfo, closeCodeRanges, explainCloseCode } from '../../lib/knowledge';
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

// Independent list: RFC 6455 section 7.4.1 plus the IANA additions 1012–1014 and the
// framework registrations 3000, 3003, 3008.
const NAMED: Record<number, string> = {
  1000: 'Normal Closure',
  1001: 'Going Away',
  1002: 'Protocol Error',
  1003: 'Unsupported Data',
  1004: 'Reserved',
  1005: 'No Status Received',
  1006: 'Abnormal Closure',
  1007: 'Invalid Frame Payload Data',
  1008: 'Policy Violation',
  1009: 'Message Too Big',
  1010: 'Mandatory Extension',
  1011: 'Internal Error',
  1012: 'Service Restart',
  1013: 'Try Again Later',
  1014: 'Bad Gateway',
  1015: 'TLS Handshake',
  3000: 'Unauthorized',
  3003: 'Forbidden',
  3008: 'Timeout',
};
const NEVER_ON_WIRE = [1004, 1005, 1006, 1015];

describe('close code table', () => {
  it('covers 1000–1015 and the registered 3xxx codes, nothing else', () => {
    const codes = closeCodeEntries.map((e) => e.code).sort((a, b) => a - b);
    expect(codes).toEqual(
      Object.keys(NAMED)
        .map(Number)
        .sort((a, b) => a - b),
    );
    for (let code = 1000; code <= 1015; code++) expect(codes).toContain(code);
  });

  it.each(Object.keys(NAMED).map(Number))('%i has name, text and advice', (code) => {
    const info = closeCodeInfo(code);
    expect(info.known).toBe(true);
    expect(info.name).toBe(NAMED[code]);
    expectLocalizedProse(info.summary, `${code} summary`);
    expectLocalizedProse(info.advice, `${code} advice`);
    expect(info.onWire).toBe(!NEVER_ON_WIRE.includes(code));
  });

  it('says which codes are never sent and why 1006 happens', () => {
    for (const code of [1005, 1006, 1015]) {
      expect(closeCodeInfo(code).summary.en).toMatch(/Never sent on the wire/);
    }
    expect(closeCodeInfo(1006).advice.en).toMatch(/network/);
    expect(closeCodeInfo(1006).advice.en).toMatch(/proxy/);
    expect(closeCodeInfo(1006).advice.en).toMatch(/crash/);
  });

  it('gives reconnect advice that matches the meaning', () => {
    expect(closeCodeInfo(1000).reconnect).toBe('no');
    expect(closeCodeInfo(1001).reconnect).toBe('yes');
    expect(closeCodeInfo(1006).reconnect).toBe('backoff');
    expect(closeCodeInfo(1008).reconnect).toBe('no');
    expect(closeCodeInfo(1009).reconnect).toBe('no');
    expect(closeCodeInfo(1011).reconnect).toBe('backoff');
    expect(closeCodeInfo(1012).reconnect).toBe('backoff');
    expect(closeCodeInfo(1013).reconnect).toBe('backoff');
    expect(closeCodeInfo(1014).reconnect).toBe('backoff');
  });
});

describe('close code ranges', () => {
  it('tile 0–4999 without gaps or overlaps', () => {
    const sorted = [...closeCodeRanges].sort((a, b) => a.from - b.from);
    expect(sorted[0]?.from).toBe(0);
    expect(sorted[sorted.length - 1]?.to).toBe(4999);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]?.from).toBe((sorted[i - 1]?.to ?? Number.NaN) + 1);
    }
    for (const r of closeCodeRanges) {
      expectLocalizedProse(r.summary, r.name);
      expectLocalizedProse(r.advice, r.name);
    }
  });

  it.each([
    [0, 'unused', false],
    [999, 'unused', false],
    [1016, 'protocol', false],
    [2999, 'protocol', false],
    [3001, 'registered', true],
    [3999, 'registered', true],
    [4000, 'private', true],
    [4999, 'private', true],
  ] as const)('%i falls in the %s range', (code, kind, onWire) => {
    const info = closeCodeInfo(code);
    expect(info.known).toBe(false);
    expect(info.range?.kind).toBe(kind);
    expect(info.onWire).toBe(onWire);
  });

  it.each([-1, 5000, 65535, 1000.5, Number.NaN])('%s is invalid', (code) => {
    const info = closeCodeInfo(code);
    expect(info.range).toBeNull();
    expect(info.name).toBe('Invalid');
    expect(info.onWire).toBe(false);
  });

  it('knows which codes WebSocket.close() accepts', () => {
    expect(canSendFromScript(1000)).toBe(true);
    expect(canSendFromScript(1001)).toBe(false);
    expect(canSendFromScript(2999)).toBe(false);
    expect(canSendFromScript(3000)).toBe(true);
    expect(canSendFromScript(4999)).toBe(true);
    expect(canSendFromScript(5000)).toBe(false);
    expect(closeCodeInfo(4001).canSendFromScript).toBe(true);
    expect(closeCodeInfo(1011).canSendFromScript).toBe(false);
  });
});

describe('explainCloseCode', () => {
  it('explains a dropped connection without a reason line', () => {
    const { title, body } = explainCloseCode(1006, '', false, 'en');
    expect(title).toBe('1006 Abnormal Closure');
    expect(body).toMatch(/without any closing handshake/);
    expect(body).not.toMatch(/No reason text/);
    expect(body).toMatch(/Reconnect with backoff/);
  });

  it('quotes the reason the peer sent, in the chosen language', () => {
    const en = explainCloseCode(1008, 'token expired', true, 'en').body;
    const zh = explainCloseCode(1008, 'token expired', true, 'zh-CN').body;
    expect(en).toContain('Reason given: "token expired"');
    expect(en).toMatch(/Clean close/);
    expect(zh).toContain('给出的原因：“token expired”');
    expect(zh).toContain('正常关闭');
    expect(zh).toContain('不要原样重连');
  });

  it('notes a missing reason and an unclean close that is not 1006', () => {
    const body = explainCloseCode(1011, '', false, 'en').body;
    expect(body).toMatch(/No reason text was given/);
    expect(body).toMatch(/closing handshake did not finish/);
  });

  it('caps very long reasons', () => {
    const body = explainCloseCode(4000, 'x'.repeat(5000), true, 'en').body;
    expect(body.length).toBeLessThan(1000);
    expect(body).toContain('…');
  });

  it('explains private and invalid codes', () => {
    expect(explainCloseCode(4401, 'unauthorized', true, 'en').title).toBe('4401 Private use');
    expect(explainCloseCode(4401, '', true, 'en').body).toMatch(/app or library docs/);
    expect(explainCloseCode(7000, '', false, 'zh-CN').body).toContain('不是有效的关闭码');
  });
});
