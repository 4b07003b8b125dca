// Context: panel. Remembered layout preferences (pane sizes) in the panel's localStorage: the
// channel list's width beside the frames, and its height when the panes are stacked (narrow panel).
const LIST_WIDTH_KEY = 'pushlens.listWidth';
const LIST_HEIGHT_KEY = 'pushlens.listHeight';
export const MIN_LIST_WIDTH = 200;
export const MIN_LIST_HEIGHT = 60;

function restore(key: string, min: number): number | undefined {
  const v = Number(localStorage.getItem(key));
  return Number.isFinite(v) && v >= min ? v : undefined;
}

export function restoreListWidth(): number | undefined {
  return restore(LIST_WIDTH_KEY, MIN_LIST_WIDTH);
}

export function saveListWidth(width: number): void {
  localStorage.setItem(LIST_WIDTH_KEY, String(Math.round(width)));
}

export function restoreListHeight(): number | undefined {
  return restore(LIST_HEIGHT_KEY, MIN_LIST_HEIGHT);
}

export function saveListHeight(height: number): void {
  localStorage.setItem(LIST_HEIGHT_KEY, String(Math.round(height)));
}
