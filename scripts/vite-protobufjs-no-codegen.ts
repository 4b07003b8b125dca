// Context: node (build). A Vite plugin that leaves protobufjs's code generator and its `long`
// dependency out of the extension. PushLens parses a user's .proto with protobufjs but decodes
// frames by reflection (lib/decoders/protobuf-schema.ts), so nothing calls the generator; shipping
// it would still put `Function(...)` in the panel (web-ext lint: DANGEROUS_EVAL), and `long`
// compiles WebAssembly at load time, which Firefox's extension CSP refuses without 'wasm-unsafe-eval'.
import type { Plugin } from 'vite';

const CODEGEN_ID = '\0pushlens:protobufjs-codegen';
const LONG_ID = '\0pushlens:protobufjs-long';

export function protobufjsWithoutCodegen(): Plugin {
  return {
    name: 'pushlens:protobufjs-without-codegen',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/[\\/]node_modules[\\/]protobufjs[\\/]/.test(importer)) return null;
      if (source === './util/codegen' || source === './util/codegen.js') return CODEGEN_ID;
      // protobufjs falls back to plain numbers when `long` is absent; our decoder reads 64-bit values as BigInt.
      if (source === 'long') return LONG_ID;
      return null;
    },
    load(id) {
      if (id === CODEGEN_ID)
        return 'export default function codegen() { throw new Error("PushLens: protobufjs code generation is not shipped; decode by reflection"); }';
      if (id === LONG_ID) return 'export default null;';
      return null;
    },
  };
}
