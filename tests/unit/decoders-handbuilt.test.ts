// Context: node (test). Decoder cases with no installed library to record from (ActionCable,
// JSON-RPC, legacy subscriptions-transport-ws, Phoenix v1/binary, schemaless protobuf edge cases)
// plus robustness: hostile or odd input must give null, never throw.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_DECODERS,
  actionCableDecoder,
  decodeEngineIoPayload,
  detectProtocol,
  jsonRpcDecoder,
  pairFrames,
  parseStomp,
  phoenixDecoder,
  socketIoDecoder,
  stompDecoder,
  subscriptionsTransportWsDecoder,
  walkProtobuf,
  loadAllDecoders,
  type DecodeInput,
} from '../../lib/decoders';
import { createProtobufDecoder, ProtobufSchemaError } from '../../lib/decoders/protobuf';

// MQTT and protobuf load on first use in the panel; these tests check the decoders themselves.
beforeAll(loadAllDecoders);

const url = 'ws://127.0.0.1/x';
const out = (text: string, subprotocol?: string): DecodeInput => ({ dir: 'out', text, channelUrl: url, ...(subprotocol ? { subprotocol } : {}) });
const inn = (text: string, subprotocol?: string): DecodeInput => ({ dir: 'in', text, channelUrl: url, ...(subprotocol ? { subprotocol } : {}) });
const bin = (dir: 'in' | 'out', bytes: number[]): DecodeInput => ({ dir, bytes: new Uint8Array(bytes), channelUrl: url });

describe('ActionCable (hand-built, Rails wire format)', () => {
  const frames = [
    inn('{"type":"welcome"}'),
    out('{"command":"subscribe","identifier":"{\\"channel\\":\\"ChatChannel\\",\\"room\\":\\"1\\"}"}'),
    inn('{"identifier":"{\\"channel\\":\\"ChatChannel\\",\\"room\\":\\"1\\"}","type":"confirm_subscription"}'),
    out(
      '{"command":"message","identifier":"{\\"channel\\":\\"ChatChannel\\",\\"room\\":\\"1\\"}","data":"{\\"action\\":\\"speak\\",\\"text\\":\\"hi\\"}"}',
    ),
    inn('{"type":"ping","message":1763632801}'),
    inn('{"identifier":"{\\"channel\\":\\"ChatChannel\\",\\"room\\":\\"1\\"}","message":{"text":"hi","user":"bob"}}'),
  ];
  it('detects, unpacks nested JSON strings and pairs subscribe → confirm', () => {
    expect(detectProtocol(frames)?.id).toBe('actioncable');
    const d = frames.map((f) => actionCableDecoder.decode(f));
    expect(d[3]?.summary).toBe('message ChatChannel speak {"action":"speak","text":"hi"}');
    expect(d[3]?.fields).toMatchObject({ data: { action: 'speak', text: 'hi' }, identifier: { channel: 'ChatChannel', room: '1' } });
    expect(d[5]?.messageType).toBe('broadcast');
    const { pairs } = pairFrames(d.map((x, i) => ({ index: i, time: i * 10, decoded: x })));
    expect(pairs).toEqual([expect.objectContaining({ request: 1, response: 2, roundTripMs: 10 })]);
  });
});

describe('JSON-RPC 2.0 (hand-built)', () => {
  it('pairs by id and direction, and reports errors and notifications', () => {
    const frames = [
      out('{"jsonrpc":"2.0","method":"eth_subscribe","params":["newHeads"],"id":1}'),
      inn('{"jsonrpc":"2.0","method":"server_ping","id":1}'), // server-initiated call reusing id 1
      inn('{"jsonrpc":"2.0","result":"0xabc","id":1}'),
      out('{"jsonrpc":"2.0","result":"pong","id":1}'),
      out('{"jsonrpc":"2.0","method":"nope","id":"b"}'),
      inn('{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":"b"}'),
      inn('{"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"0xabc"}}'),
    ];
    expect(detectProtocol(frames)?.id).toBe('json-rpc');
    const d = frames.map((f) => jsonRpcDecoder.decode(f));
    expect(d[6]?.messageType).toBe('notification');
    expect(d[5]?.summary).toBe('error #"b" -32601 Method not found');
    const { pairs } = pairFrames(d.map((x, i) => ({ index: i, time: i, decoded: x })));
    expect(pairs.map((p) => [p.request, p.response, p.error])).toEqual([
      [0, 2, false],
      [1, 3, false],
      [4, 5, true],
    ]);
  });
});

describe('subscriptions-transport-ws (legacy Apollo, hand-built)', () => {
  it('is told apart from graphql-transport-ws without a subprotocol', () => {
    const frames = [
      out('{"type":"connection_init","payload":{}}'),
      inn('{"type":"connection_ack"}'),
      inn('{"type":"ka"}'),
      out('{"id":"1","type":"start","payload":{"query":"subscription { ticks }"}}'),
      inn('{"id":"1","type":"data","payload":{"data":{"ticks":1}}}'),
      out('{"id":"1","type":"stop"}'),
    ];
    expect(detectProtocol(frames)?.id).toBe('subscriptions-transport-ws');
    expect(detectProtocol(frames.slice(0, 2).map((f) => ({ ...f, subprotocol: 'graphql-ws' })))?.id).toBe('subscriptions-transport-ws');
    expect(subscriptionsTransportWsDecoder.decode(frames[3])?.summary).toBe('start #1 subscription {ticks}');
  });
});

describe('Phoenix v1 objects and v2 binary frames', () => {
  it('decodes the v1 object serializer', () => {
    const d = phoenixDecoder.decode(out('{"topic":"room:1","event":"phx_join","payload":{},"ref":"1"}'));
    expect(d).toMatchObject({ messageType: 'phx_join', id: '1', correlation: 'request', fields: { format: 'v1' } });
  });
  it('decodes a binary broadcast (kind 2) per phoenix.js serializer', () => {
    const enc = (s: string) => [...Buffer.from(s)];
    const bytes = [2, 6, 3, ...enc('room:1'), ...enc('img'), 0xde, 0xad];
    const d = phoenixDecoder.decode(bin('in', bytes));
    expect(d).toMatchObject({ messageType: 'img', fields: { topic: 'room:1', format: 'binary', payload: { $binary: 2, hex: 'dead' } } });
  });
});

describe('Engine.IO / STOMP details', () => {
  it('splits a polling payload with a base64 binary packet', () => {
    const parts = decodeEngineIoPayload('42["a",1]\x1ebAQID\x1e2', 'in');
    expect(parts.map((p) => p.messageType)).toEqual(['EVENT', 'attachment', 'ping']);
    expect(parts[1].fields).toMatchObject({ size: 3, hex: '010203' });
  });
  it('rejects digit-leading text that is not Engine.IO', () => {
    expect(socketIoDecoder.decode(out('hello'))).toBeNull();
    // Valid Engine.IO (a message packet) but not Socket.IO: shown as a plain message, not an EVENT.
    expect(socketIoDecoder.decode(out('42 is the answer'))?.messageType).toBe('message');
    expect(socketIoDecoder.detect([out('123'), out('456')])).toBeLessThan(0.5);
  });
  it('unescapes STOMP 1.2 header values and keeps the first repeated header', () => {
    const frames = parseStomp(new TextEncoder().encode('MESSAGE\nfoo:a\\cb\\nc\nfoo:second\n\nbody\0\n'));
    expect(frames).toHaveLength(1);
    expect(frames?.[0].headers[0]).toEqual(['foo', 'a:b\nc']);
    expect(stompDecoder.decode(inn('MESSAGE\nfoo:x\nfoo:y\n\n\0'))?.fields).toMatchObject({ headers: { foo: 'x' } });
    expect(stompDecoder.decode(inn('\n'))?.messageType).toBe('HEARTBEAT');
  });
});

describe('protobuf', () => {
  it('walks nested messages, strings and varints beyond 2^53', () => {
    // field 1 = "hi"; field 2 = { field 1 = 150 }; field 3 = varint 2^63
    const bytes = [0x0a, 2, 0x68, 0x69, 0x12, 3, 0x08, 0x96, 0x01, 0x18, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];
    const w = walkProtobuf(new Uint8Array(bytes));
    expect(w?.map((f) => [f.field, f.as ?? 'scalar'])).toEqual([
      [1, 'string'],
      [2, 'message'],
      [3, 'scalar'],
    ]);
    expect(w?.[1].value).toEqual({ '1': 150 });
    expect(w?.[2].value).toBe('9223372036854775808');
  });
  it('rejects truncated input and bad wire types', () => {
    expect(walkProtobuf(new Uint8Array([0x0a, 5, 0x68]))).toBeNull();
    expect(walkProtobuf(new Uint8Array([0x0b]))).toBeNull(); // wire type 3 (group start)
  });
  it('reports a bad .proto or unknown type clearly', () => {
    expect(() => createProtobufDecoder({ proto: 'message {', messageType: 'X' })).toThrow(ProtobufSchemaError);
    expect(() => createProtobufDecoder({ proto: 'syntax = "proto3"; message A { int32 x = 1; }', messageType: 'B' })).toThrow(/"B" is not defined/);
  });
});

describe('robustness', () => {
  it('no decoder throws on hostile input', () => {
    const nasty: DecodeInput[] = [
      out(''),
      out('\x1e'),
      out('{"type":1}\x1e'),
      out('4'.repeat(10000)),
      out('[null,null,null,null,null]'),
      out('{"__proto__":{"polluted":true},"jsonrpc":"2.0","method":"x"}'),
      bin('in', []),
      bin('in', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      bin('in', [0x82, 0xa1]),
      bin('out', [0x10, 0xff, 0xff, 0xff, 0x7f]),
    ];
    for (const dec of DEFAULT_DECODERS) {
      expect(() => dec.detect(nasty)).not.toThrow();
      for (const f of nasty) expect(() => dec.decode(f)).not.toThrow();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('plain JSON chat is left undecoded rather than mislabelled', () => {
    expect(detectProtocol([out('{"msg":"hi"}'), inn('{"msg":"yo","from":"bob"}')])).toBeNull();
  });
});

describe('CBOR decoder against an independent encoder', () => {
  it('round-trips maps, arrays, strings, bytes, floats, big and negative integers', async () => {
    const { encodeCbor } = await import('./fixtures/cbor-encode');
    const { decodeCbor } = await import('../../lib/decoders/cbor');
    const value = { a: [1, -2, 3.5, 'x'], b: new Uint8Array([1, 2, 255]), c: { d: null, e: true }, big: 18446744073709551615n, neg: -1000000 };
    const back = decodeCbor(encodeCbor(value)) as Record<string, unknown>;
    expect(back.a).toEqual([1, -2, 3.5, 'x']);
    expect(Array.from(back.b as Uint8Array)).toEqual([1, 2, 255]);
    expect(back.c).toEqual({ d: null, e: true });
    expect(back.big).toBe(18446744073709551615n);
    expect(back.neg).toBe(-1000000);
  });
  it('rejects truncated and trailing data', async () => {
    const { decodeCbor } = await import('../../lib/decoders/cbor');
    expect(() => decodeCbor(Uint8Array.from([0x82, 0x01]))).toThrow(/end of data/);
    expect(() => decodeCbor(Uint8Array.from([0x01, 0x02]))).toThrow(/after the item/);
  });
});
