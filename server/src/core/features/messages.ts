// Every fixed text of the editor features and the coverage renderings (hover, completion, the
// coverage rows, tooltips and report labels), in 日本語 and English: one entry { ja, en } each,
// `{name}` marking an argument (test/core/messageTables.test.ts checks both languages and names).
// Catalog-derived labels (clause titles, category labels …) are the catalog's, not here.
import { formatMessage, type Locale, type MessageEntry } from '../messages';
import type { RequirementLevel } from '../requirements';
import type { CoverageLabels } from './coverage';

export const FEATURE_TEXTS = {
  // Requirement levels and a clause's status in a coverage row.
  levelRequired: { ja: '必須', en: 'required' },
  levelOptional: { ja: '選択', en: 'optional' },
  levelServiceIncluded: { ja: 'サービスに含まれる', en: 'included in the service' },
  levelNotApplicable: { ja: '対象外', en: 'not applicable' },
  statusPresent: { ja: 'あり', en: 'present' },
  statusMissing: { ja: 'なし', en: 'missing' },
  statusWaived: { ja: '適用除外', en: 'waived' },
  statusNotNeeded: { ja: 'なし（不要）', en: 'absent (not needed)' },
  categoriesSeparator: { ja: '・', en: ', ' },
  noteLine: { ja: '注: {note}', en: 'Note: {note}' },

  // Hover (hover.ts).
  hoverWhyCategory: { ja: '業務分類「{label}」', en: 'category "{label}"' },
  hoverRequirement: {
    ja: '要否: **{level}**（{why}、根拠: {basis}{origin}）',
    en: 'Requirement: **{level}** ({why}; basis: {basis}{origin})',
  },
  /** The same without a category or option to name (a clause not applicable to the draft's categories). */
  hoverRequirementNoWhy: {
    ja: '要否: **{level}**（根拠: {basis}{origin}）',
    en: 'Requirement: **{level}** (basis: {basis}{origin})',
  },
  hoverRequirementOrigin: { ja: '、出典: {origin}', en: '; from {origin}' },
  hoverFrom: { ja: '（出典: {origin}）', en: ' (from {origin})' },
  hoverCategoryHead: {
    ja: '**{label}**（{id}）で必須の条項:',
    en: 'Clauses required for **{label}** ({id}):',
  },
  hoverFound: { ja: '検出: {by}', en: 'Found in {by}' },
  foundHeading: { ja: '見出し', en: 'a heading' },
  foundTitle: { ja: '表題行', en: 'a title line' },
  foundBody: { ja: '本文', en: 'the body text' },
  foundMarker: { ja: 'itaku コメントによる指定', en: 'an itaku comment' },
  hoverEvidence: {
    ja: '根拠となる記述（{line} 行目）: 「{excerpt}」',
    en: 'Evidence (line {line}): "{excerpt}"',
  },
  hoverWording: { ja: '雛形の文言{label}: {source}{from}', en: 'Template wording{label}: {source}{from}' },
  hoverWordingLabel: { ja: '（{label}）', en: ' ({label})' },

  // Coverage rows and tooltips (coverageText.ts).
  evidenceLine: { ja: '{line} 行目: {excerpt}', en: 'line {line}: {excerpt}' },
  waiverLine: { ja: '適用除外の理由: {reason}（{line} 行目）', en: 'waived: {reason} (line {line})' },
  noReason: { ja: '（理由なし）', en: '(no reason given)' },
  clickToInsert: { ja: 'クリックで雛形の文言を挿入', en: 'click to insert the template wording' },
  fixFor: { ja: '「{title}」の修正', en: 'Fix for "{title}"' },
  tooltipRequirement: {
    ja: '要否: **{level}**（根拠: {basis}）',
    en: 'Requirement: **{level}** (basis: {basis})',
  },
  tooltipStatus: { ja: '状況: {status}', en: 'Status: {status}' },
  tooltipEvidence: {
    ja: '根拠となる記述（{line} 行目）: {excerpt}',
    en: 'Evidence (line {line}): {excerpt}',
  },
  tooltipWaiver: { ja: '適用除外の理由: {reason}', en: 'Waiver reason: {reason}' },
  tooltipPickFix: {
    ja: 'クリックすると、この条項の修正（雛形の文言の挿入・適用除外）を選べます。',
    en: 'Click to pick a fix for this clause (insert the template wording, or waive it).',
  },

  // Completion (completion.ts): what each front-matter key means, and a clause snippet's state.
  keyDocDocument: {
    ja: '文書種別: {types}。これがあるファイルだけを草案として確認します。',
    en: 'Document type: {types}. Only files with it are checked as drafts.',
  },
  keyDocTypeOr: { ja: 'か', en: ' or ' },
  keyDocCategory: {
    ja: '業務分類: 1 つまたはリスト。必須条項はこれで決まります。',
    en: 'Business categories: one or a list. They decide the required clauses.',
  },
  keyDocOrganization: {
    ja: '府省庁名: 雛形の〔 省 〕を埋めます。',
    en: 'The ministry: fills 〔 省 〕 in the template wording.',
  },
  keyDocParties: {
    ja: '当事者: { 甲: …, 乙: … }。雛形の [甲] / [乙] を埋めます。',
    en: 'Contract parties { 甲: …, 乙: … }: fill [甲] / [乙].',
  },
  keyDocOptions: { ja: 'オプション: {options}。', en: 'Options: {options}.' },
  clauseState: { ja: '{level}・{presence}', en: '{level}, {presence}' },
  statePresent: { ja: '記載あり', en: 'present' },
  stateMissing: { ja: '未記載', en: 'missing' },
} as const satisfies Record<string, MessageEntry>;

/** The column headings and fixed texts of every coverage rendering (html, md, csv, the Coverage view). */
export const COVERAGE_LABELS = {
  title: { ja: '情報セキュリティ条項カバレッジ', en: 'Security clause coverage' },
  summary: { ja: '概要', en: 'Summary' },
  file: { ja: 'ファイル', en: 'File' },
  document: { ja: '文書種別', en: 'Document type' },
  categories: { ja: '業務分類', en: 'Categories' },
  requiredCovered: { ja: '必須条項', en: 'Required clauses' },
  missing: { ja: '不足', en: 'Missing' },
  waived: { ja: '適用除外', en: 'Waived' },
  problems: { ja: '指摘', en: 'Problems' },
  clause: { ja: '条項', en: 'Clause' },
  clauseId: { ja: '条項ID', en: 'Clause id' },
  row: { ja: '雛形の項目', en: 'Template row' },
  requirement: { ja: '要否', en: 'Requirement' },
  basis: { ja: '根拠', en: 'Basis' },
  status: { ja: '状況', en: 'Status' },
  line: { ja: '行', en: 'Line' },
  evidence: { ja: '根拠となる記述', en: 'Evidence' },
  reason: { ja: '適用除外の理由', en: 'Waiver reason' },
  evidenceOrReason: { ja: '根拠となる記述・適用除外の理由', en: 'Evidence or waiver reason' },
  notChecked: { ja: '判定できません', en: 'cannot be judged' },
  complete: { ja: '充足', en: 'complete' },
  incomplete: { ja: '不足あり', en: 'incomplete' },
  verdict: { ja: '判定', en: 'Verdict' },
  catalog: { ja: 'カタログ', en: 'Catalog' },
  legend: {
    ja: '✓ あり · ✗ 必須条項なし · 適用除外（理由あり） · — なし（不要）',
    en: '✓ present · ✗ required clause missing · waived (with a reason) · — absent (not needed)',
  },
  noDrafts: { ja: '草案がありません。', en: 'No drafts.' },
} as const satisfies Record<keyof CoverageLabels, MessageEntry>;

export type FeatureTextKey = keyof typeof FEATURE_TEXTS;

/** The text `key` in `locale`, each `{name}` replaced by `args[name]`. */
export function featureText(
  locale: Locale,
  key: FeatureTextKey,
  args: Readonly<Record<string, string | number>> = {},
): string {
  return formatMessage(FEATURE_TEXTS[key], locale, args);
}

const LEVELS: Record<RequirementLevel, FeatureTextKey> = {
  required: 'levelRequired',
  optional: 'levelOptional',
  'service-included': 'levelServiceIncluded',
  'not-applicable': 'levelNotApplicable',
};

/** 必須 / required, 選択 / optional, …: a requirement level as the hover, coverage and completion name it. */
export function levelLabel(locale: Locale, level: RequirementLevel): string {
  return featureText(locale, LEVELS[level]);
}
