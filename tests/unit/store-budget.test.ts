// Context: node (unit tests). The panel memory budget: previews of the oldest frames are emptied
// over the character cap, the oldest frames removed over the frame cap, with exact DropNotices,
// and every row index the Session keeps follows the removal.
import { describe, expect, it } from 'vitest';
import { Session } from '../../lib/store/session';
import { enforceBudget } from '../../lib/store/budget';
import { filterRows } from '../../lib/store/filter-rows';
import { wsStream } from './store-fixtures';

describe('panel memory budget', () => {
  it('empties the oldest previews over the character cap and says how many', () => {
    const s = new Session();
    s.budget = { maxFrames: 1e9, maxPreviewChars: 1000 };
    // 100 frames of exactly 20 characters: 2000 chars, trimmed to 900 => the oldest 55 lose their text.
    s.ingest(
      0,
      'd',
      'a',
      wsStream(100, (i) => `payload-${String(i).padStart(12, '0')}`),
    );
    const f = s.frames;
    expect(f.count).toBe(100);
    expect(f.previewChars).toBeLessThanOrEqual(900);
    const emptied = f.preview.filter((p) => p === '').length;
    expect(s.drops).toHaveLength(1);
    expect(s.drops[0]).toMatchObject({ kind: 'panel-previews', count: emptied, fromSeq: 2 });
    expect(emptied).toBe(55);
    // Sizes stay: the row still says how big the message was.
    expect(f.size[0]).toBe(20);
    expect(f.preview[99]).toBe('payload-000000000099');
  });

  it('removes the oldest frames over the frame cap and remaps row indices', () => {
    const s = new Session();
    s.budget = { maxFrames: 50, maxPreviewChars: 1e12 };
    s.ingest(0, 'd', 'a', wsStream(60));
    // 60 > 50: trimmed to 45 at once.
    expect(s.frames.count).toBe(45);
    expect(s.drops).toEqual([expect.objectContaining({ kind: 'panel-frames', count: 15, fromSeq: 2, toSeq: 16 })]);
    expect(s.frames.seq[0]).toBe(17);
    expect(s.frames.preview[0]).toBe('frame 15');
    const ch = s.channels[0];
    expect(ch.frames.length).toBe(45);
    expect(ch.frames.at(0)).toBe(0);
    expect(ch.frames.at(44)).toBe(44);
    // Counters are about what was seen, not what is held.
    expect(ch.framesIn).toBe(60);
    expect(filterRows(s, ch.frames, 'frame 59').rows.length).toBe(1);
  });

  it('does nothing under budget', () => {
    const s = new Session();
    s.ingest(0, 'd', 'a', wsStream(10));
    expect(enforceBudget(s, { maxFrames: 10, maxPreviewChars: 1000 })).toEqual({ previews: 0, frames: 0 });
    expect(s.drops).toEqual([]);
  });
});
