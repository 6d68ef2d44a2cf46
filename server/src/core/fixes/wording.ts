import type { ClauseDef, WordingDef } from '../catalog/types';
import type { DraftContext } from '../context';
import { conditionHolds } from '../requirements';

export interface WordingChoice {
  wording: WordingDef;
  /** The variant the front matter's options imply (or the default). */
  preferred: boolean;
}

/**
 * The wording variants of a clause for this draft: from the section of the category that
 * requires it (else the draft's other categories, else the first section that has wording),
 * without variants whose `requires` contradicts the options, the implied one marked preferred.
 */
export function wordingChoices(ctx: DraftContext, clause: ClauseDef): WordingChoice[] {
  const documentType = ctx.documentType;
  if (!documentType) return [];
  const all = clause.wording[documentType] ?? [];
  if (!all.length) return [];
  const index = ctx.catalog.clauseIndex.get(clause.id)!;
  const req = ctx.requirements.get(index);
  const order = [...(req?.category ? [req.category] : []), ...ctx.frontMatter.categories, ...Object.keys(ctx.catalog.def.categories)];
  let section: WordingDef[] = [];
  for (const category of order) {
    section = all.filter((w) => w.categories.includes(category));
    if (section.length) break;
  }
  const seen = new Set<string>();
  section = section.filter((w) => !seen.has(w.variant) && seen.add(w.variant));
  const options = ctx.frontMatter.options;
  const holds = (conds: Record<string, string | boolean> | undefined) =>
    Object.entries(conds ?? {}).every(([option, is]) => conditionHolds(ctx.catalog, options, { option, is }));
  const offered = section.filter((w) => holds(w.requires));
  const list = offered.length ? offered : section;
  const byOption = list.find((w) => w.when && holds(w.when));
  const preferred = byOption ?? list.find((w) => w.default) ?? list[0];
  return list.map((wording) => ({ wording, preferred: wording === preferred }));
}
