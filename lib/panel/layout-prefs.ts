// Context: panel. Remembered layout preferences (pane sizes) in the panel's localStorage.
const LIST_WIDTH_KEY = 'pushlens.listWidth';
export const MIN_LIST_WIDTH = 200;

export function restoreListWidth(): number | undefined {
  const v = Number(localStorage.getItem(LIST_WIDTH_KEY));
  return Number.isFinite(v) && v >= MIN_LIST_WIDTH ? v : undefined;
}

export function saveListWidth(width: number): void {
  localStorage.setItem(LIST_WIDTH_KEY, String(Math.round(width)));
}
