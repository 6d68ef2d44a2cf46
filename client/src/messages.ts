// Every sentence of the extension's own UI that follows the itaku.locale setting (the new-draft
// picker, the Word commands, the workspace check), in 日本語 and English: one entry { ja, en } each,
// `{name}` marking an argument (test/core/messageTables.test.ts checks both languages and names).
// Texts that follow VS Code's display language instead go through vscode.l10n (l10n/); the server's
// texts come from its own tables. No vscode import here, so the table can be tested in Node
// (locale.ts reads the setting).
import { formatMessage, type MessageEntry } from '../../server/src/core/messages';

export type ClientLocale = 'ja' | 'en';

export const CLIENT_TEXTS = {
  // folderCoverageHtml.ts: the categories of a draft, as the server's coverage texts join them.
  categorySeparator: { ja: '・', en: ', ' },
  // newDraft.ts
  newDraftTitle: { ja: 'itaku: 新しい草案', en: 'itaku: new draft' },
  document: { ja: '文書種別', en: 'Document type' },
  categories: { ja: '業務分類（複数選択可）', en: 'Business categories (one or more)' },
  organization: {
    ja: '府省庁名（〔 省 〕に入ります。空欄のままでも可）',
    en: 'The ministry (fills 〔 省 〕; may be left empty)',
  },
  partyA: { ja: '甲（発注者）の名称', en: 'Party 甲 (the ordering body)' },
  partyB: { ja: '乙（受注者）の名称', en: 'Party 乙 (the contractor)' },
  noneMissing: { ja: 'itaku: 不足している必須条項はありません。', en: 'itaku: no required clause is missing.' },
  // word.ts
  wordPick: { ja: '開く Word 文書（.docx）', en: 'Word document (.docx) to open' },
  wordFilter: { ja: 'Word 文書', en: 'Word documents' },
  wordTooLarge: {
    ja: 'itaku: Word 文書が大きすぎます（10 MB まで）。',
    en: 'itaku: the Word document is too large (10 MB at most).',
  },
  wordNoType: {
    ja: 'itaku: この Word 文書のプロパティに文書種別がありません。文書種別と業務分類を選んでください。',
    en: 'itaku: this Word document has no document type in its properties. Choose the document type and categories.',
  },
  wordSaveAs: { ja: 'Word に書き出す', en: 'Export to Word' },
  wordWritten: { ja: 'itaku: {file} に書き出しました。', en: 'itaku: wrote {file}.' },
  // workspaceCheck.ts
  checkTitle: { ja: 'ワークスペースの草案をすべて検査', en: 'Check all drafts in the workspace' },
  checkRunning: {
    ja: 'itaku: ワークスペースの草案を検査しています…',
    en: 'itaku: checking the drafts in the workspace…',
  },
  checkNone: {
    ja: 'itaku: ワークスペースに草案（front matter に document がある Markdown）がありません。',
    en: 'itaku: there is no draft (Markdown with a document key in its front matter) in the workspace.',
  },
  checkSkipped: { ja: '確認できなかったファイル', en: 'not checked' },
  checkSummary: {
    ja: 'itaku: 草案 {drafts} 件を検査: 指摘 {total} 件（エラー {errors}、警告 {warnings}、情報 {information}）',
    en: 'itaku: {drafts} draft(s) checked: {total} problem(s) ({errors} error(s), {warnings} warning(s), {information} info)',
  },
  checkDraftCounts: {
    ja: 'エラー {errors}・警告 {warnings}・情報 {information}',
    en: '{errors} error(s), {warnings} warning(s), {information} info',
  },
} as const satisfies Record<string, MessageEntry>;

export type ClientTextKey = keyof typeof CLIENT_TEXTS;

/** The sentence `key` in `locale`, each `{name}` replaced by `args[name]`. */
export function clientText(
  locale: ClientLocale,
  key: ClientTextKey,
  args: Readonly<Record<string, string | number>> = {},
): string {
  return formatMessage(CLIENT_TEXTS[key], locale, args);
}
