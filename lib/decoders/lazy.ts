// Context: pure (panel + model), no browser APIs. Decoders whose libraries are big (protobufjs,
// mqtt-packet with its Node stream and Buffer polyfills: over a third of the panel bundle;
// @msgpack/msgpack for MessagePack, CBOR and SignalR's MessagePack protocol) are
// loaded by dynamic import the first time a channel could be theirs, so the panel's first chunk
// stays small. Until its chunk arrives such a decoder detects nothing and decodes nothing; the
// arrival bumps `decoderEpoch()` and tells subscribers, so the panel re-runs detection and the
// decoded view re-renders with the real decoder.
import type { DecodeInput, FrameDecoder } from './types';

export interface LazyDecoder extends FrameDecoder {
  /** The real decoder once its chunk has loaded. */
  readonly loaded: FrameDecoder | undefined;
  /** Loads the chunk (once); resolves with the real decoder, or undefined when loading failed. */
  load(): Promise<FrameDecoder | undefined>;
}

let epoch = 0;
const listeners = new Set<() => void>();
const inFlight = new Set<Promise<unknown>>();

/** Bumped each time a decoder chunk arrives: detection made before it may have missed a protocol. */
export function decoderEpoch(): number {
  return epoch;
}

/** Called after each decoder chunk arrives. Returns an unsubscribe function. */
export function onDecoderLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a decoder chunk is on its way. */
export function decodersLoading(): boolean {
  return inFlight.size > 0;
}

/** Resolves when every chunk requested so far has arrived (or failed). */
export async function decodersSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** A detect() pre-check: only samples that could be this protocol pay for loading its chunk. */
export type WorthLoading = (sample: DecodeInput[]) => boolean;

export function lazyDecoder(id: string, name: string, importer: () => Promise<FrameDecoder>, worthLoading: WorthLoading): LazyDecoder {
  let real: FrameDecoder | undefined;
  let pending: Promise<FrameDecoder | undefined> | undefined;
  const load = (): Promise<FrameDecoder | undefined> => {
    if (pending) return pending;
    const p = importer().then(
      (decoder) => {
        real = decoder;
        epoch++;
        for (const l of [...listeners]) l();
        return decoder;
      },
      // A chunk that cannot load (extension updated under the panel) leaves the protocol undecoded, raw frames still show.
      () => undefined,
    );
    pending = p;
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  };
  return {
    id,
    name,
    get loaded() {
      return real;
    },
    load,
    detect(sample) {
      if (real) return real.detect(sample);
      if (worthLoading(sample)) void load();
      return 0;
    },
    decode(frame) {
      return real ? real.decode(frame) : null;
    },
    // decodeAll is looked up on the decoder object: forward it once the real one has it.
    get decodeAll() {
      return real?.decodeAll?.bind(real);
    },
  } as LazyDecoder;
}

/** Whether most of the sample is binary: what every heavy decoder needs before it can say yes. */
export function mostlyBinary(sample: DecodeInput[], share = 0.9): boolean {
  if (sample.length === 0) return false;
  let n = 0;
  for (const f of sample) if (f.bytes !== undefined && f.text === undefined) n++;
  return n >= sample.length * share;
}

/** MQTT over WebSocket: its subprotocol, or binary frames. */
export const mqttLazyDecoder = lazyDecoder(
  'mqtt',
  'MQTT over WebSocket',
  () => import('./mqtt').then((m) => m.mqttDecoder),
  (sample) => /^mqtt/i.test(sample[0]?.subprotocol ?? '') || mostlyBinary(sample),
);

/** Schemaless protobuf (the wire walk itself is small, but it shares a module with the .proto compiler). */
export const protobufLazyDecoder = lazyDecoder(
  'protobuf',
  'Protobuf (no schema)',
  () => import('./protobuf').then((m) => m.protobufSchemalessDecoder),
  (sample) => mostlyBinary(sample),
);

/** Any binary frame in the sample: all the binary formats below need one. */
const anyBinary: WorthLoading = (sample) => sample.some((f) => f.bytes !== undefined && f.text === undefined);

/** MessagePack and CBOR share a chunk (binary.ts) with the MessagePack library. */
export const msgpackLazyDecoder = lazyDecoder('msgpack', 'MessagePack', () => import('./binary').then((m) => m.msgpackDecoder), anyBinary);
export const cborLazyDecoder = lazyDecoder('cbor', 'CBOR', () => import('./binary').then((m) => m.cborDecoder), anyBinary);
export const signalrMsgpackLazyDecoder = lazyDecoder(
  'signalr-msgpack',
  'SignalR (MessagePack hub protocol)',
  () => import('./signalr-msgpack').then((m) => m.signalrMsgpackDecoder),
  anyBinary,
);

/** The .proto compiler, for "decode as protobuf with a .proto file". */
export function loadProtobufSchema(): Promise<typeof import('./protobuf')> {
  return import('./protobuf');
}

/** Every heavy decoder, loaded now (tests, HAR import, an explicit "decode as"). */
export async function loadAllDecoders(): Promise<void> {
  await Promise.all([mqttLazyDecoder, protobufLazyDecoder, msgpackLazyDecoder, cborLazyDecoder, signalrMsgpackLazyDecoder].map((d) => d.load()));
}
