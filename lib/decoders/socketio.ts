// Context: pure (panel + model), no browser APIs.
// Engine.IO v4 + Socket.IO v5. Over WebSocket each frame is one Engine.IO packet; over long
// polling one HTTP body carries several packets separated by \x1e (record separator), binary ones
// as `b<base64>`. A binary WebSocket frame is an Engine.IO message whose payload is raw bytes: in
// Socket.IO that is an attachment of the previous BINARY_EVENT/BINARY_ACK (its placeholder `num`).

import type { DecodedFrame, DecodeInput, FrameDecoder, JsonObject, JsonValue } from './types';
import { fromBase64, parseJson, preview, share, toHex } from './util';

const EIO_TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'] as const;
const SIO_TYPES = ['CONNECT', 'DISCONNECT', 'EVENT', 'ACK', 'CONNECT_ERROR', 'BINARY_EVENT', 'BINARY_ACK'] as const;

export interface SocketIoPacket {
  type: (typeof SIO_TYPES)[number];
  nsp: string;
  attachments?: number;
  ackId?: number;
  data?: JsonValue;
}

/** Parses the Socket.IO part of an Engine.IO message (`2["ev",1]`, `3/admin,7[…]`, `51-["up",{…}]`). */
export function parseSocketIoPacket(s: string): SocketIoPacket | null {
  const t = Number(s[0]);
  if (!Number.isInteger(t) || t < 0 || t > 6 || s.length === 0) return null;
  let i = 1;
  let attachments: number | undefined;
  if (t === 5 || t === 6) {
    const dash = s.indexOf('-', i);
    if (dash < 0) return null;
    attachments = Number(s.slice(i, dash));
    if (!Number.isInteger(attachments)) return null;
    i = dash + 1;
  }
  let nsp = '/';
  if (s[i] === '/') {
    const comma = s.indexOf(',', i);
    nsp = comma < 0 ? s.slice(i) : s.slice(i, comma);
    i = comma < 0 ? s.length : comma + 1;
  }
  let digits = '';
  while (i < s.length && s[i] >= '0' && s[i] <= '9') digits += s[i++];
  let data: JsonValue | undefined;
  if (i < s.length) {
    data = parseJson(s.slice(i));
    if (data === undefined) return null;
  }
  const packet: SocketIoPacket = { type: SIO_TYPES[t], nsp };
  if (attachments !== undefined) packet.attachments = attachments;
  if (digits) packet.ackId = Number(digits);
  if (data !== undefined) packet.data = data;
  return packet;
}

/** Pairing key: ack ids are per namespace and per emitting side, so both go into the key. */
function ackKey(nsp: string, ackId: number, requesterDir: 'in' | 'out'): string {
  return `${nsp}#${ackId}${requesterDir === 'out' ? '>' : '<'}`;
}

function decodeSocketIo(eioPrefix: string, body: string, dir: 'in' | 'out'): DecodedFrame | null {
  const p = parseSocketIoPacket(body);
  if (!p) return null;
  const nspPart = p.nsp === '/' ? '' : ` ${p.nsp}`;
  const head = `${eioPrefix}${body[0]}${nspPart}`;
  const fields: JsonObject = { engineIo: 'message', socketIo: p.type, namespace: p.nsp };
  if (p.attachments !== undefined) fields.attachments = p.attachments;
  if (p.ackId !== undefined) fields.ackId = p.ackId;
  if (p.data !== undefined) fields.data = p.data;
  const frame: DecodedFrame = { protocol: 'socket.io', summary: head, fields, messageType: p.type };
  if (p.type === 'EVENT' || p.type === 'BINARY_EVENT') {
    const args = Array.isArray(p.data) ? p.data : [];
    const name = typeof args[0] === 'string' ? args[0] : '?';
    fields.event = name;
    fields.args = args.slice(1);
    const bits = [head, name];
    if (p.ackId !== undefined) bits.push(`ack#${p.ackId}`);
    if (p.attachments) bits.push(`+${p.attachments} binary`);
    if (args.length > 1) bits.push(preview(args.slice(1)));
    frame.summary = bits.join(' ');
    if (p.ackId !== undefined) {
      frame.id = ackKey(p.nsp, p.ackId, dir);
      frame.correlation = 'request';
    } else frame.correlation = 'event';
  } else if (p.type === 'ACK' || p.type === 'BINARY_ACK') {
    frame.summary = `${head} ack#${p.ackId ?? '?'} ${preview(p.data)}`.trimEnd();
    if (p.ackId !== undefined) frame.id = ackKey(p.nsp, p.ackId, dir === 'in' ? 'out' : 'in');
    frame.correlation = 'response';
  } else if (p.type === 'CONNECT_ERROR') {
    frame.summary = `${head} connect error ${preview(p.data)}`;
    frame.correlation = 'error';
  } else if (p.type === 'CONNECT') {
    frame.summary = `${head} connect${p.data !== undefined ? ` ${preview(p.data)}` : ''}`;
    frame.correlation = 'event';
  } else {
    frame.summary = `${head} disconnect`;
    frame.correlation = 'event';
  }
  return frame;
}

/** One Engine.IO packet (text form, or `b<base64>` in polling payloads). */
export function decodeEngineIoPacket(s: string, dir: 'in' | 'out'): DecodedFrame | null {
  if (s.startsWith('b')) {
    const bytes = fromBase64(s.slice(1));
    return attachmentFrame(bytes);
  }
  const t = Number(s[0]);
  if (s.length === 0 || !Number.isInteger(t) || t < 0 || t > 6) return null;
  const type = EIO_TYPES[t];
  const rest = s.slice(1);
  if (type === 'message') {
    const sio = rest.length > 0 ? decodeSocketIo(s[0], rest, dir) : null;
    if (sio) return sio;
    // Plain Engine.IO message (no Socket.IO on top).
    return {
      protocol: 'socket.io',
      summary: `4 message ${preview(rest)}`,
      fields: { engineIo: 'message', data: rest },
      messageType: 'message',
      correlation: 'event',
    };
  }
  const fields: JsonObject = { engineIo: type };
  if (type === 'open') {
    const hs = parseJson(rest);
    if (hs === undefined || typeof hs !== 'object' || hs === null || Array.isArray(hs) || !('sid' in hs)) return null;
    fields.handshake = hs;
    return { protocol: 'socket.io', summary: `0 open sid=${String(hs.sid)}`, fields, messageType: 'open', correlation: 'event' };
  }
  // Only ping/pong carry data (the "probe" of a transport upgrade); anything else is not EIO.
  if (rest && !((type === 'ping' || type === 'pong') && rest === 'probe')) return null;
  if (rest) fields.data = rest;
  return { protocol: 'socket.io', summary: `${t} ${type}${rest ? ` ${rest}` : ''}`, fields, messageType: type, correlation: 'event' };
}

function attachmentFrame(bytes: Uint8Array): DecodedFrame {
  return {
    protocol: 'socket.io',
    summary: `binary attachment ${bytes.length} B`,
    fields: { engineIo: 'message', socketIo: 'attachment', size: bytes.length, hex: toHex(bytes) },
    messageType: 'attachment',
    correlation: 'event',
  };
}

/** A long-polling body: several packets separated by \x1e. */
export function decodeEngineIoPayload(body: string, dir: 'in' | 'out'): DecodedFrame[] {
  const out: DecodedFrame[] = [];
  for (const part of body.split('\x1e')) {
    const d = decodeEngineIoPacket(part, dir);
    if (d) out.push(d);
  }
  return out;
}

const PACKET_RE = /^(?:[0-6]|b[A-Za-z0-9+/=]*$)/;

function looksLikeEngineIo(f: DecodeInput): boolean {
  if (f.text === undefined) return f.bytes !== undefined; // binary frames are attachments
  return f.text.split('\x1e').every((p) => PACKET_RE.test(p) && decodeEngineIoPacket(p, f.dir) !== null);
}

export const socketIoDecoder: FrameDecoder = {
  id: 'socket.io',
  name: 'Socket.IO / Engine.IO',
  detect(sample) {
    if (sample.length === 0) return 0;
    const url = sample[0].channelUrl;
    const urlHint = /[?&]EIO=4\b/.test(url) ? 0.3 : /\/socket\.io\//.test(url) ? 0.15 : 0;
    const texts = sample.filter((f) => f.text !== undefined);
    if (texts.length === 0) return urlHint;
    const ok = share(sample, looksLikeEngineIo);
    if (ok < 0.9) return urlHint * ok;
    // Strong evidence: an open handshake, or a frame that parses as a real Socket.IO packet.
    const strong = texts.some(
      (f) => /^0\{"sid"/.test(f.text ?? '') || (/^4[0-6]/.test(f.text ?? '') && decodeEngineIoPacket(f.text ?? '', f.dir)?.messageType !== 'message'),
    );
    return Math.min(1, (strong ? 0.7 : 0.35) + urlHint);
  },
  decodeAll(frames) {
    // Binary frames after a BINARY_EVENT/BINARY_ACK are its attachments, in placeholder order.
    const owed = { in: { left: 0, next: 0, of: '' }, out: { left: 0, next: 0, of: '' } };
    return frames.map((f) => {
      const d = socketIoDecoder.decode(f);
      const o = owed[f.dir];
      if (d && d.messageType === 'attachment' && o.left > 0) {
        d.summary = `attachment #${o.next} of ${o.of} (${f.bytes?.length ?? 0} B)`;
        if (typeof d.fields === 'object' && d.fields !== null && !Array.isArray(d.fields)) d.fields.placeholder = o.next;
        o.left--;
        o.next++;
      } else if (d && (d.messageType === 'BINARY_EVENT' || d.messageType === 'BINARY_ACK')) {
        const fields = d.fields as JsonObject;
        o.left = typeof fields.attachments === 'number' ? fields.attachments : 0;
        o.next = 0;
        o.of = d.summary.split(' ').slice(0, 2).join(' ');
      }
      return d;
    });
  },
  decode(frame) {
    const text = frame.text;
    if (text === undefined) return frame.bytes ? attachmentFrame(frame.bytes) : null;
    if (text.includes('\x1e')) {
      const parts = decodeEngineIoPayload(text, frame.dir);
      if (parts.length === 0) return null;
      return {
        protocol: 'socket.io',
        summary: `payload ×${parts.length}: ${parts.map((p) => p.summary).join(' | ')}`,
        fields: { packets: parts.map((p) => ({ summary: p.summary, messageType: p.messageType, fields: p.fields })) },
        messageType: 'payload',
        correlation: 'event',
      };
    }
    return decodeEngineIoPacket(text, frame.dir);
  },
};
