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
import type { Correlation, DecodedFrame, DecodeInput, FrameDecoder, JsonObject } from './types';
import { preview, share, toJsonSafe } from './util';

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
      return {
        summary: `SUBSCRIBE #${mid} ${pkt.subscriptions.map((s) => `${s.topic} q${s.qos}`).join(', ')}`,
        id: `sub:${mid}${side(dir)}`,
        correlation: 'request',
      };
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

/**
 * MQTT over WebSocket is a byte stream: the spec lets one message hold several packets or part
 * of one, and mqtt.js in node really sends each field of a packet as its own message. One
 * streaming parser per direction reassembles packets; each packet is shown on the frame where it
 * completes, and frames that only carry part of a packet are marked as fragments.
 */
function decodeStream(frames: DecodeInput[], protocolVersion: 3 | 4 | 5): (DecodedFrame | null)[] {
  const parsers = { in: mqttParser({ protocolVersion }), out: mqttParser({ protocolVersion }) };
  const pending: Packet[] = [];
  let broken = false;
  for (const p of Object.values(parsers)) {
    p.on('packet', (pkt: Packet) => pending.push(pkt));
    p.on('error', () => {
      broken = true;
    });
  }
  return frames.map((f) => {
    if (!f.bytes || broken) return null;
    pending.length = 0;
    const left = parsers[f.dir].parse(Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength));
    if (broken) return null;
    if (pending.length === 0) {
      return {
        protocol: 'mqtt',
        summary: `… fragment ${f.bytes.length} B`,
        fields: { fragment: true, size: f.bytes.length, buffered: left },
        messageType: 'FRAGMENT',
      };
    }
    return packetsFrame([...pending], f.dir);
  });
}

function packetsFrame(packets: Packet[], dir: 'in' | 'out'): DecodedFrame {
  const first = packets[0];
  const d = describe(first, dir);
  const out: DecodedFrame = {
    protocol: 'mqtt',
    summary: packets.length > 1 ? `${d.summary} (+${packets.length - 1} packets)` : d.summary,
    fields: packets.length > 1 ? { packets: packets.map(fieldsOf) } : fieldsOf(first),
    messageType: first.cmd.toUpperCase(),
    correlation: d.correlation,
  };
  if (d.id !== undefined) out.id = d.id;
  return out;
}

/** Concatenates a direction's bytes: how detection sees past message boundaries. */
function joined(sample: DecodeInput[], dir: 'in' | 'out'): Uint8Array {
  const parts = sample.filter((f) => f.dir === dir && f.bytes).map((f) => f.bytes as Uint8Array);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Leading complete packets of a byte stream (a sample may end mid-packet). */
function leadingPackets(bytes: Uint8Array, protocolVersion: 3 | 4 | 5): Packet[] {
  const packets: Packet[] = [];
  let failed = false;
  const p = mqttParser({ protocolVersion });
  p.on('packet', (pkt: Packet) => packets.push(pkt));
  p.on('error', () => {
    failed = true;
  });
  try {
    p.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return [];
  }
  return failed ? [] : packets;
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
      if (share(sample, (f) => f.bytes !== undefined && f.text === undefined) < 0.9) return 0;
      // A stream starting with a CONNECT (protocol name "MQTT") is unmistakable, whatever the
      // message boundaries were.
      const out = leadingPackets(joined(sample, 'out'), protocolVersion);
      if (out[0]?.cmd === 'connect') return 0.95;
      const ok = share(sample, (f) => f.bytes !== undefined && parse(f.bytes) !== null);
      return ok >= 0.9 ? 0.5 : 0;
    },
    decode(frame) {
      if (!frame.bytes) return null;
      const packets = parse(frame.bytes);
      if (!packets) return null;
      return packetsFrame(packets, frame.dir);
    },
    decodeAll(frames) {
      // The version is stated by the CONNECT; use it for the rest of the stream.
      const connect = leadingPackets(joined(frames.slice(0, 64), 'out'), protocolVersion)[0];
      const v =
        connect?.cmd === 'connect' && (connect.protocolVersion === 3 || connect.protocolVersion === 4 || connect.protocolVersion === 5)
          ? connect.protocolVersion
          : protocolVersion;
      return decodeStream(frames, v);
    },
  };
}

export const mqttDecoder = createMqttDecoder(4);
