import type { Locale } from '../messages';
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
  report(path: Path, jaText: string, enText: string): void;
}

/** Checks what a schema cannot: that ids referenced across the catalog exist and fit together. */
export function checkCatalogConsistency(def: CatalogDef, locale: Locale): Inconsistency[] {
  const ja = locale === 'ja';
  const out: Inconsistency[] = [];
  const ctx: Checking = {
    def,
    docTypes: new Set(Object.keys(def.documentTypes)),
    categories: new Set(Object.keys(def.categories)),
    options: new Set(Object.keys(def.options)),
    report: (path, jaText, enText) => out.push({ path, message: ja ? jaText : enText }),
  };
  const clauseIds = new Set<string>();
  def.clauses.forEach((clause, ci) => {
    const base: Path = ['clauses', ci];
    if (clauseIds.has(clause.id))
      ctx.report([...base, 'id'], `条項 id「${clause.id}」が重複しています。`, `duplicate clause id "${clause.id}".`);
    clauseIds.add(clause.id);
    checkRequirements(ctx, clause, base);
    checkWordings(ctx, clause, base);
  });
  checkPlaceholders(ctx);
  checkReferences(ctx);
  return out;
}

function checkRule(ctx: Checking, rule: RequirementRule, path: Path): void {
  if (!ctx.options.has(rule.option))
    ctx.report([...path, 'option'], `未定義のオプション「${rule.option}」です。`, `unknown option "${rule.option}".`);
}

/** A clause's requirements: known document types, a table row for each, a cell for every category. */
function checkRequirements(ctx: Checking, clause: ClauseDef, base: Path): void {
  const { docTypes, categories, report } = ctx;
  for (const [docType, req] of Object.entries(clause.requirements)) {
    const rpath = [...base, 'requirements', docType];
    if (!docTypes.has(docType)) {
      report(rpath, `未定義の文書種別「${docType}」です。`, `unknown document type "${docType}".`);
      continue;
    }
    if (!Object.hasOwn(clause.rows, docType))
      report(
        [...base, 'rows'],
        `文書種別「${docType}」の表の行がありません。`,
        `no table row for document type "${docType}".`,
      );
    for (const category of categories) {
      if (!Object.hasOwn(req.cells, category))
        report([...rpath, 'cells'], `業務分類「${category}」の欄がありません。`, `no cell for category "${category}".`);
    }
    for (const [category, cell] of Object.entries(req.cells)) {
      if (!categories.has(category))
        report(
          [...rpath, 'cells', category],
          `未定義の業務分類「${category}」です。`,
          `unknown category "${category}".`,
        );
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
      ctx.report(
        wpath,
        `文書種別「${docType}」の要否がない条項に文言があります。`,
        `wording for document type "${docType}" without requirements.`,
      );
      continue;
    }
    const seen = new Set<string>();
    const covered = new Set<string>();
    const withDefault = new Set<string>();
    wordings.forEach((w, wi) => {
      const path = [...wpath, wi];
      w.categories.forEach((c, i) => {
        if (!ctx.categories.has(c))
          ctx.report([...path, 'categories', i], `未定義の業務分類「${c}」です。`, `unknown category "${c}".`);
        if (seen.has(`${w.variant}|${c}`))
          ctx.report(
            [...path, 'variant'],
            `業務分類「${c}」の文言 variant「${w.variant}」が重複しています。`,
            `duplicate wording variant "${w.variant}" for category "${c}".`,
          );
        seen.add(`${w.variant}|${c}`);
        covered.add(c);
        if (w.default) withDefault.add(c);
      });
      checkWordingReferences(ctx, w, path);
    });
    for (const c of covered) {
      if (!withDefault.has(c))
        ctx.report(
          wpath,
          `業務分類「${c}」に既定（default: true）の文言がありません。`,
          `no wording for category "${c}" is marked default: true.`,
        );
    }
  }
}

/** The options, clauses and placeholders one wording names. */
function checkWordingReferences(ctx: Checking, w: WordingDef, path: Path): void {
  const { def, options, report } = ctx;
  for (const key of [...Object.keys(w.when ?? {}), ...Object.keys(w.requires ?? {})]) {
    if (!options.has(key)) report(path, `未定義のオプション「${key}」です。`, `unknown option "${key}".`);
  }
  w.alsoStates?.forEach((id, i) => {
    if (!def.clauses.some((c) => c.id === id))
      report([...path, 'alsoStates', i], `未定義の条項「${id}」です。`, `unknown clause "${id}".`);
  });
  for (const m of w.text.matchAll(PLACEHOLDER_MARKER)) {
    if (!Object.hasOwn(def.placeholders, m[1]))
      report([...path, 'text'], `未定義のプレースホルダ「{{${m[1]}}}」です。`, `unknown placeholder "{{${m[1]}}}".`);
  }
}

/** The options and categories a placeholder's fill reads. */
function checkPlaceholders(ctx: Checking): void {
  const { def, options, categories, report } = ctx;
  for (const [name, ph] of Object.entries(def.placeholders)) {
    const fill = ph.fill;
    if (fill?.from === 'option' && !options.has(fill.option))
      report(
        ['placeholders', name, 'fill', 'option'],
        `未定義のオプション「${fill.option}」です。`,
        `unknown option "${fill.option}".`,
      );
    if (fill?.from === 'categories') {
      for (const c of Object.keys(fill.map))
        if (!categories.has(c))
          report(['placeholders', name, 'fill', 'map'], `未定義の業務分類「${c}」です。`, `unknown category "${c}".`);
    }
  }
}

/** The category of the cloud risks and the options of the important-information notice. */
function checkReferences(ctx: Checking): void {
  const { def, options, categories, report } = ctx;
  if (!categories.has(def.cloudRisks.category))
    report(
      ['cloudRisks', 'category'],
      `未定義の業務分類「${def.cloudRisks.category}」です。`,
      `unknown category "${def.cloudRisks.category}".`,
    );
  for (const key of ['option', 'approvalOption'] as const) {
    const name = def.importantInformation[key];
    if (!options.has(name))
      report(['importantInformation', key], `未定義のオプション「${name}」です。`, `unknown option "${name}".`);
  }
}
