// Context: pure model, no browser APIs.
// Public entry of the frame filter language: parse once per keystroke, compile once, then run the
// cheap predicate per row. Split into AST, parser and compiler files to keep each one focused.

export { FILTER_FIELDS, FILTER_KINDS, type FilterNode, type FilterableRow, type ParseResult } from './filter-ast';
export { parseFilter } from './filter-parse';
export { compileFilter, highlightRanges } from './filter-compile';
