// Context: node (build). WXT configuration for the PushLens Chrome MV3 extension.
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'PushLens',
    description: 'Realtime traffic DevTools: WebSocket, Server-Sent Events, short and long polling.',
    permissions: ['storage'],
    minimum_chrome_version: '111',
  },
});
