// Context: node (build). WXT configuration: one source tree, two MV3 packages (Chrome and Firefox).
import { defineConfig } from 'wxt';
import { protobufjsWithoutCodegen } from './scripts/vite-protobufjs-no-codegen';

/** Firefox 140 is the first release with `data_collection_permissions` (and ESR 140 the oldest supported ESR); MAIN-world content scripts need 128. */
const FIREFOX_MIN_VERSION = '140.0';

export default defineConfig({
  // A separate output folder lets parallel work (bench --compare, helpers) build without clashing.
  outDir: process.env.PUSHLENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  // Firefox too gets MV3 (WXT's Firefox default is MV2): the background becomes an event page there.
  manifestVersion: 3,
  // PUSHLENS_NOMIN=1: readable function names in CPU profiles (bench/profile-*.ts); never shipped.
  vite: () => ({
    plugins: [protobufjsWithoutCodegen()],
    // Bench self-check plants (lib/*/self-check-plant.ts): always defined, '' unless the bench
    // builds a plant (WXT_PUSHLENS_PLANT), so the minifier folds every guarded plant call out of
    // normal builds. A global constant, not import.meta.env: content scripts are IIFE builds,
    // where import.meta is empty.
    define: { __PUSHLENS_PLANT__: JSON.stringify(process.env.WXT_PUSHLENS_PLANT ?? '') },
    ...(process.env.PUSHLENS_NOMIN ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser }) => ({
    // Localized from public/_locales (en, zh_CN); icons are found in public/icon/<size>.png.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // The relay (entrypoints/relay.ts says why it is not a defineContentScript entrypoint). WXT adds
    // the page agent's entry after this one; the two find each other in either order.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['relay.js'],
        run_at: 'document_start',
        all_frames: true,
        match_about_blank: true,
        match_origin_as_fallback: true,
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Stable: storage and the add-on's identity survive reinstalls and updates.
              id: 'pushlens@pushlens.dev',
              strict_min_version: FIREFOX_MIN_VERSION,
              // PushLens sends nothing anywhere: captured traffic stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android has no DevTools to host the panel; 142 is its first release with data_collection_permissions.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          minimum_chrome_version: '111',
          // Chrome 148+: runtime ports copy messages by structured clone instead of JSON text.
          // A live batch is one big JSON string; as JSON it was escaped and re-parsed at every hop
          // (relay → background → panel), the largest cost of recording. Older Chrome ignores the
          // key and keeps JSON, which every message here also survives (they are plain data).
          message_serialization: 'structured_clone',
        }),
  }),
  zip: {
    // The sources zip addons.mozilla.org asks for: what `npm ci && npm run build` needs, nothing generated.
    excludeSources: ['.output/**', 'test-artifacts/**', 'bench/results*', '**/node_modules/**', '.wxt/**'],
  },
});
