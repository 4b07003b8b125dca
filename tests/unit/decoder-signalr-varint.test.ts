// Context: node (unit tests). SignalR's MessagePack framing (a VarInt length before each message)
// read from hostile bytes: a 5-byte length whose top bits overflow a 32-bit shift must not turn
// negative and walk backwards forever. Any bytes end the split, with frames or with null.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitVarIntFrames } from '../../lib/decoders/signalr';
import { signalrMsgpackDecoder } from '../../lib/decoders/signalr-msgpack';

describe('splitVarIntFrames', () => {
  it('refuses a length that overflowed a 32-bit shift (it looped forever)', () => {
    // 0xff 0xff 0xff 0xff 0x0f: 2^35 - 1 by the spec; `|=` with `<< 28` made it -1.
    expect(splitVarIntFrames(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]))).toBeNull();
    // 0x80 0x80 0x80 0x80 0x08: 2^31 by the spec, negative as an int32.
    expect(splitVarIntFrames(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x08, 1]))).toBeNull();
  });

  it('splits well-formed frames', () => {
    expect(splitVarIntFrames(new Uint8Array([2, 9, 9, 1, 7]))?.map((b) => [...b])).toEqual([[9, 9], [7]]);
  });

  it('ends on any bytes, and detection of any binary frame returns', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const frames = splitVarIntFrames(bytes);
        if (frames) expect(frames.reduce((n, f) => n + f.length, 0)).toBeLessThanOrEqual(bytes.length);
        expect(signalrMsgpackDecoder.detect([{ dir: 'in', bytes, channelUrl: 'ws://127.0.0.1/hub' }])).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});
