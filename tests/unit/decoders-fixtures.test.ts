// Context: node (test). Decodes the frames recorded from real client libraries and servers
// (tests/unit/fixtures/frames, written by fixtures/record-frames.ts) and checks detection,
// per-frame decoding and request/response pairing. Ids and timestamps vary per recording, so
// assertions are about structure and content the scenarios fix.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeChannel,
  detectProtocol,
  loadAllDecoders,
  pairFrames,
  rankDecoders,
  type DecodedFrame,
  type DecodeInput,
  type FrameDecoder,
} from '../../lib/decoders';
import { createProtobufDecoder } from '../../lib/decoders/protobuf';

// MQTT and protobuf load on first use in the panel; these tests check the decoders themselves.
beforeAll(loadAllDecoders);
import { fixtureNames, inputsOf, loadFixture, pollingInputsOf } from './fixtures/record-frames-load';
import { TICKER_PROTO } from './fixtures/record-frames-binary';

function decodeFixture(
  name: string,
  inputs?: DecodeInput[],
): { decoder: FrameDecoder; decoded: DecodedFrame[]; inputs: DecodeInput[]; times: number[] } {
  const fx = loadFixture(name);
  const ins = inputs ?? inputsOf(fx);
  const decoder = detectProtocol(ins);
  if (!decoder) throw new Error(`no decoder detected for ${name}`);
  const decoded = decodeChannel(decoder, ins);
  // Every recorded frame of a detected protocol must decode.
  const failed = decoded.flatMap((d, i) => (d === null ? [i] : []));
  expect(failed, `${name}: frames that did not decode`).toEqual([]);
  return { decoder, decoded: decoded as DecodedFrame[], inputs: ins, times: fx.frames.map((f) => f.t) };
}

function pairsOf(decoded: DecodedFrame[], times: number[]) {
  return pairFrames(decoded.map((d, i) => ({ index: i, time: times[i] ?? i, decoded: d })));
}

const withoutSubprotocol = (ins: DecodeInput[]): DecodeInput[] => ins.map(({ subprotocol: _s, ...rest }) => rest);

describe('recorded fixtures', () => {
  it('are all present and non-empty', () => {
    const names = fixtureNames();
    for (const n of [
      'socketio-websocket',
      'socketio-polling',
      'graphql-ws',
      'stomp',
      'signalr-json',
      'signalr-msgpack',
      'mqtt-v4',
      'mqtt-v5-refused',
      'phoenix',
      'binary-protobuf',
      'binary-msgpack',
      'binary-cbor',
    ]) {
      expect(names).toContain(n);
      const fx = loadFixture(n);
      expect(fx.frames.length + (fx.http?.length ?? 0)).toBeGreaterThan(2);
      expect(fx.recordedWith.length).toBeGreaterThan(0);
    }
  });
});

describe('Socket.IO (socket.io-client ↔ socket.io)', () => {
  it('decodes the WebSocket session: events, acks, namespace, binary attachments, heartbeat', () => {
    const { decoder, decoded, times } = decodeFixture('socketio-websocket');
    expect(decoder.id).toBe('socket.io');
    expect(decoded[0].messageType).toBe('open');
    const chat = decoded.find((d) => d.summary.startsWith('42 chat:message ack#'));
    expect(chat?.correlation).toBe('request');
    const upload = decoded.findIndex((d) => d.messageType === 'BINARY_EVENT' && d.summary.includes('upload'));
    expect(decoded[upload].summary).toContain('+1 binary');
    expect(decoded[upload + 1].messageType).toBe('attachment');
    expect(decoded[upload + 1].summary).toBe('attachment #0 of 45 upload (16 B)');
    expect(decoded.some((d) => d.messageType === 'CONNECT' && d.summary.includes('/admin'))).toBe(true);
    expect(decoded.some((d) => d.messageType === 'ping')).toBe(true);
    expect(decoded.some((d) => d.messageType === 'pong')).toBe(true);
    const { pairs, unanswered } = pairsOf(decoded, times);
    // chat:message ack, upload ack, /admin stats ack
    expect(pairs.map((p) => p.id).sort()).toEqual(['/#0>', '/#1>', '/admin#0>']);
    expect(unanswered).toEqual([]);
    const ack = pairs.find((p) => p.id === '/#1>');
    expect(decoded[ack?.response ?? -1].fields).toMatchObject({ socketIo: 'ACK', data: [16] });
    for (const p of pairs) expect(p.roundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('decodes long-polling bodies, including several packets in one body', () => {
    const fx = loadFixture('socketio-polling');
    const { decoder, decoded, times } = decodeFixture('socketio-polling', pollingInputsOf(fx));
    expect(decoder.id).toBe('socket.io');
    const multi = decoded.find((d) => d.messageType === 'payload');
    expect(multi?.summary).toMatch(/^payload ×2: 40 connect .* \| 42 welcome/);
    expect(pairsOf(decoded, times).pairs).toHaveLength(1);
  });
});

describe('graphql-ws (graphql-ws client ↔ useServer)', () => {
  it('detects with and without the subprotocol and pairs subscribe → next…complete', () => {
    const { decoder, decoded, inputs, times } = decodeFixture('graphql-ws');
    expect(decoder.id).toBe('graphql-ws');
    expect(detectProtocol(withoutSubprotocol(inputs))?.id).toBe('graphql-ws');
    expect(decoded.map((d) => d.summary)).toContain('subscribe #' + String(decoded[5].id) + ' subscription OnGreetings');
    expect(decoded.find((d) => d.summary.includes('query Hello'))).toBeTruthy();
    const { pairs } = pairsOf(decoded, times);
    expect(pairs).toHaveLength(4);
    const sub = pairs.find((p) => decoded[p.request].summary.includes('OnGreetings'));
    expect(sub?.responses).toHaveLength(4); // 3 next + complete
    const invalid = pairs.find((p) => decoded[p.request].summary.includes('{nope}'));
    expect(invalid?.error).toBe(true);
  });
});

describe('STOMP (@stomp/stompjs ↔ minimal broker)', () => {
  it('decodes text and binary frames, receipts and errors', () => {
    const { decoder, decoded, inputs, times } = decodeFixture('stomp');
    expect(decoder.id).toBe('stomp');
    expect(detectProtocol(withoutSubprotocol(inputs))?.id).toBe('stomp');
    expect(decoded.map((d) => d.messageType)).toEqual([
      'CONNECT',
      'CONNECTED',
      'SUBSCRIBE',
      'SEND',
      'MESSAGE',
      'RECEIPT',
      'SEND',
      'SEND',
      'MESSAGE',
      'ERROR',
      'DISCONNECT',
      'RECEIPT',
    ]);
    const binMsg = decoded[8].fields as { body: unknown };
    expect(binMsg.body).toEqual({ $bytes: Buffer.from([1, 2, 3, 0, 255]).toString('base64') });
    const { pairs } = pairsOf(decoded, times);
    expect(pairs.map((p) => [p.id, p.error])).toEqual([
      ['receipt:rcpt-1', false],
      ['receipt:rcpt-2', true],
      ['receipt:close-0', false],
    ]);
  });
});

describe('SignalR', () => {
  it('JSON hub protocol (@microsoft/signalr client): handshake, invocations, stream', () => {
    const { decoder, decoded, times } = decodeFixture('signalr-json');
    expect(decoder.id).toBe('signalr-json');
    expect(decoded[0].summary).toBe('Handshake json v1');
    expect(decoded.find((d) => d.summary.startsWith('Invocation Echo'))?.correlation).toBe('request');
    const { pairs } = pairsOf(decoded, times);
    const stream = pairs.find((p) => decoded[p.request].messageType === 'StreamInvocation');
    expect(stream?.responses).toHaveLength(4); // 3 StreamItems + Completion
    expect(pairs.find((p) => decoded[p.request].summary.includes('Fail'))?.error).toBe(true);
  });

  it('MessagePack hub protocol: VarInt framing, two messages in one frame', () => {
    const { decoder, decoded } = decodeFixture('signalr-msgpack');
    expect(decoder.id).toBe('signalr-msgpack');
    const twoInOne = decoded.find((d) => d.summary.startsWith('StreamInvocation Counter'));
    expect(twoInOne?.summary).toContain('(+1)');
    expect(decoded.find((d) => d.summary.startsWith('Completion #0'))?.fields).toMatchObject({ type: 3, invocationId: '0', result: 'hello msgpack' });
    expect(decoded.at(-1)?.messageType).toBe('Close');
  });
});

describe('MQTT over WebSocket (mqtt.js ↔ aedes)', () => {
  it('reassembles packets split across WebSocket messages and pairs acks', () => {
    const { decoder, decoded, inputs, times } = decodeFixture('mqtt-v4');
    expect(decoder.id).toBe('mqtt');
    // mqtt.js in node writes each packet field as its own message: most frames are fragments.
    expect(decoded.filter((d) => d.messageType === 'FRAGMENT').length).toBeGreaterThan(20);
    const packets = decoded.filter((d) => d.messageType !== 'FRAGMENT').map((d) => d.messageType);
    expect(packets).toEqual([
      'CONNECT',
      'CONNACK',
      'SUBSCRIBE',
      'SUBACK',
      'PUBLISH',
      'PUBACK',
      'PUBLISH',
      'PUBACK',
      'PUBLISH',
      'PUBLISH',
      'PUBLISH',
      'PINGREQ',
      'PINGRESP',
      'UNSUBSCRIBE',
      'UNSUBACK',
      'DISCONNECT',
    ]);
    const connect = decoded.find((d) => d.messageType === 'CONNECT');
    expect(connect?.fields).toMatchObject({ clientId: 'pushlens-v4', username: 'demo', password: '(redacted)' });
    expect(decoded.find((d) => d.summary.startsWith('PUBLISH chat/room1'))?.fields).toMatchObject({ payload: '{"text":"hello mqtt"}', qos: 1 });
    const { pairs, unanswered } = pairsOf(decoded, times);
    expect(pairs.map((p) => p.id.replace(/\d{2,}/, 'N'))).toEqual(['connect', 'sub:N>', 'pub:N>', 'pub:N<', 'ping', 'unsub:N>']);
    expect(unanswered).toEqual([]);
    // Detection does not need the subprotocol: the byte stream starts with CONNECT.
    expect(detectProtocol(withoutSubprotocol(inputs))?.id).toBe('mqtt');
  });

  it('reads a refused MQTT 5 CONNECT (properties block) as an error answer', () => {
    const { decoded, times } = decodeFixture('mqtt-v5-refused');
    expect(decoded.find((d) => d.messageType === 'CONNECT')?.fields).toMatchObject({ protocolVersion: 5, properties: { sessionExpiryInterval: 30 } });
    const { pairs } = pairsOf(decoded, times);
    expect(pairs).toHaveLength(1);
    expect(pairs[0].error).toBe(true);
  });
});

describe('Phoenix (phoenix.js ↔ minimal channel server)', () => {
  it('decodes v2 arrays and pairs refs with phx_reply', () => {
    const { decoder, decoded, times } = decodeFixture('phoenix');
    expect(decoder.id).toBe('phoenix');
    expect(decoded[0].summary).toBe('room:lobby phx_join ref#3 {"nick":"pushlens"}');
    const { pairs } = pairsOf(decoded, times);
    expect(pairs.length).toBe(6);
    const refused = pairs.find((p) => decoded[p.request].summary.startsWith('room:secret phx_join'));
    expect(refused?.error).toBe(true);
    expect(pairs.some((p) => decoded[p.request].messageType === 'heartbeat')).toBe(true);
  });
});

describe('generic binary (real encoders)', () => {
  it('MessagePack and CBOR frames decode to trees, 64-bit ints stay exact', () => {
    for (const [name, id] of [
      ['binary-msgpack', 'msgpack'],
      ['binary-cbor', 'cbor'],
    ] as const) {
      const { decoder, decoded } = decodeFixture(name);
      expect(decoder.id).toBe(id);
      expect(decoded[0].fields).toEqual({ op: 'subscribe', symbols: ['ACME', 'INIT'], depth: 2 });
      expect(decoded[1].fields).toMatchObject({ symbol: 'ACME', raw: { $bytes: 'AQID' } });
      expect(decoded[2].fields).toMatchObject({ big: '18446744073709551615' });
    }
  });

  it('protobuf: schemaless walk ranks first but below the auto threshold; a .proto decodes exactly', () => {
    const inputs = inputsOf(loadFixture('binary-protobuf'));
    expect(rankDecoders(inputs)[0].decoder.id).toBe('protobuf');
    expect(detectProtocol(inputs)).toBeNull();
    const schemaless = decodeChannel(rankDecoders(inputs)[0].decoder, inputs);
    expect(schemaless[0]?.fields).toEqual({ schemaless: true, fields: { '1': ['ACME', 'INIT'], '2': 2 } });
    const withSchema = createProtobufDecoder({ proto: TICKER_PROTO, messageType: { out: 'market.Subscribe', in: 'market.Quote' } });
    expect(detectProtocol(inputs, [withSchema])?.id).toBe('protobuf-schema');
    const q = withSchema.decode(inputs[1]);
    expect(q?.fields).toEqual({
      symbol: 'ACME',
      price: 101.25,
      volume: '9007199254740993',
      side: 'SELL',
      last: { id: '77', delta: -3, raw: '3q0=' },
    });
  });
});
