// `itaku report --format md`: the coverage tables as GitHub-flavoured Markdown, for a pull-request
// comment. Every text from a draft is escaped: it can add no markup, link, mention or table cell.
import {
  categoriesText,
  coveredText,
  escapeMarkdownInline,
  evidenceText,
  isComplete,
  markdownCode,
  summaryLine,
  type DraftCoverage,
  type FolderCoverage,
} from '../../core';
import { cliText } from '../messages';

/** Literal text in a table cell: no markup, no `|`, no @mention or #123 reference. */
export function cell(text: string): string {
  return escapeMarkdownInline(text).replace(/[@#]/g, (c) => (c === '@' ? '&#64;' : '&#35;'));
}

/** A path as inline code (a table cell's `|` must still be escaped inside it). */
const pathCell = (path: string) => markdownCode(path).replace(/\|/g, '\\|');

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function draftSection(d: DraftCoverage, model: FolderCoverage): string[] {
  const l = model.labels;
  const out = [`### ${pathCell(d.path)}`, '', cell(summaryLine(d, model.locale)), ''];
  if (!d.checked) return d.problem ? [...out, `> ${cell(d.problem)}`, ''] : out;
  const rows = d.rows.map((r) => [
    cell(r.row),
    cell(r.title),
    r.requirement === 'required' ? `**${cell(r.requirementLabel)}**` : cell(r.requirementLabel),
    cell(r.basis),
    r.mark === 'missing' ? `**${cell(r.markLabel)}**` : cell(r.markLabel),
    cell(evidenceText(r, model.locale)),
  ]);
  return [...out, ...table([l.row, l.clause, l.requirement, l.basis, l.status, l.evidenceOrReason], rows), ''];
}

export function formatReportMarkdown(model: FolderCoverage): string {
  const l = model.labels;
  const out = [`## ${cell(l.title)}`, '', `${cell(l.catalog)}: ${cell(model.catalogTitle)}`, ''];
  if (!model.drafts.length) return [...out, cell(l.noDrafts), ''].join('\n');
  out.push(
    ...table(
      [l.file, l.document, l.categories, l.requiredCovered, l.missing, l.waived, l.problems],
      model.drafts.map((d) => [
        pathCell(d.path),
        cell(d.documentLabel ?? '?'),
        cell(categoriesText(d, model.locale) || '?'),
        `${isComplete(d) ? '✓' : '✗'} ${cell(coveredText(d, model.locale))}`,
        d.checked ? String(d.summary.missing) : '—',
        d.checked ? String(d.summary.waived) : '—',
        String(d.summary.problems.error + d.summary.problems.warning),
      ]),
    ),
    '',
    cell(l.legend),
    '',
  );
  // The 表1/表3-like matrix across drafts, when there is more than one of a document type.
  for (const t of model.tables) {
    if (t.columns.length < 2) continue;
    out.push(
      `### ${cell(t.documentLabel)}`,
      '',
      ...table(
        [l.row, l.clause, ...t.columns.map((i) => pathCell(model.drafts[i].path))],
        t.rows.map((r) => [
          cell(r.row),
          cell(r.title),
          ...r.cells.map((c) =>
            c ? cell(cliText(model.locale, 'markWithLevel', { mark: c.markLabel, level: c.requirementLabel })) : '',
          ),
        ]),
      ),
      '',
    );
  }
  for (const d of model.drafts) out.push(...draftSection(d, model));
  return out.join('\n');
}
