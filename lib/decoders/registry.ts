// Context: pure (panel + model), no browser APIs.
// The decoder list and per-channel detection. Detection runs once per channel on its first
// frames (the handshake frames are the most telling) and picks the most confident decoder; order
// breaks ties, so specific protocols come before generic encodings.

import { actionCableDecoder } from './actioncable';
import { graphqlWsDecoder, subscriptionsTransportWsDecoder } from './graphql-ws';
import { jsonRpcDecoder } from './jsonrpc';
import { phoenixDecoder } from './phoenix';
import { cborLazyDecoder, mqttLazyDecoder, msgpackLazyDecoder, protobufLazyDecoder, signalrMsgpackLazyDecoder } from './lazy';
import { signalrJsonDecoder } from './signalr';
import { socketIoDecoder } from './socketio';
import { stompDecoder } from './stomp';
import type { DecodedFrame, DecodeInput, FrameDecoder } from './types';

export const DEFAULT_DECODERS: readonly FrameDecoder[] = [
  socketIoDecoder,
  graphqlWsDecoder,
  subscriptionsTransportWsDecoder,
  stompDecoder,
  signalrJsonDecoder,
  // Loaded on first use (lazy.ts): their libraries are most of the decoders' weight.
  signalrMsgpackLazyDecoder,
  mqttLazyDecoder,
  phoenixDecoder,
  actionCableDecoder,
  jsonRpcDecoder,
  msgpackLazyDecoder,
  cborLazyDecoder,
  protobufLazyDecoder,
];

/** Below this, a guess would mislabel more channels than it helps. */
export const MIN_CONFIDENCE = 0.5;

/** How many leading frames detection looks at. */
export const DETECT_SAMPLE = 20;

export interface Detection {
  decoder: FrameDecoder;
  confidence: number;
}

/** Every decoder's confidence for these frames, best first (for a "decode as…" menu). */
export function rankDecoders(frames: DecodeInput[], decoders: readonly FrameDecoder[] = DEFAULT_DECODERS): Detection[] {
  const sample = frames.slice(0, DETECT_SAMPLE);
  const ranked: Detection[] = [];
  for (const decoder of decoders) {
    let confidence: number;
    try {
      confidence = decoder.detect(sample);
    } catch {
      // A decoder bug must never take the panel down; treat it as "not this protocol".
      confidence = 0;
    }
    if (confidence > 0) ranked.push({ decoder, confidence });
  }
  // Stable sort keeps registry order among equals.
  return ranked.sort((a, b) => b.confidence - a.confidence);
}

/** The decoder for a channel, or null when nothing is confident enough. */
export function detectProtocol(
  frames: DecodeInput[],
  decoders: readonly FrameDecoder[] = DEFAULT_DECODERS,
  minConfidence = MIN_CONFIDENCE,
): FrameDecoder | null {
  const best = rankDecoders(frames, decoders)[0];
  return best && best.confidence >= minConfidence ? best.decoder : null;
}

/** decode() that also swallows decoder exceptions (page data is untrusted and odd). */
export function safeDecode(decoder: FrameDecoder, frame: DecodeInput): DecodedFrame | null {
  try {
    return decoder.decode(frame);
  } catch {
    return null;
  }
}

/** Decodes a channel's frames in order, using the decoder's stateful path when it has one. */
export function decodeChannel(decoder: FrameDecoder, frames: DecodeInput[]): (DecodedFrame | null)[] {
  if (decoder.decodeAll) {
    try {
      return decoder.decodeAll(frames);
    } catch {
      // fall back to frame-by-frame decoding
    }
  }
  return frames.map((f) => safeDecode(decoder, f));
}
