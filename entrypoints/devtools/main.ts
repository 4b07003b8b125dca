// Context: DevTools page (extension). Registers the PushLens panel in DevTools.
chrome.devtools.panels.create('PushLens', '/icon/32.png', '/devtools-panel.html');
