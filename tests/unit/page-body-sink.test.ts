// Context: node (unit test). BodySink: what a fetch body record says for each way the page reads
// it, the TextDecoder made only when chunks need one, and the registry told once the record ends.
import { afterEach, describe, expect, it } from 'vitest';
import { BodySink } from '../../lib/page/body-sink';
import { natives } from '../../lib/page/natives';
import { SSE_MAX_CHARS } from '../../lib/sse/parser';
import type { Recorder } from '../../lib/page/recorder';

type Rec = Record<string, unknown> & { type: string };

function setup(contentType: string, previewBytes = 64, eventStream = false) {
  const records: Rec[] = [];
  const closed: number[] = [];
  const recorder = { settings: { previewBytes }, emit: (r: Rec) => records.push(r) } as unknown as Recorder;
  const sink = new BodySink(recorder, 7, contentType, eventStream, { markClosed: (c) => closed.push(c) });
  return { sink, records, closed, end: () => records.find((r) => r.type === 'http-end') };
}

const realDecoder = natives.TextDecoderCtor;
let decoders = 0;
class CountingDecoder extends realDecoder {
  constructor(...args: ConstructorParameters<typeof TextDecoder>) {
    super(...args);
    decoders++;
  }
}
afterEach(() => {
  natives.TextDecoderCtor = realDecoder;
  decoders = 0;
});

const bytes = (s: string) => new TextEncoder().encode(s);

describe('BodySink', () => {
  it('records a text() body as its own preview, with size and hash, and no decoder', () => {
    natives.TextDecoderCtor = CountingDecoder;
    const { sink, end, closed } = setup('application/json');
    const stream = {};
    sink.wholeText(stream, '{"ok":"é"}');
    expect(end()).toMatchObject({ conn: 7, size: 11, outcome: 'ok', body: { data: '{"ok":"é"}', binary: false, size: 11, truncated: false } });
    expect(end()!.bodyHash).toMatch(/^[0-9a-f]{8}$/);
    expect(closed).toEqual([7]);
    expect(decoders).toBe(0);
  });

  it('cuts a long text body to the preview cap and says so', () => {
    const { sink, end } = setup('text/plain', 8);
    sink.wholeText({}, 'abcdefghijkl');
    expect(end()).toMatchObject({ size: 12, body: { data: 'abcdefgh', size: 12, truncated: true } });
  });

  it('decodes text chunks with one decoder made on the first chunk, split characters included', () => {
    natives.TextDecoderCtor = CountingDecoder;
    const { sink, end } = setup('text/plain');
    const stream = {};
    const all = bytes('héllo wörld');
    sink.chunk(stream, all.subarray(0, 2));
    sink.chunk(stream, all.subarray(2, 9));
    sink.chunk(stream, all.subarray(9));
    sink.finish(stream, 'ok');
    expect(end()).toMatchObject({ size: all.byteLength, body: { data: 'héllo wörld', size: all.byteLength, truncated: false } });
    expect(decoders).toBe(1);
  });

  it('keeps a capped base64 preview of binary chunks', () => {
    const { sink, end } = setup('application/octet-stream', 4);
    const stream = {};
    sink.chunk(stream, new Uint8Array([1, 2, 3]));
    sink.chunk(stream, new Uint8Array([4, 5, 6]));
    sink.finish(stream, 'ok');
    expect(end()).toMatchObject({ size: 6, body: { data: btoa('\x01\x02\x03\x04'), binary: true, size: 6, truncated: true } });
  });

  it('parses an event-stream body into SSE records', () => {
    const { sink, records } = setup('text/event-stream', 64, true);
    const stream = {};
    sink.chunk(stream, bytes('data: a\n\nevent: x\nda'));
    sink.chunk(stream, bytes('ta: b\n\n'));
    sink.finish(stream, 'ok');
    expect(records.filter((r) => r.type === 'sse-event').map((r) => [r.event, (r.payload as { data: string }).data])).toEqual([
      ['message', 'a'],
      ['x', 'b'],
    ]);
    expect(records.at(-1)).toMatchObject({ type: 'http-end', outcome: 'ok' });
  });

  it('counts the bytes of a line past the parser cap without decoding them, exactly, and parses on after it', () => {
    // The line reaches the cap (SSE_MAX_CHARS) with the chunk that ends inside "中": the decoder
    // holds a byte of it. That chunk is the whole line so far, or only "x" and that byte (the
    // decoder's bytes then span chunks). The rest comes in 4 KB chunks or one byte at a time, with
    // 2-, 3- and 4-byte characters, and ends with a CRLF split between two chunks. Two 0xFF bytes
    // tell whether it was decoded: a decoder turns each into U+FFFD, 3 bytes; counted raw, 2.
    const concat = (...parts: Uint8Array[]) => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
      parts.reduce((at, p) => (out.set(p, at), at + p.byteLength), 0);
      return out;
    };
    const head = bytes(`data: ${'a'.repeat(SSE_MAX_CHARS - 7)}x中`);
    const rest = concat(bytes('é😀中b'.repeat(1500)), new Uint8Array([0xff, 0xff]), bytes('é😀中b'.repeat(1500) + 'tail'));
    const all = concat(head, rest, bytes('\r\n\r\ndata: after\n\n'));
    const cut = head.byteLength - 2;
    const crlf = head.byteLength + rest.byteLength + 1;
    for (const [split, step] of [
      [cut, 4096],
      [cut - 2, 1],
    ]) {
      const { sink, records } = setup('text/event-stream', 64, true);
      const stream = {};
      sink.chunk(stream, all.subarray(0, split));
      if (split < cut) sink.chunk(stream, all.subarray(split, cut));
      for (let at = cut; at < crlf; at += step) sink.chunk(stream, all.subarray(at, Math.min(at + step, crlf)));
      sink.chunk(stream, all.subarray(crlf));
      sink.finish(stream, 'ok');
      const events = records.filter((r) => r.type === 'sse-event') as unknown as { payload: { data: string; size: number; truncated: boolean } }[];
      expect(events.map((e) => [e.payload.size, e.payload.truncated])).toEqual([
        [head.byteLength - 'data: '.length + rest.byteLength, true],
        [5, false],
      ]);
      expect(events[1].payload.data).toBe('after');
    }
  });

  it('records the first consumer only (clone branches) and ends once', () => {
    const { sink, records, closed } = setup('text/plain');
    const a = {};
    const b = {};
    sink.wholeText(a, 'first');
    sink.wholeText(b, 'second');
    sink.finish(a, 'error', 'late');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ body: { data: 'first' } });
    expect(closed).toEqual([7]);
  });

  it('reports a body the page never read', () => {
    const { sink, end } = setup('text/plain');
    sink.unread();
    sink.unread();
    expect(end()).toMatchObject({ size: 0, outcome: 'ok', error: 'the page never read the body' });
  });

  it('does not report as unread a body already recorded', () => {
    const { sink, records } = setup('text/plain');
    sink.wholeText({}, 'x');
    sink.unread();
    expect(records).toHaveLength(1);
  });
});
