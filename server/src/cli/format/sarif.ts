import { DIAGNOSTIC_CODES } from '../../core/findings';
import { codeTitle, type Locale } from '../../core/messages';
import type { RunReport } from '../report';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0 for code-scanning dashboards. Columns are UTF-16 code units, like LSP. */
export function formatSarif(report: RunReport, version: string, locale: Locale): string {
  const results = report.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: f.path.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      }],
      ...(d.clause ? { properties: { clause: d.clause } } : {}),
    })),
  );
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'itaku',
          version,
          rules: DIAGNOSTIC_CODES.map((code) => ({ id: code, shortDescription: { text: codeTitle(locale, code) } })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  }, null, 2) + '\n';
}
