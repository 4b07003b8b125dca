// Context: node (test). User-.proto decoding without protobufjs's code generator (the extension
// build leaves it out: scripts/vite-protobufjs-no-codegen.ts). Each check runs with the generator
// replaced by one that throws, and compares with what protobufjs's own generated decode + toObject
// give for the same bytes.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { createProtobufDecoder } from '../../lib/decoders/protobuf';

const PROTO = `
syntax = "proto3";
package t;
enum Color { RED = 0; GREEN = 1; BLUE = 2; }
message Inner { string name = 1; sint64 delta = 2; }
message Node { Node child = 1; }
message All {
  double d = 1; float f = 2; int32 i32 = 3; int64 i64 = 4; uint32 u32 = 5; uint64 u64 = 6;
  sint32 s32 = 7; sint64 s64 = 8; fixed32 fx32 = 9; fixed64 fx64 = 10; sfixed32 sfx32 = 11; sfixed64 sfx64 = 12;
  bool b = 13; string s = 14; bytes raw = 15; Color color = 16; Inner inner = 17;
  repeated int32 packed = 18; repeated int32 unpacked = 19 [packed = false]; repeated string names = 20;
  repeated Inner inners = 21; map<string, int64> counts = 22; map<int32, Inner> byId = 23; repeated Color colors = 24;
  oneof pick { string text = 25; Inner obj = 26; }
}
`;

const realCodegen = protobuf.util.codegen;
/** Runs fn with protobufjs unable to generate code, as in the shipped extension. */
function withoutCodegen<T>(fn: () => T): T {
  let calls = 0;
  protobuf.util.codegen = (() => {
    calls++;
    throw new Error('code generation called');
  }) as unknown as typeof protobuf.util.codegen;
  try {
    const out = fn();
    expect(calls, 'protobufjs code generator calls').toBe(0);
    return out;
  } finally {
    protobuf.util.codegen = realCodegen;
  }
}
afterEach(() => {
  protobuf.util.codegen = realCodegen;
});

const reference = protobuf.parse(PROTO, { keepCase: true }).root.lookupType('t.All');
const encode = (obj: Record<string, unknown>): Uint8Array => reference.encode(reference.fromObject(obj)).finish();
/** protobufjs's own reading, as JSON; NaN and ±Infinity spelled out as the panel's JSON-safe values do. */
const expected = (bytes: Uint8Array) =>
  JSON.parse(
    JSON.stringify(reference.toObject(reference.decode(bytes), { longs: String, enums: String, bytes: String, defaults: false }), (_k, v) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    ),
  );
const varint = (n: number): number[] => (n < 128 ? [n] : [(n & 127) | 128, ...varint(n >>> 7)]);
const frame = (bytes: Uint8Array) => ({ dir: 'in' as const, bytes, channelUrl: 'ws://h/' });

describe('protobuf with a .proto, decoded by reflection', () => {
  it('decodes every scalar kind, enums, nested, repeated, maps and oneofs exactly as protobufjs does, without code generation', () => {
    const bytes = encode({
      d: 1.5,
      f: -0.25,
      i32: -7,
      i64: '-9007199254740993',
      u32: 4294967295,
      u64: '18446744073709551615',
      s32: -3,
      s64: '-9223372036854775808',
      fx32: 123,
      fx64: '9007199254740993',
      sfx32: -5,
      sfx64: '-1',
      b: true,
      s: 'héllo',
      raw: new Uint8Array([0xde, 0xad, 0xbe, 0xef]),
      color: 2,
      inner: { name: 'x', delta: '-2' },
      packed: [1, -1, 300],
      unpacked: [4, 5],
      names: ['a', 'b'],
      inners: [{ name: 'p' }, { delta: '9' }],
      counts: { a: '1', b: '-2' },
      byId: { 7: { name: 'seven' } },
      colors: [0, 2, 9],
      obj: { name: 'o' },
    });
    const want = expected(bytes);
    const got = withoutCodegen(() => createProtobufDecoder({ proto: PROTO, messageType: 't.All' }).decode(frame(bytes)));
    expect(got?.fields).toEqual(want);
    // Checked by hand too, so a change in protobufjs's output cannot hide a mistake of ours.
    expect(got?.fields).toMatchObject({
      i64: '-9007199254740993',
      u64: '18446744073709551615',
      s64: '-9223372036854775808',
      color: 'BLUE',
      colors: ['RED', 'BLUE', 9],
    });
    expect(got?.fields).toMatchObject({ raw: '3q2+7w==', packed: [1, -1, 300], byId: { '7': { name: 'seven' } }, obj: { name: 'o' } });
  });

  it('keeps a map key that spells __proto__ as a key, not a prototype', () => {
    const key = [...new TextEncoder().encode('__proto__')];
    // counts (field 22) entry: key "__proto__", value 2.
    const bytes = Uint8Array.from([0xb2, 0x01, 2 + key.length + 2, 0x0a, key.length, ...key, 0x10, 0x02]);
    const got = withoutCodegen(() => createProtobufDecoder({ proto: PROTO, messageType: 't.All' }).decode(frame(bytes)));
    const counts = (got?.fields as { counts: Record<string, unknown> }).counts;
    expect(Object.keys(counts)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
    expect(JSON.stringify(counts)).toBe('{"__proto__":"2"}');
  });

  it('agrees with protobufjs on random messages (property)', () => {
    const decoder = withoutCodegen(() => createProtobufDecoder({ proto: PROTO, messageType: 't.All' }));
    const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String);
    const inner = fc.record({ name: fc.string(), delta: int64 }, { requiredKeys: [] });
    const all = fc.record(
      {
        d: fc.double({ noNaN: true }),
        f: fc.float({ noNaN: true, noDefaultInfinity: true }),
        i32: fc.integer(),
        i64: int64,
        u32: fc.nat({ max: 4294967295 }),
        u64: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String),
        s32: fc.integer(),
        s64: int64,
        sfx64: int64,
        b: fc.boolean(),
        s: fc.string({ unit: 'grapheme' }),
        raw: fc.uint8Array({ maxLength: 20 }),
        color: fc.integer({ min: 0, max: 5 }),
        inner,
        packed: fc.array(fc.integer(), { maxLength: 5 }),
        unpacked: fc.array(fc.integer(), { maxLength: 5 }),
        inners: fc.array(inner, { maxLength: 3 }),
        counts: fc.dictionary(fc.string(), int64, { maxKeys: 3 }),
        text: fc.string(),
      },
      { requiredKeys: [] },
    );
    let runs = 0;
    fc.assert(
      fc.property(all, (obj) => {
        const bytes = encode(obj);
        const got = withoutCodegen(() => decoder.decode(frame(bytes)));
        expect(JSON.parse(JSON.stringify(got?.fields))).toEqual(expected(bytes));
        runs++;
      }),
      { numRuns: 500 },
    );
    expect(runs).toBe(500);
  });

  it('refuses bytes that do not fit the schema instead of guessing', () => {
    const decoder = createProtobufDecoder({ proto: PROTO, messageType: 't.All' });
    withoutCodegen(() => {
      expect(decoder.decode(frame(new Uint8Array([0x72, 5, 0x68])))).toBeNull(); // s: 5 bytes announced, 1 there
      expect(decoder.decode(frame(new Uint8Array([0x0d, 0, 0, 0, 0])))).toBeNull(); // d as fixed32: wrong wire type
      expect(decoder.decode(frame(new Uint8Array([0x0b])))).toBeNull(); // a group
      // Unknown fields are skipped, as protobufjs does.
      expect(decoder.decode(frame(new Uint8Array([0xf8, 0x06, 0x01, 0x18, 0x07])))?.fields).toEqual({ i32: 7 });
    });
    // A hostile frame nesting a recursive message deeper than 64 levels is refused, not a stack overflow.
    const node = createProtobufDecoder({ proto: PROTO, messageType: 't.Node' });
    const nest = (levels: number): Uint8Array => {
      let b: number[] = [];
      for (let k = 0; k < levels; k++) b = [0x0a, ...varint(b.length), ...b];
      return Uint8Array.from(b);
    };
    withoutCodegen(() => {
      expect(JSON.stringify(node.decode(frame(nest(3)))?.fields)).toBe('{"child":{"child":{"child":{}}}}');
      expect(node.decode(frame(nest(64)))).not.toBeNull();
      expect(node.decode(frame(nest(200)))).toBeNull();
    });
  });

  it('reports a reference to an undefined type when the schema is loaded', () => {
    expect(() => createProtobufDecoder({ proto: 'syntax = "proto3"; message A { Missing m = 1; }', messageType: 'A' })).toThrow(/Cannot parse/);
  });
});
