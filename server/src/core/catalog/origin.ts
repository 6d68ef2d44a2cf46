// Where a part of a merged catalog comes from: the overlay (file, line) that added or changed it.
// Stored under a symbol key on the catalog's own objects, so schema checks, JSON output and the
// catalog's data never see it; `compileCatalog` copies it with the data.
import type { Locale } from '../messages';
import { catalogText } from './messages';

export interface CatalogOrigin {
  /** The overlay's title (○○省 catalog). */
  catalog: string;
  /** How the overlay was named: its path, as the server or CLI resolved it. */
  file: string;
  /** The path of the entry inside the overlay. */
  path: ReadonlyArray<string | number>;
  /** 0-based position of that entry in the overlay. */
  line: number;
  character: number;
}

/** `obj[ORIGIN][key]`: `obj[key]` came from that overlay; key `''`: the whole object did. */
export const ORIGIN: unique symbol = Symbol('itaku.origin');

type Marked = { [ORIGIN]?: Record<string, CatalogOrigin> };

export function markOrigin(target: object, key: string, origin: CatalogOrigin): void {
  const t = target as Marked;
  if (!Object.hasOwn(t, ORIGIN)) Object.defineProperty(t, ORIGIN, { value: Object.create(null), enumerable: false });
  t[ORIGIN]![key] = origin;
}

function originsOf(target: unknown): Record<string, CatalogOrigin> | undefined {
  return target && typeof target === 'object' ? (target as Marked)[ORIGIN] : undefined;
}

/** Copies the origin marks of `from` onto `to` (a clone of it). */
export function copyOrigins(from: unknown, to: object): void {
  const marks = originsOf(from);
  if (marks) for (const [k, o] of Object.entries(marks)) markOrigin(to, k, o);
}

/** A deep copy of catalog data that keeps the origin marks. */
export function cloneData<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  const out = (Array.isArray(value) ? value.map(cloneData) : {}) as Record<string, unknown>;
  if (!Array.isArray(value)) for (const [k, v] of Object.entries(value)) out[k] = cloneData(v);
  copyOrigins(value, out);
  return out as T;
}

/**
 * The deepest origin along `path` from `root`, with the steps of `path` left below it: the overlay
 * entry that brought in (or changed) what the path names. Undefined when no overlay touched it.
 */
export function originAt(
  root: unknown,
  path: ReadonlyArray<string | number>,
): { origin: CatalogOrigin; rest: Array<string | number> } | undefined {
  let node: unknown = root;
  let found: { origin: CatalogOrigin; rest: Array<string | number> } | undefined;
  for (let i = 0; i <= path.length; i++) {
    const marks = originsOf(node);
    if (marks?.['']) found = { origin: marks[''], rest: path.slice(i) };
    if (i === path.length) break;
    const step = String(path[i]);
    if (marks?.[step]) found = { origin: marks[step], rest: path.slice(i + 1) };
    if (!node || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[step];
  }
  return found;
}

/** 「○○省 catalog, 42 行目」 / "○○省 catalog, line 42", or the root catalog's id when no overlay changed it. */
export function describeOrigin(origin: CatalogOrigin | undefined, root: string, locale: Locale): string {
  if (!origin) return root;
  const file = origin.file.split(/[\\/]/).pop() ?? origin.file;
  return catalogText(locale, 'originAt', { catalog: origin.catalog, file, line: origin.line + 1 });
}

/**
 * For a catalog that extends another: which catalog the requirement's cell (or rule) comes from,
 * e.g. 「架空省カタログ（kakusho.yaml 14 行目）」 or 「nisc-2011」. Undefined for a catalog that extends none.
 */
export function requirementOrigin(
  catalog: { def: object; root?: string },
  clauseIndex: number,
  from: ReadonlyArray<string | number> | undefined,
  locale: Locale,
): string | undefined {
  if (!catalog.root || !from) return undefined;
  const clause: Array<string | number> = ['clauses', clauseIndex];
  let found = originAt(catalog.def, [...clause, ...from]);
  // A plain cell takes the requirement's basis: where that basis was set, if an overlay set it.
  if (!found && from.length === 4) found = originAt(catalog.def, [...clause, from[0], from[1], 'basis']);
  return describeOrigin(found?.origin, catalog.root, locale);
}

/** For a catalog that extends another: which catalog a wording entry comes from. */
export function wordingOrigin(
  catalog: { def: { clauses: Array<{ wording: Record<string, object[]> }> }; root?: string },
  clauseIndex: number,
  documentType: string,
  wording: object,
  locale: Locale,
): string | undefined {
  if (!catalog.root) return undefined;
  const index = catalog.def.clauses[clauseIndex]?.wording[documentType]?.indexOf(wording) ?? -1;
  if (index < 0) return undefined;
  return describeOrigin(
    originAt(catalog.def, ['clauses', clauseIndex, 'wording', documentType, index])?.origin,
    catalog.root,
    locale,
  );
}

/** An origin mark as plain data: the path of the object it sits on, its key and the origin. */
export type OriginEntry = [path: Array<string | number>, key: string, origin: CatalogOrigin];

/**
 * Every origin mark under `root` as plain data. Symbol keys do not survive a structured clone,
 * so a catalog sent to the server's analysis workers carries its marks this way.
 */
export function originEntries(root: unknown): OriginEntry[] {
  const out: OriginEntry[] = [];
  const stack: Array<[unknown, Array<string | number>]> = [[root, []]];
  while (stack.length) {
    const [node, at] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const marks = originsOf(node);
    if (marks) for (const [k, o] of Object.entries(marks)) out.push([at, k, o]);
    if (Array.isArray(node)) node.forEach((v, i) => stack.push([v, [...at, i]]));
    else for (const [k, v] of Object.entries(node)) stack.push([v, [...at, k]]);
  }
  return out;
}

/** Puts marks from `originEntries` back onto a clone of the data they were taken from. */
export function restoreOrigins(root: unknown, entries: readonly OriginEntry[]): void {
  for (const [at, key, origin] of entries) {
    let node: unknown = root;
    for (const step of at)
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
    if (node && typeof node === 'object') markOrigin(node, key, origin);
  }
}
