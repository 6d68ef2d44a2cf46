import type { Catalog } from '../catalog/compile';
import type { Finding } from '../findings';
import type { Locale } from '../messages';

/** Canonical front-matter keys and the spellings accepted for each. */
export const FRONT_MATTER_KEYS: Record<string, string[]> = {
  document: ['document', '文書種別'],
  category: ['category', '業務分類', 'categories'],
  organization: ['organization', '組織'],
  parties: ['parties', '当事者'],
  options: ['options', 'オプション'],
};

export type Span = [number, number];

export interface CategoryEntry {
  /** Resolved id, when the value is known. */
  id?: string;
  value: string;
  span: Span;
}

/** A key itaku does not use: a top-level key (information) or an option (warning). */
export interface UnknownKey {
  name: string;
  span: Span;
  option: boolean;
  suggestion?: string;
}

/** What the front matter says, resolved against the catalog; the rules read this. */
export interface FrontMatterInfo {
  document?: string;
  /** The `document` value as written, when it is a string (resolved or not). */
  documentValue?: string;
  documentSpan?: Span;
  /** The `document` key, where a missing category is reported when there is no category key. */
  documentKeySpan?: Span;
  categories: string[];
  categoryEntries: CategoryEntry[];
  categorySpan?: Span;
  /** The category value failed the schema (frontmatter-invalid says so; no missing-category then). */
  categoryInvalid: boolean;
  /** How many category values are written (blank ones included): none means missing-category. */
  categoryCount: number;
  unknownKeys: UnknownKey[];
  organization?: string;
  parties: Record<string, string>;
  options: Record<string, string | boolean | string[]>;
  optionSpans: Record<string, Span>;
  /** The whole front matter, fences included. */
  span: Span;
  /** True when the YAML could be read (clauses can be judged). */
  readable: boolean;
}

/** One reading of a front-matter block: what every step shares. */
export interface Reading {
  catalog: Catalog;
  locale: Locale;
  findings: Finding[];
  info: FrontMatterInfo;
  /** The opening fence, where findings without a node of their own go. */
  fenceSpan: Span;
}

export function emptyInfo(span: Span): FrontMatterInfo {
  return {
    categories: [],
    categoryEntries: [],
    categoryInvalid: false,
    categoryCount: 0,
    unknownKeys: [],
    parties: {},
    options: {},
    optionSpans: {},
    span,
    readable: false,
  };
}
