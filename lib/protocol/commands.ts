// Context: shared (panel, page agent). Commands the panel asks an agent to run on the page's own
// live connections. Only the panel can issue them: they travel background → relay → private port.

export type PanelCommand =
  | { kind: 'ws-send'; conn: number; data: string; binary: boolean }
  | { kind: 'ws-inject'; conn: number; data: string; binary: boolean }
  | { kind: 'ws-close'; conn: number; code: number; reason: string }
  | { kind: 'ws-drop'; conn: number }
  | { kind: 'ws-hold'; conn: number; hold: boolean }
  | { kind: 'sse-inject'; conn: number; event: string; data: string; id: string }
  | { kind: 'sse-fail'; conn: number }
  | { kind: 'http-rerun'; conn: number };

export interface CommandResult {
  commandId: string;
  ok: boolean;
  /** Plain-language error for the panel when ok is false. */
  error?: string;
  /** For http-rerun: the new connection id that carries the response. */
  conn?: number;
}
