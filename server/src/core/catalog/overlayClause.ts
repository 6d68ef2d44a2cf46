// One clause's changes from an overlay (see overlay.ts): labels, requirement cells and rules,
// recognition lists, and wording entries added, replaced or made the default.
import type { CatalogHint, CatalogKind, CatalogTextKey } from './messages';
import { cloneData, markOrigin, type CatalogOrigin } from './origin';
import type { ClausePatch, ListEdit } from './overlay';
import type { CatalogDef, ClauseDef, RecogniseDef, WordingDef } from './types';

type Path = Array<string | number>;

export interface OverlayTools {
  origin: (path: Path) => CatalogOrigin;
  /** A problem at `path`: the sentence `key` of CATALOG_TEXTS with `args` (on the entry's key if `onKey`). */
  report: (path: Path, key: CatalogTextKey, args: Record<string, string>, onKey?: boolean) => void;
  mark: (target: object, key: string, path: Path) => void;
  editList: <T>(list: T[], edit: ListEdit<T>, path: Path) => T[];
  set: <T extends object, K extends keyof T & string>(target: T, key: K, value: T[K] | undefined, path: Path) => void;
  /** 「未定義の…」 on the key at `path`, with an optional hint. */
  unknown: (kind: CatalogKind, id: string, path: Path, hint?: CatalogHint) => void;
}

/** Applies one `clauses.<id>` entry of an overlay to the merged clause. */
export function patchClause(def: CatalogDef, clause: ClauseDef, patch: ClausePatch, path: Path, t: OverlayTools): void {
  for (const key of ['title', 'title_en', 'heading', 'heading_en'] as const) t.set(clause, key, patch[key], path);
  for (const [docType, row] of Object.entries(patch.rows ?? {})) t.set(clause.rows, docType, row, [...path, 'rows']);
  patchRequirements(def, clause, patch, path, t);
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
    replaceWordings(list, change.replace ?? [], wpath, t);
    change.add?.forEach((w, k) => {
      const copy = cloneData(w);
      markOrigin(copy, '', t.origin([...wpath, 'add', k]));
      if (copy.default) for (const c of copy.categories) clearDefault(list, c);
      list.push(copy);
    });
    setDefaults(list, change.default ?? {}, wpath, t);
  }
}

/** A clause's requirement changes: basis, cells and rules per document type (new ones need basis and cells). */
function patchRequirements(def: CatalogDef, clause: ClauseDef, patch: ClausePatch, path: Path, t: OverlayTools): void {
  for (const [docType, req] of Object.entries(patch.requirements ?? {})) {
    const rpath = [...path, 'requirements', docType];
    if (!Object.hasOwn(def.documentTypes, docType)) {
      t.unknown('kindDocumentType', docType, rpath);
      continue;
    }
    let target = Object.hasOwn(clause.requirements, docType) ? clause.requirements[docType] : undefined;
    if (!target) {
      if (req.basis === undefined || !req.cells) {
        t.report(rpath, 'newRequirementsNeedBasis', { docType });
        continue;
      }
      target = clause.requirements[docType] = { basis: req.basis, cells: {} };
      t.mark(clause.requirements, docType, rpath);
    }
    t.set(target, 'basis', req.basis, rpath);
    for (const [category, cell] of Object.entries(req.cells ?? {})) {
      if (!Object.hasOwn(def.categories, category)) {
        t.unknown('kindCategory', category, [...rpath, 'cells', category]);
        continue;
      }
      t.set(target.cells, category, cell, [...rpath, 'cells']);
    }
    t.set(target, 'when', req.when, rpath);
  }
}

/** Each replacing wording takes the place, for its categories, of the entries of its variant (and their default). */
function replaceWordings(list: WordingDef[], replace: WordingDef[], wpath: Path, t: OverlayTools): void {
  replace.forEach((w, k) => {
    const at = [...wpath, 'replace', k];
    let wasDefault = false;
    w.categories.forEach((c, ci) => {
      const covering = list.filter((e) => e.variant === w.variant && e.categories.includes(c));
      if (!covering.length) {
        t.report([...at, 'categories', ci], 'noVariantToReplace', { category: c, variant: w.variant });
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
}

/** `default: { category: variant }`: that variant becomes the category's default, and no other. */
function setDefaults(list: WordingDef[], defaults: Record<string, string>, wpath: Path, t: OverlayTools): void {
  for (const [category, variant] of Object.entries(defaults)) {
    const at = [...wpath, 'default', category];
    const index = list.findIndex((e) => e.variant === variant && e.categories.includes(category));
    if (index < 0) {
      t.report(at, 'noVariant', { category, variant });
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
