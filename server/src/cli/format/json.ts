import type { RunReport } from '../report';

/** `--format json`: public API, version 1 (fields may be added, none removed). */
export function formatJson(report: RunReport): string {
  return (
    JSON.stringify(
      {
        version: 1,
        files: report.files.map((f) => ({
          path: f.path,
          ...(f.format ? { format: f.format } : {}),
          document: f.document,
          categories: f.categories,
          options: f.options,
          clauses: f.clauses,
          diagnostics: f.diagnostics.map((d) => {
            const { source: _source, ...rest } = d;
            return rest;
          }),
        })),
        skipped: report.skipped,
      },
      null,
      2,
    ) + '\n'
  );
}
