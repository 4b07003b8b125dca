// Context: node (unit tests). The build wraps the page agent in one named function
// (modules/pushlens-agent-wrapper.ts) so a worker can run the agent again from the function's own
// source: a document runs it with no boot config, the copy a worker runs gets one, and nothing of
// the wrapper is left on the global scope.
import { describe, expect, it } from 'vitest';
import { wrapAgent } from '../../modules/pushlens-agent-wrapper';

interface Ctx {
  seen: string[];
  source: string;
}

// Stands in for the bundle: reports which copy it is, and the document's copy keeps its own source.
const BUNDLE = `(function(){
  ctx.seen.push(typeof __pushlensBoot === 'object' && __pushlensBoot !== null ? 'worker ' + __pushlensBoot.mark : 'document');
  if (typeof __pushlensBoot !== 'object') ctx.source = Function.prototype.toString.call(__pushlensAgent);
})();`;

describe('the agent wrapper', () => {
  it('runs the bundle once as a document, and again from its own source as a worker', () => {
    const ctx: Ctx = { seen: [], source: '' };
    new Function('ctx', wrapAgent(BUNDLE))(ctx);
    expect(ctx.seen).toEqual(['document']);
    expect(ctx.source.startsWith('function __pushlensAgent(__pushlensBoot){')).toBe(true);
    // What worker-wrap.ts puts first in a worker's bootstrap blob.
    new Function('ctx', `try{(${ctx.source})(${JSON.stringify({ mark: 'w1' })})}catch(e){}`)(ctx);
    expect(ctx.seen).toEqual(['document', 'worker w1']);
    expect('__pushlensAgent' in globalThis || '__pushlensBoot' in globalThis).toBe(false);
  });
});
