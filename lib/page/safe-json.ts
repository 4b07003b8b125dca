// Context: page (MAIN world). JSON text of our records (and of values the page handed to the
// browser, like an XHR's parsed `json` response) without JSON.stringify's object path: that path
// calls a `toJSON` it finds on the prototype chain, so a page that defines Object.prototype.toJSON
// could rewrite every record we send, and would see the moment a panel starts reading them.
// Only own enumerable string keys are read; strings are quoted by the native (no lookup for them).
import { natives } from './natives';

const MAX_DEPTH = 64;

export function safeJson(value: unknown): string {
  return write(value, 0) ?? 'null';
}

function write(v: unknown, depth: number): string | undefined {
  switch (typeof v) {
    case 'string':
      return natives.JSONStringify(v);
    case 'number':
      return v === v && v !== Infinity && v !== -Infinity ? '' + v : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      break;
    default:
      return undefined; // undefined, functions, symbols, bigints: left out, as JSON.stringify does (bigint: it throws)
  }
  if (v === null) return 'null';
  if (depth >= MAX_DEPTH) return 'null';
  if (natives.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (write(v[i], depth + 1) ?? 'null');
    return out + ']';
  }
  const keys = natives.ownKeys(v);
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k !== 'string') continue;
    const desc = natives.getOwnPropertyDescriptor(v, k);
    if (!desc || !desc.enumerable || !('value' in desc)) continue; // an accessor would be page code
    const text = write(desc.value, depth + 1);
    if (text === undefined) continue;
    out += (first ? '' : ',') + natives.JSONStringify(k) + ':' + text;
    first = false;
  }
  return out + '}';
}
