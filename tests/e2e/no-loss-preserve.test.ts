// Context: node (e2e test, real DevTools panel). With "preserve log" on (the default), reloading
// the page keeps the old page's channels and every one of their frames next to the new page's.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { startRig, wsFlood, panelReaches, sessionView, type NoLossRig } from './no-loss-helpers';

describe('preserve log across a reload', () => {
  let rig: NoLossRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('keeps the old session channels and frames', async () => {
    const h = await rig.openPanel();
    expect(await h.panel.evaluate(`document.querySelector('.toolbar input[type="checkbox"]').checked`)).toBe(true);
    expect(await wsFlood(rig.page, 1500, 'before-reload')).toBe(1500);
    expect((await panelReaches(h.panel, 'before-reload', 1500)).frames).toBe(1500);
    await rig.page.reload();
    expect(await wsFlood(rig.page, 700, 'after-reload')).toBe(700);
    expect((await panelReaches(h.panel, 'after-reload', 700)).frames).toBe(700);
    const old = await sessionView(h.panel, 'before-reload');
    expect(old.frames).toBe(1500);
    expect(old.channels.filter((u) => u.includes('reload'))).toHaveLength(2);
    expect(old.dropped).toBe(0);
  });
});
