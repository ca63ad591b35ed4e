// ESLint: typescript-eslint's type-aware rules, React's hook rules, and the layering of src/
// (layering.json, the same table test/layering.test.ts enforces file by file).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const layering = JSON.parse(readFileSync(new URL('./layering.json', import.meta.url), 'utf8'));
const LAYERS = Object.keys(layering.mayImport);

/** no-restricted-imports for one layer: the layers it may not reach, by relative path. */
function layerRule(layer) {
  const banned = LAYERS.filter((other) => !layering.mayImport[layer].includes(other));
  const patterns = banned.map((other) => ({
    regex: `^(\\.\\./)+${other}(/|$)`,
    message: `src/${layer} may not import src/${other} (layering.json).`,
  }));
  patterns.push({ regex: '^(\\.\\./)+(test|bench|e2e)(/|$)', message: 'src/ never imports test/, bench/ or e2e/.' });
  if (layering.browser.includes(layer)) {
    patterns.push({ regex: '^node:', message: 'Browser code never imports Node builtins.' });
    patterns.push({
      regex: `^(${layering.nodeOnlyPackages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})`,
      message: 'Browser code never imports a server-only package.',
    });
  }
  if (layer === 'features')
    patterns.push({ regex: '^\\.\\./(?!\\.\\./)', message: 'Features never import each other: compose them in src/app.' });
  const paths = layering.browser.includes(layer)
    ? builtinModules.map((name) => ({ name, message: 'Browser code never imports Node builtins.' }))
    : [];
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'node_modules/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/screenshots/**',
      '.tmp/**',
      'examples/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A leading underscore names a parameter or binding kept for its position or shape.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'test/**', 'e2e/**', 'bench/**'],
    rules: {
      // Tests and benchmarks read JSON replies and assert on them: expect() is the check there.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Test doubles implement async interfaces with bodies that need no await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['src/**/*.tsx', 'bench/browser/pages/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // We do not run the React Compiler, which is what this rule protects; TanStack Virtual's
      // useVirtualizer is used as its docs show.
      'react-hooks/incompatible-library': 'off',
    },
  },
  ...LAYERS.map(layerRule),
);
