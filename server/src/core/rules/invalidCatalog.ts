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
  docs: {
    summary:
      'A custom catalog (`itaku.catalog`, `--catalog`) fails its JSON Schema or its cross-reference checks. In the editor each problem is on the catalog file itself and the built-in catalog is used meanwhile; the CLI prints them as `file:line:column: message` and exits 2.',
    ja: 'カタログ（`itaku.catalog` や `--catalog` で指定した YAML）が JSON Schema または相互参照の検査を通りません。\nエディタでは問題ごとにカタログのファイル自体に指摘が付き、直るまで組み込みのカタログが使われます。CLI は `ファイル:行:桁: メッセージ` を標準エラーに書き、終了コード 2 で終わります。\n\n**対処**: 指摘の位置を直して保存します（保存すると読み直します）。\n',
    en: 'A custom catalog (the YAML named by `itaku.catalog` or `--catalog`) fails its JSON Schema or its cross-reference checks.\nIn the editor each problem is a finding on the catalog file itself, and the built-in catalog is used until it is fixed; the CLI prints `file:line:column: message` on stderr and exits 2.\n\n**Fix**: correct the catalog where the finding says and save it (it is read again on save).\n',
  },
});
