// Context: panel. The page DevTools inspects, as far as the panel may act on it directly: reload it
// (to capture connections opened before PushLens was installed). Absent in the standalone HAR
// viewer, which inspects no page.
export function canReloadInspectedPage(): boolean {
  return typeof chrome !== 'undefined' && !!chrome.devtools?.inspectedWindow?.reload;
}

export function reloadInspectedPage(): void {
  if (canReloadInspectedPage()) chrome.devtools.inspectedWindow.reload({});
}
