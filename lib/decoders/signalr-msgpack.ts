// Context: pure (panel + model), no browser APIs.
// SignalR's MessagePack hub protocol: binary frames of VarInt-length-prefixed MessagePack arrays,
// after the same JSON handshake as the JSON protocol (signalr.ts). Its own module so that the
// MessagePack library loads only when a channel could use it (lazy.ts).

import { decode as msgpackDecode } from '@msgpack/msgpack';
import type { FrameDecoder } from './types';
import { fromMsgpackArray, handshakeFrame, handshakeOf, splitVarIntFrames, toFrame, type HubMessage } from './signalr';
import { share, toJsonSafe } from './util';

function parseMsgpackFrame(bytes: Uint8Array): HubMessage[] | null {
  const bodies = splitVarIntFrames(bytes);
  if (!bodies || bodies.length === 0) return null;
  const out: HubMessage[] = [];
  for (const body of bodies) {
    let v: unknown;
    try {
      v = msgpackDecode(body);
    } catch {
      return null;
    }
    if (!Array.isArray(v)) return null;
    const m = fromMsgpackArray(v);
    if (!m) return null;
    out.push(m);
  }
  return out;
}

export const signalrMsgpackDecoder: FrameDecoder = {
  id: 'signalr-msgpack',
  name: 'SignalR (MessagePack hub protocol)',
  detect(sample) {
    const binary = sample.filter((f) => f.bytes !== undefined && f.text === undefined);
    if (binary.length === 0) return 0;
    const handshake = sample.some((f) => handshakeOf(f)?.protocol === 'messagepack');
    const ok = share(sample, (f) => handshakeOf(f) !== null || (f.bytes !== undefined && parseMsgpackFrame(f.bytes) !== null));
    if (ok < 0.9) return 0;
    return handshake ? 1 : 0.75;
  },
  decode(frame) {
    const hs = handshakeOf(frame);
    if (hs) return handshakeFrame('signalr-msgpack', hs, frame.dir);
    if (!frame.bytes) return null;
    const msgs = parseMsgpackFrame(frame.bytes);
    if (!msgs) return null;
    return toFrame(
      'signalr-msgpack',
      msgs,
      msgs.map((m) => toJsonSafe(m)),
      frame.dir,
    );
  },
};
