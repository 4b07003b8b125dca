// Context: node (unit tests). The page agent's SSE parser: every split of a stream into chunks
// gives the same events; a line past the cap is cut and the event says it is truncated, with its
// true size. That parsing is linear (an 8 MB line in 4 KB chunks) is measured by the bench's
// sse-line row, not timed here.
import { describe, expect, it } from 'vitest';
import { SseParser, type ParsedSseEvent } from '../../lib/sse/parser';

const SAMPLE =
  '\uFEFF: heartbeat\r\nevent: price\r\ndata: 1\r\ndata: 2\r\nid: a1\r\n\r\n' +
  'data:no-space\n\nretry: 300\ndata: é€😀\rid: b\0x\r\r' +
  'event: multi\ndata\ndata:  two spaces\n\n' +
  'data: unterminated at the end';

function parse(chunks: string[], maxChars?: number): ParsedSseEvent[] {
  const out: ParsedSseEvent[] = [];
  const p = new SseParser((e) => out.push(e), maxChars);
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

describe('SseParser', () => {
  const whole = parse([SAMPLE]);

  it('parses the sample as the WHATWG rules say', () => {
    expect(whole).toEqual([
      { event: 'price', data: '1\n2', id: 'a1' },
      { event: 'message', data: 'no-space', id: 'a1' },
      { event: 'message', data: 'é€😀', id: 'a1', retry: 300 },
      { event: 'multi', data: '\n two spaces', id: 'a1' },
    ]);
  });

  it('gives the same events for every split into two and three chunks', () => {
    for (let i = 0; i <= SAMPLE.length; i++) {
      expect(parse([SAMPLE.slice(0, i), SAMPLE.slice(i)]), `split at ${i}`).toEqual(whole);
      for (let j = i; j <= SAMPLE.length; j += 7) expect(parse([SAMPLE.slice(0, i), SAMPLE.slice(i, j), SAMPLE.slice(j)])).toEqual(whole);
    }
  });

  it('gives the same events fed one character at a time', () => {
    expect(parse([...SAMPLE])).toEqual(whole);
  });

  it('cuts a line past the cap and reports the true size of the event', () => {
    const long = 'x'.repeat(100) + 'é'.repeat(10); // 100 + 20 bytes
    const events = parse(['data: ', long.slice(0, 30), long.slice(30), '\n\n', 'data: short\n\n'], 50);
    expect(events).toHaveLength(2);
    // The cap counts the whole line, 'data: ' included: 44 characters of data are kept.
    expect(events[0].data).toBe('x'.repeat(44));
    expect(events[0].overflowBytes).toBe(56 + 20);
    expect(events[1]).toEqual({ event: 'message', data: 'short', id: '' });
  });

  it('caps the data of an event made of many lines', () => {
    const lines = Array.from({ length: 100 }, () => 'data: 0123456789\n').join('');
    const [e] = parse([lines, '\n'], 55);
    expect(e.data.length).toBe(55);
    // 100 lines of 10 bytes, joined by 99 newlines: 1099 bytes in all.
    expect(e.data.length + e.overflowBytes!).toBe(1099);
  });

  it('defines retry and overflowBytes on the event itself: no setter a page put on Object.prototype runs', () => {
    const ran: string[] = [];
    for (const key of ['retry', 'overflowBytes'])
      Object.defineProperty(Object.prototype, key, {
        configurable: true,
        set() {
          ran.push(key);
        },
      });
    try {
      const events = parse(['retry: 5\ndata: ' + 'x'.repeat(40) + '\n\n'], 16);
      expect(ran).toEqual([]);
      expect(Object.getOwnPropertyDescriptor(events[0], 'retry')?.value).toBe(5);
      const overflow = Object.getOwnPropertyDescriptor(events[0], 'overflowBytes')?.value as number;
      expect(overflow).toBeGreaterThan(0);
      expect(events[0].data.length + overflow).toBe(40);
    } finally {
      delete (Object.prototype as Record<string, unknown>).retry;
      delete (Object.prototype as Record<string, unknown>).overflowBytes;
    }
  });
});
