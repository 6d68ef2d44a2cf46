import type { Locale } from '../messages';
import { catalogText, undefinedId, type CatalogKind, type CatalogTextKey } from './messages';
import { PLACEHOLDER_MARKER } from './compile';
import type { CatalogDef, ClauseDef, RequirementRule, WordingDef } from './types';

export interface Inconsistency {
  path: Array<string | number>;
  message: string;
}

type Path = Array<string | number>;

/** What every check reads: the catalog, its id sets, and where to report. */
interface Checking {
  readonly def: CatalogDef;
  readonly docTypes: ReadonlySet<string>;
  readonly categories: ReadonlySet<string>;
  readonly options: ReadonlySet<string>;
  /** A problem at `path`: the sentence `key` of CATALOG_TEXTS with `args`. */
  report(path: Path, key: CatalogTextKey, args: Record<string, string>): void;
  /** 「未定義の…」 at `path`. */
  unknown(path: Path, kind: CatalogKind, id: string): void;
}

/** Checks what a schema cannot: that ids referenced across the catalog exist and fit together. */
export function checkCatalogConsistency(def: CatalogDef, locale: Locale): Inconsistency[] {
  const out: Inconsistency[] = [];
  const ctx: Checking = {
    def,
    docTypes: new Set(Object.keys(def.documentTypes)),
    categories: new Set(Object.keys(def.categories)),
    options: new Set(Object.keys(def.options)),
    report: (path, key, args) => out.push({ path, message: catalogText(locale, key, args) }),
    unknown: (path, kind, id) => out.push({ path, message: undefinedId(locale, kind, id) }),
  };
  const clauseIds = new Set<string>();
  def.clauses.forEach((clause, ci) => {
    const base: Path = ['clauses', ci];
    if (clauseIds.has(clause.id)) ctx.report([...base, 'id'], 'duplicateClauseId', { id: clause.id });
    clauseIds.add(clause.id);
    checkRequirements(ctx, clause, base);
    checkWordings(ctx, clause, base);
  });
  checkPlaceholders(ctx);
  checkReferences(ctx);
  return out;
}

function checkRule(ctx: Checking, rule: RequirementRule, path: Path): void {
  if (!ctx.options.has(rule.option)) ctx.unknown([...path, 'option'], 'kindOption', rule.option);
}

/** A clause's requirements: known document types, a table row for each, a cell for every category. */
function checkRequirements(ctx: Checking, clause: ClauseDef, base: Path): void {
  const { docTypes, categories, report, unknown } = ctx;
  for (const [docType, req] of Object.entries(clause.requirements)) {
    const rpath = [...base, 'requirements', docType];
    if (!docTypes.has(docType)) {
      unknown(rpath, 'kindDocumentType', docType);
      continue;
    }
    if (!Object.hasOwn(clause.rows, docType)) report([...base, 'rows'], 'noTableRow', { docType });
    for (const category of categories) {
      if (!Object.hasOwn(req.cells, category)) report([...rpath, 'cells'], 'noCell', { category });
    }
    for (const [category, cell] of Object.entries(req.cells)) {
      if (!categories.has(category)) unknown([...rpath, 'cells', category], 'kindCategory', category);
      if (typeof cell === 'object')
        cell.when?.forEach((r, i) => checkRule(ctx, r, [...rpath, 'cells', category, 'when', i]));
    }
    req.when?.forEach((r, i) => checkRule(ctx, r, [...rpath, 'when', i]));
  }
}

/** A clause's wordings: only for required document types, one default per category, known references. */
function checkWordings(ctx: Checking, clause: ClauseDef, base: Path): void {
  for (const [docType, wordings] of Object.entries(clause.wording)) {
    const wpath = [...base, 'wording', docType];
    if (!Object.hasOwn(clause.requirements, docType)) {
      ctx.report(wpath, 'wordingWithoutRequirements', { docType });
      continue;
    }
    const seen = new Set<string>();
    const covered = new Set<string>();
    const withDefault = new Set<string>();
    wordings.forEach((w, wi) => {
      const path = [...wpath, wi];
      w.categories.forEach((c, i) => {
        if (!ctx.categories.has(c)) ctx.unknown([...path, 'categories', i], 'kindCategory', c);
        if (seen.has(`${w.variant}|${c}`))
          ctx.report([...path, 'variant'], 'duplicateVariant', { category: c, variant: w.variant });
        seen.add(`${w.variant}|${c}`);
        covered.add(c);
        if (w.default) withDefault.add(c);
      });
      checkWordingReferences(ctx, w, path);
    });
    for (const c of covered) {
      if (!withDefault.has(c)) ctx.report(wpath, 'noDefaultWording', { category: c });
    }
  }
}

/** The options, clauses and placeholders one wording names. */
function checkWordingReferences(ctx: Checking, w: WordingDef, path: Path): void {
  const { def, options, unknown } = ctx;
  for (const key of [...Object.keys(w.when ?? {}), ...Object.keys(w.requires ?? {})]) {
    if (!options.has(key)) unknown(path, 'kindOption', key);
  }
  w.alsoStates?.forEach((id, i) => {
    if (!def.clauses.some((c) => c.id === id)) unknown([...path, 'alsoStates', i], 'kindClause', id);
  });
  for (const m of w.text.matchAll(PLACEHOLDER_MARKER)) {
    if (!Object.hasOwn(def.placeholders, m[1])) unknown([...path, 'text'], 'kindPlaceholder', `{{${m[1]}}}`);
  }
}

/** The options and categories a placeholder's fill reads. */
function checkPlaceholders(ctx: Checking): void {
  const { def, options, categories, unknown } = ctx;
  for (const [name, ph] of Object.entries(def.placeholders)) {
    const fill = ph.fill;
    if (fill?.from === 'option' && !options.has(fill.option))
      unknown(['placeholders', name, 'fill', 'option'], 'kindOption', fill.option);
    if (fill?.from === 'categories') {
      for (const c of Object.keys(fill.map))
        if (!categories.has(c)) unknown(['placeholders', name, 'fill', 'map'], 'kindCategory', c);
    }
  }
}

/** The category of the cloud risks and the options of the important-information notice. */
function checkReferences(ctx: Checking): void {
  const { def, options, categories, unknown } = ctx;
  if (!categories.has(def.cloudRisks.category))
    unknown(['cloudRisks', 'category'], 'kindCategory', def.cloudRisks.category);
  for (const key of ['option', 'approvalOption'] as const) {
    const name = def.importantInformation[key];
    if (!options.has(name)) unknown(['importantInformation', key], 'kindOption', name);
  }
}
