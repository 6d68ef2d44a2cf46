// `itaku report --format csv`: one row per draft × clause, UTF-8 with a BOM (so Excel reads it as
// UTF-8), RFC 4180 quoting and CRLF line breaks.
import { categoriesText, type FolderCoverage } from '../../core';

/**
 * One RFC 4180 field. A text from a draft that a spreadsheet would run as a formula (= + - @,
 * tab, CR) gets a leading apostrophe, as OWASP recommends against CSV injection.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatReportCsv(model: FolderCoverage): string {
  const l = model.labels;
  const lines = [
    [
      l.file,
      l.document,
      l.categories,
      l.clauseId,
      l.clause,
      l.row,
      l.requirement,
      l.basis,
      l.status,
      l.line,
      l.evidence,
      l.reason,
    ],
  ];
  for (const d of model.drafts) {
    const head = [d.path, d.documentLabel ?? '', categoriesText(d, model.locale)];
    if (!d.checked) {
      lines.push([...head, '', '', '', '', '', l.notChecked, '', d.problem ?? '', '']);
      continue;
    }
    for (const r of d.rows)
      lines.push([
        ...head,
        r.clause,
        r.title,
        r.row,
        r.requirementLabel,
        r.basis,
        r.statusLabel,
        String(r.evidence?.line ?? r.waiver?.line ?? ''),
        r.evidence?.excerpt ?? '',
        r.waiver?.reason ?? '',
      ]);
  }
  return `\uFEFF${lines.map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}
