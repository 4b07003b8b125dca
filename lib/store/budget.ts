// Context: panel. The panel's memory budget (rule 4): a cap on frames held and on preview
// characters held. Over the character cap, the oldest frames lose their preview text (the row,
// its size, time and direction stay). Over the frame cap, the oldest frames are removed. Either
// way the Session gets a DropNotice with the exact number (rule 3: nothing lost silently).
// Both trim to 90% of the cap at once, so the O(n) work runs once per 10% of the cap, not per batch.
import { IndexList, type FrameStore } from './frame-store';
import type { Session } from './session';

export interface PanelBudget {
  /** Max frames held in the panel store. */
  maxFrames: number;
  /** Max preview characters held (roughly bytes of payload text kept for display and search). */
  maxPreviewChars: number;
}

export const DEFAULT_PANEL_BUDGET: PanelBudget = {
  maxFrames: 2_000_000,
  maxPreviewChars: 200_000_000,
};

const TRIM_TO = 0.9;

/** Previews of rows before this index were already evicted (per store). */
const previewCursor = new WeakMap<FrameStore, number>();

/** Applies the budget; returns how many previews and frames it evicted. */
export function enforceBudget(session: Session, budget: PanelBudget): { previews: number; frames: number } {
  let frames = 0;
  let previews = 0;
  if (session.frames.count > budget.maxFrames) frames = dropOldestFrames(session, session.frames.count - Math.floor(budget.maxFrames * TRIM_TO));
  if (session.frames.previewChars > budget.maxPreviewChars) previews = evictPreviews(session, Math.floor(budget.maxPreviewChars * TRIM_TO));
  return { previews, frames };
}

function notice(session: Session, kind: 'panel-previews' | 'panel-frames', count: number, first: number, last: number): void {
  const f = session.frames;
  session.drops.push({
    agentId: '',
    kind,
    count,
    fromSeq: f.seq[first] ?? 0,
    toSeq: f.seq[last] ?? 0,
    atRow: kind === 'panel-frames' ? 0 : last + 1,
    time: f.time[last] ?? 0,
  });
  session.version++;
}

/** Empties the oldest previews until at most `target` characters remain. */
function evictPreviews(session: Session, target: number): number {
  const f = session.frames;
  let i = previewCursor.get(f) ?? 0;
  const first = i;
  let count = 0;
  while (f.previewChars > target && i < f.count) {
    if (f.preview[i].length > 0) {
      f.previewChars -= f.preview[i].length;
      f.preview[i] = '';
      count++;
    }
    i++;
  }
  previewCursor.set(f, i);
  if (count) {
    f.epoch++; // cached filter results saw the old text
    notice(session, 'panel-previews', count, first, i - 1);
  }
  return count;
}

/** Removes the `k` oldest rows: columns shift down, every row index the Session keeps is remapped. */
function dropOldestFrames(session: Session, k: number): number {
  const f = session.frames;
  k = Math.min(k, f.count);
  if (k <= 0) return 0;
  notice(session, 'panel-frames', k, 0, k - 1);
  f.dropOldest(k);
  previewCursor.set(f, Math.max(0, (previewCursor.get(f) ?? 0) - k));
  for (const ch of session.channels) {
    const rows = new IndexList();
    for (let j = 0; j < ch.frames.length; j++) {
      const r = ch.frames.at(j);
      if (r >= k) rows.push(r - k);
    }
    ch.frames = rows;
  }
  for (const c of session.connections) if (c.http && c.http.row >= 0) c.http.row = c.http.row >= k ? c.http.row - k : -1;
  const ids = new Map<number, string>();
  for (const [row, id] of session.sseIds) if (row >= k) ids.set(row - k, id);
  session.sseIds = ids;
  for (const d of session.drops) d.atRow = Math.max(0, d.atRow - k);
  return k;
}
