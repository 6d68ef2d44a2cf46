import type { AnalysisResult } from '../core/analyze';

/** One checked file: the public `--format json` entry. */
export interface FileReport extends AnalysisResult {
  path: string;
}

export interface SkippedFile {
  path: string;
  reason: 'binary' | 'not-utf8' | 'unreadable';
  detail?: string;
}

export interface RunReport {
  files: FileReport[];
  skipped: SkippedFile[];
  /** Markdown files that are not drafts (no `document` in the front matter). */
  notDrafts: number;
}

export function counts(report: RunReport) {
  const c = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of report.files) for (const d of f.diagnostics) c[d.severity]++;
  return c;
}
