import { PLACEHOLDER_MARKER } from '../catalog/compile';
import type { ClauseDef, WordingDef } from '../catalog/types';
import type { DraftContext } from '../context';
import type { Locale } from '../messages';
import { conditionHolds } from '../requirements';

export interface WordingChoice {
  wording: WordingDef;
  /** The variant the front matter's options imply, else the most complete default. */
  preferred: boolean;
  /** The draft's categories this entry is the template's wording for (in catalog order). */
  categories: string[];
}

/** A wording variant's label in `locale` (its English one when the catalog gives it, else the 日本語). */
export function wordingLabel(locale: Locale, w: WordingDef): string | null {
  return locale === 'ja' ? w.label : (w.label_en ?? w.label);
}

/** How much a wording says, to prefer the most complete of several categories' defaults. */
const extent = (w: WordingDef) => w.text.replace(PLACEHOLDER_MARKER, '').replace(/\s/g, '').length;

/**
 * The wording variants of a clause for this draft: every entry written for one of the draft's
 * categories (for a mix, the variants of each category involved; else the category that requires
 * it, else the first section with wording), without entries whose `requires` contradicts the
 * options. The preferred one is the entry the options name (`when`), else the most complete
 * default. Nothing depends on the order in which the front matter lists the categories.
 */
export function wordingChoices(ctx: DraftContext, clause: ClauseDef): WordingChoice[] {
  const documentType = ctx.documentType;
  if (!documentType) return [];
  const all = clause.wording[documentType] ?? [];
  if (!all.length) return [];
  const drafted = new Set(ctx.frontMatter.categories);
  let section = all.filter((w) => w.categories.some((c) => drafted.has(c)));
  if (!section.length) {
    const index = ctx.catalog.clauseIndex.get(clause.id)!;
    const req = ctx.requirements.get(index);
    for (const category of [...(req?.category ? [req.category] : []), ...Object.keys(ctx.catalog.def.categories)]) {
      section = all.filter((w) => w.categories.includes(category));
      if (section.length) break;
    }
  }
  const options = ctx.frontMatter.options;
  const holds = (conds: Record<string, string | boolean> | undefined) =>
    Object.entries(conds ?? {}).every(([option, is]) => conditionHolds(ctx.catalog, options, { option, is }));
  // An entry whose `requires` fails is never offered: software never gets system-building text.
  const list = section.filter((w) => holds(w.requires));
  const byOption = list.filter((w) => w.when && holds(w.when));
  const defaults = list.filter((w) => w.default);
  const pool = byOption.length ? byOption : defaults.length ? defaults : list;
  let preferred: WordingDef | undefined;
  for (const w of pool) if (!preferred || extent(w) > extent(preferred)) preferred = w;
  const order = Object.keys(ctx.catalog.def.categories);
  return list.map((wording) => ({
    wording,
    preferred: wording === preferred,
    categories: order.filter((c) => drafted.has(c) && wording.categories.includes(c)),
  }));
}
