// Context: panel. Applies a compiled filter to frame rows. One reusable row object is filled per
// frame (no allocation per row) so a million rows stay within the filter budget.
import type { Session } from './session';
import { IndexList, DIR_OUT } from './frame-store';
import { parseFilter, compileFilter, type FilterableRow } from '../model/filter-query';

export interface FilterOutcome {
  rows: IndexList;
  error?: string;
}

/** Rows of `source` (or all frames) that match `query`; an invalid query matches everything. */
export function filterRows(session: Session, source: IndexList | null, query: string, timeRange?: { start: number; end: number } | null): FilterOutcome {
  const f = session.frames;
  const total = source ? source.length : f.count;
  const at = source ? (k: number) => source.at(k) : (k: number) => k;
  const out = new IndexList();
  const trimmed = query.trim();
  const parsed = trimmed ? parseFilter(trimmed) : undefined;
  const inTime = timeRange ? (i: number) => f.time[i] >= timeRange.start && f.time[i] <= timeRange.end : () => true;
  if (!parsed || !parsed.ok) {
    for (let k = 0; k < total; k++) if (inTime(at(k))) out.push(at(k));
    return { rows: out, error: parsed && !parsed.ok ? parsed.error : undefined };
  }
  const match = compileFilter(parsed.ast);
  const channels = session.channels;
  const row: FilterableRow = { dir: 'in', kind: '', event: '', status: 0, size: 0, text: '', channel: '' };
  for (let k = 0; k < total; k++) {
    const i = at(k);
    if (!inTime(i)) continue;
    const ch = channels[f.channel[i]];
    row.dir = f.dir[i] === DIR_OUT ? 'out' : 'in';
    row.kind = ch.kind;
    row.event = f.eventName(i);
    row.status = f.status[i];
    row.size = f.size[i];
    row.text = f.preview[i];
    row.channel = ch.url;
    if (match(row)) out.push(i);
  }
  return { rows: out };
}
