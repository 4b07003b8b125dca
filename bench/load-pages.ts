// Context: node (bench), served to the browser. Pages for the page-load rows (issue #15 item 2):
// what every page pays for PushLens starting in each frame at document_start, panel or not.

/** A small frame document: the cost measured is the agent's start-up, not the frame's content. */
export const FRAME_PAGE = `<!doctype html><meta charset="utf-8"><title>f</title><p>frame</p>`;

/**
 * 50 iframes, half same-origin and half cross-origin (`otherOrigin`, another loopback host, so
 * Chromium's site isolation gives them their own renderer as real third-party frames get).
 * Interleaved so neither half loads first.
 */
export function iframesPage(otherOrigin: string, n = 50): string {
  const frames: string[] = [];
  for (let i = 0; i < n; i++) {
    const src = i % 2 ? `${otherOrigin}/frame.html?i=${i}` : `/frame.html?i=${i}`;
    frames.push(`<iframe src="${src}" width="40" height="30"></iframe>`);
  }
  return `<!doctype html><meta charset="utf-8"><title>50 iframes</title><body>${frames.join('')}</body>`;
}

/**
 * `n` about:blank iframes inserted by script while the page parses (ad and widget code does
 * this). `__settled` is performance.now() once all are inserted, each fired load, and a timer
 * plus an animation frame have passed: the agents in them (match_about_blank) have run by then.
 */
export function blankFramesPage(n = 200): string {
  return `<!doctype html><meta charset="utf-8"><title>${n} about:blank iframes</title><body><script>
(() => {
  let loaded = 0;
  const settle = () => setTimeout(() => requestAnimationFrame(() => { window.__settled = performance.now(); }), 0);
  for (let i = 0; i < ${n}; i++) {
    const f = document.createElement('iframe');
    f.width = 20; f.height = 10;
    f.onload = () => { if (++loaded === ${n}) settle(); };
    document.body.appendChild(f);
    // Touch the frame's window as widget code does (it writes into the blank document).
    f.contentWindow.document.body && f.contentWindow.document.body.appendChild(document.createTextNode('b'));
  }
})();
</script></body>`;
}
