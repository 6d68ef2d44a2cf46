// The wording of coverage, shared by the report formats (html, md, csv) and the editor's Coverage view.
import type { CoverageRow, DraftCoverage } from './coverage';
import { messages, type Locale } from '../messages';
import { escapeMarkdown as md, markdownCode as code } from '../text/escapeMarkdown';

/** `調達仕様書 · 情報システムの構築等 · 必須条項 6/8` (as the CLI's stylish header and the status bar). */
export function summaryLine(d: DraftCoverage, locale: Locale): string {
  const coverage = d.checked
    ? messages.requiredClauses(locale, d.summary.covered, d.summary.required)
    : messages.clausesNotChecked(locale);
  return [d.documentLabel ?? '?', categoriesText(d, locale) || '?', coverage].join(' · ');
}

/** The draft's categories as the status bar writes them: 情報システムの構築等・オンサイトサービス. */
export function categoriesText(d: DraftCoverage, locale: Locale): string {
  return d.categoryLabels.join(locale === 'ja' ? '・' : ', ');
}

/** The evidence (with its line) of a present clause, the reason of a waived one, else ''. */
export function evidenceText(r: CoverageRow, locale: Locale): string {
  const ja = locale === 'ja';
  if (r.evidence)
    return ja ? `${r.evidence.line} 行目: ${r.evidence.excerpt}` : `line ${r.evidence.line}: ${r.evidence.excerpt}`;
  if (r.waiver)
    return ja
      ? `適用除外の理由: ${r.waiver.reason || '（理由なし）'}（${r.waiver.line} 行目）`
      : `waived: ${r.waiver.reason || '(no reason given)'} (line ${r.waiver.line})`;
  return '';
}

/** The Coverage view's row: `✓ 秘密保持…`, `必須 · 表1(2) · 21 行目: (2) 秘密の保持`, and the fix picker's prompt. */
export function rowText(r: CoverageRow, locale: Locale): { label: string; description: string; pick: string } {
  const ja = locale === 'ja';
  const what =
    evidenceText(r, locale) ||
    (r.mark === 'missing'
      ? ja
        ? 'クリックで雛形の文言を挿入'
        : 'click to insert the template wording'
      : r.statusLabel);
  return {
    label: `${r.markLabel} ${r.title}`,
    description: [r.requirementLabel, r.row, what].join(' · '),
    pick: ja ? `「${r.title}」の修正` : `Fix for "${r.title}"`,
  };
}

/** The Coverage view's tooltip of a row (Markdown; every text escaped). */
export function rowTooltip(r: CoverageRow, locale: Locale): string {
  const ja = locale === 'ja';
  const lines = [
    `**${md(r.title)}** (${code(r.clause)}) — ${md(r.row)}`,
    '',
    ja
      ? `要否: **${md(r.requirementLabel)}**（根拠: ${md(r.basis)}）`
      : `Requirement: **${md(r.requirementLabel)}** (basis: ${md(r.basis)})`,
    '',
    `${ja ? '状況' : 'Status'}: ${md(`${r.markLabel} ${r.statusLabel}`)}`,
  ];
  if (r.evidence)
    lines.push(
      '',
      ja
        ? `根拠となる記述（${r.evidence.line} 行目）: ${md(r.evidence.excerpt)}`
        : `Evidence (line ${r.evidence.line}): ${md(r.evidence.excerpt)}`,
    );
  if (r.waiver) lines.push('', ja ? `適用除外の理由: ${md(r.waiver.reason)}` : `Waiver reason: ${md(r.waiver.reason)}`);
  if (r.mark === 'missing')
    lines.push(
      '',
      ja
        ? 'クリックすると、この条項の修正（雛形の文言の挿入・適用除外）を選べます。'
        : 'Click to pick a fix for this clause (insert the template wording, or waive it).',
    );
  return lines.join('\n');
}
