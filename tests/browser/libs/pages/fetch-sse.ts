// Context: page (test page). An app using @microsoft/fetch-event-source: a POST chat stream read
// to its end, a POST answered with 500 (the app's onopen rejects it and onerror stops retries),
// and an endless stream the app aborts after three events, then asks the server whether the
// connection really closed (a hook holding a tee branch open would keep it alive).
import { fetchEventSource, EventStreamContentType } from '@microsoft/fetch-event-source';
import { count, done, fail, log, run, sleep } from './log';

class Fatal extends Error {}

function stream(path: string, ctrl: AbortController, onEvent?: (n: number) => void): Promise<void> {
  let n = 0;
  return fetchEventSource(`${path}?run=${run}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'hi' }),
    signal: ctrl.signal,
    // Keep streaming if the headless tab is considered hidden: visibility is not under test.
    openWhenHidden: true,
    async onopen(res) {
      log(path, 'open', res.status, res.headers.get('content-type'));
      if (!res.ok || !res.headers.get('content-type')?.startsWith(EventStreamContentType)) throw new Fatal(`status ${res.status}`);
    },
    onmessage(ev) {
      count(path);
      log(path, 'message', { event: ev.event, id: ev.id, data: ev.data, retry: ev.retry ?? null });
      onEvent?.(++n);
    },
    onclose() {
      log(path, 'close');
    },
    onerror(err) {
      log(path, 'onerror', String(err));
      throw err; // no retry: the library would otherwise retry forever
    },
  });
}

(async () => {
  await stream('/sse/chat', new AbortController());
  await stream('/sse/fail', new AbortController()).then(
    () => log('/sse/fail', 'resolved'),
    (err: Error) => log('/sse/fail', 'rejected', err instanceof Fatal, err.message),
  );
  const ctrl = new AbortController();
  await stream('/sse/endless', ctrl, (n) => n === 3 && ctrl.abort());
  log('/sse/endless', 'aborted by app');
  let state = '';
  for (let i = 0; i < 40 && state !== 'closed by client'; i++) {
    await sleep(50);
    state = ((await (await fetch(`/sse/endless-status?run=${run}`)).json()) as { state: string }).state;
  }
  log('/sse/endless', 'server saw', state);
  done();
})().catch((err) => fail('fetch-sse', err));
