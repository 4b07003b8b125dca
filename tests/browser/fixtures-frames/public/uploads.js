// Fixture (page script): window.uploads.run(plan) uploads fresh Uint8Array bodies and keeps only
// a WeakRef to each (or, with plan.text, fresh strings, which only the JS heap size can follow:
// an ArrayBuffer's bytes are not counted in it); window.uploads.alive() says how many of each
// group are still reachable. The
// page itself keeps a strong reference to one body ("kept"): the positive control that a body
// someone holds is reported alive.
const refs = [];
let kept;
const body = (size, fill) => new Uint8Array(size).fill(fill & 0xff);
const xhr = (url, b, wait) =>
  new Promise((resolve) => {
    const x = new XMLHttpRequest();
    x.open('POST', url);
    x.onloadend = resolve;
    x.send(b);
    if (!wait) resolve();
  });
window.uploads = {
  async run({ group, api, count, size, url, wait, text }) {
    for (let i = 0; i < count; i++) {
      const b = text ? `${i}:${'x'.repeat(size - 8)}`.padEnd(size, '.') : body(size, i);
      if (!text) refs.push({ group, ref: new WeakRef(b) });
      if (api === 'fetch') {
        const p = fetch(url, { method: 'POST', body: b, headers: { 'content-type': 'application/octet-stream' } });
        if (wait) await (await p).text();
        else p.catch(() => {});
      } else await xhr(url, b, wait);
    }
  },
  keep(size) {
    kept = body(size, 1);
    refs.push({ group: 'kept', ref: new WeakRef(kept) });
  },
  alive() {
    const out = {};
    for (const { group, ref } of refs) {
      out[group] ??= { alive: 0, total: 0, firstAlive: -1 };
      const g = out[group];
      if (ref.deref() !== undefined) {
        if (g.firstAlive < 0) g.firstAlive = g.total;
        g.alive++;
      }
      g.total++;
    }
    return out;
  },
};
