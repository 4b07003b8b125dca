// Context: node (build). WXT configuration for the PushLens Chrome MV3 extension.
import { defineConfig } from 'wxt';

export default defineConfig({
  // A separate output folder lets parallel work (bench --compare, helpers) build without clashing.
  outDir: process.env.PUSHLENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  // PUSHLENS_NOMIN=1: readable function names in CPU profiles (bench/profile-*.ts); never shipped.
  vite: () => (process.env.PUSHLENS_NOMIN ? { build: { minify: false } } : {}),
  manifest: {
    // Localized from public/_locales (en, zh_CN); icons are found in public/icon/<size>.png.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    minimum_chrome_version: '111',
  },
});
