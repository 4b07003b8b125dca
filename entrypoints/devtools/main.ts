// Context: DevTools page (extension). Registers the PushLens panel in DevTools.
chrome.devtools.panels.create('PushLens', '', '/devtools-panel.html');
