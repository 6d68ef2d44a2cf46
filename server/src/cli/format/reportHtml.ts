// `itaku report --format html`: one self-contained file for a 決裁 file. No script, no external
// asset, a content security policy that allows only its own style, and print rules for A4 landscape.
import { createHash } from 'node:crypto';
import {
  categoriesText,
  coveredText,
  evidenceText,
  isComplete,
  summaryLine,
  type DraftCoverage,
  type FolderCoverage,
} from '../../core';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (from a draft or the catalog) as HTML text or attribute value: it can add no markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const STYLE = `
@page { size: A4 landscape; margin: 12mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 24px; color: #1a1a1a; background: #fff; font: 10pt/1.5 "Noto Sans CJK JP", "IPAexGothic", "IPAGothic", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; }
h1 { font-size: 16pt; margin: 0 0 4px; }
h2 { font-size: 12.5pt; margin: 20px 0 4px; border-bottom: 2px solid #345; padding-bottom: 2px; }
h2 code { font-size: 11pt; }
p { margin: 2px 0 6px; }
.meta, .legend { color: #444; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; }
th, td { border: 1px solid #9aa3ad; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #e8edf2; font-weight: bold; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.mark { text-align: center; white-space: nowrap; font-weight: bold; }
td.mark .req { font-weight: normal; font-size: 8.5pt; color: #444; }
td.row { white-space: nowrap; }
td.basis { font-size: 8.5pt; color: #333; }
td.evidence { font-size: 9pt; }
.present { color: #17622b; }
.missing { color: #b3001b; background: #fdecee; }
.waived { color: #7a4d00; background: #fff5df; }
.not-needed { color: #777; }
tr.not-applicable td { color: #888; }
td.level { white-space: nowrap; }
td.required { font-weight: bold; }
code { font-family: "Noto Sans Mono CJK JP", "IPAGothic", monospace; }
section.draft { margin-top: 18px; }
@media print {
  body { margin: 0; }
  section.draft { break-before: page; page-break-before: always; }
}
`.trim();

const HASH = createHash('sha256').update(STYLE).digest('base64');
/** Nothing may load or run: only the one inline style (by its hash) applies. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${HASH}'; img-src 'none'; font-src 'none'; script-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;

const e = escapeHtml;

function summaryTable(model: FolderCoverage): string {
  const l = model.labels;
  const rows = model.drafts.map((d) => {
    const done = isComplete(d);
    return `<tr><td><code>${e(d.path)}</code></td><td>${e(d.documentLabel ?? '?')}</td><td>${e(categoriesText(d, model.locale) || '?')}</td><td class="num ${done ? 'present' : 'missing'}">${done ? '✓' : '✗'} ${e(coveredText(d, model.locale))}</td><td class="num">${d.checked ? d.summary.missing : '—'}</td><td class="num">${d.checked ? d.summary.waived : '—'}</td><td class="num">${d.summary.problems.error + d.summary.problems.warning}</td></tr>`;
  });
  return `<table class="summary"><thead><tr><th>${e(l.file)}</th><th>${e(l.document)}</th><th>${e(l.categories)}</th><th class="num">${e(l.requiredCovered)}</th><th class="num">${e(l.missing)}</th><th class="num">${e(l.waived)}</th><th class="num">${e(l.problems)}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function matrices(model: FolderCoverage): string[] {
  const l = model.labels;
  return model.tables
    .filter((t) => t.columns.length > 1)
    .map((t) => {
      const head = t.columns.map((i) => `<th><code>${e(model.drafts[i].path)}</code></th>`).join('');
      const rows = t.rows.map(
        (r) =>
          `<tr><td class="row">${e(r.row)}</td><td>${e(r.title)}</td>${r.cells
            .map((c) =>
              c
                ? `<td class="mark ${c.mark}">${e(c.markLabel)} <span class="req">${e(c.requirementLabel)}</span></td>`
                : '<td></td>',
            )
            .join('')}</tr>`,
      );
      return `<section class="matrix"><h2>${e(t.documentLabel)}</h2><table><thead><tr><th>${e(l.row)}</th><th>${e(l.clause)}</th>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></section>`;
    });
}

function draftSection(d: DraftCoverage, model: FolderCoverage): string {
  const l = model.labels;
  const head = `<h2><code>${e(d.path)}</code></h2><p>${e(summaryLine(d, model.locale))}</p>`;
  if (!d.checked)
    return `<section class="draft">${head}${d.problem ? `<p class="missing">${e(d.problem)}</p>` : ''}</section>`;
  const rows = d.rows.map(
    (r) =>
      `<tr class="${r.requirement}"><td class="row">${e(r.row)}</td><td>${e(r.title)}</td><td class="level${r.requirement === 'required' ? ' required' : ''}">${e(r.requirementLabel)}</td><td class="basis">${e(r.basis)}</td><td class="mark ${r.mark}">${e(r.markLabel)}</td><td class="evidence">${e(evidenceText(r, model.locale))}</td></tr>`,
  );
  return `<section class="draft">${head}<table><thead><tr><th>${e(l.row)}</th><th>${e(l.clause)}</th><th>${e(l.requirement)}</th><th>${e(l.basis)}</th><th>${e(l.status)}</th><th>${e(l.evidenceOrReason)}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></section>`;
}

export function formatReportHtml(model: FolderCoverage, generator: string): string {
  const l = model.labels;
  const body = model.drafts.length
    ? [
        `<section class="summary"><h2>${e(l.summary)}</h2>${summaryTable(model)}</section>`,
        ...matrices(model),
        ...model.drafts.map((d) => draftSection(d, model)),
      ]
    : [`<p>${e(l.noDrafts)}</p>`];
  return `<!DOCTYPE html>
<html lang="${model.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(generator)}">
<title>${e(l.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${e(l.title)}</h1><p class="meta">${e(l.catalog)}: ${e(model.catalogTitle)}</p><p class="legend">${e(l.legend)}</p></header>
${body.join('\n')}
</body>
</html>
`;
}
