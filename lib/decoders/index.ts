// Context: pure (panel + model), no browser APIs.
// Public surface of the protocol decoders.

export type { Correlation, DecodedFrame, DecodeInput, FrameDecoder, JsonObject, JsonValue } from './types';
export { DEFAULT_DECODERS, DETECT_SAMPLE, MIN_CONFIDENCE, decodeChannel, detectProtocol, rankDecoders, safeDecode, type Detection } from './registry';
export { pairFrames, type FramePair, type PairingResult, type TimedDecodedFrame } from './pairing';
export { socketIoDecoder, decodeEngineIoPacket, decodeEngineIoPayload, parseSocketIoPacket } from './socketio';
export { graphqlWsDecoder, subscriptionsTransportWsDecoder } from './graphql-ws';
export { stompDecoder, parseStomp } from './stomp';
export { signalrJsonDecoder } from './signalr';
export { phoenixDecoder } from './phoenix';
export { actionCableDecoder } from './actioncable';
export { jsonRpcDecoder } from './jsonrpc';
// MQTT, protobuf, MessagePack/CBOR and SignalR-MessagePack are not re-exported here: importing them
// statically would pull protobufjs, mqtt-packet and @msgpack/msgpack into the panel's first chunk.
// Import './mqtt', './protobuf', './binary' or './signalr-msgpack' directly (node, tests) or go
// through lazy.ts (panel).
export { decoderEpoch, decodersLoading, decodersSettled, loadAllDecoders, loadProtobufSchema, onDecoderLoaded, type LazyDecoder } from './lazy';
export type { ProtobufSchemaOptions } from './protobuf';
export { walkProtobuf, wireToJson } from './protobuf-wire';
