// Context: node (ESLint 10 flat config). Correctness rules, React hooks rules, and the realm
// boundaries of docs/architecture.md enforced on imports. Style is Prettier's job: no style rules
// here. `npm run lint` must stay at 0 errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

/** Realms (element types) by folder; the first matching pattern wins. */
const ELEMENTS = [
  { type: 'page', pattern: ['lib/page/**', 'entrypoints/page-agent*', 'modules/**'], partialMatch: false },
  { type: 'protocol', pattern: 'lib/protocol/**', partialMatch: false },
  { type: 'sse', pattern: 'lib/sse/**', partialMatch: false },
  { type: 'util', pattern: 'lib/util/**', partialMatch: false },
  { type: 'transport', pattern: 'lib/transport/**', partialMatch: false },
  { type: 'relay', pattern: 'lib/relay/**', partialMatch: false },
  { type: 'background', pattern: 'lib/background/**', partialMatch: false },
  { type: 'model', pattern: 'lib/model/**', partialMatch: false },
  { type: 'knowledge', pattern: 'lib/knowledge/**', partialMatch: false },
  { type: 'decoders', pattern: 'lib/decoders/**', partialMatch: false },
  { type: 'advisor', pattern: 'lib/advisor/**', partialMatch: false },
  { type: 'har', pattern: 'lib/har/**', partialMatch: false },
  { type: 'i18n', pattern: 'lib/i18n/**', partialMatch: false },
  { type: 'store', pattern: 'lib/store/**', partialMatch: false },
  { type: 'panel', pattern: 'lib/panel/**', partialMatch: false },
  { type: 'components', pattern: 'components/**', partialMatch: false },
  { type: 'entrypoints', pattern: 'entrypoints/**', partialMatch: false },
];

/** Pure realms: no browser API, nothing from the panel side. */
const PURE = ['model', 'knowledge', 'decoders', 'advisor', 'har', 'i18n'];
/** Shared leaves every realm may use. */
const LEAVES = ['protocol', 'util', 'sse'];

/** Which realms each realm may import (besides itself). Anything else is an error. */
const MAY_IMPORT = {
  page: ['page', 'protocol', 'sse', 'util'],
  protocol: ['protocol', 'util'],
  util: ['util'],
  sse: ['sse', 'util', 'protocol'],
  transport: ['transport', 'protocol', 'util'],
  relay: ['relay', 'transport', ...LEAVES],
  background: ['background', 'transport', ...LEAVES],
  model: [...PURE, ...LEAVES],
  knowledge: [...PURE, ...LEAVES],
  decoders: [...PURE, ...LEAVES],
  advisor: [...PURE, ...LEAVES],
  har: [...PURE, ...LEAVES],
  i18n: [...PURE, ...LEAVES],
  store: ['store', ...PURE, ...LEAVES],
  panel: ['panel', 'store', 'transport', ...PURE, ...LEAVES],
  components: ['components', 'panel', 'store', ...PURE, ...LEAVES],
  entrypoints: ['entrypoints', 'components', 'panel', 'store', 'relay', 'background', 'transport', 'page', ...PURE, ...LEAVES],
};

/**
 * Browser-only globals the pure realms may not touch: everything the browser has that Node does
 * not (DOM, window, storage...), plus the extension namespaces.
 */
const BROWSER_ONLY = Object.keys(globals.browser).filter((name) => !(name in globals['shared-node-browser']) && !(name in globals.es2025));
const NO_BROWSER_API = [
  'error',
  { name: 'chrome', message: 'Pure realms use no extension API: pass the data in from the panel or background.' },
  { name: 'browser', message: 'Pure realms use no extension API: pass the data in from the panel or background.' },
  ...BROWSER_ONLY.filter((name) => name !== 'browser').map((name) => ({
    name,
    message: `Pure realms (lib/model, knowledge, decoders, advisor, har, i18n) use no browser API: '${name}' is a browser global.`,
  })),
];

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-artifacts/**', 'bench/results*', 'demo/vendor/**', '**/*.min.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2025,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions, defineBackground: 'readonly', defineContentScript: 'readonly' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // TypeScript checks these better than ESLint can.
      'no-undef': 'off',
      'no-redeclare': 'off',
      // Correctness stays on; these are style or too noisy for code written in parallel.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off', // control characters are what we detect and make visible
      'prefer-const': 'warn',
      'no-useless-assignment': 'warn',
      // Hooks need the wrapper's `this` and their own object at once.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts', 'lib/store/**/*.ts', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'modules/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['lib/**', 'components/**', 'entrypoints/**', 'modules/**'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} may not import {{to.type}} (realm rules: docs/architecture.md)',
          policies: Object.entries(MAY_IMPORT).map(([from, to]) => ({
            from: { element: { type: from } },
            allow: { to: { element: { types: { anyOf: to } } } },
          })),
        },
      ],
    },
  },
  {
    files: ['lib/{model,knowledge,decoders,advisor,har,i18n}/**/*.ts'],
    rules: { 'no-restricted-globals': NO_BROWSER_API },
  },
);
