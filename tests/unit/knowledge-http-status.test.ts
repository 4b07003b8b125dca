// Context: node (test runner). HTTP status knowledge checked against our own copy of the IANA registry.

import { describe, expect, it } from 'vitest';
import { explainHttpStatus, httpStatusClasses, httpStatusEntries, httpStatusInfo, type HttpStatusContext } from '../../lib/knowledge';
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

// Written out independently of lib/knowledge so a code dropped or invented there fails here.
// Source: IANA HTTP Status Code Registry. 104 is a temporary registration; 306 and 418 are
// "(Unused)"; 510 is obsoleted.
const IANA: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  104: 'Upload Resumption Supported',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  306: '(Unused)',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: '(Unused)',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};
const IANA_CODES = Object.keys(IANA).map(Number);
const CONTEXTS: HttpStatusContext[] = ['ws-handshake', 'eventsource', 'poll', 'fetch'];

describe('HTTP status registry', () => {
  it('has exactly the IANA codes, each once', () => {
    const codes = httpStatusEntries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort((a, b) => a - b)).toEqual([...IANA_CODES].sort((a, b) => a - b));
    expect(IANA_CODES).toHaveLength(64);
  });

  it.each(IANA_CODES)('%i has the official reason, correct class and text in both languages', (code) => {
    const info = httpStatusInfo(code);
    expect(info.kind).toBe('registered');
    expect(info.reason).toBe(IANA[code]);
    expect(info.statusClass).toBe(`${String(code)[0]}xx`);
    expect(info.ref).toBeTruthy();
    expectLocalizedProse(info.summary, `${code} summary`);
    if (info.realtime) expectLocalizedProse(info.realtime, `${code} realtime`);
    for (const ctx of CONTEXTS) {
      const note = info.contexts?.[ctx];
      if (note) expectLocalizedProse(note, `${code} ${ctx}`);
    }
  });

  it('flags the special registrations', () => {
    expect(httpStatusInfo(104).registry).toBe('temporary');
    expect(httpStatusInfo(306).registry).toBe('unused');
    expect(httpStatusInfo(418).registry).toBe('unused');
    expect(httpStatusInfo(418).alias).toBe("I'm a teapot");
    expect(httpStatusInfo(510).registry).toBe('obsolete');
    expect(httpStatusInfo(200).registry).toBe('permanent');
  });

  it('gives realtime notes for the codes push traffic depends on', () => {
    for (const code of [101, 200, 204, 304, 401, 403, 408, 426, 429, 502, 503, 504]) {
      expectLocalizedProse(httpStatusInfo(code).realtime, `${code} realtime`);
    }
    expect(httpStatusInfo(204).realtime?.en).toMatch(/EventSource/);
    expect(httpStatusInfo(429).realtime?.en).toMatch(/Retry-After/);
    expect(httpStatusInfo(503).realtime?.en).toMatch(/Retry-After/);
    expect(httpStatusInfo(101).realtime?.en).toMatch(/WebSocket/);
    expect(httpStatusInfo(504).realtime?.en).toMatch(/long-poll/i);
  });

  it('describes all five classes', () => {
    expect(Object.keys(httpStatusClasses).sort()).toEqual(['1xx', '2xx', '3xx', '4xx', '5xx']);
    for (const info of Object.values(httpStatusClasses)) {
      expectLocalizedProse(info.description, info.statusClass);
      expect(info.label.en.length).toBeGreaterThan(0);
    }
  });
});

describe('httpStatusInfo for codes outside the registry', () => {
  it.each([
    [105, '1xx'],
    [299, '2xx'],
    [427, '4xx'],
    [499, '4xx'],
    [509, '5xx'],
    [599, '5xx'],
  ])('%i is an unregistered %s code', (code, cls) => {
    const info = httpStatusInfo(code);
    expect(info.kind).toBe('unregistered');
    expect(info.statusClass).toBe(cls);
    expect(info.reason).toBeNull();
    expect(info.summary.en).toContain(`unregistered ${cls}`);
    expect(info.summary['zh-CN']).toContain('未注册');
    expectLocalizedProse(info.summary, String(code));
  });

  it.each([-1, 0, 99, 600, 1000, 200.5, Number.NaN])('%s is out of range', (code) => {
    const info = httpStatusInfo(code);
    expect(info.kind).toBe('out-of-range');
    expect(info.statusClass).toBeNull();
    expect(info.summary.en).toMatch(/not (a valid )?an? HTTP status|not a valid HTTP status/);
    expectLocalizedProse(info.summary, String(code));
  });

  it('explains status 0 as "no response", the way browsers use it', () => {
    expect(httpStatusInfo(0).summary.en).toMatch(/CORS/);
    expect(httpStatusInfo(600).summary.en).not.toMatch(/CORS/);
  });
});

describe('explainHttpStatus', () => {
  it('titles registered codes with code and reason, and tags special registrations', () => {
    expect(explainHttpStatus(404, undefined, 'en').title).toBe('404 Not Found');
    expect(explainHttpStatus(404, undefined, 'zh-CN').title).toBe('404 Not Found');
    expect(explainHttpStatus(104, undefined, 'en').title).toContain('temporary');
    expect(explainHttpStatus(418, undefined, 'zh-CN').title).toBe("418 I'm a teapot（保留，未使用）");
    expect(explainHttpStatus(499, undefined, 'en').title).toBe('499: unregistered 4xx code');
    expect(explainHttpStatus(700, undefined, 'zh-CN').title).toBe('700：不是 HTTP 状态码');
  });

  it('uses the locale for the body', () => {
    const en = explainHttpStatus(503, undefined, 'en').body;
    const zh = explainHttpStatus(503, undefined, 'zh-CN').body;
    expect(en).toContain(httpStatusInfo(503).summary.en);
    expect(zh).toContain(httpStatusInfo(503).summary['zh-CN']);
    expect(zh).not.toContain(httpStatusInfo(503).summary.en);
  });

  it('without a context adds the realtime note', () => {
    const body = explainHttpStatus(204, undefined, 'en').body;
    expect(body.split('\n\n')).toHaveLength(2);
    expect(body).toContain(httpStatusInfo(204).realtime?.en ?? 'missing');
  });

  it('prefers a code-specific context note', () => {
    const body = explainHttpStatus(204, 'eventsource', 'en').body;
    expect(body).toContain(httpStatusInfo(204).contexts?.eventsource?.en ?? 'missing');
    expect(body).toMatch(/not reconnect/);
  });

  it('falls back to class notes that differ per context', () => {
    const ws = explainHttpStatus(500, 'ws-handshake', 'en').body;
    const es = explainHttpStatus(500, 'eventsource', 'en').body;
    const poll = explainHttpStatus(500, 'poll', 'en').body;
    const fetchBody = explainHttpStatus(500, 'fetch', 'en').body;
    expect(ws).toMatch(/1006/);
    expect(es).toMatch(/CLOSED/);
    expect(poll).toMatch(/back off/);
    expect(fetchBody).toMatch(/response\.ok/);
    expect(new Set([ws, es, poll, fetchBody]).size).toBe(4);
  });

  it('says WebSocket handshakes do not follow redirects, while EventSource does', () => {
    expect(explainHttpStatus(302, 'ws-handshake', 'en').body).toMatch(/never follows redirects|does not follow redirects/);
    expect(explainHttpStatus(307, 'eventsource', 'en').body).toMatch(/follow/);
    expect(explainHttpStatus(399, 'ws-handshake', 'en').body).toMatch(/does not follow redirects/);
  });

  it('points 200 in an EventSource at the content type', () => {
    expect(explainHttpStatus(200, 'eventsource', 'en').body).toContain('text/event-stream');
    expect(explainHttpStatus(200, 'eventsource', 'zh-CN').body).toContain('text/event-stream');
  });

  it('explains unregistered codes in context by their class', () => {
    const body = explainHttpStatus(499, 'fetch', 'zh-CN').body;
    expect(body).toContain('未注册');
    expect(body).toContain('response.ok');
  });

  it('gives every registered code a non-empty body in every context and locale', () => {
    for (const code of IANA_CODES) {
      for (const ctx of [undefined, ...CONTEXTS]) {
        for (const locale of ['en', 'zh-CN'] as const) {
          const { title, body } = explainHttpStatus(code, ctx, locale);
          expect(title.startsWith(String(code))).toBe(true);
          expect(body.length).toBeGreaterThan(10);
        }
      }
    }
  });
});
