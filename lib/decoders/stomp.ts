// Context: pure (panel + model), no browser APIs.
// STOMP 1.2 (also 1.0/1.1, same framing): `COMMAND\nheader:value\n\nbody\0`. A lone EOL is a
// heart-beat. One WebSocket message may carry several frames, so all are parsed.

import type { Correlation, DecodedFrame, DecodeInput, FrameDecoder, JsonObject } from './types';
import { bytesOf, decodeUtf8, preview, share, textOf, toBase64 } from './util';

const CLIENT = ['CONNECT', 'STOMP', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT'];
const SERVER = ['CONNECTED', 'MESSAGE', 'RECEIPT', 'ERROR'];
const COMMANDS = new Set([...CLIENT, ...SERVER]);

export interface StompFrame {
  command: string;
  headers: [string, string][];
  /** Body as text when it is valid UTF-8; otherwise its bytes. */
  body: string | Uint8Array;
}

/** STOMP 1.2 header value escapes; CONNECT/CONNECTED are exempt by the spec. */
function unescapeHeader(s: string, command: string): string {
  if (command === 'CONNECT' || command === 'CONNECTED') return s;
  return s.replace(/\\([rnc\\])/g, (_, c: string) => (c === 'r' ? '\r' : c === 'n' ? '\n' : c === 'c' ? ':' : '\\'));
}

function indexOfSeq(buf: Uint8Array, seq: number[], from: number): number {
  outer: for (let i = from; i <= buf.length - seq.length; i++) {
    for (let j = 0; j < seq.length; j++) if (buf[i + j] !== seq[j]) continue outer;
    return i;
  }
  return -1;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Parses every frame in the message; null when it is not STOMP at all. Heart-beats yield [].
 * Works on bytes because content-length counts bytes, and binary bodies are legal.
 */
export function parseStomp(buf: Uint8Array): StompFrame[] | null {
  const frames: StompFrame[] = [];
  let i = 0;
  while (i < buf.length) {
    // Skip heart-beat EOLs between frames.
    while (i < buf.length && (buf[i] === LF || buf[i] === CR)) i++;
    if (i >= buf.length) break;
    const lf = indexOfSeq(buf, [LF, LF], i);
    const crlf = indexOfSeq(buf, [CR, LF, CR, LF], i);
    let headEnd: number;
    let bodyStart: number;
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
      headEnd = crlf;
      bodyStart = crlf + 4;
    } else if (lf >= 0) {
      headEnd = lf;
      bodyStart = lf + 2;
    } else return null;
    const lines = decodeUtf8(buf.subarray(i, headEnd)).split(/\r?\n/);
    const command = lines[0];
    if (!COMMANDS.has(command)) return null;
    const headers: [string, string][] = [];
    for (const line of lines.slice(1)) {
      const c = line.indexOf(':');
      if (c < 0) return null;
      headers.push([unescapeHeader(line.slice(0, c), command), unescapeHeader(line.slice(c + 1), command)]);
    }
    // content-length lets a body contain NUL; otherwise the body ends at the first NUL.
    const cl = headers.find(([k]) => k === 'content-length');
    let bodyEnd = cl && /^\d+$/.test(cl[1]) ? bodyStart + Number(cl[1]) : buf.indexOf(0, bodyStart);
    if (bodyEnd < 0 || bodyEnd > buf.length) bodyEnd = buf.length;
    const bodyBytes = buf.subarray(bodyStart, bodyEnd);
    const text = textOf({ dir: 'in', bytes: bodyBytes, channelUrl: '' });
    frames.push({ command, headers, body: text ?? bodyBytes.slice() });
    i = bodyEnd + 1;
  }
  return frames;
}

function header(f: StompFrame, name: string): string | undefined {
  // Spec: when a header repeats, the first occurrence wins.
  return f.headers.find(([k]) => k === name)?.[1];
}

function describe(f: StompFrame, dir: 'in' | 'out'): Pick<DecodedFrame, 'summary' | 'id' | 'correlation'> {
  const dest = header(f, 'destination');
  const bits = [f.command];
  if (dest) bits.push(dest);
  let id: string | undefined;
  let correlation: Correlation = 'event';
  const receipt = header(f, 'receipt');
  if (receipt !== undefined && dir === 'out') {
    id = `receipt:${receipt}`;
    correlation = 'request';
    bits.push(`receipt#${receipt}`);
  }
  if (f.command === 'RECEIPT') {
    const rid = header(f, 'receipt-id') ?? '';
    id = `receipt:${rid}`;
    correlation = 'response';
    bits.push(`#${rid}`);
  } else if (f.command === 'ERROR') {
    correlation = 'error';
    const rid = header(f, 'receipt-id');
    if (rid !== undefined) id = `receipt:${rid}`;
    bits.push(header(f, 'message') ?? '');
  } else if (f.command === 'SUBSCRIBE' || f.command === 'MESSAGE') {
    const sub = header(f, f.command === 'SUBSCRIBE' ? 'id' : 'subscription');
    if (sub !== undefined) bits.push(`sub=${sub}`);
  } else if (f.command === 'CONNECTED') {
    const v = header(f, 'version');
    if (v) bits.push(`v${v}`);
  }
  if (typeof f.body === 'string' && f.body) bits.push(preview(f.body));
  else if (f.body instanceof Uint8Array) bits.push(`${f.body.length} B binary`);
  return { summary: bits.filter(Boolean).join(' '), id, correlation };
}

function framesOf(frame: DecodeInput): StompFrame[] | null {
  const bytes = bytesOf(frame);
  return bytes === undefined ? null : parseStomp(bytes);
}

export const stompDecoder: FrameDecoder = {
  id: 'stomp',
  name: 'STOMP 1.2',
  detect(sample) {
    if (sample.length === 0) return 0;
    if (/^v1[012]\.stomp$/.test(sample[0].subprotocol ?? '')) return 1;
    const ok = share(sample, (f) => framesOf(f) !== null);
    if (ok < 0.9) return 0;
    const hasConnect = sample.some((f) => /^(CONNECT|STOMP|CONNECTED)\r?\n/.test(textOf(f) ?? ''));
    return hasConnect ? 0.95 : 0.7;
  },
  decode(frame) {
    const frames = framesOf(frame);
    if (!frames) return null;
    if (frames.length === 0)
      return { protocol: 'stomp', summary: 'heart-beat', fields: { heartbeat: true }, messageType: 'HEARTBEAT', correlation: 'event' };
    const first = frames[0];
    const d = describe(first, frame.dir);
    const toFields = (f: StompFrame): JsonObject => ({
      command: f.command,
      headers: Object.fromEntries(f.headers.slice().reverse()),
      body: typeof f.body === 'string' ? f.body : { $bytes: toBase64(f.body) },
    });
    const out: DecodedFrame = {
      protocol: 'stomp',
      summary: frames.length > 1 ? `${d.summary} (+${frames.length - 1} frames)` : d.summary,
      fields: frames.length > 1 ? { frames: frames.map(toFields) } : toFields(first),
      messageType: first.command,
      correlation: d.correlation,
    };
    if (d.id !== undefined) out.id = d.id;
    return out;
  },
};
