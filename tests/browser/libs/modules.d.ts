// Context: type declarations only (node test and test page). The sockjs packages ship no types;
// these cover the few members the tests use.
declare module 'sockjs-client' {
  export default class SockJS {
    constructor(url: string, protocols?: unknown, options?: Record<string, unknown>);
    readonly readyState: number;
    readonly transport: string | null;
    onopen: ((e: Event) => void) | null;
    onmessage: ((e: MessageEvent) => void) | null;
    onclose: ((e: CloseEvent) => void) | null;
    send(data: string): void;
    close(code?: number, reason?: string): void;
  }
}

declare module 'sockjs' {
  import type { Server } from 'node:http';
  export interface Connection {
    write(data: string): void;
    close(code?: number, reason?: string): void;
    on(event: 'data', fn: (message: string) => void): void;
    on(event: 'close', fn: () => void): void;
  }
  export interface SockjsServer {
    on(event: 'connection', fn: (conn: Connection | null) => void): void;
    installHandlers(server: Server, options?: { prefix?: string }): void;
  }
  export function createServer(options?: { prefix?: string; log?: (...a: unknown[]) => void }): SockjsServer;
  const sockjs: { createServer: typeof createServer };
  export default sockjs;
}
