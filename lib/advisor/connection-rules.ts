// Context: pure (panel + model), no browser APIs.
// Findings about a channel's connection attempts: reconnect pacing, WebSocket close codes and
// handshakes, EventSource statuses, and whether an SSE stream resumes where it stopped. These are
// the facts the browser's own Network panel does not connect across reconnects.

import type { Localized } from '../i18n/locale';
import { localize } from '../i18n/locale';
import { median } from '../model/stats';
import type { ReconnectChain } from '../model/reconnect-chain';
import type { ConnectionAttempt } from '../model/types';
import { timeoutMatching } from './proxy-timeouts';
import type { AdvisorFrame, AdvisorInput, Draft, Fmt, Severity } from './types';

/** One 1006 can be a laptop lid; two in one session is a pattern worth a look. */
const ABNORMAL_MIN_COUNT = 2;
/** Coming back faster than this after "try again later" or a crash ignores the hint. */
const FAST_RETRY_MS = 1000;
/** A fixed reconnect delay shorter than this, on WebSocket, herds every client back at once. */
const SHORT_FIXED_DELAY_MS = 1000;

export function reconnectFindings(input: AdvisorInput, chain: ReconnectChain): Draft[] {
  if (chain.reconnectCount < 1) return [];
  const delays = chain.attempts.map((a) => a.reconnectDelayMs).filter((d): d is number => d !== undefined);
  const reconnects = chain.reconnectCount;
  const medianDelayMs = delays.length > 0 ? Math.round(median(delays)) : 0;
  const first = chain.attempts[0];
  const last = chain.attempts[chain.attempts.length - 1];
  const spanMs = first && last ? Math.max(0, last.createdAt - first.createdAt) : 0;
  const b = chain.backoff;

  if (chain.storm) {
    return [
      {
        id: 'reconnect-storm',
        severity: 'error',
        technique: input.kind === 'sse' ? 'sse' : 'ws',
        numbers: { reconnects, spanMs, medianDelayMs },
        title: {
          en: (f) => `Reconnect storm: ${f.num(reconnects)} reconnects in ${f.duration(spanMs)}`,
          'zh-CN': (f) => `重连风暴：${f.duration(spanMs)}内重连了 ${f.num(reconnects)} 次`,
        },
        detail: {
          en: (f) =>
            `The client comes back after a median ${f.duration(medianDelayMs)} and the delay does not grow. A server that is down or overloaded gets hammered by every open page at once, which keeps it down. Back off exponentially (for example 1 s, 2 s, 4 s… up to 30 s) with random jitter, and stop retrying on errors that will not go away (auth failures).`,
          'zh-CN': (f) =>
            `客户端每次断开后中位数仅等 ${f.duration(medianDelayMs)}就重连，而且等待时间不增长。服务器一旦宕机或过载，所有打开的页面会同时猛烈重连，让它更难恢复。应使用指数退避（例如 1 秒、2 秒、4 秒……最多 30 秒）并加入随机抖动；遇到不会自行消失的错误（如认证失败）则停止重试。`,
        },
      },
    ];
  }

  if (b.pattern === 'none') {
    return [
      {
        id: 'reconnect-immediate',
        severity: 'warn',
        technique: input.kind === 'sse' ? 'sse' : 'ws',
        numbers: { reconnects, medianDelayMs },
        title: {
          en: (f) => `Reconnects at once (${f.duration(medianDelayMs)} after each drop)`,
          'zh-CN': (f) => `断开后立即重连（间隔仅 ${f.duration(medianDelayMs)}）`,
        },
        detail: {
          en: (f) =>
            `${f.num(reconnects)} reconnects, none of them waited. Not a storm yet, but if the server keeps refusing, this client will retry as fast as it can. Wait before reconnecting and grow the wait on each failure.`,
          'zh-CN': (f) =>
            `${f.num(reconnects)} 次重连都没有任何等待。目前还算不上风暴，但如果服务器一直拒绝，这个客户端会以最快速度反复重试。重连前应先等待，并在每次失败后延长等待时间。`,
        },
      },
    ];
  }

  if (b.pattern === 'unknown' || reconnects < 2) return [];
  const baseMs = b.baseMs ?? medianDelayMs;
  const numbers: Record<string, number> = { reconnects, baseMs };
  if (b.factor !== undefined) numbers.factor = b.factor;
  if (b.stepMs !== undefined) numbers.stepMs = b.stepMs;
  if (b.capMs !== undefined) numbers.capMs = b.capMs;
  const capMs = b.capMs;
  const jitter = b.jitter;
  const capEn = (f: Fmt): string => (capMs !== undefined ? `, capped at ${f.duration(capMs)}` : '');
  const capZh = (f: Fmt): string => (capMs !== undefined ? `，上限 ${f.duration(capMs)}` : '');
  const jitEn = jitter ? ', randomised' : '';
  const jitZh = jitter ? '，带随机抖动' : '';

  if (b.pattern === 'exponential' || b.pattern === 'linear') {
    const factor = b.factor ?? 1;
    const stepMs = b.stepMs ?? 0;
    const exp = b.pattern === 'exponential';
    return [
      {
        id: 'reconnect-backoff',
        severity: 'info',
        technique: input.kind === 'sse' ? 'sse' : 'ws',
        numbers,
        title: {
          en: (f) =>
            exp
              ? `Reconnects back off exponentially: ×${f.num(factor, 2)} from ${f.duration(baseMs)}${capEn(f)}${jitEn}`
              : `Reconnect delay grows by ${f.duration(stepMs)} each time from ${f.duration(baseMs)}${capEn(f)}${jitEn}`,
          'zh-CN': (f) =>
            exp
              ? `重连采用指数退避：从 ${f.duration(baseMs)}开始每次 ×${f.num(factor, 2)}${capZh(f)}${jitZh}`
              : `重连采用线性退避：从 ${f.duration(baseMs)}开始每次增加 ${f.duration(stepMs)}${capZh(f)}${jitZh}`,
        },
        detail: {
          en: (f) =>
            `Seen over ${f.num(reconnects)} reconnects. Growing delays give a struggling server room to recover.` +
            (jitter ? '' : ' Adding random jitter would also keep many clients from returning in lockstep.'),
          'zh-CN': (f) =>
            `依据 ${f.num(reconnects)} 次重连得出。逐渐拉长的等待给了吃力的服务器恢复的余地。` +
            (jitter ? '' : '再加上随机抖动，还能避免大量客户端步调一致地同时回连。'),
        },
      },
    ];
  }

  // Fixed delay.
  const sse = input.kind === 'sse';
  const severity: Severity = !sse && baseMs < SHORT_FIXED_DELAY_MS ? 'warn' : 'info';
  return [
    {
      id: 'reconnect-backoff',
      severity,
      technique: sse ? 'sse' : 'ws',
      ...(sse ? { sseRule: 'retry-field' as const } : {}),
      numbers,
      title: {
        en: (f) => `Reconnects after a fixed ${f.duration(baseMs)}${jitEn}`,
        'zh-CN': (f) => `断开后固定等待 ${f.duration(baseMs)}再重连${jitZh}`,
      },
      detail: {
        en: (f) =>
          sse
            ? `Seen over ${f.num(reconnects)} reconnects. That is EventSource's own retry timer; the server can change it with a "retry:" line, or answer 204 to make the client stop.`
            : `Seen over ${f.num(reconnects)} reconnects. Fine for one client, but when a server goes down every client comes back on the same beat. Exponential backoff with jitter spreads them out.`,
        'zh-CN': (f) =>
          sse
            ? `依据 ${f.num(reconnects)} 次重连得出。这是 EventSource 自带的重连计时；服务器可以用 “retry:” 行调整它，或者返回 204 让客户端停止重连。`
            : `依据 ${f.num(reconnects)} 次重连得出。单个客户端这样没问题，但服务器一旦宕机，所有客户端会按同样的节奏一起回连。使用带随机抖动的指数退避可以把它们错开。`,
      },
    },
  ];
}

interface CloseRule {
  id: string;
  severity: Severity;
  name: string;
  /** Whether reconnecting may help; if so, the text checks how fast the client came back. */
  retryable: boolean;
  what: Localized;
  advice: Localized;
}

// Codes whose meaning calls for an action. 1000/1001 are normal endings; 1006 has its own rule.
const CLOSE_RULES: Record<number, CloseRule> = {
  1008: {
    id: 'ws-close-1008',
    severity: 'error',
    name: 'Policy Violation',
    retryable: false,
    what: {
      en: 'the server rejected something the client sent or who it is; servers often use 1008 for failed authentication',
      'zh-CN': '服务器拒绝了客户端发送的内容或它的身份；服务器常用 1008 表示认证失败',
    },
    advice: {
      en: 'Fix the credentials or the message before reconnecting; the same attempt will be closed the same way.',
      'zh-CN': '先修正凭据或消息再重连；原样重连只会被同样地关闭。',
    },
  },
  1009: {
    id: 'ws-close-1009',
    severity: 'error',
    name: 'Message Too Big',
    retryable: false,
    what: {
      en: 'a message was larger than the receiver accepts',
      'zh-CN': '有消息超过了接收方允许的大小',
    },
    advice: {
      en: 'Split large payloads into smaller messages or raise the server limit; resending the same message fails again.',
      'zh-CN': '把大数据拆成更小的消息，或调高服务器的限制；重发同一条消息还会失败。',
    },
  },
  1011: {
    id: 'ws-close-1011',
    severity: 'warn',
    name: 'Internal Error',
    retryable: true,
    what: {
      en: 'the server hit an unexpected error',
      'zh-CN': '服务器遇到了意外错误',
    },
    advice: {
      en: 'Check the server logs. Reconnecting is reasonable, with backoff, since the next attempt may reach a healthy process.',
      'zh-CN': '请查看服务器日志。可以重连，但要带退避，下一次连接也许会落到正常的进程上。',
    },
  },
  1012: {
    id: 'ws-close-1012',
    severity: 'info',
    name: 'Service Restart',
    retryable: true,
    what: {
      en: 'the service was restarting',
      'zh-CN': '服务正在重启',
    },
    advice: {
      en: 'Reconnect after a random delay of a few seconds so clients spread out over the restart.',
      'zh-CN': '应在几秒的随机延迟后重连，让客户端在重启期间分散回连。',
    },
  },
  1013: {
    id: 'ws-close-1013',
    severity: 'warn',
    name: 'Try Again Later',
    retryable: true,
    what: {
      en: 'the server is overloaded and is shedding connections',
      'zh-CN': '服务器过载，正在主动断开部分连接',
    },
    advice: {
      en: 'Back off exponentially with jitter; coming straight back defeats the point.',
      'zh-CN': '应使用带随机抖动的指数退避；立刻回连就失去了意义。',
    },
  },
  1014: {
    id: 'ws-close-1014',
    severity: 'warn',
    name: 'Bad Gateway',
    retryable: true,
    what: {
      en: 'a gateway in front of the server got a bad answer from upstream',
      'zh-CN': '服务器前面的网关从上游收到了无效响应',
    },
    advice: {
      en: 'Check the upstream service; reconnect with backoff.',
      'zh-CN': '请检查上游服务；带退避地重连。',
    },
  },
};

export function closeCodeFindings(input: AdvisorInput, chain: ReconnectChain): Draft[] {
  if (input.kind !== 'ws') return [];
  const out: Draft[] = [];
  const attempts = chain.attempts;
  const total = attempts.length;

  // Handshake refused: the server answered something other than 101.
  const refused = attempts.filter((a) => a.cause.httpStatus !== undefined && a.cause.httpStatus !== 101);
  const lastRefused = refused[refused.length - 1];
  if (lastRefused) {
    const statusCode = lastRefused.cause.httpStatus as number;
    const count = refused.length;
    out.push({
      id: 'ws-handshake-status',
      severity: 'error',
      technique: 'ws',
      statusCode,
      numbers: { count, statusCode },
      title: {
        en: (f) => `WebSocket handshake answered ${statusCode} instead of 101${count > 1 ? ` (${f.num(count)} times)` : ''}`,
        'zh-CN': (f) => `WebSocket 握手得到 ${statusCode} 而不是 101${count > 1 ? `（${f.num(count)} 次）` : ''}`,
      },
      detail: {
        en: () =>
          `The server (or a proxy) refused the upgrade, so no connection was made; the page only sees an error and a 1006 close, never this status. ${statusCode === 401 || statusCode === 403 ? 'Check the credentials or the Origin the server accepts. ' : statusCode === 404 ? 'Check the URL path. ' : statusCode >= 500 ? 'The server or a proxy in front of it failed; retry with backoff. ' : ''}Reconnecting unchanged will meet the same answer.`,
        'zh-CN': () =>
          `服务器（或代理）拒绝了协议升级，连接没有建立；页面只能看到一个 error 事件和 1006 关闭，看不到这个状态码。${statusCode === 401 || statusCode === 403 ? '请检查凭据或服务器允许的 Origin。' : statusCode === 404 ? '请检查 URL 路径。' : statusCode >= 500 ? '服务器或其前面的代理出错了，应带退避地重试。' : ''}不做任何改动就重连，只会得到同样的答复。`,
      },
    });
  }

  // Repeated abnormal closes (no closing handshake).
  const abnormal = attempts.filter((a) => a.cause.closeCode === 1006 && !(a.cause.httpStatus !== undefined && a.cause.httpStatus !== 101));
  if (abnormal.length >= ABNORMAL_MIN_COUNT) {
    const lifetimes = abnormal
      .filter((a) => a.openedAt !== undefined && a.closedAt !== undefined)
      .map((a) => (a.closedAt as number) - (a.openedAt as number));
    const lifetimeMs = lifetimes.length > 0 ? Math.round(median(lifetimes)) : undefined;
    const matched = lifetimeMs !== undefined ? timeoutMatching(lifetimeMs) : null;
    const count = abnormal.length;
    const numbers: Record<string, number> = { count, attempts: total };
    if (lifetimeMs !== undefined) numbers.medianLifetimeMs = lifetimeMs;
    if (matched) numbers.timeoutMs = matched.ms;
    out.push({
      id: 'ws-abnormal-close',
      severity: 'warn',
      technique: 'ws',
      closeCode: 1006,
      numbers,
      title: {
        en: (f) => `${f.num(count)} of ${f.num(total)} connections ended abnormally (1006)`,
        'zh-CN': (f) => `${f.num(total)} 次连接中有 ${f.num(count)} 次异常断开（1006）`,
      },
      detail: {
        en: (f) =>
          'The connection vanished without a closing handshake: network loss, a proxy or load balancer cutting it, or the server process dying. ' +
          (lifetimeMs !== undefined ? `Connections lasted a median ${f.duration(lifetimeMs)}. ` : '') +
          (matched
            ? `That matches a common ${f.duration(matched.ms)} idle timeout: ${localize(matched.who, 'en')}. Send a ping every 20–30 s so the connection never looks idle. `
            : '') +
          'Reconnect with exponential backoff and jitter.',
        'zh-CN': (f) =>
          '连接在没有关闭握手的情况下消失了：可能是网络中断、代理或负载均衡切断了连接，或者服务器进程崩溃。' +
          (lifetimeMs !== undefined ? `连接存活时间的中位数为 ${f.duration(lifetimeMs)}。` : '') +
          (matched
            ? `这与常见的 ${f.duration(matched.ms)}空闲超时吻合：${localize(matched.who, 'zh-CN')}。每 20–30 秒发一次心跳，连接就不会被当作空闲。`
            : '') +
          '重连时应使用带随机抖动的指数退避。',
      },
    });
  }

  // Other close codes of note, one finding per code.
  const byCode = new Map<number, typeof attempts>();
  for (const a of attempts) {
    const code = a.cause.closeCode;
    if (code === undefined || !CLOSE_RULES[code]) continue;
    const list = byCode.get(code) ?? [];
    list.push(a);
    byCode.set(code, list);
  }
  for (const [code, list] of [...byCode.entries()].sort((x, y) => x[0] - y[0])) {
    const rule = CLOSE_RULES[code] as CloseRule;
    const count = list.length;
    const retryDelays = list.map((a) => a.reconnectDelayMs).filter((d): d is number => d !== undefined);
    const fastestRetryMs = retryDelays.length > 0 ? Math.round(Math.min(...retryDelays)) : undefined;
    const tooFast = rule.retryable && fastestRetryMs !== undefined && fastestRetryMs < FAST_RETRY_MS;
    const looped = !rule.retryable && count >= 2;
    const reason = list.map((a) => a.cause.closeReason).find((r) => r !== undefined && r.trim() !== '');
    const numbers: Record<string, number> = { count };
    if (fastestRetryMs !== undefined) numbers.fastestRetryMs = fastestRetryMs;
    out.push({
      id: rule.id,
      severity: tooFast && rule.severity === 'info' ? 'warn' : rule.severity,
      technique: 'ws',
      closeCode: code,
      numbers,
      title: {
        en: (f) => `Closed with ${code} ${rule.name}${count > 1 ? ` (${f.num(count)} times)` : ''}`,
        'zh-CN': (f) => `连接以 ${code}（${rule.name}）关闭${count > 1 ? `（${f.num(count)} 次）` : ''}`,
      },
      detail: {
        en: (f) =>
          `Code ${code} means ${localize(rule.what, 'en')}${reason !== undefined ? ` (reason: "${reason}")` : ''}. ${localize(rule.advice, 'en')}` +
          (tooFast ? ` This client came back after only ${f.duration(fastestRetryMs as number)}.` : '') +
          (looped ? ` It reconnected anyway and was closed the same way ${f.num(count)} times.` : ''),
        'zh-CN': (f) =>
          `关闭码 ${code} 表示${localize(rule.what, 'zh-CN')}${reason !== undefined ? `（原因：“${reason}”）` : ''}。${localize(rule.advice, 'zh-CN')}` +
          (tooFast ? `而这个客户端仅隔 ${f.duration(fastestRetryMs as number)}就重连了。` : '') +
          (looped ? `客户端仍然照样重连，结果同样被关闭了 ${f.num(count)} 次。` : ''),
      },
    });
  }
  return out;
}

/** EventSource answers that end the stream for good (no automatic reconnect). */
export function sseStatusFindings(input: AdvisorInput, attempts: readonly ConnectionAttempt[]): Draft[] {
  if (input.kind !== 'sse') return [];
  const out: Draft[] = [];
  const noContent = attempts.filter((a) => a.httpStatus === 204);
  if (noContent.length > 0) {
    out.push({
      id: 'sse-204-stop',
      severity: 'warn',
      technique: 'sse',
      sseRule: 'no-content-stops',
      statusCode: 204,
      numbers: { count: noContent.length },
      title: {
        en: () => 'The server answered 204: this EventSource will not reconnect',
        'zh-CN': () => '服务器返回了 204：这个 EventSource 不会再重连',
      },
      detail: {
        en: () =>
          '204 No Content is how a server tells an EventSource to stop. It closed (readyState 2) and stays closed until the page creates a new one. If updates were still expected, the server sent 204 by mistake, or the page must reopen the stream itself.',
        'zh-CN': () =>
          '204 No Content 是服务器让 EventSource 停止的方式。它已经关闭（readyState 为 2），除非页面重新创建一个，否则不会恢复。如果页面还需要接收更新，要么是服务器误发了 204，要么页面得自己重新打开事件流。',
      },
    });
  }

  const bad = attempts.filter((a) => a.httpStatus !== undefined && a.httpStatus !== 200 && a.httpStatus !== 204);
  const lastBad = bad[bad.length - 1];
  if (lastBad) {
    const statusCode = lastBad.httpStatus as number;
    out.push({
      id: 'sse-bad-status',
      severity: 'error',
      technique: 'sse',
      sseRule: 'fail-without-reconnect',
      statusCode,
      numbers: { count: bad.length, statusCode },
      title: {
        en: () => `The event stream got ${statusCode}: EventSource failed for good`,
        'zh-CN': () => `事件流收到 ${statusCode}：EventSource 彻底失败`,
      },
      detail: {
        en: () =>
          `An EventSource opens only on 200 with Content-Type text/event-stream. Any other status fires error, moves to CLOSED and does not retry, unlike a dropped stream. ${statusCode === 401 || statusCode === 403 ? 'EventSource cannot send an Authorization header; use cookies or a token in the URL, or a fetch-based client. ' : ''}The page has to create a new EventSource itself after fixing the cause.`,
        'zh-CN': () =>
          `EventSource 只有在收到 200 且 Content-Type 为 text/event-stream 时才会打开。其他任何状态码都会触发 error、进入 CLOSED 状态并且不再重试，这和连接中途断开不同。${statusCode === 401 || statusCode === 403 ? 'EventSource 无法发送 Authorization 请求头；可以改用 Cookie、在 URL 中带令牌，或改用基于 fetch 的客户端。' : ''}排除原因后，页面需要自己重新创建 EventSource。`,
      },
    });
  }

  // 200 but never opened and errored: the only remaining reason is the Content-Type.
  const type = input.contentType?.split(';')[0]?.trim().toLowerCase();
  const wrongType = type !== undefined && type !== '' && type !== 'text/event-stream';
  const silentFail = attempts.some((a) => a.httpStatus === 200 && a.openedAt === undefined && a.error === true);
  if (wrongType || silentFail) {
    const shown = wrongType ? ((input.contentType as string).split(';')[0]?.trim() ?? '') : '';
    out.push({
      id: 'sse-wrong-content-type',
      severity: 'error',
      technique: 'sse',
      sseRule: 'fail-without-reconnect',
      statusCode: 200,
      numbers: {},
      title: {
        en: () => (wrongType ? `The event stream was served as ${shown}, not text/event-stream` : 'The event stream answered 200 but never opened'),
        'zh-CN': () => (wrongType ? `事件流的类型是 ${shown}，而不是 text/event-stream` : '事件流返回了 200，却始终没有打开'),
      },
      detail: {
        en: () =>
          `${wrongType ? '' : 'A 200 that does not open an EventSource almost always means the wrong Content-Type. '}EventSource accepts only text/event-stream; anything else fails it for good, with no reconnect. Set the header on the server (and make sure no proxy or error page replaces the response).`,
        'zh-CN': () =>
          `${wrongType ? '' : '返回 200 却打不开 EventSource，几乎总是因为 Content-Type 不对。'}EventSource 只接受 text/event-stream，其他类型都会让它彻底失败，不会重连。请在服务器上设置正确的响应头（并确认没有代理或错误页替换掉这个响应）。`,
      },
    });
  }
  return out;
}

function parseNumericId(id: string): { prefix: string; n: number } | null {
  const m = /^(.*?)(\d{1,15})$/.exec(id);
  return m ? { prefix: m[1] ?? '', n: Number(m[2]) } : null;
}

/** True/false when the frames or attempts show it; undefined when no event was seen at all. */
function inferIdsSeen(frames: readonly AdvisorFrame[], chain: ReconnectChain | null, events: number): boolean | undefined {
  if (frames.some((f) => f.id !== undefined && f.id !== '')) return true;
  if (chain?.attempts.some((a) => a.lastEventId !== undefined || a.firstEventId !== undefined)) return true;
  return events > 0 ? false : undefined;
}

/** SSE ids: a stream without them cannot resume; with them, check what each reconnect resumed. */
export function sseIdFindings(input: AdvisorInput, chain: ReconnectChain | null, frames: readonly AdvisorFrame[]): Draft[] {
  if (input.kind !== 'sse') return [];
  const out: Draft[] = [];
  const events = frames.filter((f) => f.dir === 'in').length;
  const reconnects = chain?.reconnectCount ?? 0;
  const idsSeen = input.sseIdsSeen ?? inferIdsSeen(frames, chain, events);

  if (idsSeen === false && (events > 0 || reconnects > 0)) {
    out.push({
      id: 'sse-no-ids',
      severity: reconnects > 0 ? 'warn' : 'info',
      technique: 'sse',
      sseRule: 'last-event-id',
      numbers: { events, reconnects },
      title: {
        en: () => 'SSE events carry no id: events sent during a reconnect are lost',
        'zh-CN': () => 'SSE 事件没有 id：重连期间发出的事件会丢失',
      },
      detail: {
        en: (f) =>
          `None of the ${f.num(events)} events had an "id:" line${reconnects > 0 ? `, and the stream already reconnected ${f.num(reconnects)} times` : ''}. Without an id the browser has no Last-Event-ID to send back, so the server cannot replay what the page missed while it was away. Give each event an increasing id and resume from Last-Event-ID on the server.`,
        'zh-CN': (f) =>
          `${f.num(events)} 条事件都没有 “id:” 行${reconnects > 0 ? `，而这条流已经重连过 ${f.num(reconnects)} 次` : ''}。没有 id，浏览器重连时就没有 Last-Event-ID 可以带回，服务器也就无法补发页面断线期间错过的消息。请给每条事件一个递增的 id，并在服务器端根据 Last-Event-ID 续传。`,
      },
    });
  }

  if (!chain) return out;
  const resumed = chain.attempts.filter((a) => a.resumedFrom !== undefined);
  const skipped = resumed.filter((a) => a.resumedFrom?.status === 'skipped');
  const replayed = resumed.filter((a) => a.resumedFrom?.status === 'replayed');
  const restarted = resumed.filter((a) => a.resumedFrom?.status === 'restarted');
  const continued = resumed.filter((a) => a.resumedFrom?.status === 'continued');

  const firstSkip = skipped[0]?.resumedFrom;
  if (firstSkip) {
    let missedEvents = 0;
    for (const a of skipped) {
      const from = parseNumericId(a.resumedFrom?.previousLastEventId ?? '');
      const to = parseNumericId(a.resumedFrom?.firstEventId ?? '');
      if (from && to) missedEvents += Math.max(0, to.n - from.n - 1);
    }
    const before = firstSkip.previousLastEventId;
    const after = firstSkip.firstEventId ?? '';
    const count = skipped.length;
    out.push({
      id: 'sse-resume-gap',
      severity: 'warn',
      technique: 'sse',
      sseRule: 'last-event-id',
      numbers: { reconnects: count, missedEvents },
      title: {
        en: (f) => `Ids jumped after ${f.num(count)} reconnect${count === 1 ? '' : 's'}: about ${f.num(missedEvents)} events missing`,
        'zh-CN': (f) => `${f.num(count)} 次重连后 id 出现跳跃：约 ${f.num(missedEvents)} 条事件缺失`,
      },
      detail: {
        en: () =>
          `The page saw id ${before} before the drop and ${after} right after it. Either the server does not replay from Last-Event-ID, or its buffer no longer held those events. (If ids are not consecutive by design, this is harmless.)`,
        'zh-CN': () =>
          `断线前页面收到的最后一个 id 是 ${before}，重连后第一个是 ${after}。要么服务器没有根据 Last-Event-ID 补发，要么它的缓冲区里已经没有这些事件了。（如果 id 本来就不连续，这就无妨。）`,
      },
    });
  }

  const firstReplay = replayed[0]?.resumedFrom;
  if (firstReplay) {
    const id = firstReplay.previousLastEventId;
    const count = replayed.length;
    out.push({
      id: 'sse-resume-replay',
      severity: 'warn',
      technique: 'sse',
      sseRule: 'last-event-id',
      numbers: { reconnects: count },
      title: {
        en: (f) => `The last event came twice after ${f.num(count)} reconnect${count === 1 ? '' : 's'}`,
        'zh-CN': (f) => `${f.num(count)} 次重连后最后一条事件被重复发送`,
      },
      detail: {
        en: () =>
          `The stream resumed with id ${id}, the same id the page already had. The server replays from Last-Event-ID inclusively; it should start after it. Until then, de-duplicate by id in the page.`,
        'zh-CN': () =>
          `重连后的第一条事件 id 是 ${id}，页面之前已经收到过。服务器补发时把 Last-Event-ID 对应的那条也算了进去，应该从它的下一条开始。在修好之前，页面应按 id 去重。`,
      },
    });
  }

  const firstRestart = restarted[0]?.resumedFrom;
  if (firstRestart) {
    const before = firstRestart.previousLastEventId;
    const after = firstRestart.firstEventId ?? '';
    const count = restarted.length;
    out.push({
      id: 'sse-resume-restart',
      severity: 'warn',
      technique: 'sse',
      sseRule: 'last-event-id',
      numbers: { reconnects: count },
      title: {
        en: (f) => `The server ignored Last-Event-ID on ${f.num(count)} reconnect${count === 1 ? '' : 's'}`,
        'zh-CN': (f) => `服务器在 ${f.num(count)} 次重连时忽略了 Last-Event-ID`,
      },
      detail: {
        en: () =>
          `The browser sent Last-Event-ID ${before}, but the stream started again at ${after}: the page receives old events a second time. Read the Last-Event-ID request header on the server and continue after it.`,
        'zh-CN': () =>
          `浏览器带上了 Last-Event-ID ${before}，事件流却从 ${after} 重新开始：页面会再收到一遍旧事件。服务器应读取 Last-Event-ID 请求头，从它之后继续发送。`,
      },
    });
  }

  if (continued.length > 0 && skipped.length + replayed.length + restarted.length === 0) {
    const count = continued.length;
    out.push({
      id: 'sse-resume-ok',
      severity: 'info',
      technique: 'sse',
      sseRule: 'last-event-id',
      numbers: { reconnects: count },
      title: {
        en: (f) => `Resumed cleanly after ${f.num(count)} reconnect${count === 1 ? '' : 's'}`,
        'zh-CN': (f) => `${f.num(count)} 次重连后都从断点处继续`,
      },
      detail: {
        en: () => 'Each reconnect continued with the id after the last one seen: nothing lost, nothing repeated.',
        'zh-CN': () => '每次重连后都从上次收到的下一个 id 接着发送：没有丢失，也没有重复。',
      },
    });
  }
  return out;
}
