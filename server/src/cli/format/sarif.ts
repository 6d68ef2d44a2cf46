import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeDescription, codeTitle, DIAGNOSTIC_CODES, type Locale } from '../../core';
import { skipReasonText, type RunReport } from '../report';
import { readmeUri, ruleDocUri } from '../../io/ruleDocs';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** Percent-encodes each segment of a relative path ("a b/#1.md" → "a%20b/%231.md"). */
const encodePath = (segments: string[]) => segments.map((s) => encodeURIComponent(s)).join('/');

/**
 * Where an artifact is: a percent-encoded URI relative to a base, never with `../`. Files under
 * the working directory are relative to %SRCROOT% (the working directory); others to ROOT (the
 * file-system root).
 */
function artifactLocation(shown: string, cwd: string): { uri: string; uriBaseId: string } {
  const absolute = path.resolve(cwd, shown);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative))
    return { uri: encodePath(relative.split(path.sep)), uriBaseId: '%SRCROOT%' };
  const root = path.parse(absolute).root;
  return { uri: encodePath(absolute.slice(root.length).split(path.sep)), uriBaseId: 'ROOT' };
}

const directoryUri = (dir: string) => {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
};

/** SARIF 2.1.0 for code-scanning dashboards. Columns are UTF-16 code units, like LSP. */
export function formatSarif(report: RunReport, version: string, locale: Locale, cwd = process.cwd()): string {
  const results = report.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f.path, cwd),
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
      ...(d.clause ? { properties: { clause: d.clause } } : {}),
    })),
  );
  // Files that were not checked: errors (unreadable, undecodable) and the others, as notifications.
  const notifications = report.skipped.map((s) => ({
    level: s.error ? 'error' : 'note',
    message: { text: `${s.path}: ${skipReasonText(locale, s.reason)}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(s.path, cwd) } }],
    properties: { reason: s.reason },
  }));
  return (
    JSON.stringify(
      {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'itaku',
                version,
                informationUri: readmeUri(),
                rules: DIAGNOSTIC_CODES.map((code) => ({
                  id: code,
                  shortDescription: { text: codeTitle(locale, code) },
                  fullDescription: { text: codeDescription(locale, code) },
                  helpUri: ruleDocUri(code),
                })),
              },
            },
            originalUriBaseIds: {
              '%SRCROOT%': { uri: directoryUri(cwd) },
              ROOT: { uri: directoryUri(path.parse(path.resolve(cwd)).root) },
            },
            invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
            columnKind: 'utf16CodeUnits',
            // Lines end at CRLF, LF and a lone CR, as in the editor (a CR-only file has lines too).
            newlineSequences: ['\r\n', '\n', '\r'],
            results,
          },
        ],
      },
      null,
      2,
    ) + '\n'
  );
}
