// Context: pure (panel + model), no browser APIs.
// MQTT 3.1.1 / 5 over WebSocket (subprotocol `mqtt`), parsed with mqtt-packet's own parser so
// we read packets exactly as the mqtt.js client and aedes broker do. mqtt-packet works on Node
// Buffers; `buffer` is imported explicitly so a browser bundle resolves the npm polyfill (it is in
// node_modules) instead of a Node built-in.
//
// MQTT 5 packets carry a properties block that a 3.1.1 parser would misread, and the version is
// only stated in CONNECT. decode() is per frame, so it tries the version given to
// createMqttDecoder (default 4) and falls back to the other one when parsing fails.

import { Buffer } from 'buffer';
import { parser as mqttParser, type Packet } from 'mqtt-packet';
import type { Correlation, DecodedFrame, FrameDecoder, JsonObject } from './types';
import { preview, share, textOf, toJsonSafe } from './util';

/** All packets in one frame, or null when the bytes are not (complete) MQTT. */
export function parseMqtt(bytes: Uint8Array, protocolVersion: 3 | 4 | 5): Packet[] | null {
  const packets: Packet[] = [];
  let failed = false;
  const p = mqttParser({ protocolVersion });
  p.on('packet', (pkt: Packet) => packets.push(pkt));
  p.on('error', () => {
    failed = true;
  });
  let left: number;
  try {
    left = p.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return null;
  }
  if (failed || left !== 0 || packets.length === 0) return null;
  return packets;
}

function payloadPreview(payload: unknown): { text?: string; bytes: number } {
  if (typeof payload === 'string') return { text: payload, bytes: payload.length };
  if (payload instanceof Uint8Array) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(payload), bytes: payload.length };
    } catch {
      return { bytes: payload.length };
    }
  }
  return { bytes: 0 };
}

function describe(pkt: Packet, dir: 'in' | 'out'): { summary: string; id?: string; correlation: Correlation } {
  const cmd = pkt.cmd.toUpperCase();
  const mid = pkt.messageId;
  // Packet ids are chosen by the sender of the request: the key says which side that was.
  const side = (requester: 'in' | 'out'): string => (requester === 'out' ? '>' : '<');
  const other = dir === 'in' ? 'out' : 'in';
  switch (pkt.cmd) {
    case 'connect':
      return { summary: `CONNECT ${pkt.clientId} v${pkt.protocolVersion ?? 4}`, id: 'connect', correlation: 'request' };
    case 'connack': {
      const rc = pkt.returnCode ?? pkt.reasonCode ?? 0;
      return { summary: `CONNACK rc=${rc}${pkt.sessionPresent ? ' session' : ''}`, id: 'connect', correlation: rc === 0 ? 'response' : 'error' };
    }
    case 'publish': {
      const pl = payloadPreview(pkt.payload);
      const body = pl.text !== undefined ? preview(pl.text) : `${pl.bytes} B`;
      const bits = [`PUBLISH ${pkt.topic} q${pkt.qos}`];
      if (pkt.retain) bits.push('retain');
      if (mid !== undefined && pkt.qos > 0) bits.push(`#${mid}`);
      bits.push(body);
      if (pkt.qos > 0 && mid !== undefined) return { summary: bits.join(' '), id: `pub:${mid}${side(dir)}`, correlation: 'request' };
      return { summary: bits.join(' '), correlation: 'event' };
    }
    case 'puback':
    case 'pubrec':
      return { summary: `${cmd} #${mid}`, id: `pub:${mid}${side(other)}`, correlation: 'response' };
    case 'pubrel':
    case 'pubcomp':
      return { summary: `${cmd} #${mid}`, correlation: 'event' };
    case 'subscribe':
      return { summary: `SUBSCRIBE #${mid} ${pkt.subscriptions.map((s) => `${s.topic} q${s.qos}`).join(', ')}`, id: `sub:${mid}${side(dir)}`, correlation: 'request' };
    case 'suback':
      return { summary: `SUBACK #${mid} [${pkt.granted.join(',')}]`, id: `sub:${mid}${side(other)}`, correlation: 'response' };
    case 'unsubscribe':
      return { summary: `UNSUBSCRIBE #${mid} ${pkt.unsubscriptions.join(', ')}`, id: `unsub:${mid}${side(dir)}`, correlation: 'request' };
    case 'unsuback':
      return { summary: `UNSUBACK #${mid}`, id: `unsub:${mid}${side(other)}`, correlation: 'response' };
    case 'pingreq':
      return { summary: 'PINGREQ', id: 'ping', correlation: 'request' };
    case 'pingresp':
      return { summary: 'PINGRESP', id: 'ping', correlation: 'response' };
    default:
      return { summary: cmd, correlation: 'event' };
  }
}

function fieldsOf(pkt: Packet): JsonObject {
  const o = toJsonSafe(pkt) as JsonObject;
  if (pkt.cmd === 'publish') {
    const pl = payloadPreview(pkt.payload);
    if (pl.text !== undefined) o.payload = pl.text;
  }
  // Passwords are credentials: show that one was sent, not what it was.
  if (pkt.cmd === 'connect' && pkt.password !== undefined) o.password = '(redacted)';
  return o;
}

export function createMqttDecoder(protocolVersion: 3 | 4 | 5 = 4): FrameDecoder {
  const parse = (bytes: Uint8Array): Packet[] | null => parseMqtt(bytes, protocolVersion) ?? parseMqtt(bytes, protocolVersion === 5 ? 4 : 5);
  return {
    id: 'mqtt',
    name: 'MQTT over WebSocket',
    detect(sample) {
      if (sample.length === 0) return 0;
      const sub = sample[0].subprotocol ?? '';
      if (sub === 'mqtt' || sub === 'mqttv3.1') return 1;
      const binary = sample.filter((f) => f.bytes !== undefined && textOf(f) === undefined || (f.bytes !== undefined && f.text === undefined));
      if (binary.length === 0) return 0;
      const ok = share(sample, (f) => f.bytes !== undefined && parse(f.bytes) !== null);
      if (ok < 0.9) return 0;
      // A CONNECT with the protocol name "MQTT" is unmistakable.
      const connect = sample.some((f) => f.bytes !== undefined && parse(f.bytes)?.[0]?.cmd === 'connect');
      return connect ? 0.95 : 0.5;
    },
    decode(frame) {
      if (!frame.bytes) return null;
      const packets = parse(frame.bytes);
      if (!packets) return null;
      const first = packets[0];
      const d = describe(first, frame.dir);
      const out: DecodedFrame = {
        protocol: 'mqtt',
        summary: packets.length > 1 ? `${d.summary} (+${packets.length - 1} packets)` : d.summary,
        fields: packets.length > 1 ? { packets: packets.map(fieldsOf) } : fieldsOf(first),
        messageType: first.cmd.toUpperCase(),
        correlation: d.correlation,
      };
      if (d.id !== undefined) out.id = d.id;
      return out;
    },
  };
}

export const mqttDecoder = createMqttDecoder(4);
