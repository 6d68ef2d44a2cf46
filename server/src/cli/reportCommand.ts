// `itaku report`: the coverage of the checked drafts (the same analysis as `check --format json`)
// written as html, md or csv, to standard output or a file.
import { writeFileSync } from 'node:fs';
import { draftCoverage, folderCoverage, type Catalog, type FolderCoverage, type Locale } from '../core';
import { escapeForTerminal } from './escape';
import { cliText } from './messages';
import { formatReportCsv } from './format/reportCsv';
import { formatReportHtml } from './format/reportHtml';
import { formatReportMarkdown } from './format/reportMarkdown';
import { skipReasonText, type RunReport } from './report';

export type ReportFormat = 'html' | 'md' | 'csv';

/** Each draft with its own catalog (a folder's .itaku.yaml may name one); the folder's table with `catalog`. */
export function coverageOfRun(
  report: RunReport,
  catalogOf: (shown: string) => Catalog,
  catalog: Catalog,
  locale: Locale,
): FolderCoverage {
  return folderCoverage(
    report.files.map((f) => draftCoverage(f.path, f, catalogOf(f.path), locale)),
    catalog,
    locale,
  );
}

export function renderReport(model: FolderCoverage, format: ReportFormat, generator: string): string {
  return format === 'csv'
    ? formatReportCsv(model)
    : format === 'md'
      ? formatReportMarkdown(model)
      : formatReportHtml(model, generator);
}

/** Writes the report; returns the exit code (1 when a file could not be checked or no draft was found). */
export function writeReport(
  report: RunReport,
  catalogOf: (shown: string) => Catalog,
  catalog: Catalog,
  locale: Locale,
  format: ReportFormat,
  output: string | undefined,
  generator: string,
): number {
  const text = renderReport(coverageOfRun(report, catalogOf, catalog, locale), format, generator);
  // Files not checked are named on stderr: the report itself lists drafts only.
  for (const s of report.skipped)
    if (s.error) process.stderr.write(`itaku: ${escapeForTerminal(s.path)}: ${skipReasonText(locale, s.reason)}\n`);
  if (output === undefined || output === '-') process.stdout.write(text);
  else {
    try {
      writeFileSync(output, text);
    } catch (e) {
      const message = escapeForTerminal((e as Error).message);
      process.stderr.write(`${cliText(locale, 'cannotWrite', { file: escapeForTerminal(output), message })}\n`);
      return 1;
    }
  }
  if (report.files.length === 0) {
    process.stderr.write(`${cliText(locale, 'noDraftFound')}\n`);
    return 1;
  }
  return report.skipped.some((s) => s.error) ? 1 : 0;
}
