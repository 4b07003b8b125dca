// Context: node (e2e test, real DevTools panel). A small in-page buffer (a stored setting that
// agents get at document_start) overflows before the panel opens: the panel shows exactly how
// many records were dropped and where, and the still-open connection stays visible with the
// frames the buffer kept (its opening records are pinned, so they are not counted as dropped).
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startRig, wsFlood, sessionView, type NoLossRig } from './no-loss-helpers';
import { waitFor } from '../harness/cdp';

const BUFFER = 300;
const N = 2000;

describe('in-page buffer cap', () => {
  let rig: NoLossRig;
  beforeAll(async () => {
    rig = await startRig({ bufferRecords: BUFFER });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('reports exactly the evicted records in dropped-count and as a drop notice', async () => {
    // Records: ws-create, ws-open, the "go" frame out, N frames in.
    expect(await wsFlood(rig.page, N, 'capped')).toBe(N);
    const produced = N + 3;
    const pinned = 2; // ws-create and ws-open of the socket, still open
    const evicted = produced - BUFFER - pinned;
    const h = await rig.openPanel();
    const shown = await waitFor(
      () => h.panel.evaluate<string | null>(`document.querySelector('[data-testid="dropped-count"]')?.textContent ?? null`),
      'the dropped count in the toolbar',
    );
    expect(Number(/\d[\d,]*/.exec(shown)![0].replace(/,/g, ''))).toBe(evicted);
    const view = await sessionView(h.panel, 'capped');
    expect(view.dropped).toBe(evicted);
    // Where: seq 1-2 pinned, 3..(produced - BUFFER) gone, before the first row the panel holds.
    expect(view.drops).toEqual([expect.objectContaining({ fromSeq: 3, toSeq: produced - BUFFER, atRow: 0 })]);
    // Every record still in the ring arrived: the BUFFER newest, all of them frames.
    expect(view.frames).toBe(BUFFER);
  });
});
