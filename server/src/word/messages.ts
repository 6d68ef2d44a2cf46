// Every sentence of the Word layer, in 日本語 (default) and English.
import type { Locale } from '../core';
import type { WordLocation } from './draft';
import type { WordProblem } from './package';

type Text = { ja: string; en: string };

const PROBLEMS: Record<WordProblem, Text> = {
  'not-zip': {
    ja: 'Word 文書（.docx）ではありません（zip 形式ではありません）。Word で開き、「Word 文書 (*.docx)」として保存し直してください。',
    en: 'Not a Word document (.docx): the file is not a zip package. Open it in Word and save it as "Word Document (*.docx)".',
  },
  encrypted: {
    ja: 'パスワードで保護された文書か、古い形式（.doc）の文書です（OLE 複合ファイル）。保護を解除し、「Word 文書 (*.docx)」として保存し直してください。',
    en: 'A password-protected document or an old-format .doc (an OLE compound file). Remove the protection and save it as "Word Document (*.docx)".',
  },
  broken: {
    ja: 'Word 文書が壊れていて読めません',
    en: 'The Word document is damaged and cannot be read',
  },
  'not-word': {
    ja: 'zip ですが Word 文書ではありません（word/document.xml がありません）。',
    en: 'A zip package, but not a Word document (it has no main document part).',
  },
  'macro-enabled': {
    ja: 'マクロを含む文書（.docm）は読みません。マクロなしの「Word 文書 (*.docx)」として保存し直してください。',
    en: 'Macro-enabled documents (.docm) are not read. Save it as a macro-free "Word Document (*.docx)".',
  },
  'inflated-too-large': {
    ja: '展開すると大きすぎる Word 文書です（zip 爆弾の疑い）。分析しませんでした。',
    en: 'The Word document inflates to too much data (a possible zip bomb); it was not analysed.',
  },
  empty: {
    ja: 'Word 文書に本文がありません。',
    en: 'The Word document has no text.',
  },
};

export function wordProblemMessage(locale: Locale, problem: WordProblem, detail?: string): string {
  const base = PROBLEMS[problem][locale];
  if (problem !== 'broken') return base;
  const shown = detail ? [...detail.replace(/\s+/g, ' ')].slice(0, 200).join('') : '';
  return shown
    ? `${base}${locale === 'ja' ? `（${shown}）。` : ` (${shown}).`}`
    : `${base}${locale === 'ja' ? '。' : '.'}`;
}

/** A Word location in words: 段落 12（総則 › 秘密の保持）「乙は、本業務に…」, or the property. */
export function describeLocation(locale: Locale, where: WordLocation | undefined): string {
  const ja = locale === 'ja';
  if (!where) return ja ? '文書全体' : 'the whole document';
  switch (where.kind) {
    case 'property':
      return ja ? `文書のプロパティ「${where.name}」` : `document property "${where.name}"`;
    case 'config':
      return ja ? `設定ファイル ${where.file}` : `config file ${where.file}`;
    case 'flag':
      return ja ? `オプション ${where.flag}` : `option ${where.flag}`;
    case 'paragraph': {
      const path = where.headings.length ? where.headings.join(' › ') : '';
      const number = where.number ? `${where.number} ` : '';
      const quoted = where.excerpt ? (ja ? `「${where.excerpt}」` : `“${where.excerpt}”`) : '';
      return ja
        ? `段落 ${where.index}${path ? `（${path}）` : ''} ${number}${quoted}`.trimEnd()
        : `paragraph ${where.index}${path ? ` (${path})` : ''} ${number}${quoted}`.trimEnd();
    }
  }
}

/** Heard from the command line and the editor when a document has no document type. */
export const NO_DOCUMENT_TYPE: Text = {
  ja: '文書種別がありません（Word のファイル → 情報 → プロパティ → 詳細プロパティ → ユーザー設定に「文書種別」と「業務分類」を追加するか、.itaku.yaml か --document / --category で指定してください）',
  en: 'no document type (add the custom properties 文書種別 and 業務分類 in Word under File → Info → Properties → Advanced Properties → Custom, or give them in .itaku.yaml or with --document / --category)',
};

/** The export's warning: what is left to fill, highlighted in the document. */
export function exportWarning(locale: Locale, count: number): string {
  return locale === 'ja'
    ? `未記入のプレースホルダか【…の場合】の見出しが ${count} 件残っています（Word では黄色の蛍光ペンで示しています）。提出前に埋めてください。`
    : `${count} unfilled placeholder(s) or 【…の場合】 marker(s) are left (highlighted in yellow in the document). Fill them in before submitting.`;
}
