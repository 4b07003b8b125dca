// Context: panel. Text to show for a payload preview: binary previews (base64) become hex.
import { base64ToBytes } from '../../lib/util/bytes';

export { base64ToBytes };

export function previewText(data: string, binary: boolean, maxBytes = 64): string {
  if (!binary) return data;
  const bytes = base64ToBytes(data.length > maxBytes * 2 ? data.slice(0, Math.ceil((maxBytes * 4) / 3 / 4) * 4) : data);
  return Array.from(bytes.subarray(0, maxBytes), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** Classic hex dump: offset, 16 hex bytes, ASCII column. */
export function hexDump(bytes: Uint8Array, maxBytes = 64 * 1024): string {
  const lines: string[] = [];
  const n = Math.min(bytes.length, maxBytes);
  for (let off = 0; off < n; off += 16) {
    const chunk = bytes.subarray(off, Math.min(off + 16, n));
    const hex = Array.from(chunk, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(chunk, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}
