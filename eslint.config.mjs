// npm run lint: typescript-eslint's recommended rules, plus the layering rules of the project —
// the language server and the CLI reach the core only through server/src/core/index.ts, and the
// core imports no editor, protocol, file system or process API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Any path into the core other than its entry, from outside it. */
const CORE_BY_PATH = {
  regex: '(^|/)core/(?!index$).+',
  message: 'Import the core only through server/src/core/index.ts (add the export there).',
};

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', '.e2e-cache/**', 'test/e2e/exthost/out/**', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Japanese text holds U+3000 on purpose (in strings, templates and patterns).
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true },
      ],
    },
  },
  // Expected output is written as it prints, spaces and all.
  { files: ['test/**'], rules: { 'no-regex-spaces': 'off' } },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_BY_PATH] }] },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(/.*)?$',
              message: 'The core returns plain data: the editor and the protocol belong to server/src/lsp.',
            },
            {
              regex: '^(node:)?(fs|fs/promises|child_process|worker_threads|net|http|https)$',
              message: 'The core reads no files and starts nothing: it takes text and returns data.',
            },
            { regex: '(^|/)(lsp|cli|io)(/.*)?$', message: 'The core does not import the layers above it.' },
          ],
        },
      ],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  // The registry imports every rule file at start-up: a rule that imported the analysis (which
  // imports the registry) would close a cycle and be undefined in RULES.
  {
    files: ['server/src/core/rules/*.ts', 'server/src/core/fixes/actions.ts'],
    ignores: ['server/src/core/rules/index.ts', 'server/src/core/rules/registry.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^\\.\\.?/(\\.\\./)*(analyze|incremental|index|rules|fixes/quickFixes|fixes/fixAll|quickFixes|fixAll)$',
              allowTypeImports: true,
              message:
                'Rules and their fix helpers may import the analysis and the registry as types only (a cycle otherwise).',
            },
          ],
        },
      ],
    },
  },
);
