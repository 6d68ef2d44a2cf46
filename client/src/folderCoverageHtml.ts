// The folder table's HTML (one row per clause, one column per draft). It runs no script and loads
// nothing: a strict content security policy, theme colours through VS Code's CSS variables, and
// command links (limited to OPEN_CELL by the panel's options) to open a draft at a clause.
import type { FolderCoverage } from '../../server/src/core';
import type { FolderCoverageAnswer } from '../../server/src/protocol';
import { clientText } from './messages';

/** Internal command: a cell or a column heading of the table was clicked. */
export const OPEN_CELL = 'itaku.coverage.openCell';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const e = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const commandLink = (uri: string, clause?: string) =>
  `command:${OPEN_CELL}?${encodeURIComponent(JSON.stringify(clause ? [uri, clause] : [uri]))}`;

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.4em; }
p { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorGroup-border)); padding: 2px 6px; text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background); font-weight: 600; }
td.mark { text-align: center; white-space: nowrap; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { text-decoration: underline; }
.present a, .present { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.missing a, .missing { color: var(--vscode-errorForeground); font-weight: 600; }
.waived a, .waived { color: var(--vscode-editorWarning-foreground); }
.not-needed { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); }
`;

export function folderCoverageHtml(answer: FolderCoverageAnswer, folderName: string, nonce: string): string {
  const m: FolderCoverage = answer.coverage;
  const l = m.labels;
  const summary = m.drafts
    .map((d, i) => {
      const done = d.checked && d.summary.missing === 0;
      const count = d.checked ? `${d.summary.covered}/${d.summary.required}` : l.notChecked;
      return `<tr><td><a href="${commandLink(answer.uris[i])}">${e(d.path)}</a></td><td>${e(d.documentLabel ?? '?')}</td><td>${e(d.categoryLabels.join(clientText(m.locale, 'categorySeparator')) || '?')}</td><td class="mark ${done ? 'present' : 'missing'}">${done ? '✓' : '✗'} ${e(count)}</td></tr>`;
    })
    .join('\n');
  const tables = m.tables
    .map((t) => {
      const head = t.columns
        .map((i) => `<th><a href="${commandLink(answer.uris[i])}">${e(m.drafts[i].path)}</a></th>`)
        .join('');
      const rows = t.rows
        .map(
          (r) =>
            `<tr><td>${e(r.row)}</td><td>${e(r.title)}</td>${r.cells
              .map((c, k) => {
                if (!c) return '<td></td>';
                const text = `${e(c.markLabel)} <small>${e(c.requirementLabel)}</small>`;
                const uri = answer.uris[t.columns[k]];
                return c.mark === 'not-needed'
                  ? `<td class="mark not-needed">${text}</td>`
                  : `<td class="mark ${c.mark}"><a href="${commandLink(uri, r.clause)}">${text}</a></td>`;
              })
              .join('')}</tr>`,
        )
        .join('\n');
      return `<h2>${e(t.documentLabel)}</h2><table class="matrix"><thead><tr><th>${e(l.row)}</th><th>${e(l.clause)}</th>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    })
    .join('\n');
  const skipped = answer.skipped.length
    ? `<p>${answer.skipped.map((s) => `${e(s.path)}: ${e(s.reason)}`).join('<br>')}</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="${m.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; script-src 'none'; font-src 'none';">
<style nonce="${nonce}">${STYLE}</style>
<title>${e(l.title)}</title>
</head>
<body>
<h1>${e(l.title)} — ${e(folderName)}</h1>
<p>${e(l.catalog)}: ${e(m.catalogTitle)} · ${e(l.legend)}</p>
${m.drafts.length ? `<table class="summary"><thead><tr><th>${e(l.file)}</th><th>${e(l.document)}</th><th>${e(l.categories)}</th><th>${e(l.requiredCovered)}</th></tr></thead><tbody>\n${summary}\n</tbody></table>` : `<p>${e(l.noDrafts)}</p>`}
${tables}
${skipped}
</body>
</html>`;
}
