// Context: node (unit tests). The UI store's named actions keep related fields consistent:
// changing channel from anywhere resets the selected and picked frames, picks never span
// channels, Clear and HAR import leave nothing selected (issue #14 item 2).
import { beforeEach, describe, expect, it } from 'vitest';
import { useUi } from '../../lib/store/ui-store';

const ui = () => useUi.getState();

describe('UI store actions', () => {
  beforeEach(() => {
    ui().captureCleared();
    ui().setPrefs({ recording: true });
  });

  it('changing channel (list, timeline, Learn link) resets the selected and picked frames', () => {
    ui().selectChannel(1);
    ui().selectFrame(10, 1);
    ui().togglePick(1, 10);
    ui().togglePick(1, 11);
    expect(ui().pickedFrames).toEqual([10, 11]);
    ui().selectChannel(2);
    expect(ui()).toMatchObject({ selectedChannel: 2, selectedFrame: null, pickedFrames: [], pickedChannel: null });
    ui().pickRange(2, [20, 21]);
    ui().setTab('learn');
    ui().showChannel(3);
    expect(ui()).toMatchObject({ tab: 'traffic', selectedChannel: 3, selectedFrame: null, pickedFrames: [] });
  });

  it('a pick in another channel starts a new pick list in that channel', () => {
    ui().selectChannel(1);
    ui().togglePick(1, 10);
    ui().togglePick(2, 20);
    expect(ui()).toMatchObject({ selectedChannel: 2, pickedChannel: 2, pickedFrames: [20] });
    ui().togglePick(2, 20);
    expect(ui().pickedFrames).toEqual([]);
  });

  it('a plain click clears picks; a keyboard move keeps them; a frame of another channel drops them', () => {
    ui().selectChannel(1);
    ui().pickRange(1, [1, 2, 3]);
    ui().selectFrame(2, 1, true);
    expect(ui().pickedFrames).toEqual([1, 2, 3]);
    ui().selectFrame(3, 1);
    expect(ui().pickedFrames).toEqual([]);
    ui().pickRange(1, [1, 2]);
    ui().selectFrame(9, 4, true);
    expect(ui()).toMatchObject({ selectedChannel: 4, selectedFrame: 9, pickedFrames: [] });
  });

  it('Clear and import leave nothing selected or picked; import stops recording', () => {
    ui().selectChannel(1);
    ui().pickRange(1, [1]);
    ui().setTimeBrush({ start: 1, end: 2 });
    ui().setTargetConnection('a:1');
    ui().captureCleared();
    expect(ui()).toMatchObject({ selectedChannel: null, selectedFrame: null, pickedFrames: [], timeBrush: null, targetConnection: null });
    ui().selectChannel(1);
    ui().pickRange(1, [1]);
    ui().imported();
    expect(ui()).toMatchObject({ selectedChannel: null, pickedFrames: [], recording: false });
  });

  it('setPrefs changes preferences only', () => {
    ui().selectChannel(5);
    ui().setPrefs({ locale: 'zh-CN', selectedChannel: 9 } as never);
    expect(ui()).toMatchObject({ locale: 'zh-CN', selectedChannel: 5 });
    ui().setPrefs({ locale: 'en' });
  });
});
