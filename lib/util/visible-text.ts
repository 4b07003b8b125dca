// Context: shared, pure (panel, viewer, model). Text captured from a page is hostile: bidi
// overrides reorder what the user reads (`price\u202Egnp.exe` looks like `priceexe.png`),
// zero-width and control characters hide content or drive a terminal. Before such text is shown
// or pasted, these characters become visible escapes, like Chrome DevTools' `\u202E` markers.

/**
 * Characters that change how text displays without being seen, or that a terminal acts on:
 * C0 controls, DEL, C1 controls, soft hyphen, Arabic letter mark, Hangul fillers, Mongolian
 * vowel separator, zero-width and bidi marks/embeddings/overrides/isolates, line and paragraph
 * separators, invisible operators, BOM, interlinear annotations, tag characters, variation
 * selectors (supplement) and lone surrogates.
 */
const HIDDEN_SOURCE =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u115f\\u1160\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff9-\\ufffb]' +
  '|\\udb40[\\udc00-\\udcff]|\\udb40[\\udd00-\\uddef]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

/** Same set, but tab, newline and carriage return count as ordinary whitespace (multi-line views). */
const HIDDEN_NOT_WS_SOURCE = HIDDEN_SOURCE.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f');

// eslint-disable-next-line no-misleading-character-class -- single code units on purpose: a variation selector or joiner is matched (and shown) on its own
const HIDDEN_TEST = new RegExp(HIDDEN_SOURCE);

export function hasHiddenChars(s: string): boolean {
  return HIDDEN_TEST.test(s);
}

/** `\u202E`-style escape of one character (or surrogate pair): what the user sees instead. */
export function escapeChar(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\0':
      return '\\0';
    case '\x1b':
      return '\\e';
  }
  const cp = ch.codePointAt(0)!;
  if (cp <= 0xff) return `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

export interface VisibleOptions {
  /** Keep tab, newline and carriage return as they are (for multi-line views such as <pre>). */
  multiline?: boolean;
}

export interface VisiblePart {
  text: string;
  /** True for an escape that stands for a hidden character. */
  hidden: boolean;
  /** For hidden parts: the code point as `U+202E`, for a tooltip. */
  codePoint?: string;
}

function regexFor(opts: VisibleOptions): RegExp {
  return new RegExp(opts.multiline ? HIDDEN_NOT_WS_SOURCE : HIDDEN_SOURCE, 'g');
}

/** Splits text into plain runs and escapes of hidden characters (the widget styles the escapes). */
export function visibleParts(s: string, opts: VisibleOptions = {}): VisiblePart[] {
  const re = regexFor(opts);
  const parts: VisiblePart[] = [];
  let at = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m.index > at) parts.push({ text: s.slice(at, m.index), hidden: false });
    const cp = m[0].codePointAt(0)!;
    parts.push({ text: escapeChar(m[0]), hidden: true, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` });
    at = m.index + m[0].length;
  }
  if (at < s.length) parts.push({ text: s.slice(at), hidden: false });
  return parts;
}

/** The text with every hidden character replaced by its visible escape. Cheap when there is none. */
export function visibleText(s: string, opts: VisibleOptions = {}): string {
  if (!HIDDEN_TEST.test(s)) return s;
  return s.replace(regexFor(opts), escapeChar);
}
