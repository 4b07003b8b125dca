// Context: panel (and anything else that receives agent records). Schemas of capture records,
// checked where records enter the panel: the page side is hostile or can be broken, and one record
// of the wrong shape (a string where a number goes, a missing payload) used to throw inside the
// store and blank the whole panel. A record that fails is dropped and counted; the rest go on.
// Cheap on purpose (typeof checks, no copies): it runs on every record of a 50k/s flood.
import type { CaptureRecord } from './records';
import { expandTuple } from './record-tuples';

/** Caps on what one record may carry: far above what the agent makes, far below what would hurt. */
export const RECORD_LIMITS = {
  /** Payload text or base64 (the agent's own cap is a setting; full payloads may be large). */
  payloadChars: 256 * 1024 * 1024,
  /** URLs (data: URLs can be long). */
  urlChars: 8 * 1024 * 1024,
  /** Event names, ids, methods, reasons, protocols, header names and values, errors. */
  shortChars: 1024 * 1024,
  /** Stack traces. */
  stackChars: 64 * 1024,
  headers: 4096,
  protocols: 256,
  /** Time the page's listeners spent on one message: an hour is beyond any real handler. */
  handlerMs: 3_600_000,
} as const;

export type RecordCheck =
  { ok: true; record: CaptureRecord } | { ok: false; reason: string; /** The record's own seq, when that field is sound. */ seq?: number };

type Obj = Record<string, unknown>;

// Keys no record has; in a parsed object they are own data properties that would shadow or
// pollute a prototype once code copies or merges the record.
const POISON_KEYS = ['__proto__', 'constructor', 'prototype'];

const isPlainObject = (x: unknown): x is Obj => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
};
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isSeq = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 1;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isStr = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const isIntIn = (x: unknown, lo: number, hi: number): boolean => typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;

class Bad extends Error {}
function need(cond: boolean, what: string): void {
  if (!cond) throw new Bad(what);
}

function str(o: Obj, k: string, max: number = RECORD_LIMITS.shortChars): void {
  need(isStr(o[k], max), `"${k}" must be a string of at most ${max} characters`);
}
function optStr(o: Obj, k: string, max: number): void {
  if (o[k] !== undefined) str(o, k, max);
}
function bool(o: Obj, k: string): void {
  need(typeof o[k] === 'boolean', `"${k}" must be true or false`);
}
function oneOf(o: Obj, k: string, values: readonly unknown[], optional = false): void {
  if (optional && o[k] === undefined) return;
  need(values.includes(o[k]), `"${k}" must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
}
function handlerMs(o: Obj, k: string, optional: boolean): void {
  const v = o[k];
  if (optional && v === undefined) return;
  need(
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= RECORD_LIMITS.handlerMs,
    `"${k}" must be a time in ms from 0 to ${RECORD_LIMITS.handlerMs}`,
  );
}
function payload(o: Obj, k: string, optional = false): void {
  const p = o[k];
  if (optional && p === undefined) return;
  need(isPlainObject(p), `"${k}" must be a payload object`);
  const q = p as Obj;
  need(isStr(q.data, RECORD_LIMITS.payloadChars), `"${k}.data" must be a string of at most ${RECORD_LIMITS.payloadChars} characters`);
  need(typeof q.binary === 'boolean' && typeof q.truncated === 'boolean', `"${k}.binary" and "${k}.truncated" must be true or false`);
  need(isCount(q.size), `"${k}.size" must be a whole number of bytes`);
}
function headers(o: Obj, k: string): void {
  const h = o[k];
  need(Array.isArray(h) && h.length <= RECORD_LIMITS.headers, `"${k}" must be a list of at most ${RECORD_LIMITS.headers} headers`);
  for (const pair of h as unknown[])
    need(
      Array.isArray(pair) && pair.length === 2 && isStr(pair[0], RECORD_LIMITS.shortChars) && isStr(pair[1], RECORD_LIMITS.shortChars),
      `"${k}" must hold [name, value] string pairs`,
    );
}

function checkFields(r: Obj): void {
  need(isTime(r.t), '"t" must be a finite time in ms, not negative');
  need(isCount(r.conn), '"conn" must be a whole number, not negative');
  switch (r.type) {
    case 'ws-create':
      str(r, 'url', RECORD_LIMITS.urlChars);
      need(
        Array.isArray(r.protocols) &&
          r.protocols.length <= RECORD_LIMITS.protocols &&
          (r.protocols as unknown[]).every((p) => isStr(p, RECORD_LIMITS.shortChars)),
        '"protocols" must be a list of strings',
      );
      optStr(r, 'stack', RECORD_LIMITS.stackChars);
      return;
    case 'ws-open':
      str(r, 'protocol');
      str(r, 'extensions');
      return;
    case 'ws-frame':
      oneOf(r, 'dir', ['in', 'out']);
      payload(r, 'payload');
      oneOf(r, 'synthetic', ['sent', 'injected'], true);
      handlerMs(r, 'handlerMs', true);
      need(r.handlerMs === undefined || r.dir === 'in', '"handlerMs" is only for incoming frames');
      return;
    case 'ws-close':
      need(isIntIn(r.code, 0, 65535), '"code" must be a close code (0–65535)');
      str(r, 'reason');
      bool(r, 'wasClean');
      oneOf(r, 'by', ['client', 'server']);
      oneOf(r, 'synthetic', ['dropped'], true);
      return;
    case 'ws-error':
    case 'sse-open':
    case 'sse-close':
      return;
    case 'sse-create':
      str(r, 'url', RECORD_LIMITS.urlChars);
      bool(r, 'withCredentials');
      optStr(r, 'stack', RECORD_LIMITS.stackChars);
      return;
    case 'sse-event':
      str(r, 'event');
      str(r, 'id');
      need(r.retry === undefined || isCount(r.retry), '"retry" must be a whole number of ms');
      payload(r, 'payload');
      oneOf(r, 'synthetic', ['injected'], true);
      handlerMs(r, 'handlerMs', true);
      return;
    case 'sse-error':
      oneOf(r, 'readyState', [0, 1, 2]);
      return;
    case 'http-request':
      oneOf(r, 'api', ['fetch', 'xhr']);
      str(r, 'method', 64);
      str(r, 'url', RECORD_LIMITS.urlChars);
      headers(r, 'headers');
      payload(r, 'body', true);
      optStr(r, 'stack', RECORD_LIMITS.stackChars);
      return;
    case 'http-response':
      need(isIntIn(r.status, 0, 999), '"status" must be an HTTP status (0–999)');
      str(r, 'statusText');
      headers(r, 'headers');
      str(r, 'url', RECORD_LIMITS.urlChars);
      bool(r, 'eventStream');
      return;
    case 'http-end':
      need(isCount(r.size), '"size" must be a whole number of bytes');
      payload(r, 'body', true);
      optStr(r, 'bodyHash', 256);
      oneOf(r, 'outcome', ['ok', 'error', 'abort', 'timeout']);
      optStr(r, 'error', RECORD_LIMITS.shortChars);
      need(r.captureStopped === undefined || typeof r.captureStopped === 'boolean', '"captureStopped" must be true or false');
      return;
    case 'handler-cost':
      // Where the frame is (same agent, same connection, earlier) is the session's check.
      need(isSeq(r.frameSeq) && isSeq(r.seq) && (r.frameSeq as number) < (r.seq as number), '"frameSeq" must name an earlier record');
      handlerMs(r, 'ms', false);
      return;
    case 'dropped':
      // Shape only: a worker's notice counts from 0, so where the range may lie is the session's call.
      need(isCount(r.fromSeq) && isCount(r.toSeq) && (r.fromSeq as number) <= (r.toSeq as number), '"fromSeq".."toSeq" must be a range');
      return;
    default:
      throw new Bad(`unknown record type ${JSON.stringify(typeof r.type === 'string' ? r.type.slice(0, 40) : typeof r.type)}`);
  }
}

/** Checks one record against the schema of its type. */
export function checkRecord(x: unknown): RecordCheck {
  const failed = recordFailure(x);
  if (failed === undefined) return { ok: true, record: x as CaptureRecord };
  return failed;
}

/**
 * The failure of a record, or undefined when it is sound. Valid records (nearly all of them)
 * allocate nothing here: a batch of a 100k-record history is checked without a result object per
 * record.
 */
function recordFailure(x: unknown): { ok: false; reason: string; seq?: number } | undefined {
  if (!isPlainObject(x))
    return { ok: false, reason: `a record must be an object, got ${x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x}` };
  const seq = isSeq(x.seq) ? x.seq : undefined;
  try {
    for (let i = 0; i < POISON_KEYS.length; i++) need(!hasOwn(x, POISON_KEYS[i]), `forbidden key "${POISON_KEYS[i]}"`);
    need(seq !== undefined, '"seq" must be a whole number from 1');
    checkFields(x);
  } catch (e) {
    if (e instanceof Bad) return seq === undefined ? { ok: false, reason: e.message } : { ok: false, reason: e.message, seq };
    throw e;
  }
  return undefined;
}

export interface BatchCheck {
  /**
   * The batch in order: valid records as they are; for an invalid record, its sequence number
   * (from the record itself, or inferred from its neighbours) or null when it cannot be placed.
   */
  items: (CaptureRecord | number | null)[];
  invalid: number;
  /** The first few reasons, for diagnostics. */
  reasons: string[];
}

/**
 * Checks every record of a batch. An invalid record whose seq field is unusable gets the one
 * number its neighbours leave free (previous + 1 when the next known number is previous + 2), so
 * the panel can step over it instead of waiting for a resync that would send it again.
 */
export function checkBatch(records: unknown, lastSeqBefore: number): BatchCheck | { error: string } {
  if (!Array.isArray(records)) return { error: 'a batch must be an array of records' };
  const n = records.length;
  // Failures by index; undefined for sound records (the usual case: nothing allocated for them).
  const failures: ({ ok: false; reason: string; seq?: number } | undefined)[] = new Array(n);
  let invalid = 0;
  for (let i = 0; i < n; i++) {
    const f = recordFailure(records[i]);
    if (f !== undefined) {
      failures[i] = f;
      invalid++;
    }
  }
  // All sound: the batch itself is the list of items (no copy).
  if (invalid === 0) return { items: records as CaptureRecord[], invalid: 0, reasons: [] };
  const out: BatchCheck = { items: [], invalid: 0, reasons: [] };
  const seqOf = (j: number): number | undefined => {
    const f = failures[j];
    return f === undefined ? (records[j] as CaptureRecord).seq : f.seq;
  };
  let prev = lastSeqBefore;
  for (let i = 0; i < n; i++) {
    const c = failures[i];
    if (c === undefined) {
      const record = records[i] as CaptureRecord;
      out.items.push(record);
      prev = record.seq;
      continue;
    }
    out.invalid++;
    if (out.reasons.length < 20) out.reasons.push(c.reason);
    let seq = c.seq;
    if (seq === undefined) {
      let nextSeq: number | undefined;
      for (let j = i + 1; j < n && nextSeq === undefined; j++) nextSeq = seqOf(j);
      if (nextSeq === prev + 2) seq = prev + 1;
    }
    out.items.push(seq ?? null);
    if (seq !== undefined) prev = seq;
  }
  return out;
}

/**
 * Records of a packed batch (one JSON array string), unchecked; undefined when it is not one.
 * Tuples (record-tuples.ts) become the record objects they stand for.
 */
export function unpackRecords(packed: unknown): unknown[] | undefined {
  if (typeof packed !== 'string') return undefined;
  try {
    const records: unknown = JSON.parse(packed);
    if (!Array.isArray(records)) return undefined;
    for (let i = 0; i < records.length; i++) records[i] = expandTuple(records[i]);
    return records;
  } catch {
    return undefined;
  }
}
