// Context: pure (panel + model), no browser APIs.
// A resumable scanner that finds the element boundaries of `log.entries` in HAR text without
// building the whole tree. It lets the chunked importer parse entry by entry (many small
// JSON.parse calls between which it can yield), and it tells a truncated file from a broken one.

export interface ScanState {
  pos: number;
  inString: boolean;
  escape: boolean;
  /** Container stack: '{' or '[' plus the key that led into it. */
  stack: { kind: '{' | '['; key: string | null }[];
  /** Last string read in an object, kept as the key when a ':' follows. */
  lastString: string | null;
  stringStart: number;
  pendingKey: string | null;
  entries: { start: number; end: number }[];
  entriesRange: { start: number; end: number } | null;
  elementStart: number;
  /** Position of the first character that cannot be JSON structure (outside strings). */
  error: number | null;
}

export function newScan(): ScanState {
  return {
    pos: 0,
    inString: false,
    escape: false,
    stack: [],
    lastString: null,
    stringStart: 0,
    pendingKey: null,
    entries: [],
    entriesRange: null,
    elementStart: -1,
    error: null,
  };
}

function inEntries(s: ScanState): boolean {
  const n = s.stack.length;
  return n === 3 && s.stack[2].kind === '[' && s.stack[2].key === 'entries' && s.stack[1].key === 'log' && s.stack[0].kind === '{';
}

const WS = new Set([' ', '\t', '\n', '\r']);

/** Scans text[pos, pos+budget); returns true when the text is exhausted. */
export function scanStep(text: string, s: ScanState, budget: number): boolean {
  const stop = Math.min(text.length, s.pos + budget);
  let i = s.pos;
  for (; i < stop && s.error === null; i++) {
    const ch = text[i];
    if (s.inString) {
      if (s.escape) s.escape = false;
      else if (ch === '\\') s.escape = true;
      else if (ch === '"') {
        s.inString = false;
        // Keys are short; only keep strings that could be the keys we look for.
        s.lastString = i - s.stringStart < 16 ? text.slice(s.stringStart + 1, i) : null;
      }
      continue;
    }
    if (WS.has(ch)) continue;
    if (inEntries(s) && s.elementStart < 0 && ch !== ']' && ch !== ',') s.elementStart = i;
    switch (ch) {
      case '"':
        s.inString = true;
        s.stringStart = i;
        break;
      case ':':
        s.pendingKey = s.lastString;
        break;
      case '{':
      case '[': {
        const top = s.stack[s.stack.length - 1];
        s.stack.push({ kind: ch, key: top?.kind === '{' ? s.pendingKey : null });
        s.pendingKey = null;
        if (inEntries(s)) {
          s.entriesRange = { start: i, end: -1 };
          s.elementStart = -1;
        }
        break;
      }
      case '}':
      case ']': {
        const wasEntries = inEntries(s);
        if (wasEntries && ch === ']') {
          if (s.elementStart >= 0) s.entries.push({ start: s.elementStart, end: i });
          s.elementStart = -1;
          if (s.entriesRange) s.entriesRange.end = i + 1;
        }
        const top = s.stack.pop();
        if (!top || (top.kind === '{') !== (ch === '}')) s.error = i;
        break;
      }
      case ',':
        if (inEntries(s) && s.elementStart >= 0) {
          s.entries.push({ start: s.elementStart, end: i });
          s.elementStart = -1;
        }
        s.pendingKey = null;
        break;
      default:
        // numbers, true/false/null: nothing to track
        break;
    }
  }
  s.pos = i;
  return s.pos >= text.length || s.error !== null;
}

/** True when the scan ended inside a string or an open container: the file was cut short. */
export function looksTruncated(s: ScanState): boolean {
  return s.error === null && (s.inString || s.stack.length > 0);
}
