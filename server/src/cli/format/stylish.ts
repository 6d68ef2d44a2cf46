import { joinCategories, localized, messages, type Catalog, type Locale, type Severity } from '../../core';
import { painter } from '../color';
import { escapeForTerminal as esc, notACommand } from '../escape';
import { counts, skipReasonText, type RunReport } from '../report';
import { describeLocation } from '../../word/messages';
import { cliCount, cliText, type CliTextKey } from '../messages';

const SEVERITY_LABEL: Record<Severity, CliTextKey> = {
  error: 'severityError',
  warning: 'severityWarning',
  information: 'severityInformation',
  hint: 'severityHint',
};

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', information: 'blue', hint: 'gray' } as const;

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * eslint-style text report: grouped by file, one line per finding, a summary at the end, then
 * every file that was not checked with its reason. Every value from a draft, the catalog or a
 * file name is escaped (no control character or line break reaches the terminal).
 */
export function formatStylish(
  report: RunReport,
  catalogOf: (path: string) => Catalog,
  locale: Locale,
  color: boolean,
): string {
  const paint = painter(color);
  const out: string[] = [];
  for (const file of report.files) {
    const required = file.clauses.filter((c) => c.requirement === 'required');
    const present = required.filter((c) => c.status !== 'missing');
    const catalog = catalogOf(file.path);
    const docDef = file.document ? own(catalog.def.documentTypes, file.document) : undefined;
    const parts = [
      docDef ? localized(locale, docDef, 'label') : (file.document ?? '?'),
      joinCategories(
        file.categories.map((c) => {
          const category = own(catalog.def.categories, c);
          return category ? localized(locale, category, 'label') : c;
        }),
        locale,
      ) || '?',
    ];
    if (required.length) parts.push(messages.requiredClauses(locale, present.length, required.length));
    out.push(`${paint('underline', esc(file.path))}  ${paint('gray', esc(parts.join(' · ')))}`);
    if (!file.diagnostics.length) {
      out.push(`  ${paint('green', '✓')} ${cliText(locale, 'noProblems')}`);
      out.push('');
      continue;
    }
    const rows = file.diagnostics.map((d) => [
      `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      cliText(locale, SEVERITY_LABEL[d.severity]),
      esc(d.message),
      d.code,
      d.severity,
    ]);
    const word = file.format === 'docx';
    const posWidth = word ? 0 : Math.max(...rows.map((r) => r[0].length));
    const sevWidth = Math.max(...rows.map((r) => width(r[1])));
    rows.forEach(([pos, sev, message, code, severity], i) => {
      const sevText = paint(
        SEVERITY_STYLE[severity as keyof typeof SEVERITY_STYLE],
        sev + ' '.repeat(sevWidth - width(sev)),
      );
      // A Word document has no lines to go to: each finding says, on its own line, which paragraph
      // (or document property) it is on.
      if (word) {
        out.push(`  ${paint('dim', esc(describeLocation(locale, file.diagnostics[i].word)))}`);
        out.push(`    ${sevText}  ${message}  ${paint('gray', code)}`);
      } else out.push(`  ${paint('dim', pos.padEnd(posWidth))}  ${sevText}  ${message}  ${paint('gray', code)}`);
    });
    out.push('');
  }
  const c = counts(report);
  const total = c.error + c.warning + c.information + c.hint;
  const drafts = report.files.length;
  const summary = cliText(locale, 'checkSummary', {
    drafts: cliCount(locale, drafts, 'draftsOne', 'draftsMany'),
    problems: cliCount(locale, total, 'problemsOne', 'problemsMany'),
    errors: cliCount(locale, c.error, 'errorsOne', 'errorsMany'),
    warnings: cliCount(locale, c.warning, 'warningsOne', 'warningsMany'),
    infos: c.information,
  });
  const mark =
    c.error || c.skippedErrors || !drafts ? paint('red', '✖') : c.warning ? paint('yellow', '⚠') : paint('green', '✓');
  out.push(`${mark} ${paint('bold', summary)}`);
  const failed = report.skipped.filter((s) => s.error);
  if (failed.length) out.push(paint('red', cliText(locale, 'failedCount', { count: failed.length })));
  for (const s of failed) out.push(paint('red', `    ${esc(s.path)}: ${skipReasonText(locale, s.reason)}`));
  const passed = report.skipped.filter((s) => !s.error);
  if (passed.length) out.push(paint('gray', cliText(locale, 'skippedCount', { count: passed.length })));
  for (const s of passed) out.push(paint('gray', `    ${esc(s.path)}: ${skipReasonText(locale, s.reason)}`));
  if (!drafts) out.push(paint('yellow', cliText(locale, 'noDraftHint')));
  return out.map(notACommand).join('\n') + '\n';
}

/** Display width: East Asian wide characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}
