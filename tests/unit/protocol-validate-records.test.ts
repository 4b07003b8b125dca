// Context: node (unit tests). Records are checked where they enter the panel: a corpus of
// malformed records (wrong types, missing fields, huge strings, NaN and negative numbers,
// prototype-pollution keys, unknown types, non-arrays) is refused and counted, each bad record's
// sequence number is stepped over, and every good record around them still lands in the Session.
import { describe, expect, it } from 'vitest';
import { PanelLink, type PanelTransport } from '../../lib/panel/connection';
import { Session } from '../../lib/store/session';
import { checkRecord, checkBatch, RECORD_LIMITS } from '../../lib/protocol/validate-records';
import { DEFAULT_AGENT_SETTINGS, makeEnvelope, type BackgroundToPanelMessage, type PanelToBackgroundMessage } from '../../lib/protocol/envelope';

const pl = (data = 'x') => ({ data, binary: false, size: data.length, truncated: false });

/** One valid record of every type (seq is set by the caller). */
const VALID: Record<string, unknown>[] = [
  { type: 'ws-create', t: 1, conn: 1, url: 'ws://h/', protocols: ['a'] },
  { type: 'ws-open', t: 2, conn: 1, protocol: '', extensions: '' },
  { type: 'ws-frame', t: 3, conn: 1, dir: 'in', payload: pl('hello') },
  { type: 'ws-close', t: 4, conn: 1, code: 1000, reason: '', wasClean: true, by: 'client' },
  { type: 'ws-error', t: 4, conn: 1 },
  { type: 'sse-create', t: 5, conn: 2, url: 'http://h/e', withCredentials: false },
  { type: 'sse-open', t: 6, conn: 2 },
  { type: 'sse-event', t: 7, conn: 2, event: 'message', id: '1', payload: pl('d') },
  { type: 'sse-error', t: 8, conn: 2, readyState: 0 },
  { type: 'sse-close', t: 9, conn: 2 },
  { type: 'http-request', t: 10, conn: 3, api: 'fetch', method: 'GET', url: 'http://h/p', headers: [['a', 'b']] },
  { type: 'http-response', t: 11, conn: 3, status: 200, statusText: 'OK', headers: [], url: 'http://h/p', eventStream: false },
  { type: 'http-end', t: 12, conn: 3, size: 1, body: pl('1'), outcome: 'ok' },
  { type: 'dropped', t: 13, conn: 0, fromSeq: 1, toSeq: 2 },
  { type: 'ws-frame', t: 14, conn: 1, dir: 'in', payload: pl('slow'), handlerMs: 61.25 },
  { type: 'sse-event', t: 15, conn: 2, event: 'price', id: '2', payload: pl('d'), handlerMs: 0 },
  { type: 'handler-cost', t: 16, conn: 1, frameSeq: 3, ms: 12.5 },
];

const huge = 'x'.repeat(RECORD_LIMITS.shortChars + 1);

/** [what is wrong, malformed record without seq or with a broken one]. */
const MALFORMED: [string, unknown][] = [
  ['not an object: string', 'ws-frame'],
  ['not an object: number', 42],
  ['not an object: null', null],
  ['not an object: array', [1, 2]],
  ['unknown type', { type: 'ws-teleport', t: 1, conn: 1 }],
  ['type is not a string', { type: 7, t: 1, conn: 1 }],
  ['missing type', { t: 1, conn: 1 }],
  ['t is NaN', { type: 'ws-error', t: NaN, conn: 1 }],
  ['t is negative', { type: 'ws-error', t: -5, conn: 1 }],
  ['t is Infinity', { type: 'ws-error', t: Infinity, conn: 1 }],
  ['t is a string', { type: 'ws-error', t: '1', conn: 1 }],
  ['conn is negative', { type: 'ws-error', t: 1, conn: -1 }],
  ['conn is fractional', { type: 'ws-error', t: 1, conn: 1.5 }],
  ['conn is missing', { type: 'ws-error', t: 1 }],
  ['ws-create url is a number', { type: 'ws-create', t: 1, conn: 1, url: 5, protocols: [] }],
  ['ws-create protocols not an array', { type: 'ws-create', t: 1, conn: 1, url: 'ws://h', protocols: 'a' }],
  ['ws-create protocols hold an object', { type: 'ws-create', t: 1, conn: 1, url: 'ws://h', protocols: [{}] }],
  ['ws-create huge stack', { type: 'ws-create', t: 1, conn: 1, url: 'ws://h', protocols: [], stack: 'x'.repeat(RECORD_LIMITS.stackChars + 1) }],
  ['ws-frame without payload', { type: 'ws-frame', t: 1, conn: 1, dir: 'in' }],
  ['ws-frame payload is a string', { type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: 'hi' }],
  [
    'ws-frame payload.data is a number',
    { type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: { data: 1, binary: false, size: 1, truncated: false } },
  ],
  [
    'ws-frame payload.size is NaN',
    { type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: { data: 'a', binary: false, size: NaN, truncated: false } },
  ],
  [
    'ws-frame payload.size is negative',
    { type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: { data: 'a', binary: false, size: -1, truncated: false } },
  ],
  [
    'ws-frame payload.binary is a string',
    { type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: { data: 'a', binary: 'no', size: 1, truncated: false } },
  ],
  ['ws-frame bad dir', { type: 'ws-frame', t: 1, conn: 1, dir: 'sideways', payload: pl() }],
  ['ws-frame forged synthetic flag', { type: 'ws-frame', t: 1, conn: 1, dir: 'out', payload: pl(), synthetic: 'admin' }],
  ['ws-close code out of range', { type: 'ws-close', t: 1, conn: 1, code: 70000, reason: '', wasClean: true, by: 'client' }],
  ['ws-close code NaN', { type: 'ws-close', t: 1, conn: 1, code: NaN, reason: '', wasClean: true, by: 'client' }],
  ['ws-close reason huge', { type: 'ws-close', t: 1, conn: 1, code: 1000, reason: huge, wasClean: true, by: 'client' }],
  ['ws-close wasClean is 1', { type: 'ws-close', t: 1, conn: 1, code: 1000, reason: '', wasClean: 1, by: 'client' }],
  ['sse-event event missing', { type: 'sse-event', t: 1, conn: 2, id: '', payload: pl() }],
  ['sse-event event huge', { type: 'sse-event', t: 1, conn: 2, event: huge, id: '', payload: pl() }],
  ['sse-event retry negative', { type: 'sse-event', t: 1, conn: 2, event: 'm', id: '', retry: -1, payload: pl() }],
  ['sse-error readyState 9', { type: 'sse-error', t: 1, conn: 2, readyState: 9 }],
  ['http-request headers not pairs', { type: 'http-request', t: 1, conn: 3, api: 'fetch', method: 'GET', url: 'http://h', headers: [['a']] }],
  ['http-request headers an object', { type: 'http-request', t: 1, conn: 3, api: 'fetch', method: 'GET', url: 'http://h', headers: { a: 'b' } }],
  ['http-request api unknown', { type: 'http-request', t: 1, conn: 3, api: 'beacon', method: 'GET', url: 'http://h', headers: [] }],
  ['http-request method huge', { type: 'http-request', t: 1, conn: 3, api: 'fetch', method: 'G'.repeat(65), url: 'http://h', headers: [] }],
  [
    'http-request too many headers',
    { type: 'http-request', t: 1, conn: 3, api: 'fetch', method: 'GET', url: 'http://h', headers: Array.from({ length: 5000 }, () => ['a', 'b']) },
  ],
  ['http-response status 1e9', { type: 'http-response', t: 1, conn: 3, status: 1e9, statusText: '', headers: [], url: '', eventStream: false }],
  ['http-response status string', { type: 'http-response', t: 1, conn: 3, status: '200', statusText: '', headers: [], url: '', eventStream: false }],
  ['http-end outcome unknown', { type: 'http-end', t: 1, conn: 3, size: 0, outcome: 'maybe' }],
  ['http-end size negative', { type: 'http-end', t: 1, conn: 3, size: -10, outcome: 'ok' }],
  ['dropped range reversed', { type: 'dropped', t: 1, conn: 0, fromSeq: 5, toSeq: 2 }],
  ['dropped range NaN', { type: 'dropped', t: 1, conn: 0, fromSeq: NaN, toSeq: 2 }],
  ['ws-frame handlerMs negative', { type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: pl(), handlerMs: -1 }],
  ['ws-frame handlerMs NaN', { type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: pl(), handlerMs: NaN }],
  ['ws-frame handlerMs a string', { type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: pl(), handlerMs: '5' }],
  ['ws-frame handlerMs beyond an hour', { type: 'ws-frame', t: 1, conn: 1, dir: 'in', payload: pl(), handlerMs: RECORD_LIMITS.handlerMs + 1 }],
  ['ws-frame handlerMs on an outgoing frame', { type: 'ws-frame', t: 1, conn: 1, dir: 'out', payload: pl(), handlerMs: 3 }],
  ['sse-event handlerMs Infinity', { type: 'sse-event', t: 1, conn: 2, event: 'm', id: '', payload: pl(), handlerMs: Infinity }],
  ['handler-cost names a later record', { type: 'handler-cost', t: 1, conn: 1, frameSeq: 2 ** 40, ms: 1 }],
  ['handler-cost frameSeq fractional', { type: 'handler-cost', t: 1, conn: 1, frameSeq: 2.5, ms: 1 }],
  ['handler-cost frameSeq 0', { type: 'handler-cost', t: 1, conn: 1, frameSeq: 0, ms: 1 }],
  ['handler-cost without ms', { type: 'handler-cost', t: 1, conn: 1, frameSeq: 2 }],
  ['handler-cost ms negative', { type: 'handler-cost', t: 1, conn: 1, frameSeq: 2, ms: -0.5 }],
];

/** Malformed records with a seq of their own that is broken. */
const BAD_SEQ: [string, unknown][] = [
  ['seq is a string', { type: 'ws-error', seq: '3', t: 1, conn: 1 }],
  ['seq is 0', { type: 'ws-error', seq: 0, t: 1, conn: 1 }],
  ['seq is negative', { type: 'ws-error', seq: -1, t: 1, conn: 1 }],
  ['seq is NaN', { type: 'ws-error', seq: NaN, t: 1, conn: 1 }],
  ['seq is fractional', { type: 'ws-error', seq: 1.5, t: 1, conn: 1 }],
  ['seq is huge', { type: 'ws-error', seq: 2 ** 60, t: 1, conn: 1 }],
];

function fakeLink() {
  const sent: PanelToBackgroundMessage[] = [];
  let deliver: (m: BackgroundToPanelMessage) => void = () => {};
  const transport: PanelTransport = {
    post: (m) => void sent.push(m),
    listen: (l) => ((deliver = l), () => {}),
    onDisconnect: () => () => {},
  };
  const session = new Session();
  new PanelLink({ tabId: 7, session, settings: () => DEFAULT_AGENT_SETTINGS, open: () => transport, recording: () => true }).start();
  const batch = (records: unknown[], packed?: string) =>
    deliver({
      ...makeEnvelope('from-frame'),
      tabId: 7,
      frameId: 0,
      documentId: 'doc',
      message: { ...makeEnvelope('batch'), agentId: 'a', records: records as never, packed },
    });
  const resyncs = () => sent.filter((m) => m.type === 'to-frame' && m.message.type === 'resync');
  return { session, batch, resyncs };
}

describe('record schemas', () => {
  it('accepts a valid record of every type', () => {
    VALID.forEach((r, i) => expect(checkRecord({ ...r, seq: i + 1 }), JSON.stringify(r)).toEqual({ ok: true, record: { ...r, seq: i + 1 } }));
  });

  it(`refuses each of ${MALFORMED.length + BAD_SEQ.length} malformed records, keeping a sound seq`, () => {
    for (const [what, r] of MALFORMED) {
      const withSeq = typeof r === 'object' && r !== null && !Array.isArray(r) ? { ...r, seq: 9 } : r;
      const c = checkRecord(withSeq);
      expect(c.ok, what).toBe(false);
      if (!c.ok && withSeq !== r) expect(c.seq, what).toBe(9);
    }
    for (const [what, r] of BAD_SEQ) expect(checkRecord(r), what).toEqual({ ok: false, reason: expect.stringContaining('seq') });
  });

  it('refuses prototype-pollution keys and leaves Object.prototype alone', () => {
    for (const text of [
      '{"type":"ws-error","seq":1,"t":1,"conn":1,"__proto__":{"polluted":true}}',
      '{"type":"ws-error","seq":1,"t":1,"conn":1,"constructor":{"prototype":{"polluted":true}}}',
      '{"type":"ws-frame","seq":1,"t":1,"conn":1,"dir":"in","payload":{"data":"a","binary":false,"size":1,"truncated":false},"prototype":1}',
    ])
      expect(checkRecord(JSON.parse(text)).ok, text).toBe(false);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    // A class instance is not a record either (structured clone and JSON only make plain objects).
    expect(checkRecord(Object.assign(new (class X {})(), VALID[4], { seq: 1 })).ok).toBe(false);
  });

  it('refuses a handler-cost record that names itself', () => {
    expect(checkRecord({ type: 'handler-cost', seq: 9, t: 1, conn: 1, frameSeq: 9, ms: 1 }).ok).toBe(false);
    expect(checkRecord({ type: 'handler-cost', seq: 9, t: 1, conn: 1, frameSeq: 8, ms: 1 }).ok).toBe(true);
  });

  it('places an invalid record without a usable seq between its neighbours', () => {
    const check = checkBatch(
      [
        { ...VALID[0], seq: 1 },
        { type: 'ws-error', seq: 'x' },
        { ...VALID[4], seq: 3 },
      ],
      0,
    );
    expect('items' in check && check.items.map((i) => (i !== null && typeof i === 'object' ? `r${i.seq}` : i))).toEqual(['r1', 2, 'r3']);
    expect(checkBatch({ length: 1, 0: VALID[0] }, 0)).toEqual({ error: expect.any(String) });
  });
});

describe('PanelLink refuses malformed records and keeps everything else', () => {
  it('applies every valid record around each malformed one, counts the bad ones, needs no resync', () => {
    const { session, batch, resyncs } = fakeLink();
    const records: unknown[] = [
      { type: 'ws-create', seq: 1, t: 1, conn: 1, url: 'ws://h/', protocols: [] },
      { type: 'ws-open', seq: 2, t: 2, conn: 1, protocol: '', extensions: '' },
    ];
    let seq = 3;
    for (const [, bad] of MALFORMED) {
      records.push(typeof bad === 'object' && bad !== null && !Array.isArray(bad) ? { ...bad, seq: seq++ } : bad);
      if (!(typeof bad === 'object' && bad !== null && !Array.isArray(bad))) seq++; // no seq of its own: inferred from neighbours
      records.push({ type: 'ws-frame', seq: seq++, t: seq, conn: 1, dir: 'in', payload: pl(`good ${seq}`) });
    }
    expect(() => batch(records)).not.toThrow();
    expect(session.invalidRecords).toBe(MALFORMED.length);
    expect(session.frames.count).toBe(MALFORMED.length);
    expect(session.agents.get('a')?.lastSeq).toBe(seq - 1);
    expect(resyncs()).toEqual([]);
    // Later traffic still flows, and a resync that re-sends a bad record does not count it twice.
    batch([
      { type: 'ws-frame', seq: 3, t: 1, conn: 1, dir: 'in' },
      { type: 'ws-frame', seq, t: 1, conn: 1, dir: 'out', payload: pl('later') },
    ]);
    expect(session.frames.count).toBe(MALFORMED.length + 1);
    expect(session.invalidRecords).toBe(MALFORMED.length);
  });

  it('counts a batch that is not an array, or a packed batch that is not JSON, as one invalid batch', () => {
    const { session, batch } = fakeLink();
    batch([{ type: 'ws-create', seq: 1, t: 1, conn: 1, url: 'ws://h/', protocols: [] }]);
    batch([], '{"not":"an array"}');
    batch([], '[broken');
    expect(session.invalidRecords).toBe(2);
    batch([], JSON.stringify([{ type: 'ws-frame', seq: 2, t: 2, conn: 1, dir: 'in', payload: pl('ok') }]));
    expect(session.frames.count).toBe(1);
  });

  it('a bad record after a gap waits for the resync, then is stepped over in order', () => {
    const { session, batch, resyncs } = fakeLink();
    batch([{ type: 'ws-create', seq: 1, t: 1, conn: 1, url: 'ws://h/', protocols: [] }]);
    batch([{ type: 'ws-frame', seq: 3, t: 1, conn: 1 }]); // seq 2 missing
    expect(resyncs().map((m) => (m.type === 'to-frame' && m.message.type === 'resync' ? m.message.fromSeq : 0))).toEqual([2]);
    batch([
      { type: 'ws-frame', seq: 2, t: 2, conn: 1, dir: 'in', payload: pl('two') },
      { type: 'ws-frame', seq: 3, t: 1, conn: 1 },
      { type: 'ws-frame', seq: 4, t: 4, conn: 1, dir: 'in', payload: pl('four') },
    ]);
    expect(session.frames.count).toBe(2);
    expect(session.invalidRecords).toBe(1);
    expect(session.agents.get('a')?.lastSeq).toBe(4);
  });
});
