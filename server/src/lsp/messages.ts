// Every user-facing sentence of the language server that the core does not write, in 日本語 and
// English: one table, one entry { ja, en } per sentence (a test checks both are there, with the
// same {names}). The core's sentences are in its own tables (server/src/core/messages.ts and the
// messages.ts of core/catalog, core/features and core/fixes).
import { formatMessage, type Locale, type MessageEntry } from '../core';

export const LSP_TEXTS = {
  coverageStopped: {
    ja: '解析が時間またはメモリの上限を超えたため、表に含めていません（ファイルを開くと平文として確認できます）',
    en: 'left out: its analysis ran past the time or memory limit (open the file to check it as plain text)',
  },
  catalogNotFound: {
    ja: 'itaku: カタログ {file} が見つかりません。組み込みのカタログを使います。',
    en: 'itaku: the catalog {file} was not found; using the built-in catalog.',
  },
  catalogNotUtf8: { ja: 'UTF-8 ではありません', en: 'it is not UTF-8' },
  catalogTooDeep: { ja: '入れ子が深すぎて読めません', en: 'it is nested too deeply to be read' },
  catalogLoadFailed: { ja: '読み込みに失敗しました（{error}）', en: 'loading it failed ({error})' },
  catalogHasProblems: {
    ja: 'itaku: カタログ {name} に {count} 件の誤りがあります（問題パネルを参照）。直るまで組み込みのカタログを使います。',
    en: 'itaku: the catalog {name} has {count} problem(s) (see the Problems panel); using the built-in catalog until it is fixed.',
  },
  catalogUnusableFinding: {
    ja: 'カタログとして使えません: {why}。組み込みのカタログを使います。',
    en: 'This catalog cannot be used: {why}. The built-in catalog is used.',
  },
  catalogUnusable: {
    ja: 'itaku: カタログ {file} は使えません（{why}）。組み込みのカタログを使います。',
    en: 'itaku: the catalog {file} cannot be used ({why}); using the built-in catalog.',
  },
  configUnusable: {
    ja: 'itaku: 設定ファイル {file} は使えません（{why}）。この設定ファイルなしで確認します。',
    en: 'itaku: the configuration {file} cannot be used ({why}); drafts are checked without it.',
  },
  untrustedCatalog: {
    ja: 'itaku: このワークスペースは信頼されていないため、{name} が指定するカタログ「{catalog}」は使いません。ユーザー設定の itaku.catalog か組み込みのカタログを使います（{name} のほかの設定は有効です）。ワークスペースを信頼すると使えます。',
    en: 'itaku: this workspace is not trusted, so the catalog "{catalog}" named in {name} is not used; your user setting itaku.catalog or the built-in catalog applies (the rest of {name} does). Trust the workspace to use it.',
  },
  fixAllMissing: {
    ja: '不足している必須条項をすべて挿入（{count} 件）',
    en: 'Insert all missing required clauses ({count})',
  },
  fixAllValues: { ja: 'front matter の値ですべて置き換える', en: 'Replace all with the front-matter values' },
  statusUnchecked: {
    ja: 'itaku: front matter（YAML、document、category）に問題があるため、必須条項を判定できません。指摘 {count} 件。クリックで条項カバレッジを表示します。',
    en: 'itaku: the clauses cannot be checked until the front matter (YAML, document, category) is fixed. {count} problem(s). Click to show the clause coverage.',
  },
  statusChecked: {
    ja: 'itaku: この草案の指摘 {count} 件。クリックで条項カバレッジを表示します。',
    en: 'itaku: {count} problem(s) in this draft. Click to show the clause coverage.',
  },
  analysing: { ja: 'itaku: 解析中…', en: 'itaku: analysing…' },
  wordTooLarge: {
    ja: 'Word 文書が大きすぎます（10 MB まで）。',
    en: 'The Word document is too large (10 MB at most).',
  },
  draftTooLarge: {
    ja: '草案が大きすぎて、エディタからは Word に書き出せません（{limit} MB まで）。ターミナルで npx itaku export <ファイル> --format docx を使ってください。',
    en: 'The draft is too large to export to Word from the editor ({limit} MB at most). Use npx itaku export <file> --format docx in a terminal.',
  },
  wordWorkerFailed: {
    ja: 'Word の変換が途中で止まりました（メモリ不足など）。ほかの処理は続いています。ターミナルで npx itaku export <ファイル> --format docx（Markdown への変換は npx itaku import）を試してください。',
    en: 'The Word conversion stopped before it finished (out of memory, or similar). Everything else goes on. Try npx itaku export <file> --format docx (or npx itaku import for Markdown) in a terminal.',
  },
  exportBrokenYaml: {
    ja: 'front matter の YAML が壊れているため書き出せません（文書のプロパティにできません）。問題パネルの指摘を直してください。',
    en: 'The front-matter YAML is broken, so the draft cannot be exported (it cannot become document properties). Fix the problem shown in the Problems panel.',
  },
} as const satisfies Record<string, MessageEntry>;

export type LspTextKey = keyof typeof LSP_TEXTS;

/** The sentence `key` in `locale`, each `{name}` replaced by `args[name]`. */
export function lspText(locale: Locale, key: LspTextKey, args: Record<string, string | number> = {}): string {
  return formatMessage(LSP_TEXTS[key], locale, args);
}
