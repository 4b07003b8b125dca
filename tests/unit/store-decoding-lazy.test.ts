// Context: node (test). The loading path of the decoders that come in their own chunk (MQTT,
// protobuf): a channel seen before the chunk arrives decodes in the first render after it
// arrives; text channels never pay for the chunk; a chunk that fails to load leaves frames raw.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Session } from '../../lib/store/session';
import { channelProtocol, decodeRow } from '../../lib/store/channel-decoding';
import { decoderEpoch, decodersLoading, decodersSettled, lazyDecoder, mqttLazyDecoder, protobufLazyDecoder } from '../../lib/decoders/lazy';
import type { CaptureRecord, UnsequencedRecord } from '../../lib/protocol/records';
import type { DecodeInput } from '../../lib/decoders';

interface Fixture {
  url: string;
  subprotocol: string;
  frames: { dir: 'in' | 'out'; t: number; text?: string; base64?: string }[];
}

function sessionFrom(name: string, keepSubprotocol = true): Session {
  const fx = JSON.parse(readFileSync(resolve(import.meta.dirname, `fixtures/frames/${name}.json`), 'utf8')) as Fixture;
  const sub = keepSubprotocol ? fx.subprotocol : '';
  const t0 = fx.frames[0].t - 10;
  const recs: UnsequencedRecord[] = [
    { type: 'ws-create', t: t0, conn: 1, url: `ws://127.0.0.1:1${fx.url}`, protocols: sub ? [sub] : [] },
    { type: 'ws-open', t: t0 + 1, conn: 1, protocol: sub, extensions: '' },
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

// Order matters: the chunks are module state, loaded at most once per test file.
describe('lazily loaded decoders', () => {
  it('a text protocol channel does not load the heavy chunks', () => {
    const s = sessionFrom('graphql-ws');
    expect(channelProtocol(s, s.channels[0])?.id).toBe('graphql-ws');
    expect(decodersLoading()).toBe(false);
    expect(mqttLazyDecoder.loaded).toBeUndefined();
    expect(protobufLazyDecoder.loaded).toBeUndefined();
  });

  it('an MQTT channel seen before its chunk loaded decodes in the first render after it arrives', async () => {
    // Without the subprotocol: detection must come from the frames themselves once the parser is there.
    const s = sessionFrom('mqtt-v4', false);
    const ch = s.channels[0];
    const epoch = decoderEpoch();
    // First render: nothing decoded yet, and the chunk is on its way.
    expect(channelProtocol(s, ch)).toBeNull();
    expect(decodeRow(s, ch, ch.frames.at(0))).toBeNull();
    expect(decodersLoading()).toBe(true);
    const version = s.version;
    await decodersSettled();
    expect(decoderEpoch()).toBeGreaterThan(epoch);
    // The session changed, so the views render again ...
    expect(s.version).toBeGreaterThan(version);
    expect(mqttLazyDecoder.loaded?.id).toBe('mqtt');
    // ... and that render decodes.
    expect(channelProtocol(s, ch)?.id).toBe('mqtt');
    // mqtt.js writes packet fields as separate messages: CONNECT is decoded on the frame that completes it.
    const summaries: string[] = [];
    for (let k = 0; k < ch.frames.length; k++) summaries.push(decodeRow(s, ch, ch.frames.at(k))?.summary ?? '');
    expect(summaries.some((x) => x.startsWith('CONNECT '))).toBe(true);
    expect(summaries.some((x) => x.startsWith('PUBLISH chat/room1'))).toBe(true);
  });

  it('a protobuf channel loads the protobuf chunk and ranks it once loaded', async () => {
    const s = sessionFrom('binary-protobuf');
    const ch = s.channels[0];
    channelProtocol(s, ch); // the render that notices binary frames
    await decodersSettled();
    expect(protobufLazyDecoder.loaded?.id).toBe('protobuf');
    const bytes = new Uint8Array([0x08, 0x96, 0x01]); // field 1, varint 150
    expect(protobufLazyDecoder.decode({ dir: 'in', bytes, channelUrl: 'ws://x' })?.protocol).toBe('protobuf');
  });

  it('a chunk that fails to load leaves frames raw and never throws', async () => {
    let calls = 0;
    const broken = lazyDecoder(
      'broken',
      'Broken',
      () => {
        calls++;
        return Promise.reject(new Error('chunk gone'));
      },
      () => true,
    );
    const frame: DecodeInput = { dir: 'in', text: 'x', channelUrl: 'ws://x' };
    expect(broken.detect([frame])).toBe(0);
    expect(await broken.load()).toBeUndefined();
    expect(broken.detect([frame])).toBe(0);
    expect(broken.decode(frame)).toBeNull();
    expect(broken.decodeAll).toBeUndefined();
    // One attempt only: a failing import is not retried on every render.
    expect(calls).toBe(1);
  });

  it('worthLoading gates the import: samples that cannot be the protocol load nothing', () => {
    let calls = 0;
    const gated = lazyDecoder(
      'gated',
      'Gated',
      async () => {
        calls++;
        return mqttLazyDecoder;
      },
      () => false,
    );
    gated.detect([{ dir: 'in', bytes: new Uint8Array([1]), channelUrl: 'ws://x' }]);
    expect(calls).toBe(0);
  });
});
