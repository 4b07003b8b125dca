// Context: node (test runner). Unit tests: pure modules, no browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Heavy cases (1M-row filters, property runs) take seconds; CI shares 2 cores with builds.
    testTimeout: 30_000,
  },
});
