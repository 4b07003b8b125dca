// Context: page (probe). XMLHttpRequest as the page sees it: every responseType, readyState and
// progress sequences, timeout, abort, errors, sync requests, response headers and upload events.
(() => {
  const { describe, outcome, define, until, sleep, norm } = window.__probes;

  function run(method, url, setup = () => {}, body = null) {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      const log = [];
      const snap = (tag, e) => {
        const s = [tag, xhr.readyState, xhr.status];
        if (e && 'loaded' in e)
          s.push({ loaded: e.loaded > 0, total: e.total, lc: e.lengthComputable, trusted: e.isTrusted, ctor: e.constructor.name });
        log.push(s);
      };
      xhr.onreadystatechange = (e) => snap('rsc', e);
      for (const t of ['loadstart', 'load', 'loadend', 'error', 'abort', 'timeout']) xhr.addEventListener(t, (e) => snap(t, e));
      xhr.onprogress = (e) => snap('progress', e);
      xhr.upload.onloadstart = (e) => snap('upload loadstart', e);
      xhr.upload.onload = (e) => snap('upload load', e);
      xhr.upload.onloadend = (e) => {
        snap('upload loadend', e);
      };
      xhr.open(method, url);
      setup(xhr);
      xhr.addEventListener('loadend', () => {
        // Progress events fire per network read; their count can vary run to run, so the log keeps
        // one entry for a run of them.
        const squashed = log.filter(
          (l, i) =>
            !(l[0] === 'progress' && log[i - 1] && log[i - 1][0] === 'progress') &&
            !(l[0] === 'rsc' && l[1] === 3 && log[i - 1] && log[i - 1][0] === 'rsc' && log[i - 1][1] === 3),
        );
        resolve({ xhr, log: squashed.filter((l) => !(l[0] === 'progress' && false)) });
      });
      try {
        xhr.send(body);
      } catch (e) {
        resolve({ xhr, log, threw: e.name + ': ' + e.message });
      }
    });
  }

  async function responseFacts(xhr) {
    const r = xhr.response;
    let value;
    if (r instanceof ArrayBuffer) value = { bytes: r.byteLength, first: new Uint8Array(r).slice(0, 4).join() };
    else if (r instanceof Blob) value = { blob: r.size, type: r.type, text: (await r.text()).slice(0, 20) };
    else if (r instanceof Document) value = { doc: r.querySelector('#x') && r.querySelector('#x').textContent, ctor: r.constructor.name };
    else value = describe(typeof r === 'object' && r !== null ? JSON.stringify(r) : r);
    return {
      status: xhr.status,
      statusText: xhr.statusText,
      responseURL: norm(xhr.responseURL),
      responseType: xhr.responseType,
      responseText: outcome(() => xhr.responseText),
      responseXML: outcome(() => xhr.responseXML && xhr.responseXML.constructor.name),
      value,
      sameResponse: xhr.response === xhr.response,
      headers: xhr
        .getAllResponseHeaders()
        .replace(/date: [^\r\n]*\r\n/i, '')
        .replace(/keep-alive: [^\r\n]*\r\n/i, ''),
      contentType: xhr.getResponseHeader('Content-Type'),
      missing: xhr.getResponseHeader('x-missing'),
    };
  }

  define('xhr', async (rec) => {
    for (const type of ['', 'text', 'json', 'arraybuffer', 'blob', 'document']) {
      for (const path of ['/json', '/xml', '/bytes?n=100']) {
        const { xhr, log } = await run('GET', path, (x) => (x.responseType = type));
        rec(`xhr ${type || "''"} ${path}`, { log, facts: await responseFacts(xhr) });
      }
    }
    for (const [label, method, path, setup, body] of [
      ['404', 'GET', '/status?code=404'],
      ['redirect', 'GET', '/redirect?to=/text'],
      ['204', 'GET', '/empty'],
      ['post', 'POST', '/text', (x) => x.setRequestHeader('content-type', 'text/plain'), 'payload'],
      ['post blob', 'POST', '/text', undefined, new Blob(['abc'])],
      ['refused', 'GET', 'http://127.0.0.1:1/'],
      ['cors fail', 'GET', location.origin.replace('127.0.0.1', 'localhost') + '/text'],
      ['timeout', 'GET', '/slow?ms=1500', (x) => (x.timeout = 200)],
      ['streamed', 'GET', '/chunks?n=4&gap=80'],
      ['event-stream', 'GET', '/chunks?n=3&gap=80&type=text/event-stream'],
      ['overrideMimeType', 'GET', '/bytes?n=10', (x) => x.overrideMimeType('text/plain; charset=x-user-defined')],
      ['withCredentials', 'GET', '/text', (x) => (x.withCredentials = true)],
    ]) {
      const { xhr, log, threw } = await run(method, path, setup, body);
      rec('xhr ' + label, { log, threw, facts: await responseFacts(xhr) });
    }
    {
      const xhr = new XMLHttpRequest();
      const log = [];
      xhr.onreadystatechange = () => log.push(['rsc', xhr.readyState]);
      xhr.onabort = () => log.push(['abort', xhr.readyState, xhr.status]);
      xhr.onloadend = () => log.push(['loadend', xhr.readyState]);
      xhr.open('GET', '/slow?ms=800');
      xhr.send();
      await sleep(50);
      xhr.abort();
      log.push(['after abort', xhr.readyState, xhr.status, xhr.responseText]);
      rec('xhr abort', log);
      rec(
        'xhr reuse after abort',
        outcome(() => (xhr.open('GET', '/text'), xhr.readyState)),
      );
    }
    {
      // Aborting an unsent or finished request.
      const x = new XMLHttpRequest();
      rec(
        'abort unsent',
        outcome(() => (x.abort(), x.readyState)),
      );
    }
    {
      const xhr = new XMLHttpRequest();
      const log = [];
      xhr.onreadystatechange = () => log.push(xhr.readyState);
      xhr.onload = () => log.push('load');
      xhr.open('GET', '/json', false);
      rec(
        'sync responseType set',
        outcome(() => (xhr.responseType = 'json')),
      );
      xhr.send();
      log.push('after send');
      rec('xhr sync', { log, status: xhr.status, text: xhr.responseText, headers: xhr.getResponseHeader('content-type') });
      const bad = new XMLHttpRequest();
      bad.open('GET', 'http://127.0.0.1:1/', false);
      rec(
        'xhr sync refused',
        outcome(() => bad.send()),
      );
      const t = new XMLHttpRequest();
      t.open('GET', '/text', false);
      rec(
        'xhr sync timeout set',
        outcome(() => (t.timeout = 10)),
      );
    }
    {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', '/text');
      xhr.send();
      rec(
        'xhr double send',
        outcome(() => xhr.send()),
      );
      rec(
        'xhr responseType after send',
        outcome(() => (xhr.responseType = 'json')),
      );
      await until(() => xhr.readyState === 4);
      rec(
        'xhr rsc via addEventListener handleEvent',
        await new Promise((resolve) => {
          const x = new XMLHttpRequest();
          const seen = [];
          x.addEventListener('readystatechange', { handleEvent: () => seen.push(x.readyState) });
          x.addEventListener('load', () => seen.push('load'), { once: true });
          x.onloadend = () => resolve(seen);
          x.open('GET', '/text');
          x.send();
        }),
      );
    }
  });
})();
