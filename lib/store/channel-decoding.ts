// Context: panel. Protocol decoding of a channel's frames (Socket.IO, graphql-ws, STOMP, SignalR,
// MQTT, Phoenix, ActionCable, JSON-RPC, MessagePack, CBOR): detection once per channel from its
// first frames, lazy per-row decoding (whole-channel for stateful protocols such as MQTT), and
// request/response pairs with round-trip times. Caches and pairs are keyed by frame id (never by
// row, which shifts on eviction); pairs name frames by id.
import {
  DEFAULT_DECODERS,
  DETECT_SAMPLE,
  decodeChannel,
  decoderEpoch,
  decodersLoading,
  decodersSettled,
  detectProtocol,
  pairFrames,
  safeDecode,
  type DecodeInput,
  type DecodedFrame,
  type FrameDecoder,
  type FramePair,
} from '../decoders';
import type { Session } from './session';
import type { Channel } from './session-types';
import { DIR_OUT, FLAG_BINARY, FLAG_HTTP } from './frame-store';
import { base64ToBytes } from '../util/bytes';

/** Whole-channel decoding and pairing stop at this many frames (the newest are kept). */
const WHOLE_CHANNEL_CAP = 20_000;
/** Detection is retried while a channel is young: early frames may be handshakes only. */
const DETECT_RETRY_UNTIL = 200;

interface State {
  /** Chosen by the user ("decode as"): detection no longer runs for this channel. */
  override?: FrameDecoder | null;
  detectedAt: number;
  /** decoderEpoch() when detection or decoding last ran: a decoder chunk that arrived since may change both. */
  epoch: number;
  decoder: FrameDecoder | null;
  /** By frame id. */
  decoded: Map<number, DecodedFrame | null>;
  /** Channel length and first id when last computed: eviction changes the latter. */
  wholeAt: string;
  pairsAt: string;
  /** By frame id; the pair's request/responses are frame ids. */
  pairById: Map<number, FramePair>;
}

const states = new WeakMap<Channel, State>();

export function decodeInput(session: Session, channel: Channel, row: number): DecodeInput {
  const f = session.frames;
  const conn = session.connections[f.connection[row]];
  const binary = (f.flags[row] & FLAG_BINARY) !== 0;
  return {
    dir: f.dir[row] === DIR_OUT ? 'out' : 'in',
    text: binary ? undefined : f.preview[row],
    bytes: binary ? base64ToBytes(f.preview[row]) : undefined,
    channelUrl: channel.url,
    subprotocol: conn?.protocol || undefined,
  };
}

function rows(channel: Channel, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) {
    const i = channel.frames.at(k);
    out.push(i);
  }
  return out;
}

function stateOf(session: Session, channel: Channel): State {
  let st = states.get(channel);
  if (!st)
    states.set(
      channel,
      (st = { detectedAt: -1, epoch: decoderEpoch(), decoder: null, decoded: new Map(), wholeAt: '', pairsAt: '', pairById: new Map() }),
    );
  const n = channel.frames.length;
  if (st.epoch !== decoderEpoch()) {
    // A lazily loaded decoder arrived: what it said (nothing) while absent is stale.
    st.epoch = decoderEpoch();
    if (st.override === undefined && !st.decoder) st.detectedAt = -1;
    st.decoded.clear();
    st.wholeAt = '';
    st.pairsAt = '';
  }
  if (st.override !== undefined) return st;
  const shouldDetect = st.detectedAt < 0 || (!st.decoder && n !== st.detectedAt && st.detectedAt < DETECT_RETRY_UNTIL);
  if (shouldDetect && n > 0) {
    const sample = rows(channel, 0, Math.min(n, DETECT_SAMPLE))
      .filter((i) => (session.frames.flags[i] & FLAG_HTTP) === 0 || session.frames.preview[i] !== '')
      .map((i) => decodeInput(session, channel, i));
    st.decoder = detectProtocol(sample, DEFAULT_DECODERS);
    st.detectedAt = n;
    // Detection asked for a decoder chunk: when it arrives, the views re-render and detect again.
    if (decodersLoading()) void decodersSettled().then(() => session.version++);
    st.decoded.clear();
    st.wholeAt = '';
    st.pairsAt = '';
  }
  return st;
}

export function channelProtocol(session: Session, channel: Channel): FrameDecoder | null {
  return stateOf(session, channel).decoder;
}

/** Changes when frames are added to or evicted from the channel. */
function shapeOf(session: Session, channel: Channel): string {
  const n = channel.frames.length;
  return n ? `${n}:${session.frames.idAt(channel.frames.at(0))}` : '0';
}

function decodeWhole(session: Session, channel: Channel, st: State): void {
  const n = channel.frames.length;
  const shape = shapeOf(session, channel);
  if (st.wholeAt === shape || !st.decoder) return;
  const from = Math.max(0, n - WHOLE_CHANNEL_CAP);
  const list = rows(channel, from, n);
  const decoded = decodeChannel(
    st.decoder,
    list.map((i) => decodeInput(session, channel, i)),
  );
  list.forEach((i, k) => st.decoded.set(session.frames.idAt(i), decoded[k] ?? null));
  st.wholeAt = shape;
}

/** The decoded form of a row, or null when the channel has no protocol or the row is not one. */
export function decodeRow(session: Session, channel: Channel, row: number): DecodedFrame | null {
  const st = stateOf(session, channel);
  if (!st.decoder) return null;
  if (st.decoder.decodeAll) decodeWhole(session, channel, st);
  const id = session.frames.idAt(row);
  if (!st.decoded.has(id)) st.decoded.set(id, safeDecode(st.decoder, decodeInput(session, channel, row)));
  return st.decoded.get(id) ?? null;
}

/** The request/response pair a row belongs to (either end), with its round-trip time. The pair
 *  names its frames by id (`session.frames.rowOfId` finds their rows, −1 once evicted). */
export function pairOfRow(session: Session, channel: Channel, row: number): FramePair | undefined {
  const st = stateOf(session, channel);
  if (!st.decoder) return undefined;
  const n = channel.frames.length;
  const shape = shapeOf(session, channel);
  if (st.pairsAt !== shape) {
    const from = Math.max(0, n - WHOLE_CHANNEL_CAP);
    const list = rows(channel, from, n);
    const f = session.frames;
    const result = pairFrames(list.map((i) => ({ index: f.idAt(i), time: f.time[i], decoded: decodeRow(session, channel, i) })));
    st.pairById.clear();
    for (const p of result.pairs) {
      st.pairById.set(p.request, p);
      for (const r of p.responses) st.pairById.set(r, p);
    }
    st.pairsAt = shape;
  }
  return st.pairById.get(session.frames.idAt(row));
}

/** "Decode as": a decoder the user picked (null = raw), or undefined to go back to detection. */
export function setChannelDecoder(session: Session, channel: Channel, decoder: FrameDecoder | null | undefined): void {
  const st = stateOf(session, channel);
  st.override = decoder;
  st.decoder = decoder === undefined ? null : decoder;
  st.detectedAt = -1;
  st.decoded.clear();
  st.wholeAt = '';
  st.pairsAt = '';
  if (decoder === undefined) stateOf(session, channel);
  session.version++;
}

/** Decoders a person can choose from for this channel, best first, with their confidence. */
export function decoderChoices(session: Session, channel: Channel): { decoder: FrameDecoder; confidence: number }[] {
  const sample = rows(channel, 0, Math.min(channel.frames.length, DETECT_SAMPLE)).map((i) => decodeInput(session, channel, i));
  return DEFAULT_DECODERS.map((decoder) => {
    let confidence: number;
    try {
      confidence = decoder.detect(sample);
    } catch {
      confidence = 0;
    }
    return { decoder, confidence };
  }).sort((a, b) => b.confidence - a.confidence);
}
