// The coverage matrix of 表1/表3: for each draft, every clause of its document type with its
// requirement and basis, its status and the evidence (or the waiver's reason); for a folder, one
// row per clause and one column per draft. Built from the same AnalysisResult as `check --format json`.
import type { AnalysisResult, ClauseStatus } from '../analyze';
import type { Catalog } from '../catalog/compile';
import { formatMessage, localized, type Locale } from '../messages';
import type { RequirementLevel } from '../requirements';
import type { Range } from '../text/lineIndex';
import { COVERAGE_LABELS, featureText, levelLabel, type FeatureTextKey } from './messages';

/** What a reviewer reads in the status column: ✓ present · ✗ a required clause missing · 適用除外 · — not needed. */
export type CoverageMark = 'present' | 'missing' | 'waived' | 'not-needed';

export interface CoverageRow {
  clause: string;
  title: string;
  /** The template's row for this document type: 表1(2), 表3(8), 第Ⅱ部1.1(3) … ('—' when it has none). */
  row: string;
  requirement: RequirementLevel;
  requirementLabel: string;
  basis: string;
  status: ClauseStatus;
  mark: CoverageMark;
  /** ✓ · ✗ · 適用除外 · — */
  markLabel: string;
  /** あり · なし · 適用除外 · なし（不要） */
  statusLabel: string;
  /** A present clause: the sentence or own-title heading that proves it (line is 1-based). */
  evidence?: { range: Range; line: number; excerpt: string };
  /** A waived clause: the author's reason and where the waiver comment is. */
  waiver?: { range: Range; line: number; reason: string };
  /** A missing clause: where its missing-clause finding (and so its quick fix) is. */
  fix?: { range: Range };
}

export interface CoverageSummary {
  required: number;
  /** Required clauses present or waived (the status bar's 必須条項 n/m). */
  covered: number;
  present: number;
  waived: number;
  missing: number;
  problems: { error: number; warning: number; information: number; hint: number };
}

export interface DraftCoverage {
  path: string;
  document: string | null;
  documentLabel: string | null;
  categories: string[];
  categoryLabels: string[];
  /** False when no clause could be judged (broken front matter, unknown type or category, too large). */
  checked: boolean;
  /** Why not, when not checked: the first error (or warning) of the draft. */
  problem?: string;
  rows: CoverageRow[];
  summary: CoverageSummary;
}

export interface FolderCell {
  requirement: RequirementLevel;
  requirementLabel: string;
  mark: CoverageMark;
  markLabel: string;
}

/** One 表1- or 表3-like table: the drafts of one document type as columns. */
export interface FolderTable {
  document: string;
  documentLabel: string;
  /** Indexes into FolderCoverage.drafts. */
  columns: number[];
  rows: Array<{ clause: string; title: string; row: string; cells: Array<FolderCell | null> }>;
}

export interface FolderCoverage {
  locale: Locale;
  catalogTitle: string;
  drafts: DraftCoverage[];
  tables: FolderTable[];
  labels: CoverageLabels;
}

/** A row's mark and status words; ✓ ✗ — are the same in both languages, 適用除外 / waived is its status. */
const MARK: Record<CoverageMark, { mark?: string; status: FeatureTextKey }> = {
  present: { mark: '✓', status: 'statusPresent' },
  missing: { mark: '✗', status: 'statusMissing' },
  waived: { status: 'statusWaived' },
  'not-needed': { mark: '—', status: 'statusNotNeeded' },
};

/** Column headings and fixed texts of every coverage rendering, per locale. */
export interface CoverageLabels {
  title: string;
  summary: string;
  file: string;
  document: string;
  categories: string;
  requiredCovered: string;
  missing: string;
  waived: string;
  problems: string;
  clause: string;
  clauseId: string;
  row: string;
  requirement: string;
  basis: string;
  status: string;
  line: string;
  evidence: string;
  reason: string;
  evidenceOrReason: string;
  notChecked: string;
  complete: string;
  incomplete: string;
  verdict: string;
  catalog: string;
  legend: string;
  noDrafts: string;
}

/** The coverage renderings' headings and fixed texts in `locale` (the COVERAGE_LABELS table). */
export function coverageLabels(locale: Locale): CoverageLabels {
  const labels = {} as CoverageLabels;
  for (const key of Object.keys(COVERAGE_LABELS) as Array<keyof CoverageLabels>)
    labels[key] = formatMessage(COVERAGE_LABELS[key], locale);
  return labels;
}

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

function markOf(status: ClauseStatus, requirement: RequirementLevel): CoverageMark {
  if (status === 'present') return 'present';
  if (status === 'waived') return 'waived';
  return requirement === 'required' ? 'missing' : 'not-needed';
}

/** The coverage of one draft: every clause of its document type, in the template's order. */
export function draftCoverage(path: string, result: AnalysisResult, catalog: Catalog, locale: Locale): DraftCoverage {
  const def = catalog.def;
  const docDef = result.document ? own(def.documentTypes, result.document) : undefined;
  const problems = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of result.diagnostics) problems[d.severity]++;
  const fixAt = new Map<string, Range>();
  for (const d of result.diagnostics)
    if (d.code === 'missing-clause' && d.clause && !fixAt.has(d.clause)) fixAt.set(d.clause, d.range);
  const rows: CoverageRow[] = result.clauses.map((c) => {
    const index = catalog.clauseIndex.get(c.id);
    const clause = index === undefined ? undefined : def.clauses[index];
    const mark = markOf(c.status, c.requirement);
    const row: CoverageRow = {
      clause: c.id,
      title: clause ? localized(locale, clause, 'title') : c.id,
      row: (result.document && own(clause?.rows, result.document)) || '—',
      requirement: c.requirement,
      requirementLabel: levelLabel(locale, c.requirement),
      basis: c.basis,
      status: c.status,
      mark,
      markLabel: MARK[mark].mark ?? featureText(locale, MARK[mark].status),
      statusLabel: featureText(locale, MARK[mark].status),
    };
    if (c.evidence)
      row.evidence = { range: c.evidence.range, line: c.evidence.range.start.line + 1, excerpt: c.evidence.excerpt };
    if (c.status === 'waived' && c.range)
      row.waiver = { range: c.range, line: c.range.start.line + 1, reason: c.reason ?? '' };
    const fix = fixAt.get(c.id);
    if (c.status === 'missing' && fix) row.fix = { range: fix };
    return row;
  });
  const required = rows.filter((r) => r.requirement === 'required');
  const summary: CoverageSummary = {
    required: required.length,
    covered: required.filter((r) => r.status !== 'missing').length,
    present: required.filter((r) => r.status === 'present').length,
    waived: required.filter((r) => r.status === 'waived').length,
    missing: required.filter((r) => r.status === 'missing').length,
    problems,
  };
  const checked = rows.length > 0;
  const coverage: DraftCoverage = {
    path,
    document: result.document,
    documentLabel: docDef ? localized(locale, docDef, 'label') : null,
    categories: result.categories,
    categoryLabels: result.categories.map((id) => {
      const cat = own(def.categories, id);
      return cat ? localized(locale, cat, 'label') : id;
    }),
    checked,
    rows,
    summary,
  };
  if (!checked) {
    const first =
      result.diagnostics.find((d) => d.severity === 'error') ??
      result.diagnostics.find((d) => d.severity === 'warning');
    if (first) coverage.problem = first.message;
  }
  return coverage;
}

/** Whether every required clause of a judged draft is present or waived. */
export const isComplete = (d: DraftCoverage) => d.checked && d.summary.missing === 0;

/** ✓ 6/8 style text of a draft's required coverage. */
export function coveredText(d: DraftCoverage, locale: Locale): string {
  return d.checked ? `${d.summary.covered}/${d.summary.required}` : formatMessage(COVERAGE_LABELS.notChecked, locale);
}

/**
 * The folder's matrix: per document type, one row per clause (the catalog's order) and one column
 * per draft (the order given). Drafts that could not be judged get no column; they stay in `drafts`.
 */
export function folderCoverage(drafts: DraftCoverage[], catalog: Catalog, locale: Locale): FolderCoverage {
  const def = catalog.def;
  const tables: FolderTable[] = [];
  for (const [document, docDef] of Object.entries(def.documentTypes)) {
    const columns = drafts.flatMap((d, i) => (d.checked && d.document === document ? [i] : []));
    if (!columns.length) continue;
    const ids: string[] = [];
    const titles = new Map<string, { title: string; row: string }>();
    for (const i of columns)
      for (const r of drafts[i].rows)
        if (!titles.has(r.clause)) {
          ids.push(r.clause);
          titles.set(r.clause, { title: r.title, row: r.row });
        }
    // The catalog's order, whichever draft named a clause first.
    const order = (id: string) => catalog.clauseIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
    ids.sort((a, b) => order(a) - order(b));
    tables.push({
      document,
      documentLabel: localized(locale, docDef, 'label'),
      columns,
      rows: ids.map((clause) => ({
        clause,
        ...titles.get(clause)!,
        cells: columns.map((i) => {
          const r = drafts[i].rows.find((x) => x.clause === clause);
          return r
            ? { requirement: r.requirement, requirementLabel: r.requirementLabel, mark: r.mark, markLabel: r.markLabel }
            : null;
        }),
      })),
    });
  }
  return {
    locale,
    catalogTitle: localized(locale, def, 'title'),
    drafts,
    tables,
    labels: coverageLabels(locale),
  };
}
