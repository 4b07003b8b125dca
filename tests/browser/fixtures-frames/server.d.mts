// Context: types only, for server.mjs (the fixture server of the frames/workers/hostile tests).
export interface FixtureServer {
  port: number;
  url: string;
  otherUrl: string;
  /** Frames each /ws/<name> socket received from the page. */
  received: Map<string, string[]>;
  close(): Promise<void>;
}
export function startFixtureServer(): Promise<FixtureServer>;
