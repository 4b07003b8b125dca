// Context: pure (panel + model), no browser APIs.
// Rails ActionCable (subprotocol `actioncable-v1-json`). Clients send `{command, identifier,
// data}` where identifier and data are JSON *strings*; the server sends `{type}` control messages
// (welcome, ping, confirm_subscription…) or `{identifier, message}` broadcasts. The nested strings
// are unpacked so the detail view shows trees, not escaped JSON.

import type { Correlation, DecodedFrame, FrameDecoder, JsonObject, JsonValue } from './types';
import { isRecord, parseJson, preview, share, textOf } from './util';

const TYPES = new Set(['welcome', 'disconnect', 'ping', 'confirm_subscription', 'reject_subscription']);
const COMMANDS = new Set(['subscribe', 'unsubscribe', 'message']);

function parse(text: string | undefined): JsonObject | null {
  if (text === undefined) return null;
  const v = parseJson(text);
  if (!isRecord(v)) return null;
  const o = v as JsonObject;
  if (typeof o.command === 'string' && COMMANDS.has(o.command) && typeof o.identifier === 'string') return o;
  if (typeof o.type === 'string' && TYPES.has(o.type)) return o;
  if (typeof o.identifier === 'string' && 'message' in o) return o;
  return null;
}

const unpack = (s: JsonValue | undefined): JsonValue | undefined => (typeof s === 'string' ? (parseJson(s) ?? s) : s);

function channelName(identifier: JsonValue | undefined): string {
  const id = unpack(identifier);
  return isRecord(id) && typeof id.channel === 'string' ? id.channel : typeof identifier === 'string' ? identifier : '';
}

export const actionCableDecoder: FrameDecoder = {
  id: 'actioncable',
  name: 'Rails ActionCable',
  detect(sample) {
    if (sample.length === 0) return 0;
    if (/^actioncable-v1-(json|msgpack)$/.test(sample[0].subprotocol ?? '')) return 1;
    const msgs = sample.map((f) => parse(textOf(f)));
    if (share(msgs, (m) => m !== null) < 0.9) return 0;
    return msgs.some((m) => m?.type === 'welcome' || m?.command === 'subscribe') ? 0.9 : 0.6;
  },
  decode(frame) {
    const m = parse(textOf(frame));
    if (!m) return null;
    const fields: JsonObject = { ...m };
    if (m.identifier !== undefined) fields.identifier = unpack(m.identifier) ?? null;
    if (m.data !== undefined) fields.data = unpack(m.data) ?? null;
    const ch = channelName(m.identifier);
    let correlation: Correlation = 'event';
    let id: string | undefined;
    let messageType: string;
    let summary: string;
    if (typeof m.command === 'string') {
      messageType = m.command;
      const data = unpack(m.data);
      const action = isRecord(data) && typeof data.action === 'string' ? data.action : '';
      summary = [m.command, ch, action, m.command === 'message' ? preview(data) : ''].filter(Boolean).join(' ');
      if (m.command === 'subscribe') {
        correlation = 'request';
        id = `sub:${String(m.identifier)}`;
      }
    } else if (typeof m.type === 'string') {
      messageType = m.type;
      summary = [m.type, ch, m.type === 'ping' ? String(m.message) : '', m.type === 'disconnect' ? String(m.reason ?? '') : '']
        .filter(Boolean)
        .join(' ');
      if (m.type === 'confirm_subscription' || m.type === 'reject_subscription') {
        correlation = m.type === 'confirm_subscription' ? 'response' : 'error';
        id = `sub:${String(m.identifier)}`;
      }
    } else {
      messageType = 'broadcast';
      summary = `broadcast ${ch} ${preview(m.message)}`;
    }
    const out: DecodedFrame = { protocol: 'actioncable', summary, fields, messageType, correlation };
    if (id !== undefined) out.id = id;
    return out;
  },
};
