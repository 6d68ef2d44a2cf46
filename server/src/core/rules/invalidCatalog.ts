import { defineRule } from './rule';

// Reported on the catalog file itself by the server (server/src/lsp/catalogs.ts), and by the CLI on stderr.
export default defineRule({
  code: 'invalid-catalog',
  severity: 'error',
  title: { ja: 'カタログが不正', en: 'Invalid catalog' },
  description: {
    ja: 'カタログ（YAML）がスキーマや相互参照の検査を通りません。組み込みのカタログが代わりに使われます。',
    en: 'The catalog (YAML) fails its schema or cross-reference checks; the built-in catalog is used instead.',
  },
  docs: 'A custom catalog (`itaku.catalog`, `--catalog`) fails its JSON Schema or its cross-reference checks. In the editor each problem is on the catalog file itself and the built-in catalog is used meanwhile; the CLI prints them as `file:line:column: message` and exits 2.',
});
