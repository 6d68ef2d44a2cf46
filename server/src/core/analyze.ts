import type { Catalog } from './catalog/compile';
import type { DraftContext, PlainFallback } from './context';
import { withFrontMatterDefaults, type FrontMatterDefaults } from './config';
import { detectClauses, type FoundBy } from './detect';
import { readDirectives } from './directives';
import { MAX_FINDINGS_PER_CODE, type Diagnostic, type DiagnosticCode, type Finding } from './findings';
import { inferParties, inferTerms, type FillContext } from './fixes/fill';
import { readFrontMatter, readUnclosedFrontMatter } from './frontmatter';
import { messages, type Locale } from './messages';
import { readBlocks } from './blocks';
import { scanBlocks, type LocatedBlock, type SelectBlocks } from './model';
import { RULES, ruleFor, type Report, type Rule } from './rules';
import { requirementFor, type OptionValues, type Requirement, type RequirementLevel } from './requirements';
import { LineIndex, type Range } from './text/lineIndex';

export type ClauseStatus = 'present' | 'missing' | 'waived';

export interface ClauseResult {
  id: string;
  requirement: RequirementLevel;
  status: ClauseStatus;
  /** Where it was found (or the waiver comment). */
  range?: Range;
  foundBy?: FoundBy;
  /** For a present clause: the sentence (or heading) that proves it, with a short excerpt. */
  evidence?: Evidence;
  reason?: string;
  basis: string;
}

export interface Evidence {
  range: Range;
  excerpt: string;
}

/** Longest excerpt of evidence text, in characters. */
const EXCERPT_MAX = 60;

/** The evidence text on one line, shortened: what a reviewer reads to check a verdict. */
export function excerptOf(text: string, start: number, end: number): string {
  let raw = text.slice(start, Math.min(end, start + EXCERPT_MAX * 4));
  // Comments are not text (a scan: a lazy regex would backtrack on unclosed comments).
  for (let open = raw.indexOf('<!--'); open >= 0; open = raw.indexOf('<!--', open)) {
    const close = raw.indexOf('-->', open + 4);
    raw = `${raw.slice(0, open)} ${close < 0 ? '' : raw.slice(close + 3)}`;
  }
  const flat = raw
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/^[#>\s]+/, '')
    .trim();
  const chars = Array.from(flat);
  return chars.length > EXCERPT_MAX ? `${chars.slice(0, EXCERPT_MAX - 1).join('')}…` : flat;
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
  /**
   * The fallback for a draft whose analysis overran its time budget, or (`memory`) ran out of memory
   * (its worker was stopped, in the server or the CLI): everything after the front matter is read as
   * plain text, and one `analysis-limited` says why and how to retry (`cli`: with --time-budget, or
   * by splitting the draft; else: reopen the file).
   */
  plain?: PlainFallback;
  /** Front-matter values from the project configuration (.itaku.yaml) for what the draft does not give. */
  defaults?: FrontMatterDefaults;
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/**
 * At most MAX_FINDINGS_PER_CODE findings of each code (the first ones of `sorted`), and for each
 * code with more, one `too-many-findings` where the first one left out was: a hostile file cannot
 * flood the Problems panel or make a report of megabytes.
 */
function boundFindings(sorted: Finding[], locale: Locale): Finding[] {
  const counts = new Map<string, number>();
  const out: Finding[] = [];
  const firstLeftOut = new Map<string, Finding>();
  for (const f of sorted) {
    const n = (counts.get(f.code) ?? 0) + 1;
    counts.set(f.code, n + (f.moreAt?.length ?? 0));
    if (n <= MAX_FINDINGS_PER_CODE) out.push(f);
    else if (n === MAX_FINDINGS_PER_CODE + 1) firstLeftOut.set(f.code, f);
  }
  for (const [code, f] of firstLeftOut) {
    const more = counts.get(code)! - MAX_FINDINGS_PER_CODE;
    out.push({
      code: 'too-many-findings',
      severity: 'information',
      message: messages.tooManyFindings(
        locale,
        code,
        ruleFor(code)?.title ?? { ja: code, en: code },
        more,
        MAX_FINDINGS_PER_CODE,
      ),
      start: f.start,
      end: f.end,
      data: { code, more },
    });
  }
  return out;
}

/** A rule's reports as findings of its code, with its severity unless a report names another. */
function findingsOf(rule: Rule, reports: ReadonlyArray<Report<unknown>>): Finding[] {
  const code = rule.code as DiagnosticCode;
  return reports.map((r) => {
    const f: Finding = { code, severity: r.severity ?? rule.severity, message: r.message, start: r.start, end: r.end };
    if (r.clause !== undefined) f.clause = r.clause;
    if (r.data !== undefined) f.data = r.data as Record<string, unknown>;
    if (r.related !== undefined) f.related = r.related;
    if (r.moreAt !== undefined) f.moreAt = r.moreAt;
    return f;
  });
}

/** `out.push(...items)` without spreading: a hostile draft's findings can outnumber the stack's arguments. */
function append<T>(out: T[], items: readonly T[]): void {
  for (const x of items) out.push(x);
}

export { readBlocks };

/**
 * Analyses a Markdown draft. Returns undefined when the text is not a draft (its front matter
 * has no `document` / `文書種別`): such files get no result and no diagnostics.
 */
export function analyze(text: string, options: AnalyzeOptions): Analysis | undefined {
  const { frontMatter, blocks, limited } = readBlocks(text, options.catalog, Boolean(options.plain));
  return analyzeBlocks(text, frontMatter, blocks, options, limited);
}

export function analyzeBlocks(
  text: string,
  frontMatterBlock: ReturnType<typeof readBlocks>['frontMatter'],
  blocks: LocatedBlock[],
  options: AnalyzeOptions,
  /** Spans read as plain text because they were over the parse budget. */
  limited: ReadonlyArray<readonly [number, number]> = [],
  /** The line index of `text`, when the caller has it already (the incremental analyser). */
  lineIndex?: LineIndex,
  /** Which blocks have a property (the incremental analyser keeps the answers per chunk). */
  select: SelectBlocks = scanBlocks(blocks, text, options.catalog),
): Analysis | undefined {
  const { catalog } = options;
  const locale = options.locale ?? 'ja';
  const findings: Finding[] = [];
  const read = frontMatterBlock
    ? readFrontMatter(frontMatterBlock, catalog, locale, findings)
    : readUnclosedFrontMatter(text, locale, findings);
  if (!read) return undefined;
  const frontMatter = withFrontMatterDefaults(read, options.defaults, catalog);
  const documentType = frontMatter.document;
  const directives = readDirectives(blocks, catalog, documentType, locale, select);
  append(findings, directives.findings);
  const detected = detectClauses(text, blocks, catalog, select);
  const locations = detected.locations;
  for (const [clause, loc] of directives.marked) if (!locations.has(clause)) locations.set(clause, loc);

  const requirements = requirementsOf(catalog, documentType, frontMatter);
  const fill = fillContext(catalog, frontMatter, blocks);
  const context: DraftContext = {
    text,
    catalog,
    locale,
    frontMatter,
    documentType,
    blocks,
    locations,
    emptyHeadings: detected.empty,
    waivers: directives.waivers,
    requirements,
    limited,
    plain: options.plain,
    fill,
    select,
  };

  for (const rule of RULES) if (rule.check) append(findings, findingsOf(rule as Rule, rule.check(context)));

  const lines = lineIndex ?? new LineIndex(text);
  const diagnostics = diagnosticsOf(findings, directives.disabled, lines, locale);
  const clauses = clauseResults(context, lines);
  return {
    result: {
      document: documentType ?? null,
      categories: frontMatter.categories,
      options: frontMatter.options,
      clauses,
      diagnostics,
    },
    context,
    lines,
  };
}

/** Each clause of the document type → its requirement for the draft's categories and options. */
function requirementsOf(
  catalog: Catalog,
  documentType: string | undefined,
  frontMatter: DraftContext['frontMatter'],
): Map<number, Requirement> {
  const requirements = new Map<number, Requirement>();
  if (documentType && frontMatter.categories.length) {
    for (const clause of catalog.clausesFor(documentType)) {
      const index = catalog.clauseIndex.get(clause.id)!;
      requirements.set(
        index,
        requirementFor(catalog, clause, documentType, frontMatter.categories, frontMatter.options),
      );
    }
  }
  return requirements;
}

/** What filling the template's placeholders needs; the draft's own terms and parties are read on first use. */
function fillContext(catalog: Catalog, frontMatter: DraftContext['frontMatter'], blocks: LocatedBlock[]): FillContext {
  const documentType = frontMatter.document;
  let parties: Record<string, string> | undefined | null = null;
  let terms: Record<string, string> | null = null;
  return {
    catalog,
    frontMatter,
    // The draft's own words for the template's 委託先/委託元: computed on first use.
    get inferredTerms() {
      if (terms === null) terms = inferTerms(blocks, documentType ? (catalog.def.terms?.[documentType] ?? []) : []);
      return terms;
    },
    // Only needed to fill [甲]/[乙]: computed on first use.
    get inferredParties() {
      if (parties === null) parties = inferParties(blocks, catalog.def.partyNames ?? []);
      return parties;
    },
  };
}

/** The findings left after itaku-disable comments and the per-code bound, as sorted diagnostics. */
function diagnosticsOf(
  findings: Finding[],
  disabled: ReadonlyArray<{ code: string; from: number }>,
  lines: LineIndex,
  locale: Locale,
): Diagnostic[] {
  // A code is disabled from its first itaku-disable comment on.
  const disabledFrom = new Map<string, number>();
  for (const d of disabled) disabledFrom.set(d.code, Math.min(d.from, disabledFrom.get(d.code) ?? Infinity));
  const byPosition = (a: Finding, b: Finding) =>
    a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code);
  const enabled: Finding[] = [];
  for (const f of findings) {
    const from = disabledFrom.get(f.code) ?? Infinity;
    if (f.start >= from) continue;
    // The further findings a report only counts are disabled from the same comment on.
    if (f.moreAt && from !== Infinity) enabled.push({ ...f, moreAt: f.moreAt.filter((at) => at < from) });
    else enabled.push(f);
  }
  const kept = boundFindings(enabled.sort(byPosition), locale).sort(byPosition);
  return kept.map((f) => {
    const d: Diagnostic = {
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: lines.range(f.start, f.end),
      source: 'itaku',
    };
    if (f.clause) d.clause = f.clause;
    if (f.data) d.data = f.data;
    if (f.related?.length)
      d.relatedInformation = f.related.map((r) => ({ range: lines.range(r.start, r.end), message: r.message }));
    return d;
  });
}

/** Every clause of the document type: its requirement, and where it is (or its waiver). */
function clauseResults(ctx: DraftContext, lines: LineIndex): ClauseResult[] {
  const { catalog, text, locations, waivers } = ctx;
  const clauses: ClauseResult[] = [];
  for (const [index, req] of ctx.requirements) {
    const clause = catalog.def.clauses[index];
    const loc = locations.get(index);
    const waiver = waivers.get(clause.id);
    const entry: ClauseResult = {
      id: clause.id,
      requirement: req.level,
      status: loc ? 'present' : waiver ? 'waived' : 'missing',
      basis: req.basis,
    };
    if (loc) {
      entry.range = lines.range(loc.start, loc.end);
      entry.foundBy = loc.by;
      entry.evidence = {
        range: lines.range(loc.evidence[0], loc.evidence[1]),
        excerpt: excerptOf(text, loc.evidence[0], loc.evidence[1]),
      };
    } else if (waiver) {
      entry.range = lines.range(waiver.start, waiver.end);
      entry.reason = waiver.reason;
    }
    clauses.push(entry);
  }
  return clauses;
}
