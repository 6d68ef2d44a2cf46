// The wording of coverage, shared by the report formats (html, md, csv) and the editor's Coverage view.
import type { CoverageRow, DraftCoverage } from './coverage';
import { messages, type Locale } from '../messages';
import { escapeMarkdown as md, markdownCode as code } from '../text/escapeMarkdown';
import { featureText as say } from './messages';

/** `調達仕様書 · 情報システムの構築等 · 必須条項 6/8` (as the CLI's stylish header and the status bar). */
export function summaryLine(d: DraftCoverage, locale: Locale): string {
  const coverage = d.checked
    ? messages.requiredClauses(locale, d.summary.covered, d.summary.required)
    : messages.clausesNotChecked(locale);
  return [d.documentLabel ?? '?', categoriesText(d, locale) || '?', coverage].join(' · ');
}

/** The draft's categories as the status bar writes them: 情報システムの構築等・オンサイトサービス. */
export function categoriesText(d: DraftCoverage, locale: Locale): string {
  return joinCategories(d.categoryLabels, locale);
}

/** Category labels joined as the status bar, the reports and the CLI write them: a・b / a, b. */
export function joinCategories(labels: readonly string[], locale: Locale): string {
  return labels.join(say(locale, 'categoriesSeparator'));
}

/** The evidence (with its line) of a present clause, the reason of a waived one, else ''. */
export function evidenceText(r: CoverageRow, locale: Locale): string {
  if (r.evidence) return say(locale, 'evidenceLine', { line: r.evidence.line, excerpt: r.evidence.excerpt });
  if (r.waiver)
    return say(locale, 'waiverLine', { reason: r.waiver.reason || say(locale, 'noReason'), line: r.waiver.line });
  return '';
}

/** The Coverage view's row: `✓ 秘密保持…`, `必須 · 表1(2) · 21 行目: (2) 秘密の保持`, and the fix picker's prompt. */
export function rowText(r: CoverageRow, locale: Locale): { label: string; description: string; pick: string } {
  const what = evidenceText(r, locale) || (r.mark === 'missing' ? say(locale, 'clickToInsert') : r.statusLabel);
  return {
    label: `${r.markLabel} ${r.title}`,
    description: [r.requirementLabel, r.row, what].join(' · '),
    pick: say(locale, 'fixFor', { title: r.title }),
  };
}

/** The Coverage view's tooltip of a row (Markdown; every text escaped). */
export function rowTooltip(r: CoverageRow, locale: Locale): string {
  const lines = [
    `**${md(r.title)}** (${code(r.clause)}) — ${md(r.row)}`,
    '',
    say(locale, 'tooltipRequirement', { level: md(r.requirementLabel), basis: md(r.basis) }),
    '',
    say(locale, 'tooltipStatus', { status: md(`${r.markLabel} ${r.statusLabel}`) }),
  ];
  if (r.evidence)
    lines.push('', say(locale, 'tooltipEvidence', { line: r.evidence.line, excerpt: md(r.evidence.excerpt) }));
  if (r.waiver) lines.push('', say(locale, 'tooltipWaiver', { reason: md(r.waiver.reason) }));
  if (r.mark === 'missing') lines.push('', say(locale, 'tooltipPickFix'));
  return lines.join('\n');
}
