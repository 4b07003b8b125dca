import { it } from 'vitest';
import { launch } from '../harness/chromium';
import { startFixtureServer } from './fixtures-frames/server.mjs';
it('probe', async () => {
const server = await startFixtureServer();
const b = await launch({ devtools: false });
const page = b.context.pages()[0];
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(process.env.PROBE_URL ? server.url + process.env.PROBE_URL : `${server.url}/frames.html?other=${encodeURIComponent(server.otherUrl)}`);
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => JSON.stringify((window as any).results)));
await b.close(); await server.close();
}, 60000);
