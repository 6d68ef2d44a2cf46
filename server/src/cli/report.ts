import type { AnalysisResult } from '../core';
import type { WordDiagnostic } from '../word/check';
import { NO_DOCUMENT_TYPE } from '../word/messages';
import { cliText, type CliTextKey } from './messages';

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

const SKIP_TEXT: Partial<Record<SkipReason, CliTextKey>> = {
  binary: 'skipBinary',
  'not-utf8': 'skipNotUtf8',
  'not-found': 'skipNotFound',
  'not-a-file': 'skipNotAFile',
  'permission-denied': 'skipPermissionDenied',
  'symlink-loop': 'skipSymlinkLoop',
  'broken-symlink': 'skipBrokenSymlink',
  'unreadable-folder': 'skipUnreadableFolder',
  'not-a-draft': 'skipNotADraft',
  ignored: 'skipIgnored',
};

export function skipReasonText(locale: 'ja' | 'en', reason: SkipReason): string {
  if (reason === 'no-document-type') return NO_DOCUMENT_TYPE[locale];
  const key = Object.hasOwn(SKIP_TEXT, reason) ? SKIP_TEXT[reason] : undefined;
  return cliText(locale, key ?? 'skipUnreadable');
}
