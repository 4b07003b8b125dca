import { it } from 'vitest';
import { launch } from '../harness/chromium';
import { startFixtureServer } from './fixtures-frames/server.mjs';
it('probe', async () => {
const server = await startFixtureServer();
const b = await launch({ devtools: !!process.env.PROBE_DEVTOOLS });
const page = b.context.pages()[0];
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(process.env.PROBE_URL ? server.url + process.env.PROBE_URL : `${server.url}/frames.html?other=${encodeURIComponent(server.otherUrl)}`);
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => JSON.stringify([(window as any).results, (window as any).cspWorker]).slice(0, 3000)));
await b.close(); await server.close();
}, 60000);
it('many sockets without extension', async () => {
  const { startFixtureServer } = await import('./fixtures-frames/server.mjs');
  const server = await startFixtureServer();
  for (const ext of [false, true]) {
    const b = await launch({ extension: ext });
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(server.url + '/hostile.html');
    const r = await page.evaluate(() => (window as any).hostile.manySockets(2000));
    console.log('ext', ext, JSON.stringify(r));
    await b.close();
  }
  await server.close();
}, 120000);
