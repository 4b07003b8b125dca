// Context: page (test page). A graphql-ws client app: one connection (not lazy) running, one
// after the other, a query, a subscription, an invalid query and a query whose resolver throws;
// logs every result, error and completion, then disposes the client and logs the close.
import { createClient, type ExecutionResult } from 'graphql-ws';
import { done, fail, log, run } from './log';

const client = createClient({
  url: `ws://${location.host}/graphql?run=${run}`,
  lazy: false,
  retryAttempts: 0,
  on: {
    connected: () => log('connected'),
    closed: (e) => {
      const ev = e as CloseEvent;
      log('closed', ev.code, ev.reason, ev.wasClean);
      done();
    },
    error: (e) => log('socket error', String(e)),
  },
});

function operation(query: string, variables?: Record<string, unknown>): Promise<void> {
  return new Promise((resolve) => {
    client.subscribe<ExecutionResult>(
      { query, variables },
      {
        next: (value) => log('next', value),
        // Validation errors arrive as an array of GraphQL errors: their messages are what the app sees.
        error: (err) => {
          log('error', Array.isArray(err) ? err.map((e: { message: string }) => e.message) : String(err));
          resolve();
        },
        complete: () => {
          log('complete');
          resolve();
        },
      },
    );
  });
}

(async () => {
  await operation('{ hello }');
  await operation('subscription ($from: Int!) { countdown(from: $from) }', { from: 3 });
  await operation('{ nope }');
  await operation('{ fail }');
  await client.dispose();
})().catch((err) => fail('graphql', err));
