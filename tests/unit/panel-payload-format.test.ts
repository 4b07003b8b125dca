// Context: node (test). Composer input encoding: valid input passes, bad input says why.
import { describe, expect, it } from 'vitest';
import { encodePayload, formatJson } from '../../lib/panel/payload-format';

describe('encodePayload', () => {
  it('validates JSON', () => {
    expect(encodePayload('{"a":1}', 'json')).toEqual({ ok: true, data: '{"a":1}', binary: false });
    const bad = encodePayload('{"a":', 'json');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^Not valid JSON/);
  });
  it('turns hex into base64 bytes', () => {
    expect(encodePayload('de ad be ef', 'hex')).toEqual({ ok: true, data: btoa('\xde\xad\xbe\xef'), binary: true });
    expect(encodePayload('abc', 'hex')).toEqual({ ok: false, error: 'Hex needs an even number of digits (got 3).' });
    expect(encodePayload('zz', 'hex').ok).toBe(false);
  });
  it('accepts base64 and rejects junk', () => {
    expect(encodePayload('AQID', 'base64')).toEqual({ ok: true, data: 'AQID', binary: true });
    expect(encodePayload('A*B', 'base64').ok).toBe(false);
  });
  it('pretty-prints JSON only', () => {
    expect(formatJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(formatJson('nope')).toBe('nope');
  });
});
