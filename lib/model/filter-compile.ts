// Context: pure model, no browser APIs.
// Turns a parsed filter into a row predicate and finds the text to highlight. The predicate runs
// over up to a million rows per keystroke, so all regex building happens here, once.

import { escapeRegex, stripStateful, type FilterNode, type FilterableRow } from './filter-ast';

// --- Compiler ------------------------------------------------------------------------------------

type Pred = (row: FilterableRow) => boolean;

// Cheap comparisons run first so AND/OR short-circuit before any string scan.
function cost(n: FilterNode): number {
  switch (n.type) {
    case 'all':
    case 'dir':
    case 'status':
    case 'size':
      return 0;
    case 'kind':
    case 'event':
      return 1;
    case 'channel':
      return 2;
    case 'text':
      return 3;
    case 'regex':
      return 4;
    case 'not':
      return cost(n.child);
    case 'and':
    case 'or':
      return Math.max(...n.children.map(cost));
  }
}

function compileNode(n: FilterNode): Pred {
  switch (n.type) {
    case 'all':
      return () => true;
    case 'dir': {
      const v = n.value;
      return (r) => r.dir === v;
    }
    case 'kind': {
      if (n.values.length === 1) {
        const v = n.values[0];
        return (r) => r.kind === v;
      }
      const set = new Set(n.values);
      return (r) => set.has(r.kind);
    }
    case 'event': {
      const v = n.value;
      return n.prefix ? (r) => r.event.toLowerCase().startsWith(v) : (r) => r.event.toLowerCase() === v;
    }
    case 'status': {
      const { min, max } = n;
      return (r) => r.status >= min && r.status <= max;
    }
    case 'size': {
      const { min, max } = n;
      return (r) => r.size >= min && r.size <= max;
    }
    case 'channel': {
      const v = n.value;
      return (r) => r.channel.toLowerCase().includes(v);
    }
    case 'text': {
      // Needles without letters (digits, punctuation) need no case folding: a plain scan.
      if (n.value.toLowerCase() === n.value.toUpperCase()) {
        const needle = n.value;
        return (r) => r.text.includes(needle);
      }
      // A case-insensitive literal regex measured ~2x faster in V8 than toLowerCase() + includes
      // over 1M rows, and it allocates no lower-cased copy of each payload.
      const re = new RegExp(escapeRegex(n.value), 'i');
      return (r) => re.test(r.text);
    }
    case 'regex': {
      const re = new RegExp(n.source, stripStateful(n.flags));
      return (r) => re.test(r.text);
    }
    case 'not': {
      const p = compileNode(n.child);
      return (r) => !p(r);
    }
    case 'and':
    case 'or': {
      const preds = [...n.children].sort((a, b) => cost(a) - cost(b)).map(compileNode);
      if (preds.length === 2) {
        const [a, b] = preds as [Pred, Pred];
        return n.type === 'and' ? (r) => a(r) && b(r) : (r) => a(r) || b(r);
      }
      if (n.type === 'and') {
        return (r) => {
          for (const p of preds) if (!p(r)) return false;
          return true;
        };
      }
      return (r) => {
        for (const p of preds) if (p(r)) return true;
        return false;
      };
    }
  }
}

/** A row predicate. Regexes are built once here; each call allocates nothing. */
export function compileFilter(ast: FilterNode): (row: FilterableRow) => boolean {
  return compileNode(ast);
}

// --- Highlighting --------------------------------------------------------------------------------

const MAX_RANGES = 1000;

function positiveTerms(n: FilterNode, negated: boolean, out: Array<Extract<FilterNode, { type: 'text' | 'regex' }>>): void {
  switch (n.type) {
    case 'text':
    case 'regex':
      // A negated term matched nothing in a row that passed the filter: nothing to mark.
      if (!negated) out.push(n);
      return;
    case 'not':
      positiveTerms(n.child, !negated, out);
      return;
    case 'and':
    case 'or':
      for (const c of n.children) positiveTerms(c, negated, out);
      return;
    default:
      return;
  }
}

const matcherCache = new WeakMap<FilterNode, RegExp[]>();

function matchers(ast: FilterNode): RegExp[] {
  let list = matcherCache.get(ast);
  if (!list) {
    const terms: Array<Extract<FilterNode, { type: 'text' | 'regex' }>> = [];
    positiveTerms(ast, false, terms);
    list = terms.map((t) => (t.type === 'text' ? new RegExp(escapeRegex(t.value), 'gi') : new RegExp(t.source, `${stripStateful(t.flags)}g`)));
    matcherCache.set(ast, list);
  }
  return list;
}

/** Sorted, merged [start, end) ranges of `text` matched by the query's positive text and regex terms. */
export function highlightRanges(ast: FilterNode, text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const re of matchers(ast)) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null && ranges.length < MAX_RANGES; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
