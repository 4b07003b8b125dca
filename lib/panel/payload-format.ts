// Context: panel. Converts what a person types in the composer into the payload the agent sends:
// text (optionally validated as JSON), hex or base64 bytes. Errors say exactly what is wrong.
export type ComposerFormat = 'text' | 'json' | 'hex' | 'base64';

export type Encoded = { ok: true; data: string; binary: boolean } | { ok: false; error: string };

export function encodePayload(input: string, format: ComposerFormat): Encoded {
  if (format === 'text') return { ok: true, data: input, binary: false };
  if (format === 'json') {
    try {
      JSON.parse(input);
      return { ok: true, data: input, binary: false };
    } catch (err) {
      return { ok: false, error: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  if (format === 'hex') {
    const clean = input.replace(/0x/gi, '').replace(/[\s,:]/g, '');
    if (!/^[0-9a-f]*$/i.test(clean)) return { ok: false, error: 'Hex may only contain 0-9, a-f, spaces, commas or colons.' };
    if (clean.length % 2) return { ok: false, error: `Hex needs an even number of digits (got ${clean.length}).` };
    let bin = '';
    for (let i = 0; i < clean.length; i += 2) bin += String.fromCharCode(parseInt(clean.slice(i, i + 2), 16));
    return { ok: true, data: btoa(bin), binary: true };
  }
  const b64 = input.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) return { ok: false, error: 'Not valid base64.' };
  try {
    atob(b64);
  } catch {
    return { ok: false, error: 'Not valid base64.' };
  }
  return { ok: true, data: b64, binary: true };
}

/** Pretty-prints JSON text; returns the input unchanged when it is not JSON. */
export function formatJson(input: string): string {
  try {
    return JSON.stringify(JSON.parse(input), null, 2);
  } catch {
    return input;
  }
}
