// Context: pure model, no browser APIs.
// The frame table's filter language: its AST and the row shape it matches. Parsing is separate
// from matching so the panel parses once per keystroke and then runs a cheap closure per row.
//
//   free text        case-insensitive substring of the payload text
//   "quoted phrase"  the same, with spaces; \" and \\ escape inside quotes
//   /regex/flags     JavaScript regex on the payload text (g and y are ignored)
//   dir:in|out  kind:ws,sse,…  event:NAME (trailing * = prefix)  status:404|4xx|>=500|200-299
//   size:>1k|<=512|>=2mb  channel:TEXT
//   a b (AND)   a OR b   a | b   -a   NOT a   ( … )

export interface FilterableRow {
  dir: 'in' | 'out';
  kind: string;
  event: string;
  status: number;
  size: number;
  text: string;
  channel: string;
}

export type FilterNode =
  | { type: 'all' }
  | { type: 'text'; value: string; at: number }
  | { type: 'regex'; source: string; flags: string; at: number }
  | { type: 'dir'; value: 'in' | 'out' }
  | { type: 'kind'; values: string[] }
  | { type: 'event'; value: string; prefix: boolean }
  | { type: 'status'; min: number; max: number }
  | { type: 'size'; min: number; max: number }
  | { type: 'channel'; value: string }
  | { type: 'not'; child: FilterNode }
  | { type: 'and'; children: FilterNode[] }
  | { type: 'or'; children: FilterNode[] };

export type ParseResult = { ok: true; ast: FilterNode } | { ok: false; error: string; at: number };

export const FILTER_FIELDS = ['dir', 'kind', 'event', 'status', 'size', 'channel'] as const;
export type FieldName = (typeof FILTER_FIELDS)[number];

export const FILTER_KINDS = ['ws', 'sse', 'fetch-stream', 'long-poll', 'short-poll', 'http'] as const;
export const KIND_ALIASES: Record<string, string[]> = {
  websocket: ['ws'],
  eventsource: ['sse'],
  stream: ['fetch-stream'],
  poll: ['long-poll', 'short-poll'],
};

/** `g` and `y` make RegExp.test stateful (lastIndex); a row filter must be a pure predicate. */
export function stripStateful(flags: string): string {
  return flags.replace(/[gy]/g, '');
}

/** Makes user text literal inside a RegExp (used for case-insensitive matching and highlights). */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
