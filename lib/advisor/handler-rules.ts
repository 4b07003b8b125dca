// Context: pure (panel + model), no browser APIs.
// Findings from how long the page's own listeners ran per incoming message: a listener that runs
// longer than a frame keeps the page from painting, so a stream of them drops frames. Quotes the
// event type that costs most, with its percentiles.

import { FRAME_BUDGET_MS, LONG_TASK_MS, handlerStats, type HandlerStats } from '../model/handler-cost';
import type { AdvisorInput, Draft, Fmt } from './types';

/** Fewer measured messages of a type say nothing about a pattern. */
export const HANDLER_MIN_MESSAGES = 10;

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** "0.4 ms", "38 ms": a tenth of a millisecond only where it is visible. */
function ms(f: Fmt, v: number): string {
  const n = f.num(v, v < 10 ? 1 : 0);
  return f.locale === 'en' ? `${n} ms` : `${n} 毫秒`;
}

interface Group {
  event: string;
  stats: HandlerStats;
}

/** The event type whose listeners cost the page most: largest share over a frame, then highest p95. */
function worstGroup(times: readonly { event: string; ms: number }[]): Group | null {
  const byEvent = new Map<string, number[]>();
  for (const t of times) {
    let list = byEvent.get(t.event);
    if (!list) byEvent.set(t.event, (list = []));
    list.push(t.ms);
  }
  let worst: Group | null = null;
  for (const [event, values] of byEvent) {
    const stats = handlerStats(values);
    if (!stats || stats.count < HANDLER_MIN_MESSAGES) continue;
    const share = stats.overFrame / stats.count;
    const worstShare = worst ? worst.stats.overFrame / worst.stats.count : -1;
    if (!worst || share > worstShare || (share === worstShare && stats.p95 > worst.stats.p95)) worst = { event, stats };
  }
  return worst;
}

export function handlerFindings(input: AdvisorInput): Draft[] {
  const times = input.handlerTimes;
  if (!times || times.length < HANDLER_MIN_MESSAGES) return [];
  const group = worstGroup(times);
  if (!group || group.stats.overFrame === 0) return [];
  const s = group.stats;
  const count = s.count;
  const slow = s.overFrame;
  const longTasks = s.longTasks;
  const p50Ms = round1(s.p50);
  const p95Ms = round1(s.p95);
  const maxMs = round1(s.max);
  const sharePercent = Math.round((slow / count) * 100);
  const numbers = { count, p50Ms, p95Ms, maxMs, overFrameCount: slow, sharePercent, longTaskCount: longTasks };
  // WebSocket messages have no type of their own; SSE events are named by theirs.
  const ws = group.event === '' || input.kind === 'ws';
  const what = { en: ws ? 'messages' : `\`${group.event}\` events`, zh: ws ? '条消息' : `个 \`${group.event}\` 事件` };
  const frameEn = `one 60 Hz frame (${FRAME_BUDGET_MS.toFixed(1)} ms)`;
  const frameZh = `一帧（60 Hz 下 ${FRAME_BUDGET_MS.toFixed(1)} 毫秒）`;
  const longEn = longTasks > 0 ? `, ${longTasks} longer than ${LONG_TASK_MS} ms (long tasks)` : '';
  const longZh = longTasks > 0 ? `，${longTasks} 条超过 ${LONG_TASK_MS} 毫秒（长任务）` : '';
  const detail = {
    en: (f: Fmt) =>
      `On ${f.num(count)} ${what.en} the page's own listeners ran ${ms(f, p50Ms)} at the median, ${ms(f, p95Ms)} at p95 and ${ms(f, maxMs)} at most; ${f.num(slow)} took longer than ${frameEn}${longEn}. While a listener runs the page can neither paint nor answer input, so each of those messages costs at least one dropped frame. Keep the listener short: queue the data and render once per requestAnimationFrame, parse or compute in a worker, and update only what changed.`,
    'zh-CN': (f: Fmt) =>
      `在 ${f.num(count)} ${what.zh}上，页面自己的监听器耗时中位数 ${ms(f, p50Ms)}、p95 ${ms(f, p95Ms)}、最长 ${ms(f, maxMs)}；其中 ${f.num(slow)} 条超过${frameZh}${longZh}。监听器运行时页面既不能绘制，也不能响应输入，所以每一条这样的消息都至少让页面掉一帧。请让监听器尽量短：先把数据放进队列，每个 requestAnimationFrame 只渲染一次；把解析和计算移到 Worker；只更新发生变化的部分。`,
  };
  if (s.p95 > FRAME_BUDGET_MS) {
    return [
      {
        id: 'handler-slow',
        severity: 'warn',
        numbers,
        title: {
          en: (f) => `p95 handler time ${ms(f, p95Ms)}: ${f.percent(sharePercent)} of ${what.en} run longer than a frame, the page drops frames`,
          'zh-CN': (f) =>
            `处理耗时 p95 为 ${ms(f, p95Ms)}：${f.percent(sharePercent)} 的${ws ? '消息' : `\`${group.event}\` 事件`}超过一帧，页面会掉帧`,
        },
        detail,
      },
    ];
  }
  return [
    {
      id: 'handler-spikes',
      severity: 'info',
      numbers,
      title: {
        en: (f) => `${f.num(slow)} of ${f.num(count)} ${what.en} kept the page busy longer than a frame (up to ${ms(f, maxMs)})`,
        'zh-CN': (f) => `${f.num(count)} ${what.zh}中有 ${f.num(slow)} 条让页面忙了超过一帧（最长 ${ms(f, maxMs)}）`,
      },
      detail,
    },
  ];
}
