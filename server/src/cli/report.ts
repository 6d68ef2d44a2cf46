import type { AnalysisResult } from '../core';
import { readFailureMessage } from '../io/readFile';
import type { WordDiagnostic } from '../word/check';
import { NO_DOCUMENT_TYPE } from '../word/messages';

/** One checked file: the public `--format json` entry. */
export interface FileReport extends AnalysisResult {
  path: string;
  /** Set for a Word document: its findings then carry `word` locations. */
  format?: 'docx';
  diagnostics: WordDiagnostic[];
}

/** Why a file was not checked. */
export type SkipReason =
  | 'binary'
  | 'not-utf8'
  | 'unreadable'
  | 'not-found'
  | 'not-a-file'
  | 'permission-denied'
  | 'symlink-loop'
  | 'broken-symlink'
  | 'unreadable-folder'
  | 'not-a-draft'
  | 'no-document-type'
  /** Named on the command line, but matched by `ignores` in .itaku.yaml. */
  | 'ignored';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  /** True when the file should have been checked and could not be: the run fails (exit 1). */
  error: boolean;
}

/** Reasons that are not errors: a folder walk met a loop, or a Markdown file is not a draft. */
const NOT_ERRORS: ReadonlySet<SkipReason> = new Set(['symlink-loop', 'not-a-draft', 'no-document-type', 'ignored']);

export const skipped = (path: string, reason: SkipReason): SkippedFile => ({
  path,
  reason,
  error: !NOT_ERRORS.has(reason),
});

export interface RunReport {
  files: FileReport[];
  /** Files not checked, with the reason, in the order met (non-drafts included). */
  skipped: SkippedFile[];
  /** Markdown files that are not drafts (no `document` in the front matter). */
  notDrafts: number;
}

export function counts(report: RunReport) {
  const c = { error: 0, warning: 0, information: 0, hint: 0, skippedErrors: 0 };
  for (const f of report.files) for (const d of f.diagnostics) c[d.severity]++;
  for (const s of report.skipped) if (s.error) c.skippedErrors++;
  return c;
}

export function skipReasonText(locale: 'ja' | 'en', reason: SkipReason): string {
  const ja = locale === 'ja';
  switch (reason) {
    case 'binary':
      return ja ? 'バイナリファイルです（UTF-8 のテキストにしてください）' : 'a binary file (save it as UTF-8 text)';
    case 'not-utf8':
      return ja
        ? 'UTF-8 ではありません（Shift_JIS などは UTF-8 で保存し直してください）'
        : 'not UTF-8 (re-save Shift_JIS and other encodings as UTF-8)';
    case 'not-found':
      return ja ? '見つかりません' : 'not found';
    case 'not-a-file':
      return ja
        ? '通常のファイルではありません（デバイス・FIFO などは読みません）'
        : 'not a regular file (devices and FIFOs are not read)';
    case 'permission-denied':
    case 'symlink-loop':
      return readFailureMessage(locale, reason);
    case 'broken-symlink':
      return ja ? 'リンク先のないシンボリックリンクです' : 'a broken symbolic link';
    case 'unreadable-folder':
      return ja ? 'フォルダを読めません' : 'the folder cannot be read';
    case 'not-a-draft':
      return ja
        ? '草案ではありません（front matter に document がありません）'
        : 'not a draft (no document in the front matter)';
    case 'no-document-type':
      return NO_DOCUMENT_TYPE[locale];
    case 'ignored':
      return ja ? '.itaku.yaml の ignores で除外されています' : 'ignored by the ignores of .itaku.yaml';
    default:
      return readFailureMessage(locale, 'unreadable');
  }
}
