// Context: pure (panel + model), no browser APIs.
// Protobuf frames: schemaless (wire walk, see protobuf-wire.ts) and with a user-provided .proto,
// parsed by protobufjs into a reflection tree that protobuf-schema.ts walks (no code generation:
// protobufjs's decode/toObject would compile functions, and the build leaves its generator out).

import protobuf from 'protobufjs';
import type { DecodedFrame, FrameDecoder } from './types';
import { preview, share } from './util';
import { walkProtobuf, wireToJson } from './protobuf-wire';
import { decodeByReflection } from './protobuf-schema';

export const protobufSchemalessDecoder: FrameDecoder = {
  id: 'protobuf',
  name: 'Protobuf (no schema)',
  detect(sample) {
    const bins = sample.filter((f) => f.bytes !== undefined && f.text === undefined);
    if (bins.length === 0 || bins.length < sample.length * 0.9) return 0;
    const ok = share(bins, (f) => {
      const w = f.bytes ? walkProtobuf(f.bytes) : null;
      return w !== null && w.length > 0;
    });
    // Plenty of binary formats happen to walk; stay below the self-describing decoders.
    return ok >= 0.9 ? 0.3 : 0;
  },
  decode(frame) {
    if (!frame.bytes) return null;
    const fields = walkProtobuf(frame.bytes);
    if (!fields || fields.length === 0) return null;
    const tree = wireToJson(fields);
    return {
      protocol: 'protobuf',
      summary: `${fields.length} fields ${preview(tree, 80)}`,
      fields: { schemaless: true, fields: tree },
      messageType: 'message',
      correlation: 'event',
    };
  },
};

export interface ProtobufSchemaOptions {
  /** The .proto source text. */
  proto: string;
  /** Fully qualified message type per direction (or one for both). */
  messageType: string | { in: string; out: string };
}

export class ProtobufSchemaError extends Error {}

/** Builds a decoder from a .proto text; throws ProtobufSchemaError with protobufjs's reason. */
export function createProtobufDecoder(opts: ProtobufSchemaOptions): FrameDecoder {
  let root: protobuf.Root;
  try {
    root = protobuf.parse(opts.proto, { keepCase: true }).root;
    // Resolves every field's type now, so a reference to an undefined type is a schema error here, not a silent failure per frame.
    root.resolveAll();
  } catch (e) {
    throw new ProtobufSchemaError(`Cannot parse .proto: ${e instanceof Error ? e.message : String(e)}`);
  }
  const names = typeof opts.messageType === 'string' ? { in: opts.messageType, out: opts.messageType } : opts.messageType;
  const lookup = (name: string): protobuf.Type => {
    try {
      return root.lookupType(name);
    } catch {
      throw new ProtobufSchemaError(`Message type "${name}" is not defined in the .proto`);
    }
  };
  const types = { in: lookup(names.in), out: lookup(names.out) };
  const decodeWith = (t: protobuf.Type, bytes: Uint8Array): DecodedFrame | null => {
    const fields = decodeByReflection(t, bytes);
    if (!fields) return null;
    return { protocol: 'protobuf', summary: `${t.name} ${preview(fields, 80)}`, fields, messageType: t.name, correlation: 'event' };
  };
  return {
    id: 'protobuf-schema',
    name: `Protobuf (${names.in === names.out ? names.in : `${names.out} / ${names.in}`})`,
    detect(sample) {
      const bins = sample.filter((f) => f.bytes !== undefined);
      if (bins.length === 0) return 0;
      // The user chose this schema for the channel: trust it when frames decode.
      return share(bins, (f) => f.bytes !== undefined && decodeWith(types[f.dir], f.bytes) !== null) >= 0.9 ? 0.95 : 0;
    },
    decode(frame) {
      return frame.bytes ? decodeWith(types[frame.dir], frame.bytes) : null;
    },
  };
}
