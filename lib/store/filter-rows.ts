// Context: panel. Applies a compiled filter to frame rows. One reusable row object is filled per
// frame (no allocation per row) so a million rows stay within the filter budget.
// Two things keep a big, growing channel cheap while frames stream in:
//  - a text-only query (the common case) fills only the row's text, not channel/kind/event;
//  - the same query over the same growing row list resumes where the last run stopped
//    (the panel re-filters on every refresh), as long as the rows it already saw cannot change.
import type { Session } from './session';
import { IndexList, DIR_OUT, FLAG_HTTP, type FrameStore } from './frame-store';
import { parseFilter, compileFilter, type FilterableRow, type FilterNode } from '../model/filter-query';

export interface FilterOutcome {
  rows: IndexList;
  error?: string;
  /** Rows not scanned yet (a `maxRows` call stops early): call again to go on; 0 when complete. */
  pending?: number;
}

type TimeRange = { start: number; end: number } | null | undefined;

interface Resume {
  frames: FrameStore;
  query: string;
  timeRange: TimeRange;
  /** The store's mutation epoch when `done` rows were scanned. */
  epoch: number;
  done: number;
  outcome: FilterOutcome;
}

/** Last run per row source (a channel's list, or the store itself for "all frames"). */
const resumes = new WeakMap<object, Resume>();

/**
 * Rows of `source` (or all frames) that match `query`; an invalid query matches everything.
 * `maxRows` caps the rows scanned by this call, so a filter over a million rows can run as a
 * series of short tasks: the outcome says how many are `pending`, and the next call with the same
 * query goes on from there.
 */
export function filterRows(session: Session, source: IndexList | null, query: string, timeRange?: TimeRange, maxRows = Infinity): FilterOutcome {
  // Nothing to filter: the channel's own list is the answer (a 1M-row copy took ~40 ms and its garbage).
  if (source && !timeRange && !query.trim()) return { rows: source, pending: 0 };
  const f = session.frames;
  const key: object = source ?? f;
  const total = source ? source.length : f.count;
  const prev = resumes.get(key);
  let from = 0;
  let outcome: FilterOutcome;
  if (prev && prev.frames === f && prev.query === query && prev.timeRange === timeRange && prev.epoch === f.epoch && prev.done <= total) {
    from = prev.done;
    outcome = prev.outcome;
  } else {
    // No room reserved up front: a 4 MB list per new query made the garbage collector walk a
    // 1M-frame heap on every key (the store bench's filters took twice as long).
    outcome = { rows: new IndexList() };
  }
  const end = Math.min(total, from + maxRows);
  const stable = scan(session, source, query, timeRange, from, end, outcome);
  // Rows that may still change (HTTP) are scanned from the start on every call, so a partial
  // result could never be resumed: finish now.
  if (!stable && end < total) scan(session, source, query, timeRange, end, total, outcome);
  const done = stable ? end : total;
  if (stable) resumes.set(key, { frames: f, query, timeRange, epoch: f.epoch, done, outcome });
  else resumes.delete(key);
  outcome.pending = total - done;
  return outcome;
}

/** Appends matches among rows [from, to) to `outcome`; returns false if a scanned row may still change. */
function scan(
  session: Session,
  source: IndexList | null,
  query: string,
  timeRange: TimeRange,
  from: number,
  to: number,
  outcome: FilterOutcome,
): boolean {
  const f = session.frames;
  const out = outcome.rows;
  const items = source ? source.items : null;
  const time = f.time;
  const flags = f.flags;
  const trimmed = query.trim();
  const parsed = trimmed ? parseFilter(trimmed) : undefined;
  let httpRows = 0;
  const tStart = timeRange ? timeRange.start : -Infinity;
  const tEnd = timeRange ? timeRange.end : Infinity;
  if (!parsed || !parsed.ok) {
    if (parsed && !parsed.ok) outcome.error = parsed.error;
    for (let k = from; k < to; k++) {
      const i = items ? items[k] : k;
      if (time[i] >= tStart && time[i] <= tEnd) out.push(i);
    }
    return true; // time and membership never change for a row
  }
  const match = compileFilter(parsed.ast);
  const row: FilterableRow = { dir: 'in', kind: '', event: '', status: 0, size: 0, text: '', channel: '' };
  const preview = f.preview;
  if (textOnly(parsed.ast)) {
    for (let k = from; k < to; k++) {
      const i = items ? items[k] : k;
      if (time[i] < tStart || time[i] > tEnd) continue;
      httpRows += flags[i] & FLAG_HTTP;
      row.text = preview[i];
      if (match(row)) out.push(i);
    }
    return httpRows === 0;
  }
  const channels = session.channels;
  for (let k = from; k < to; k++) {
    const i = items ? items[k] : k;
    if (time[i] < tStart || time[i] > tEnd) continue;
    httpRows += flags[i] & FLAG_HTTP;
    const ch = channels[f.channel[i]];
    row.dir = f.dir[i] === DIR_OUT ? 'out' : 'in';
    row.kind = ch.kind;
    row.event = f.eventName(i);
    row.status = f.status[i];
    row.size = f.size[i];
    row.text = preview[i];
    row.channel = ch.url;
    if (match(row)) out.push(i);
  }
  // HTTP rows get their status, size and body later, and their channel's kind (short/long poll)
  // is decided later: a filter over them is recomputed each time.
  return httpRows === 0;
}

/** True when the query looks only at the text (so the other row fields need not be filled). */
function textOnly(n: FilterNode): boolean {
  switch (n.type) {
    case 'all':
    case 'text':
    case 'regex':
      return true;
    case 'not':
      return textOnly(n.child);
    case 'and':
    case 'or':
      return n.children.every(textOnly);
    default:
      return false;
  }
}
