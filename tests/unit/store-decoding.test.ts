// Context: node (test). Decoding in the panel store: frames recorded from real client libraries
// (tests/unit/fixtures/frames) are fed to a Session as captured WebSocket frames; the channel's
// protocol is detected, rows decode, and requests pair with their answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Session } from '../../lib/store/session';
import { channelProtocol, decodeRow, pairOfRow } from '../../lib/store/channel-decoding';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';
import { loadAllDecoders } from '../../lib/decoders';

// MQTT and protobuf load on first use (see store-decoding-lazy.test.ts for the loading path).
beforeAll(loadAllDecoders);

interface Fixture {
  url: string;
  subprotocol: string;
  frames: { dir: 'in' | 'out'; t: number; opcode: number; text?: string; base64?: string }[];
}

function sessionFrom(name: string): Session {
  const fx = JSON.parse(readFileSync(resolve(import.meta.dirname, `fixtures/frames/${name}.json`), 'utf8')) as Fixture;
  const t0 = fx.frames[0].t - 10;
  const recs: UnsequencedRecord[] = [
    { type: 'ws-create', t: t0, conn: 1, url: `ws://127.0.0.1:1${fx.url}`, protocols: fx.subprotocol ? [fx.subprotocol] : [] },
    { type: 'ws-open', t: t0 + 1, conn: 1, protocol: fx.subprotocol, extensions: '' },
    ...fx.frames.map((f): UnsequencedRecord => ({
      type: 'ws-frame',
      t: f.t,
      conn: 1,
      dir: f.dir,
      payload:
        f.base64 !== undefined
          ? { data: f.base64, binary: true, size: Buffer.from(f.base64, 'base64').length, truncated: false }
          : { data: f.text ?? '', binary: false, size: (f.text ?? '').length, truncated: false },
    })),
  ];
  const s = new Session();
  s.ingest(
    0,
    'doc',
    'agent',
    recs.map((r, i) => ({ ...r, seq: i + 1 }) as CaptureRecord),
  );
  return s;
}

describe('channel decoding in the panel store', () => {
  for (const [name, protocol] of [
    ['socketio-websocket', 'socket.io'],
    ['graphql-ws', 'graphql-ws'],
    ['mqtt-v4', 'mqtt'],
    ['stomp', 'stomp'],
    ['phoenix', 'phoenix'],
    ['signalr-json', 'signalr-json'],
  ] as const) {
    it(`detects ${protocol} and decodes its frames`, () => {
      const s = sessionFrom(name);
      const ch = s.channels[0];
      expect(channelProtocol(s, ch)?.id).toBe(protocol);
      let decoded = 0;
      for (let k = 0; k < ch.frames.length; k++) if (decodeRow(s, ch, ch.frames.at(k))) decoded++;
      // Every frame decodes, except MQTT pieces of packets split over several messages.
      if (protocol === 'mqtt') expect(decoded).toBeGreaterThan(ch.frames.length / 3);
      else expect(decoded).toBe(ch.frames.length);
    });
  }

  it('pairs Socket.IO acks and graphql-ws operations with their round-trip time', () => {
    for (const name of ['socketio-websocket', 'graphql-ws']) {
      const s = sessionFrom(name);
      const ch = s.channels[0];
      let paired = 0;
      for (let k = 0; k < ch.frames.length; k++) {
        const row = ch.frames.at(k);
        const pair = pairOfRow(s, ch, row);
        if (pair && pair.request === row) {
          paired++;
          expect(pair.roundTripMs).toBe(s.frames.time[pair.response] - s.frames.time[row]);
          expect(pair.roundTripMs).toBeGreaterThanOrEqual(0);
        }
      }
      expect(paired, name).toBeGreaterThan(0);
    }
  });

  it('leaves plain JSON channels undecoded', () => {
    const s = new Session();
    const recs: UnsequencedRecord[] = [{ type: 'ws-create', t: 1, conn: 1, url: 'ws://h/chat', protocols: [] }];
    for (let i = 0; i < 10; i++)
      recs.push({
        type: 'ws-frame',
        t: 2 + i,
        conn: 1,
        dir: 'in',
        payload: { data: JSON.stringify({ type: 'chat', text: `m${i}` }), binary: false, size: 30, truncated: false },
      });
    s.ingest(
      0,
      'doc',
      'agent',
      recs.map((r, i) => ({ ...r, seq: i + 1 }) as CaptureRecord),
    );
    expect(channelProtocol(s, s.channels[0])).toBeNull();
  });
});

describe('decode as', () => {
  it('lets a person pick a decoder, go raw, and return to detection', async () => {
    const { setChannelDecoder, decoderChoices } = await import('../../lib/store/channel-decoding');
    const s = sessionFrom('graphql-ws');
    const ch = s.channels[0];
    expect(decoderChoices(s, ch)[0].decoder.id).toBe('graphql-ws');
    setChannelDecoder(s, ch, null);
    expect(channelProtocol(s, ch)).toBeNull();
    expect(decodeRow(s, ch, ch.frames.at(0))).toBeNull();
    setChannelDecoder(s, ch, undefined);
    expect(channelProtocol(s, ch)?.id).toBe('graphql-ws');
  });
  it('decodes protobuf frames with a .proto the user loads', async () => {
    const { setChannelDecoder } = await import('../../lib/store/channel-decoding');
    const { createProtobufDecoder } = await import('../../lib/decoders/protobuf');
    const { TICKER_PROTO } = await import('./fixtures/record-frames-binary');
    const s = sessionFrom('binary-protobuf');
    const ch = s.channels[0];
    // Schemaless protobuf is never picked on its own: too many binary formats parse as protobuf.
    expect(channelProtocol(s, ch)).toBeNull();
    setChannelDecoder(s, ch, createProtobufDecoder({ proto: TICKER_PROTO, messageType: { out: 'market.Subscribe', in: 'market.Quote' } }));
    const quote = decodeRow(s, ch, ch.frames.at(1));
    expect(quote?.messageType).toBe('Quote');
    expect(quote?.fields).toMatchObject({ symbol: 'ACME', price: 101.25 });
  });
});
