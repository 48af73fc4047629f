// ESLint flat config: eslint's and typescript-eslint's recommended rules for the TypeScript
// sources and tests, plus the Node scripts and the browser-side scripts of the workbench and
// e2e tests. `npm run lint` also runs `tsc --noEmit` (the types).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Globals listed here rather than pulling in a package for them.
const readonly = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']));
const nodeGlobals = readonly(['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'URL']);
// Code that runs in the page (the workbench's shims, Playwright's page.evaluate callbacks).
const browserGlobals = readonly(['window', 'document', 'fetch', 'navigator', 'location', 'Office', 'Excel', 'CustomFunctions', 'HTMLElement', 'Event']);

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'test/e2e/artifacts/**', '.bench-build/**', '.workbench-build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are errors, except those deliberately marked with a leading underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests feed deliberately ill-typed input to check the messages.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'warn' },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.js', 'test/e2e/**/*.js'],
    languageOptions: { globals: { ...nodeGlobals, ...browserGlobals } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
);
