// Every sentence of the Word layer, in 日本語 (default) and English.
import { formatMessage, type Locale, type MessageEntry } from '../core';
import type { WordLocation } from './draft';
import type { WordProblem } from './package';

/**
 * Every sentence of the Word layer: one entry { ja, en } each, `{name}` marking an argument
 * (test/core/messageTables.test.ts checks both languages and names).
 */
export const WORD_TEXTS = {
  problemNotZip: {
    ja: 'Word 文書（.docx）ではありません（zip 形式ではありません）。Word で開き、「Word 文書 (*.docx)」として保存し直してください。',
    en: 'Not a Word document (.docx): the file is not a zip package. Open it in Word and save it as "Word Document (*.docx)".',
  },
  problemEncrypted: {
    ja: 'パスワードで保護された文書か、古い形式（.doc）の文書です（OLE 複合ファイル）。保護を解除し、「Word 文書 (*.docx)」として保存し直してください。',
    en: 'A password-protected document or an old-format .doc (an OLE compound file). Remove the protection and save it as "Word Document (*.docx)".',
  },
  problemBroken: {
    ja: 'Word 文書が壊れていて読めません',
    en: 'The Word document is damaged and cannot be read',
  },
  problemNotWord: {
    ja: 'zip ですが Word 文書ではありません（word/document.xml がありません）。',
    en: 'A zip package, but not a Word document (it has no main document part).',
  },
  problemMacroEnabled: {
    ja: 'マクロを含む文書（.docm）は読みません。マクロなしの「Word 文書 (*.docx)」として保存し直してください。',
    en: 'Macro-enabled documents (.docm) are not read. Save it as a macro-free "Word Document (*.docx)".',
  },
  problemInflatedTooLarge: {
    ja: '展開すると大きすぎる Word 文書です（zip 爆弾の疑い）。分析しませんでした。',
    en: 'The Word document inflates to too much data (a possible zip bomb); it was not analysed.',
  },
  problemEmpty: {
    ja: 'Word 文書に本文がありません。',
    en: 'The Word document has no text.',
  },
  brokenDetail: { ja: '（{detail}）。', en: ' ({detail}).' },
  sentenceEnd: { ja: '。', en: '.' },
  wholeDocument: { ja: '文書全体', en: 'the whole document' },
  atProperty: { ja: '文書のプロパティ「{name}」', en: 'document property "{name}"' },
  atConfig: { ja: '設定ファイル {file}', en: 'config file {file}' },
  atFlag: { ja: 'オプション {flag}', en: 'option {flag}' },
  atParagraph: { ja: '段落 {index}{path} {number}{quoted}', en: 'paragraph {index}{path} {number}{quoted}' },
  paragraphPath: { ja: '（{path}）', en: ' ({path})' },
  paragraphExcerpt: { ja: '「{excerpt}」', en: '“{excerpt}”' },
  /** Heard from the command line and the editor when a document has no document type. */
  noDocumentType: {
    ja: '文書種別がありません（Word のファイル → 情報 → プロパティ → 詳細プロパティ → ユーザー設定に「文書種別」と「業務分類」を追加するか、.itaku.yaml か --document / --category で指定してください）',
    en: 'no document type (add the custom properties 文書種別 and 業務分類 in Word under File → Info → Properties → Advanced Properties → Custom, or give them in .itaku.yaml or with --document / --category)',
  },
  exportWarning: {
    ja: '未記入のプレースホルダか【…の場合】の見出しが {count} 件残っています（Word では黄色の蛍光ペンで示しています）。提出前に埋めてください。',
    en: '{count} unfilled placeholder(s) or 【…の場合】 marker(s) are left (highlighted in yellow in the document). Fill them in before submitting.',
  },
} as const satisfies Record<string, MessageEntry>;

type WordTextKey = keyof typeof WORD_TEXTS;
const say = (locale: Locale, key: WordTextKey, args: Readonly<Record<string, string | number>> = {}) =>
  formatMessage(WORD_TEXTS[key], locale, args);

const PROBLEMS: Record<WordProblem, WordTextKey> = {
  'not-zip': 'problemNotZip',
  encrypted: 'problemEncrypted',
  broken: 'problemBroken',
  'not-word': 'problemNotWord',
  'macro-enabled': 'problemMacroEnabled',
  'inflated-too-large': 'problemInflatedTooLarge',
  empty: 'problemEmpty',
};

export function wordProblemMessage(locale: Locale, problem: WordProblem, detail?: string): string {
  const base = say(locale, PROBLEMS[problem]);
  if (problem !== 'broken') return base;
  const shown = detail ? [...detail.replace(/\s+/g, ' ')].slice(0, 200).join('') : '';
  return `${base}${shown ? say(locale, 'brokenDetail', { detail: shown }) : say(locale, 'sentenceEnd')}`;
}

/** A Word location in words: 段落 12（総則 › 秘密の保持）「乙は、本業務に…」, or the property. */
export function describeLocation(locale: Locale, where: WordLocation | undefined): string {
  if (!where) return say(locale, 'wholeDocument');
  switch (where.kind) {
    case 'property':
      return say(locale, 'atProperty', { name: where.name });
    case 'config':
      return say(locale, 'atConfig', { file: where.file });
    case 'flag':
      return say(locale, 'atFlag', { flag: where.flag });
    case 'paragraph': {
      const path = where.headings.length ? say(locale, 'paragraphPath', { path: where.headings.join(' › ') }) : '';
      const number = where.number ? `${where.number} ` : '';
      const quoted = where.excerpt ? say(locale, 'paragraphExcerpt', { excerpt: where.excerpt }) : '';
      return say(locale, 'atParagraph', { index: where.index, path, number, quoted }).trimEnd();
    }
  }
}

/** Heard from the command line and the editor when a document has no document type. */
export const NO_DOCUMENT_TYPE: MessageEntry = WORD_TEXTS.noDocumentType;

/** The export's warning: what is left to fill, highlighted in the document. */
export function exportWarning(locale: Locale, count: number): string {
  return say(locale, 'exportWarning', { count });
}
