// Merging a catalog overlay (a file that `extends` another catalog and lists only its changes)
// into its base. Pure: the base is already loaded, the overlay already parsed and checked against
// schemas/catalog-overlay.schema.json. Every change is marked with the overlay entry it came from
// (for hovers, and for placing errors found in the merged catalog).
import type { Locale } from '../messages';
import { catalogText, undefinedId } from './messages';
import { cloneData, markOrigin, type CatalogOrigin } from './origin';
import { patchClause, type OverlayTools } from './overlayClause';
import type {
  CatalogDef,
  CategoryDef,
  CellDef,
  ClauseDef,
  OptionDef,
  PhraseSpec,
  RequirementRule,
  WordingDef,
} from './types';

type Path = Array<string | number>;

export interface ListEdit<T> {
  add?: T[];
  remove?: T[];
}

export interface OverlayDef {
  extends: string;
  id: string;
  title: string;
  title_en?: string;
  source?: string;
  documentTypes?: Record<string, { label?: string; label_en?: string; aliases?: ListEdit<string>; part?: string }>;
  categories?: Record<
    string,
    { label?: string; label_en?: string; aliases?: ListEdit<string>; ambiguousAliases?: ListEdit<string> }
  >;
  addCategories?: Record<string, CategoryDef & { like?: string }>;
  options?: Record<
    string,
    Partial<Omit<OptionDef, 'type' | 'values'>> & {
      values?: Record<string, { label?: string; label_en?: string; aliases?: string[] }>;
    }
  >;
  addOptions?: Record<string, OptionDef>;
  vocabularies?: Record<string, ListEdit<string>>;
  addVocabularies?: Record<string, string[]>;
  umbrellaHeadings?: ListEdit<string>;
  negativeContexts?: Record<string, { phrases?: ListEdit<string>; unless?: ListEdit<string> }>;
  clauses?: Record<string, ClausePatch>;
  addClauses?: ClauseDef[];
}

export interface ClausePatch {
  title?: string;
  title_en?: string;
  heading?: string;
  heading_en?: string;
  rows?: Record<string, string>;
  requirements?: Record<string, { basis?: string; cells?: Record<string, CellDef>; when?: RequirementRule[] }>;
  recognise?: Partial<Record<'headings' | 'phrases' | 'titles', ListEdit<PhraseSpec>>> &
    Partial<Record<'not' | 'veto' | 'support', ListEdit<string>>>;
  wording?: Record<string, { add?: WordingDef[]; replace?: WordingDef[]; default?: Record<string, string> }>;
}

export interface OverlayProblem {
  /** Path inside the overlay. */
  path: Path;
  /** Place the problem on the key of the last step (an unknown id) rather than on its value. */
  onKey?: boolean;
  message: string;
}

/**
 * The base with the overlay's changes. `origin(path)` makes the mark for an overlay entry;
 * problems are reported at overlay paths, in `locale`.
 */
export function mergeOverlay(
  base: CatalogDef,
  overlay: OverlayDef,
  origin: (path: Path) => CatalogOrigin,
  locale: Locale,
): { def: CatalogDef; problems: OverlayProblem[] } {
  const def = cloneData(base);
  const problems: OverlayProblem[] = [];
  const t = overlayTools(problems, origin, locale);
  def.id = overlay.id;
  def.title = overlay.title;
  def.title_en = overlay.title_en ?? overlay.title;
  if (overlay.source) def.source = overlay.source;
  patchDocumentTypes(def, overlay, t);
  patchCategories(def, overlay, t);
  const added = addCategories(def, overlay, t);
  patchOptions(def, overlay, t);
  patchVocabularies(def, overlay, t);
  patchClauses(def, overlay, t);
  checkAddedCategories(def, added, t);
  return { def, problems };
}

/** The helpers every part of the merge uses: reporting, marking origins, editing lists, setting fields. */
function overlayTools(problems: OverlayProblem[], origin: (path: Path) => CatalogOrigin, locale: Locale): OverlayTools {
  const report: OverlayTools['report'] = (path, key, args, onKey = false) =>
    problems.push({ path, onKey, message: catalogText(locale, key, args) });
  const mark = (target: object, key: string, path: Path) => markOrigin(target, key, origin(path));
  const unknown: OverlayTools['unknown'] = (kind, id, path, hint) =>
    problems.push({ path, onKey: true, message: undefinedId(locale, kind, id, hint) });

  /** Applies add/remove to `list` in place; a removed entry must be there. */
  // Items compare by their JSON. Keyed, so a list of thousands edited by thousands stays linear.
  const editList = <T>(list: T[], edit: ListEdit<T>, path: Path): T[] => {
    const key = (x: unknown) => JSON.stringify(x);
    if (edit.remove?.length) {
      // Each removal takes the first remaining item equal to it.
      const at = new Map<string, { indices: number[]; used: number }>();
      list.forEach((x, i) => {
        const k = key(x);
        if (!at.has(k)) at.set(k, { indices: [], used: 0 });
        at.get(k)!.indices.push(i);
      });
      const gone = new Set<number>();
      edit.remove.forEach((item, i) => {
        const same = at.get(key(item));
        if (!same || same.used === same.indices.length)
          report([...path, 'remove', i], 'notInBase', { item: key(item) });
        else gone.add(same.indices[same.used++]);
      });
      const kept = list.filter((_, i) => !gone.has(i));
      list.length = 0;
      for (const x of kept) list.push(x);
    }
    if (edit.add?.length) {
      const present = new Set(list.map(key));
      for (const item of edit.add) {
        const k = key(item);
        if (present.has(k)) continue;
        present.add(k);
        list.push(cloneData(item));
      }
    }
    return list;
  };
  const set = <T extends object, K extends keyof T & string>(
    target: T,
    key: K,
    value: T[K] | undefined,
    path: Path,
  ) => {
    if (value === undefined) return;
    target[key] = cloneData(value);
    mark(target, key, [...path, key]);
  };
  return { report, mark, editList, set, unknown, origin };
}

function patchDocumentTypes(def: CatalogDef, overlay: OverlayDef, t: OverlayTools): void {
  const { set, editList, unknown } = t;
  for (const [id, patch] of Object.entries(overlay.documentTypes ?? {})) {
    const path = ['documentTypes', id];
    const target = Object.hasOwn(def.documentTypes, id) ? def.documentTypes[id] : undefined;
    if (!target) {
      unknown('kindDocumentType', id, path);
      continue;
    }
    set(target, 'label', patch.label, path);
    set(target, 'label_en', patch.label_en, path);
    set(target, 'part', patch.part, path);
    if (patch.aliases) editList(target.aliases, patch.aliases, [...path, 'aliases']);
  }
}

function patchCategories(def: CatalogDef, overlay: OverlayDef, t: OverlayTools): void {
  const { set, editList, unknown } = t;
  for (const [id, patch] of Object.entries(overlay.categories ?? {})) {
    const path = ['categories', id];
    const target = Object.hasOwn(def.categories, id) ? def.categories[id] : undefined;
    if (!target) {
      unknown('kindCategory', id, path, 'hintAddCategories');
      continue;
    }
    set(target, 'label', patch.label, path);
    set(target, 'label_en', patch.label_en, path);
    if (patch.aliases) editList(target.aliases, patch.aliases, [...path, 'aliases']);
    if (patch.ambiguousAliases)
      target.ambiguousAliases = editList(target.ambiguousAliases ?? [], patch.ambiguousAliases, [
        ...path,
        'ambiguousAliases',
      ]);
  }
}

/** The overlay's new categories; returns where each is written, for the check that each has its cells. */
function addCategories(def: CatalogDef, overlay: OverlayDef, t: OverlayTools): Map<string, Path> {
  const { report, mark, unknown } = t;
  const added = new Map<string, Path>();
  for (const [id, entry] of Object.entries(overlay.addCategories ?? {})) {
    const path = ['addCategories', id];
    if (Object.hasOwn(def.categories, id)) {
      report(path, 'categoryExists', { id }, true);
      continue;
    }
    const { like, ...category } = entry;
    def.categories[id] = cloneData(category);
    mark(def.categories, id, path);
    added.set(id, path);
    if (like === undefined) continue;
    if (!Object.hasOwn(def.categories, like) || like === id) {
      unknown('kindCategory', like, [...path, 'like']);
      continue;
    }
    // A copy of `like`: its cells and wordings now also hold for the new category.
    for (const clause of def.clauses) {
      for (const req of Object.values(clause.requirements)) {
        if (!Object.hasOwn(req.cells, like)) continue;
        req.cells[id] = cloneData(req.cells[like]);
        mark(req.cells, id, path);
      }
      for (const list of Object.values(clause.wording))
        for (const w of list) if (w.categories.includes(like)) w.categories.push(id);
    }
    for (const ph of Object.values(def.placeholders))
      if (ph.fill?.from === 'categories' && Object.hasOwn(ph.fill.map, like)) ph.fill.map[id] = ph.fill.map[like];
  }
  return added;
}

function patchOptions(def: CatalogDef, overlay: OverlayDef, t: OverlayTools): void {
  const { report, mark, set, unknown } = t;
  for (const [name, patch] of Object.entries(overlay.options ?? {})) {
    const path = ['options', name];
    const target = Object.hasOwn(def.options, name) ? def.options[name] : undefined;
    if (!target) {
      unknown('kindOption', name, path, 'hintAddOptions');
      continue;
    }
    for (const key of ['label', 'label_en', 'description', 'description_en', 'default'] as const)
      set(target, key, patch[key], path);
    for (const [value, v] of Object.entries(patch.values ?? {})) {
      target.values ??= {};
      const existing = Object.hasOwn(target.values, value) ? target.values[value] : undefined;
      if (existing) {
        set(existing, 'label', v.label, [...path, 'values', value]);
        set(existing, 'label_en', v.label_en, [...path, 'values', value]);
        if (v.aliases) existing.aliases = [...(existing.aliases ?? []), ...v.aliases];
      } else if (v.label === undefined || v.label_en === undefined) {
        report([...path, 'values', value], 'newValueNeedsLabels', { value });
      } else {
        target.values[value] = cloneData({
          label: v.label,
          label_en: v.label_en,
          ...(v.aliases ? { aliases: v.aliases } : {}),
        });
        mark(target.values, value, [...path, 'values', value]);
      }
    }
  }
  for (const [name, option] of Object.entries(overlay.addOptions ?? {})) {
    const path = ['addOptions', name];
    if (Object.hasOwn(def.options, name)) {
      report(path, 'optionExists', { name }, true);
      continue;
    }
    def.options[name] = cloneData(option);
    mark(def.options, name, path);
  }
}

/** Vocabularies, umbrella headings and negative contexts: the phrase lists recognition shares. */
function patchVocabularies(def: CatalogDef, overlay: OverlayDef, t: OverlayTools): void {
  const { report, mark, editList, unknown } = t;
  def.vocabularies ??= {};
  for (const [name, edit] of Object.entries(overlay.vocabularies ?? {})) {
    const path = ['vocabularies', name];
    if (!Object.hasOwn(def.vocabularies, name)) {
      unknown('kindVocabulary', name, path, 'hintAddVocabularies');
      continue;
    }
    editList(def.vocabularies[name], edit, path);
    mark(def.vocabularies, name, path);
  }
  for (const [name, list] of Object.entries(overlay.addVocabularies ?? {})) {
    const path = ['addVocabularies', name];
    if (Object.hasOwn(def.vocabularies, name)) {
      report(path, 'vocabularyExists', { name }, true);
      continue;
    }
    def.vocabularies[name] = [...list];
    mark(def.vocabularies, name, path);
  }
  if (overlay.umbrellaHeadings) editList(def.umbrellaHeadings, overlay.umbrellaHeadings, ['umbrellaHeadings']);
  for (const [id, patch] of Object.entries(overlay.negativeContexts ?? {})) {
    const path = ['negativeContexts', id];
    const target = def.negativeContexts?.find((n) => n.id === id);
    if (!target) {
      unknown('kindNegativeContext', id, path);
      continue;
    }
    if (patch.phrases) editList(target.phrases, patch.phrases, [...path, 'phrases']);
    if (patch.unless) target.unless = editList(target.unless ?? [], patch.unless, [...path, 'unless']);
  }
}

function patchClauses(def: CatalogDef, overlay: OverlayDef, t: OverlayTools): void {
  const { report, unknown, origin } = t;
  for (const [id, patch] of Object.entries(overlay.clauses ?? {})) {
    const path = ['clauses', id];
    const clause = def.clauses.find((c) => c.id === id);
    if (!clause) {
      unknown('kindClause', id, path, 'hintAddClauses');
      continue;
    }
    patchClause(def, clause, patch, path, t);
  }
  overlay.addClauses?.forEach((clause, i) => {
    const path = ['addClauses', i];
    if (def.clauses.some((c) => c.id === clause.id)) {
      report([...path, 'id'], 'clauseExists', { id: clause.id });
      return;
    }
    const copy = cloneData(clause);
    markOrigin(copy, '', origin(path));
    def.clauses.push(copy);
  });
}

/** A new category without `like` needs a cell in every clause that has requirements. */
function checkAddedCategories(def: CatalogDef, added: Map<string, Path>, t: OverlayTools): void {
  for (const [id, path] of added) {
    const missing = def.clauses.flatMap((c) =>
      Object.entries(c.requirements)
        .filter(([, req]) => !Object.hasOwn(req.cells, id))
        .map(([docType]) => `${c.id} (${docType})`),
    );
    if (missing.length) t.report(path, 'newCategoryNoCells', { id, clauses: missing.join(', ') }, true);
  }
}
