// Context: page (probe). Shared helpers for the equivalence probes: describe any value as a
// comparable JSON string, capture thrown errors, and register probe groups the node test runs one
// by one with `window.__probes.run(name)`. Loaded by /probe.html; it loads the group scripts.
(() => {
  const nativeFnToString = Function.prototype.toString;
  const objToString = Object.prototype.toString;
  const groups = {};

  /** Normalises what changes between runs (server port, ids) so both browsers compare equal. */
  // Both browsers share one server: keys carry a per-browser run id, replaced by RUN here.
  const norm = (s) => {
    let out = String(s).replaceAll(location.origin, 'ORIGIN').replaceAll(location.host, 'HOST');
    return window.__probes && window.__probes.runId ? out.replaceAll(window.__probes.runId, 'RUN') : out;
  };

  function fnText(f) {
    try {
      return norm(nativeFnToString.call(f));
    } catch (e) {
      return 'toString threw ' + e.name;
    }
  }

  function describe(v) {
    if (v === undefined) return 'undefined';
    if (v === null) return 'null';
    switch (typeof v) {
      case 'number':
        return Object.is(v, -0) ? 'n:-0' : 'n:' + v;
      case 'string':
        return 's:' + norm(v);
      case 'boolean':
        return 'b:' + v;
      case 'symbol':
        return 'sym:' + v.description;
      case 'bigint':
        return 'big:' + v;
      case 'function':
        return 'fn:' + fnText(v);
      default:
        return 'obj:' + objToString.call(v);
    }
  }

  /** Frames of an error's stack, with page URLs and positions stripped: extension frames stand out. */
  function stackShape(e) {
    const stack = e && typeof e.stack === 'string' ? e.stack : '';
    return stack
      .split('\n')
      .slice(1)
      .map((l) =>
        norm(l)
          .replace(/:\d+:\d+\)?$/, '')
          .trim(),
      );
  }

  function outcome(fn) {
    try {
      return { ok: describe(fn()) };
    } catch (e) {
      return errorShape(e);
    }
  }

  function errorShape(e) {
    if (!e || typeof e !== 'object') return { threw: describe(e) };
    return {
      threw: e.name,
      message: norm(e.message),
      ctor: e.constructor && e.constructor.name,
      isDOMException: e instanceof DOMException,
      code: e.code,
      proto: objToString.call(e),
      stack: stackShape(e),
    };
  }

  async function settle(promiseFn) {
    try {
      return { ok: describe(await promiseFn()) };
    } catch (e) {
      return errorShape(e);
    }
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  async function until(cond, ms = 5000) {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) return false;
      await sleep(10);
    }
    return true;
  }
  const observed = async (key) => await (await window.__probes.nativeFetch.call(window, '/observed?key=' + encodeURIComponent(key))).json();

  window.__probes = {
    describe,
    fnText,
    outcome,
    settle,
    errorShape,
    stackShape,
    norm,
    sleep,
    until,
    observed,
    // Probes that read the server's observations should not count as probe traffic.
    nativeFetch: window.fetch,
    wsOrigin: location.origin.replace('http', 'ws'),
    define(name, fn) {
      groups[name] = fn;
    },
    names: () => Object.keys(groups),
    /** Runs a group: each probe group returns a flat { path: comparable JSON value } object. */
    runId: '',
    /** A key for the server's observations, unique per browser run, normalised to RUN. */
    key: (label) => `${window.__probes.runId}-${label}`,
    async run(name, runId) {
      window.__probes.runId = runId;
      const out = {};
      const rec = (path, value) => {
        out[path] = JSON.parse(JSON.stringify(value === undefined ? 'undefined' : value));
      };
      try {
        await groups[name](rec);
      } catch (e) {
        rec('group threw', errorShape(e));
      }
      return out;
    },
  };

  for (const g of ['surface', 'websocket', 'eventsource', 'fetch', 'xhr', 'events']) {
    document.write(`<script src="/page/${g}.js"><\/script>`);
  }
})();
