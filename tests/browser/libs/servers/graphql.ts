// Context: node (test). A graphql-ws server (the library's own `useServer` over `ws`) with a tiny
// schema: a query, a query whose resolver throws, and a countdown subscription.
import { createRequire } from 'node:module';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { TestServer } from '../server';
import { countWsFrames, runOf, type WsCounts } from '../ws-counts';

// graphql-ws is loaded by Node, whose `import 'graphql'` gets graphql's CommonJS build; Vite would
// give this file the .mjs build, and graphql refuses a schema made by "another module or realm".
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const schema = buildSchema(`
  type Query { hello: String, fail: String }
  type Subscription { countdown(from: Int!): Int }
`);

const roots = {
  query: {
    hello: () => 'world',
    fail: () => {
      throw new Error('resolver failed');
    },
  },
  subscription: {
    countdown: async function* ({ from }: { from: number }) {
      for (let i = from; i > 0; i--) {
        await new Promise((r) => setTimeout(r, 30));
        yield { countdown: i };
      }
    },
  },
};

export function attachGraphqlWs(server: TestServer): Map<string, WsCounts> {
  const wss = new WebSocketServer({ noServer: true });
  const counts = countWsFrames(wss, runOf); // before useServer: it must wrap send() first
  useServer({ schema, roots }, wss);
  server.upgrade('/graphql', wss);
  return counts;
}
