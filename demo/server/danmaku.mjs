// Context: node (demo server). Scenario "danmaku / bullet comments" (弹幕功能) on WebSocket /ws/danmaku.
// Comments arrive in bursts (like a crowd reacting to a video moment) so the panel's timeline shows
// dense clusters; a binary stats frame every few seconds makes sure binary frames exist too.

import { WebSocketServer } from 'ws';
import { attachChaos } from './ws-chaos.mjs';
import { randInt } from './timing.mjs';

const COMMENTS = ['666', '哈哈哈哈', '前方高能!', '打卡', 'awesome', 'LOL', '来了来了', 'first!', '好耶', 'wow', '🔥🔥🔥', 'GG'];
const COLORS = ['#ffffff', '#ffd400', '#00d1ff', '#ff6b6b', '#7CFC00', '#ff9ff3'];
const TEXT_CAP = 200;

/** @param {import('./context.mjs').DemoContext} ctx */
export function createDanmaku(ctx) {
  const wss = new WebSocketServer({ noServer: true });
  let sent = 0;

  /** @param {string | Buffer} data */
  const broadcast = (data) => {
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(data);
  };

  /** @param {string} text @param {string} color @param {string} from */
  const comment = (text, color, from) => {
    sent++;
    broadcast(JSON.stringify({ type: 'danmaku', text, color, from, ts: Date.now() }));
  };

  // Burst loop: n comments spaced danmakuGapMs, then a pause.
  const burst = () => {
    let left = randInt(ctx.timing.danmakuBurstMin, ctx.timing.danmakuBurstMax);
    const next = () => {
      if (wss.clients.size > 0) comment(COMMENTS[randInt(0, COMMENTS.length - 1)], COLORS[randInt(0, COLORS.length - 1)], 'crowd');
      if (--left > 0) ctx.sched.timeout(next, ctx.timing.danmakuGapMs);
      else ctx.sched.timeout(burst, ctx.timing.danmakuPauseMs);
    };
    next();
  };
  burst();

  // 8-byte binary frame: uint32 BE viewers, uint32 BE comments sent so far.
  ctx.sched.interval(() => {
    if (wss.clients.size === 0) return;
    const buf = Buffer.alloc(8);
    buf.writeUInt32BE(1000 + randInt(0, 4000), 0);
    buf.writeUInt32BE(sent >>> 0, 4);
    broadcast(buf);
  }, ctx.timing.danmakuBinaryMs);

  /** @param {import('ws').WebSocket} ws */
  const onConnection = (ws) => {
    ctx.stats.wsConnections++;
    ctx.stats.wsConnectionsTotal++;
    ws.on('close', () => ctx.stats.wsConnections--);
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
      ctx.stats.danmakuReceived++;
      if (isBinary) return; // nothing sensible to show for a binary bullet comment
      const raw = (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(/** @type {any} */ (data))).toString('utf8');
      let text = raw;
      let color = '#ffffff';
      try {
        const parsed = JSON.parse(raw);
        if (parsed && typeof parsed.text === 'string') text = parsed.text;
        if (parsed && typeof parsed.color === 'string' && /^#[0-9a-f]{6}$/i.test(parsed.color)) color = parsed.color;
      } catch {
        /* plain text comment */
      }
      comment(text.slice(0, TEXT_CAP), color, 'viewer');
    });
    attachChaos(ctx, ws);
  };

  return {
    /**
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:stream').Duplex} socket
     * @param {Buffer} head
     */
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws));
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
