import type { Catalog } from './catalog/compile';
import type { DraftContext } from './context';
import { locateClauses, type FoundBy } from './detect';
import { readDirectives } from './directives';
import type { Diagnostic, Finding } from './findings';
import { inferParties, type FillContext } from './fixes/fill';
import { readFrontMatter, readUnclosedFrontMatter } from './frontmatter';
import { parseMarkdown } from './markdown/parse';
import type { Locale } from './messages';
import { blockFacts, type LocatedBlock } from './model';
import { requirementFor, type OptionValues, type Requirement, type RequirementLevel } from './requirements';
import { cloudRisks } from './rules/cloudRisks';
import { numberingFindings } from './rules/numbering';
import { conflictingVariants } from './rules/conflicts';
import { importantInformation } from './rules/importantInformation';
import { missingClauses } from './rules/missingClause';
import { unresolvedPlaceholders } from './rules/placeholders';
import { unresolvedVariants } from './rules/variantMarkers';
import { LineIndex, type Range } from './text/lineIndex';

export type ClauseStatus = 'present' | 'missing' | 'waived';

export interface ClauseResult {
  id: string;
  requirement: RequirementLevel;
  status: ClauseStatus;
  /** Where it was found (or the waiver comment). */
  range?: Range;
  foundBy?: FoundBy;
  reason?: string;
  basis: string;
}

/** The plain result of analysing one draft (the CLI's JSON `files[]` entry without `path`). */
export interface AnalysisResult {
  document: string | null;
  categories: string[];
  options: OptionValues;
  clauses: ClauseResult[];
  diagnostics: Diagnostic[];
}

export interface Analysis {
  result: AnalysisResult;
  context: DraftContext;
  lines: LineIndex;
}

export interface AnalyzeOptions {
  catalog: Catalog;
  locale?: Locale;
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** Reads the draft into blocks with their facts. */
export function readBlocks(text: string, catalog: Catalog) {
  const parsed = parseMarkdown(text);
  const blocks: LocatedBlock[] = parsed.blocks.map((b) => ({ start: b.start, end: b.end, facts: blockFacts(text, b, catalog) }));
  return { frontMatter: parsed.frontMatter, blocks };
}

/**
 * Analyses a Markdown draft. Returns undefined when the text is not a draft (its front matter
 * has no `document` / `文書種別`): such files get no result and no diagnostics.
 */
export function analyze(text: string, options: AnalyzeOptions): Analysis | undefined {
  const { frontMatter, blocks } = readBlocks(text, options.catalog);
  return analyzeBlocks(text, frontMatter, blocks, options);
}

export function analyzeBlocks(
  text: string,
  frontMatterBlock: ReturnType<typeof readBlocks>['frontMatter'],
  blocks: LocatedBlock[],
  options: AnalyzeOptions,
): Analysis | undefined {
  const { catalog } = options;
  const locale = options.locale ?? 'ja';
  const findings: Finding[] = [];
  const frontMatter = frontMatterBlock ? readFrontMatter(frontMatterBlock, catalog, locale, findings) : readUnclosedFrontMatter(text, locale, findings);
  if (!frontMatter) return undefined;
  const documentType = frontMatter.document;
  const directives = readDirectives(blocks, catalog, documentType, locale);
  findings.push(...directives.findings);
  const locations = locateClauses(blocks, catalog);
  for (const [clause, loc] of directives.marked) if (!locations.has(clause)) locations.set(clause, loc);

  const requirements = new Map<number, Requirement>();
  if (documentType && frontMatter.categories.length) {
    for (const clause of catalog.clausesFor(documentType)) {
      const index = catalog.clauseIndex.get(clause.id)!;
      requirements.set(index, requirementFor(catalog, clause, documentType, frontMatter.categories, frontMatter.options));
    }
  }
  let parties: Record<string, string> | undefined | null = null;
  const fill: FillContext = {
    catalog,
    frontMatter,
    // Only needed to fill [甲]/[乙]: computed on first use.
    get inferredParties() {
      if (parties === null) parties = inferParties(blocks);
      return parties;
    },
  };
  const context: DraftContext = { text, catalog, locale, frontMatter, documentType, blocks, locations, waivers: directives.waivers, requirements, fill };

  findings.push(...missingClauses(context));
  findings.push(...unresolvedPlaceholders(context));
  findings.push(...unresolvedVariants(context));
  findings.push(...conflictingVariants(context));
  findings.push(...importantInformation(context));
  findings.push(...cloudRisks(context));
  findings.push(...numberingFindings(context));

  const lines = new LineIndex(text);
  const kept = findings.filter((f) => !directives.disabled.some((d) => d.code === f.code && f.start >= d.from));
  kept.sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
  const diagnostics: Diagnostic[] = kept.map((f) => {
    const d: Diagnostic = { code: f.code, severity: f.severity, message: f.message, range: lines.range(f.start, f.end), source: 'itaku' };
    if (f.clause) d.clause = f.clause;
    if (f.data) d.data = f.data;
    if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ range: lines.range(r.start, r.end), message: r.message }));
    return d;
  });

  const clauses: ClauseResult[] = [];
  for (const [index, req] of requirements) {
    const clause = catalog.def.clauses[index];
    const loc = locations.get(index);
    const waiver = directives.waivers.get(clause.id);
    const entry: ClauseResult = { id: clause.id, requirement: req.level, status: loc ? 'present' : waiver ? 'waived' : 'missing', basis: req.basis };
    if (loc) {
      entry.range = lines.range(loc.start, loc.end);
      entry.foundBy = loc.by;
    } else if (waiver) {
      entry.range = lines.range(waiver.start, waiver.end);
      entry.reason = waiver.reason;
    }
    clauses.push(entry);
  }
  return {
    result: { document: documentType ?? null, categories: frontMatter.categories, options: frontMatter.options, clauses, diagnostics },
    context,
    lines,
  };
}
