// Context: shared (panel, page agent). Commands the panel asks an agent to run on the page's own
// live connections, and their results. Only the panel can issue them: they travel background →
// relay → private port, and the answer comes back the same way as a `command-result` message.
import { isObject } from '../util/guards';

export type PanelCommand =
  | { kind: 'ws-send'; conn: number; data: string; binary: boolean }
  | { kind: 'ws-inject'; conn: number; data: string; binary: boolean }
  | { kind: 'ws-close'; conn: number; code: number; reason: string }
  | { kind: 'ws-drop'; conn: number }
  | { kind: 'ws-hold'; conn: number; hold: boolean }
  | { kind: 'sse-inject'; conn: number; event: string; data: string; id: string }
  | { kind: 'sse-fail'; conn: number }
  | { kind: 'http-rerun'; conn: number }
  /** The whole payload of a frame or event the agent still holds (`seq` in that agent). */
  | { kind: 'frame-payload'; conn: number; seq: number };

export type CommandKind = PanelCommand['kind'];
export type CommandOf<K extends CommandKind> = Extract<PanelCommand, { kind: K }>;

type NoData = Record<never, never>;

/**
 * What a successful command answers besides `ok`, per command kind. A command's effects reach the
 * panel as ordinary records (the sent frame, the close, the re-run's new request), so they get
 * sequence numbers and survive a lost answer; only `frame-payload`, a read, answers with data.
 * `PanelLink.command` returns it typed.
 */
export interface CommandResultData {
  'ws-send': NoData;
  'ws-inject': NoData;
  'ws-close': NoData;
  'ws-drop': NoData;
  'ws-hold': NoData;
  'sse-inject': NoData;
  'sse-fail': NoData;
  'http-rerun': NoData;
  /** The payload as the page had it: text, or base64 of the bytes when `binary`. */
  'frame-payload': { data: string; binary: boolean };
}

/** Largest payload an agent hands over whole (the ring's default byte budget). Bigger ones are refused. */
export const FULL_PAYLOAD_MAX_BYTES = 32 * 1024 * 1024;

export interface CommandFailure {
  commandId: string;
  ok: false;
  /** Plain-language reason for the panel. */
  error: string;
}

export type CommandSuccess<K extends CommandKind> = { commandId: string; ok: true } & CommandResultData[K];

/** The answer to one command of kind K. */
export type CommandResultOf<K extends CommandKind> = CommandSuccess<K> | CommandFailure;

/** Any command's answer, as it travels. */
export type CommandResult = CommandResultOf<CommandKind>;

/** Shape check of an answer from an agent (page side: untrusted until checked). */
export function isCommandResult(x: unknown): x is CommandResult {
  // frame-payload's fields are checked where it is asked for (lib/panel/full-payload.ts).
  if (!isObject(x) || typeof x.commandId !== 'string') return false;
  if (x.ok === true) return true;
  return x.ok === false && typeof x.error === 'string';
}
