// Context: node (test). "Redact secrets" against a corpus of 38 kinds of secret, each a unique
// marker placed where real traffic carries it (URLs, headers, cookies, subprotocols, bodies,
// frames, events, close reasons, stacks). With redaction on, no marker may appear in any export
// (HAR of the session, HAR of one channel, the JSON export); with it off, every one must.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { sessionToHarInput } from '../../lib/store/session-har';
import { exportSessionJson } from '../../lib/store/export-json';
import { exportHar } from '../../lib/har';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';

const S = (n: number) => `Zq${String(n).padStart(2, '0')}s3cr3tV4lu3`;
// A JWT whose every part is a marker too (the header part is what any JWT starts with).
const JWT = (n: number) => `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ${S(n)}.${S(n)}sig`;

/** [kind of secret, marker]: the marker must vanish from redacted exports. */
const KINDS: [string, string][] = [
  ['query access_token', S(1)],
  ['query accessToken', S(2)],
  ['query client_secret', S(3)],
  ['query api_key', S(4)],
  ['query sig', S(5)],
  ['query password', S(6)],
  ['query token in a WebSocket URL', S(7)],
  ['query X-Amz-Signature', S(8)],
  ['fragment #access_token', S(9)],
  ['fragment #id_token (JWT)', JWT(10)],
  ['userinfo password in URL', S(11)],
  ['userinfo user name in URL', S(12)],
  ['Authorization: Bearer', S(13)],
  ['Cookie header', S(14)],
  ['Set-Cookie header', S(15)],
  ['x-refresh-token header', S(16)],
  ['private-token header', S(17)],
  ['x-api-key header', S(18)],
  ['x-csrf-token header', S(19)],
  ['proxy-authorization header', S(20)],
  ['Location header URL with token', S(21)],
  ['Referer header URL with sessionid', S(22)],
  ['subprotocol after "access_token"', S(23)],
  ['subprotocol base64url.bearer.authorization.k8s.io.<token>', S(24)],
  ['JSON request body "password"', S(25)],
  ['JSON response body "refresh_token"', S(26)],
  ['WebSocket frame JSON "token"', S(27)],
  ['Socket.IO frame 42["login",{"apiKey"}]', S(28)],
  ['SSE event data "session_token"', S(29)],
  ['form body client_secret=', S(30)],
  ['JWT in a field with an innocent name', JWT(31)],
  ['STOMP CONNECT passcode header', S(32)],
  ['Bearer token in a close reason', S(33)],
  ['nested JSON "credentials": {"secret"}', S(34)],
  ['page-side URL in a stack trace', S(35)],
  ['x-amz-security-token header', S(36)],
  ['Basic credentials in a custom header', 'dXNlcjpaMzdzM2NyM3RWNGx1Mw=='],
  ['URL inside a JSON body field', S(38)],
];

function corpusRecords(): CaptureRecord[] {
  const m = (i: number) => KINDS[i - 1][1];
  const text = (data: string) => ({ data, binary: false, size: data.length, truncated: false });
  const recs: UnsequencedRecord[] = [
    // WebSocket: URL secrets, subprotocols, frames, close reason, stack.
    {
      type: 'ws-create',
      t: 1,
      conn: 1,
      url: `wss://${m(12)}:${m(11)}@ws.example.test/live?room=1&token=${m(7)}&X-Amz-Signature=${m(8)}`,
      protocols: ['graphql-ws', 'access_token', m(23), `base64url.bearer.authorization.k8s.io.${m(24)}`],
      stack: `at connect (https://app.example.test/main.js?access_token=${m(35)}:1:2)`,
    },
    { type: 'ws-open', t: 2, conn: 1, protocol: `base64url.bearer.authorization.k8s.io.${m(24)}`, extensions: '' },
    { type: 'ws-frame', t: 3, conn: 1, dir: 'out', payload: text(`{"type":"auth","token":"${m(27)}","room":1}`) },
    { type: 'ws-frame', t: 4, conn: 1, dir: 'out', payload: text(`42["login",{"apiKey":"${m(28)}","name":"bob"}]`) },
    { type: 'ws-frame', t: 5, conn: 1, dir: 'in', payload: text(`{"user":{"name":"bob","credentials":{"secret":"${m(34)}"}},"data":"${m(31)}"}`) },
    { type: 'ws-frame', t: 6, conn: 1, dir: 'out', payload: text(`CONNECT\naccept-version:1.2\nlogin:bob\npasscode:${m(32)}\n\n\0`) },
    { type: 'ws-close', t: 7, conn: 1, code: 4001, reason: `expired Bearer ${m(33)}`, wasClean: true, by: 'server' },
    // EventSource with secrets in the fragment and an event carrying one.
    {
      type: 'sse-create',
      t: 8,
      conn: 2,
      url: `https://sse.example.test/events?accessToken=${m(2)}#access_token=${m(9)}&id_token=${m(10)}`,
      withCredentials: false,
    },
    { type: 'sse-open', t: 9, conn: 2 },
    { type: 'sse-event', t: 10, conn: 2, event: 'session', id: '1', payload: text(`{"session_token":"${m(29)}","ok":true}`) },
    // fetch with headers, bodies and redirects.
    {
      type: 'http-request',
      t: 11,
      conn: 3,
      api: 'fetch',
      method: 'POST',
      url: `https://api.example.test/login?client_secret=${m(3)}&api_key=${m(4)}&sig=${m(5)}&password=${m(6)}&access_token=${m(1)}`,
      headers: [
        ['Authorization', `Bearer ${m(13)}`],
        ['Cookie', `sid=${m(14)}; theme=dark`],
        ['x-refresh-token', m(16)],
        ['private-token', m(17)],
        ['x-api-key', m(18)],
        ['x-csrf-token', m(19)],
        ['proxy-authorization', `Basic ${m(20)}`],
        ['Referer', `https://app.example.test/page?sessionid=${m(22)}`],
        ['x-amz-security-token', m(36)],
        ['x-upstream', `Basic ${m(37)}`],
        ['content-type', 'application/json'],
      ],
      body: text(`{"user":"bob","password":"${m(25)}","next":"https://app.example.test/cb?token=${m(38)}"}`),
    },
    {
      type: 'http-response',
      t: 12,
      conn: 3,
      status: 302,
      statusText: 'Found',
      headers: [
        ['Set-Cookie', `sid=${m(15)}; HttpOnly`],
        ['Location', `https://app.example.test/cb?access_token=${m(21)}`],
        ['content-type', 'application/json'],
      ],
      url: 'https://api.example.test/login',
      eventStream: false,
    },
    { type: 'http-end', t: 13, conn: 3, size: 60, body: text(`{"refresh_token":"${m(26)}","expires_in":3600}`), outcome: 'ok' },
    // A form-encoded request.
    {
      type: 'http-request',
      t: 14,
      conn: 4,
      api: 'xhr',
      method: 'POST',
      url: 'https://auth.example.test/token',
      headers: [],
      body: text(`grant_type=client_credentials&client_id=app&client_secret=${m(30)}`),
    },
  ];
  return recs.map((r, i) => ({ ...r, seq: i + 1 }) as CaptureRecord);
}

function corpusSession(): Session {
  const s = new Session();
  const result = s.ingest(0, 'doc', 'agent-1', corpusRecords());
  expect(result.applied).toBe(corpusRecords().length);
  return s;
}

function exports(redact: boolean): { name: string; text: string }[] {
  const s = corpusSession();
  const pageUrl = `https://app.example.test/?token=${S(7)}`;
  return [
    { name: 'HAR', text: JSON.stringify(exportHar(sessionToHarInput(s, undefined, pageUrl), { redact })) },
    { name: 'HAR of the WebSocket channel', text: JSON.stringify(exportHar(sessionToHarInput(s, new Set([0])), { redact })) },
    { name: 'JSON', text: exportSessionJson(s, { redact }) },
  ];
}

describe('"Redact secrets" on every export', () => {
  it(`has a corpus of at least 30 kinds of secret (${KINDS.length})`, () => {
    expect(KINDS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(KINDS.map(([, v]) => v)).size).toBe(KINDS.length);
  });

  it('with redaction on, no secret of the corpus is in any export', () => {
    for (const { name, text } of exports(true)) {
      const leaked = KINDS.filter(([, v]) => text.includes(v)).map(([k]) => k);
      expect(leaked, `${name} leaks`).toEqual([]);
      // The raw text of a JWT part would also give it away.
      expect(text).not.toMatch(/Zq\d\ds3cr3tV4lu3/);
    }
  });

  it('with redaction off, every secret is exported as it was', () => {
    const [har, , json] = exports(false);
    for (const { name, text } of [har, json]) {
      // HAR has no field for the page-side stack of a connection; the JSON export has.
      const kinds = name === 'HAR' ? KINDS.filter(([k]) => !k.includes('stack trace')) : KINDS;
      const missing = kinds.filter(([, v]) => !text.includes(v)).map(([k]) => k);
      expect(missing, `${name} lost`).toEqual([]);
    }
  });

  it('keeps what is not secret: field names, other parameters, structure', () => {
    const [har, , json] = exports(true);
    for (const { text } of [har, json]) {
      expect(text).toContain('room=1');
      expect(text).toContain('graphql-ws');
      expect(text).toContain('\\"expires_in\\":3600');
      expect(text).toContain('grant_type=client_credentials');
      expect(text).toContain('accept-version:1.2');
    }
  });
});
