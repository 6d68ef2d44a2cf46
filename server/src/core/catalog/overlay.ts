// Merging a catalog overlay (a file that `extends` another catalog and lists only its changes)
// into its base. Pure: the base is already loaded, the overlay already parsed and checked against
// schemas/catalog-overlay.schema.json. Every change is marked with the overlay entry it came from
// (for hovers, and for placing errors found in the merged catalog).
import { copyOrigins, markOrigin, type CatalogOrigin } from './origin';
import type {
  CatalogDef,
  CategoryDef,
  CellDef,
  ClauseDef,
  OptionDef,
  PhraseSpec,
  RecogniseDef,
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

/** A deep copy of catalog data that keeps the origin marks. */
export function cloneData<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  const out = (Array.isArray(value) ? value.map(cloneData) : {}) as Record<string, unknown>;
  if (!Array.isArray(value)) for (const [k, v] of Object.entries(value)) out[k] = cloneData(v);
  copyOrigins(value, out);
  return out as T;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The base with the overlay's changes. `origin(path)` makes the mark for an overlay entry;
 * problems are reported at overlay paths, in `locale`.
 */
export function mergeOverlay(
  base: CatalogDef,
  overlay: OverlayDef,
  origin: (path: Path) => CatalogOrigin,
  ja: boolean,
): { def: CatalogDef; problems: OverlayProblem[] } {
  const def = cloneData(base);
  const problems: OverlayProblem[] = [];
  const report = (path: Path, jaText: string, enText: string, onKey = false) =>
    problems.push({ path, onKey, message: ja ? jaText : enText });
  const mark = (target: object, key: string, path: Path) => markOrigin(target, key, origin(path));
  const unknown = (what: [string, string], id: string, path: Path, hint: [string, string]) =>
    report(path, `未定義の${what[0]}「${id}」です${hint[0]}。`, `unknown ${what[1]} "${id}"${hint[1]}.`, true);

  /** Applies add/remove to `list` in place; a removed entry must be there. */
  const editList = <T>(list: T[], edit: ListEdit<T>, path: Path): T[] => {
    edit.remove?.forEach((item, i) => {
      const at = list.findIndex((x) => same(x, item));
      if (at < 0)
        report(
          [...path, 'remove', i],
          `「${JSON.stringify(item)}」は継承元にないため削除できません。`,
          `${JSON.stringify(item)} is not in the base, so it cannot be removed.`,
        );
      else list.splice(at, 1);
    });
    edit.add?.forEach((item) => {
      if (!list.some((x) => same(x, item))) list.push(cloneData(item));
    });
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

  def.id = overlay.id;
  def.title = overlay.title;
  def.title_en = overlay.title_en ?? overlay.title;
  if (overlay.source) def.source = overlay.source;

  for (const [id, patch] of Object.entries(overlay.documentTypes ?? {})) {
    const path = ['documentTypes', id];
    const target = Object.hasOwn(def.documentTypes, id) ? def.documentTypes[id] : undefined;
    if (!target) {
      unknown(['文書種別', 'document type'], id, path, ['', '']);
      continue;
    }
    set(target, 'label', patch.label, path);
    set(target, 'label_en', patch.label_en, path);
    set(target, 'part', patch.part, path);
    if (patch.aliases) editList(target.aliases, patch.aliases, [...path, 'aliases']);
  }

  for (const [id, patch] of Object.entries(overlay.categories ?? {})) {
    const path = ['categories', id];
    const target = Object.hasOwn(def.categories, id) ? def.categories[id] : undefined;
    if (!target) {
      unknown(['業務分類', 'category'], id, path, [
        '（新しい分類は addCategories に書きます）',
        ' (new categories go under addCategories)',
      ]);
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

  const added = new Map<string, Path>();
  for (const [id, entry] of Object.entries(overlay.addCategories ?? {})) {
    const path = ['addCategories', id];
    if (Object.hasOwn(def.categories, id)) {
      report(
        path,
        `業務分類「${id}」は既にあります（変更は categories に書きます）。`,
        `category "${id}" already exists (changes go under categories).`,
        true,
      );
      continue;
    }
    const { like, ...category } = entry;
    def.categories[id] = cloneData(category);
    mark(def.categories, id, path);
    added.set(id, path);
    if (like === undefined) continue;
    if (!Object.hasOwn(def.categories, like) || like === id) {
      unknown(['業務分類', 'category'], like, [...path, 'like'], ['', '']);
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

  for (const [name, patch] of Object.entries(overlay.options ?? {})) {
    const path = ['options', name];
    const target = Object.hasOwn(def.options, name) ? def.options[name] : undefined;
    if (!target) {
      unknown(['オプション', 'option'], name, path, [
        '（新しいオプションは addOptions に書きます）',
        ' (new options go under addOptions)',
      ]);
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
        report(
          [...path, 'values', value],
          `新しい値「${value}」には label と label_en が必要です。`,
          `the new value "${value}" needs label and label_en.`,
        );
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
      report(path, `オプション「${name}」は既にあります。`, `option "${name}" already exists.`, true);
      continue;
    }
    def.options[name] = cloneData(option);
    mark(def.options, name, path);
  }

  def.vocabularies ??= {};
  for (const [name, edit] of Object.entries(overlay.vocabularies ?? {})) {
    const path = ['vocabularies', name];
    if (!Object.hasOwn(def.vocabularies, name)) {
      unknown(['語彙', 'vocabulary'], name, path, [
        '（新しい語彙は addVocabularies に書きます）',
        ' (new vocabularies go under addVocabularies)',
      ]);
      continue;
    }
    editList(def.vocabularies[name], edit, path);
    mark(def.vocabularies, name, path);
  }
  for (const [name, list] of Object.entries(overlay.addVocabularies ?? {})) {
    const path = ['addVocabularies', name];
    if (Object.hasOwn(def.vocabularies, name)) {
      report(path, `語彙「${name}」は既にあります。`, `vocabulary "${name}" already exists.`, true);
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
      unknown(['否定文脈', 'negative context'], id, path, ['', '']);
      continue;
    }
    if (patch.phrases) editList(target.phrases, patch.phrases, [...path, 'phrases']);
    if (patch.unless) target.unless = editList(target.unless ?? [], patch.unless, [...path, 'unless']);
  }

  for (const [id, patch] of Object.entries(overlay.clauses ?? {})) {
    const path = ['clauses', id];
    const clause = def.clauses.find((c) => c.id === id);
    if (!clause) {
      unknown(['条項', 'clause'], id, path, [
        '（新しい条項は addClauses に書きます）',
        ' (new clauses go under addClauses)',
      ]);
      continue;
    }
    patchClause(def, clause, patch, path, { report, mark, editList, set, unknown, origin });
  }
  overlay.addClauses?.forEach((clause, i) => {
    const path = ['addClauses', i];
    if (def.clauses.some((c) => c.id === clause.id)) {
      report(
        [...path, 'id'],
        `条項「${clause.id}」は既にあります（変更は clauses に書きます）。`,
        `clause "${clause.id}" already exists (changes go under clauses).`,
      );
      return;
    }
    const copy = cloneData(clause);
    markOrigin(copy, '', origin(path));
    def.clauses.push(copy);
  });

  // A new category without `like` needs a cell in every clause that has requirements.
  for (const [id, path] of added) {
    const missing = def.clauses.flatMap((c) =>
      Object.entries(c.requirements)
        .filter(([, req]) => !Object.hasOwn(req.cells, id))
        .map(([docType]) => `${c.id} (${docType})`),
    );
    if (missing.length)
      report(
        path,
        `新しい業務分類「${id}」の欄がない条項があります: ${missing.join(', ')}。like で既存の分類を写すか、clauses の requirements.cells に書いてください。`,
        `the new category "${id}" has no cell in: ${missing.join(', ')}. Copy an existing category with like, or give the cells under clauses … requirements.cells.`,
        true,
      );
  }
  return { def, problems };
}

interface Tools {
  origin: (path: Path) => CatalogOrigin;
  report: (path: Path, jaText: string, enText: string, onKey?: boolean) => void;
  mark: (target: object, key: string, path: Path) => void;
  editList: <T>(list: T[], edit: ListEdit<T>, path: Path) => T[];
  set: <T extends object, K extends keyof T & string>(target: T, key: K, value: T[K] | undefined, path: Path) => void;
  unknown: (what: [string, string], id: string, path: Path, hint: [string, string]) => void;
}

function patchClause(def: CatalogDef, clause: ClauseDef, patch: ClausePatch, path: Path, t: Tools): void {
  for (const key of ['title', 'title_en', 'heading', 'heading_en'] as const) t.set(clause, key, patch[key], path);
  for (const [docType, row] of Object.entries(patch.rows ?? {})) t.set(clause.rows, docType, row, [...path, 'rows']);
  for (const [docType, req] of Object.entries(patch.requirements ?? {})) {
    const rpath = [...path, 'requirements', docType];
    if (!Object.hasOwn(def.documentTypes, docType)) {
      t.unknown(['文書種別', 'document type'], docType, rpath, ['', '']);
      continue;
    }
    let target = Object.hasOwn(clause.requirements, docType) ? clause.requirements[docType] : undefined;
    if (!target) {
      if (req.basis === undefined || !req.cells) {
        t.report(
          rpath,
          `この条項には文書種別「${docType}」の要否がありません。新しく書くには basis と cells が必要です。`,
          `this clause has no requirements for "${docType}"; new ones need basis and cells.`,
        );
        continue;
      }
      target = clause.requirements[docType] = { basis: req.basis, cells: {} };
      t.mark(clause.requirements, docType, rpath);
    }
    t.set(target, 'basis', req.basis, rpath);
    for (const [category, cell] of Object.entries(req.cells ?? {})) {
      if (!Object.hasOwn(def.categories, category)) {
        t.unknown(['業務分類', 'category'], category, [...rpath, 'cells', category], ['', '']);
        continue;
      }
      t.set(target.cells, category, cell, [...rpath, 'cells']);
    }
    t.set(target, 'when', req.when, rpath);
  }
  if (patch.recognise) {
    const r = clause.recognise as unknown as Record<string, unknown[] | undefined>;
    for (const [key, edit] of Object.entries(patch.recognise) as Array<[keyof RecogniseDef, ListEdit<unknown>]>) {
      r[key] = t.editList(r[key] ?? [], edit, [...path, 'recognise', key]);
      t.mark(clause.recognise, key, [...path, 'recognise', key]);
    }
  }
  for (const [docType, change] of Object.entries(patch.wording ?? {})) {
    const wpath = [...path, 'wording', docType];
    const list = Object.hasOwn(clause.wording, docType) ? clause.wording[docType] : (clause.wording[docType] = []);
    change.replace?.forEach((w, k) => {
      const at = [...wpath, 'replace', k];
      let wasDefault = false;
      w.categories.forEach((c, ci) => {
        const covering = list.filter((e) => e.variant === w.variant && e.categories.includes(c));
        if (!covering.length) {
          t.report(
            [...at, 'categories', ci],
            `業務分類「${c}」に置き換える文言 variant「${w.variant}」がありません（新しい文言は add に書きます）。`,
            `there is no wording variant "${w.variant}" for category "${c}" to replace (new wordings go under add).`,
          );
          return;
        }
        for (const e of covering) {
          wasDefault ||= Boolean(e.default);
          e.categories = e.categories.filter((x) => x !== c);
        }
      });
      for (let i = list.length - 1; i >= 0; i--) if (!list[i].categories.length) list.splice(i, 1);
      const copy = cloneData(w);
      if (copy.default === undefined && wasDefault) copy.default = true;
      markOrigin(copy, '', t.origin(at));
      if (copy.default) for (const c of copy.categories) clearDefault(list, c);
      list.push(copy);
    });
    change.add?.forEach((w, k) => {
      const copy = cloneData(w);
      markOrigin(copy, '', t.origin([...wpath, 'add', k]));
      if (copy.default) for (const c of copy.categories) clearDefault(list, c);
      list.push(copy);
    });
    for (const [category, variant] of Object.entries(change.default ?? {})) {
      const at = [...wpath, 'default', category];
      const index = list.findIndex((e) => e.variant === variant && e.categories.includes(category));
      if (index < 0) {
        t.report(
          at,
          `業務分類「${category}」に文言 variant「${variant}」がありません。`,
          `there is no wording variant "${variant}" for category "${category}".`,
        );
        continue;
      }
      const chosen = list[index];
      clearDefault(list, category, chosen);
      if (chosen.default) continue;
      // Only this category's entry becomes the default: the others keep theirs.
      const own = chosen.categories.length === 1 ? chosen : splitOff(list, chosen, category);
      own.default = true;
      t.mark(own, 'default', at);
    }
  }
}

/** Moves `category` out of `entry` into an entry of its own (right after it), which is returned. */
function splitOff(list: WordingDef[], entry: WordingDef, category: string): WordingDef {
  const copy = cloneData(entry);
  copy.categories = [category];
  entry.categories = entry.categories.filter((c) => c !== category);
  list.splice(list.indexOf(entry) + 1, 0, copy);
  return copy;
}

/** No entry but `keep` is the default for `category` any more. */
function clearDefault(list: WordingDef[], category: string, keep?: WordingDef): void {
  for (const e of [...list]) {
    if (e === keep || !e.default || !e.categories.includes(category)) continue;
    const own = e.categories.length === 1 ? e : splitOff(list, e, category);
    delete own.default;
  }
}
