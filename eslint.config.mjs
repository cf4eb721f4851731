// Lint rules that encode architecture decisions, not just style.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const frameworkImports = [
  '@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'ioredis', 'socket.io', 'socket.io-client',
  'pg', 'fastify', '@fastify/*', 'fs', 'node:*', 'net', 'http', 'child_process', 'crypto',
];

// Every test that is written runs (issue 17.6): no focused, skipped or to-do tests in any form —
// it/test/describe .only/.skip/.todo (also chained: it.only.each, test.concurrent.skip, it['only']),
// and the x-/f- aliases (xit, xtest, xdescribe, fit, fdescribe). test/lint-rules.e2e-spec.ts proves each form is caught.
const TEST_FUNCTIONS = '/^(it|test|describe)$/';
const DISABLING = '/^(only|skip|todo)$/';
const ALIASES = '/^(xit|xtest|xdescribe|fit|fdescribe|ftest)$/';
const testMessage = 'Every test must run: focused (.only, fit), skipped (.skip, xit, xdescribe, xtest) or to-do tests must not be committed.';
const disabledOrFocusedTests = [
  { selector: `MemberExpression[computed=false][property.name=${DISABLING}]:matches([object.name=${TEST_FUNCTIONS}], [object.object.name=${TEST_FUNCTIONS}])`, message: testMessage },
  { selector: `MemberExpression[computed=true][property.value=${DISABLING}]:matches([object.name=${TEST_FUNCTIONS}], [object.object.name=${TEST_FUNCTIONS}])`, message: testMessage },
  // Called (xit(...)) or tabled (xit.each): a variable merely named `fit` (the wall's stage fit) is fine.
  { selector: `CallExpression[callee.name=${ALIASES}]`, message: testMessage },
  { selector: `MemberExpression[object.name=${ALIASES}][property.name='each']`, message: testMessage },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'apps/dashboard/dist/**', 'libs/contracts/src/generated/**', '**/*.mjs', '**/*.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-syntax': ['error', ...disabledOrFocusedTests],
    },
  },
  {
    // The wall screen runs in a browser.
    files: ['apps/dashboard/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Option builders and the reducer are pure: Jest runs them in Node, so no DOM and no echarts runtime.
    files: ['apps/dashboard/src/charts/*.option.ts', 'apps/dashboard/src/charts/region-layout.ts', 'apps/dashboard/src/state/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['echarts', 'echarts/*', 'socket.io-client'], allowTypeImports: true, message: 'Pure modules: type imports only.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'location', 'requestAnimationFrame', 'setTimeout', 'setInterval'],
    },
  },
  {
    // The domain core stays pure: time and data are passed in, results come out.
    files: ['libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: frameworkImports, message: 'libs are pure: no framework, I/O or Node built-ins.' }] }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'Pass configuration in; do not read process.' },
        { name: 'setTimeout', message: 'No timers in the domain.' },
        { name: 'fetch', message: 'No I/O in the domain.' }],
      'no-restricted-syntax': ['error', ...disabledOrFocusedTests,
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass `now` in; do not read the clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in; do not read the clock.' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'Pass `now` in; do not read the clock.' }],
    },
  },
);
