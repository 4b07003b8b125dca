// Context: node (test). The two MV3 manifests keep each browser's keys to themselves, and the
// build plugin swaps protobufjs's code generator and `long` only inside protobufjs.
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { protobufjsWithoutCodegen } from '../../scripts/vite-protobufjs-no-codegen';

type ManifestFn = (env: { browser: string; manifestVersion: 3; mode: string; command: string }) => Record<string, unknown>;
const manifestFor = (browser: string) => (config.manifest as ManifestFn)({ browser, manifestVersion: 3, mode: 'production', command: 'build' });

describe('manifests', () => {
  it('builds MV3 for both browsers', () => {
    expect(config.manifestVersion).toBe(3);
  });
  it('Firefox: stable gecko id, minimum version, no data collection; no Chrome-only keys', () => {
    const m = manifestFor('firefox');
    expect(m.browser_specific_settings).toEqual({
      gecko: { id: 'pushlens@pushlens.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(m.minimum_chrome_version).toBeUndefined();
  });
  it('Chrome: its minimum version, no Firefox-only keys', () => {
    const m = manifestFor('chrome');
    expect(m.minimum_chrome_version).toBe('111');
    expect(m.browser_specific_settings).toBeUndefined();
    expect(manifestFor('chrome').permissions).toEqual(manifestFor('firefox').permissions);
  });
});

describe('protobufjs without code generation', () => {
  const plugin = protobufjsWithoutCodegen();
  const resolve = (source: string, importer?: string) =>
    (plugin.resolveId as (this: unknown, s: string, i?: string) => string | null).call({}, source, importer);
  const load = (id: string) => (plugin.load as (this: unknown, id: string) => string | null).call({}, id);
  it('replaces the generator and long for protobufjs only', () => {
    const inProtobufjs = '/x/node_modules/protobufjs/src/util.js';
    const codegen = resolve('./util/codegen', inProtobufjs);
    expect(codegen).toMatch(/protobufjs-codegen/);
    expect(load(codegen!)).toMatch(/throw new Error/);
    expect(load(codegen!)).not.toMatch(/Function\(/);
    expect(load(resolve('long', '/x/node_modules/protobufjs/src/util/minimal.js')!)).toBe('export default null;');
    expect(resolve('./util/codegen', '/x/lib/decoders/protobuf.ts')).toBeNull();
    expect(resolve('long', '/x/node_modules/other/index.js')).toBeNull();
  });
});
