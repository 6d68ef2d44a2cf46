import { normalizePhrase, normalizeRange, whitespaceBefore } from '../text/normalize';
import { PhraseMatcher } from '../text/phraseMatcher';
import { copyOrigins } from './origin';
import type { CatalogDef, ClauseDef, DocumentTypeId, PhraseSpec, PlaceholderDef } from './types';

/** What a matched phrase means; one phrase can mean several things. */
export type PhraseUsage =
  | { kind: 'heading'; clause: number; group: number; term: number }
  | { kind: 'term'; clause: number; group: number; term: number }
  | { kind: 'not'; clause: number }
  | { kind: 'veto'; clause: number; context?: number }
  | { kind: 'lift'; context: number }
  | { kind: 'support'; clause: number }
  | { kind: 'umbrella' }
  | { kind: 'lead'; duty: boolean }
  | { kind: 'backref'; bit: number }
  | { kind: 'variant'; clause: number; variant: string }
  | { kind: 'unless'; clause: number; variant: string }
  | { kind: 'risk'; item: number; group: number; term: number }
  | { kind: 'placeholder'; placeholder: string; display: string; requiredGaps: number[] };

/** Clause recognition flattened into typed arrays, for a detection loop without allocations. */
export interface DetectionTables {
  /** Group index (over all clauses, heading groups and body groups apart) → its clause. */
  groupClause: Int32Array;
  /** Group index → the bit mask of all its terms. */
  groupFull: Int32Array;
  /** Per phrase: [group, termBit, group, termBit, …] of its body-term usages. */
  bodyRefs: Int32Array[];
  /** Per phrase: the same for heading usages. */
  headingRefs: Int32Array[];
  /** Per phrase: clauses it masks (`not`) and vetoes (`veto`); empty for most phrases. */
  notClauses: number[][];
  vetoClauses: number[][];
  /** Per phrase: [context, clause, …] vetoes that a phrase of the context's `unless` lifts in its sentence. */
  softVetoes: number[][];
  /** Per phrase: the negative contexts whose veto it lifts. */
  liftContexts: number[][];
  /** Number of negative contexts. */
  contexts: number;
  /** Per phrase: the clauses whose subject it names (support for a heading above it); mostly empty. */
  supportClauses: number[][];
  /** Group index → 1 for a heading group that is one of the clause's own titles. */
  strongGroup: Uint8Array;
  groups: number;
  /** Per phrase: 1 when it signals a variant (or voids one), for a quick skip of most blocks. */
  variantPhrase: Uint8Array;
  /** Per phrase: 1 when it is a list lead's phrase (次の各号に掲げる事項), 2 when a lead's duty (こと。), 3 both. */
  leadPhrase: Uint8Array;
  /** Per phrase: bit 1 when it points back at a numbered item ((1)の事項), 2 at the paragraph before (前項の事項), 4 a referent (提出). */
  backReference: Uint8Array;
  /** Per phrase: 1 when it is a placeholder spelling. */
  placeholderPhrase: Uint8Array;
}

export interface Catalog {
  readonly def: CatalogDef;
  readonly detection: DetectionTables;
  /** Where it came from: `built-in` or a file path. */
  readonly source: string;
  /** For a catalog that extends another: the id of the catalog at the bottom of the chain (nisc-2011). */
  readonly root?: string;
  /** The sources of every file merged into it, this one first (a file change re-reads the catalog). */
  readonly layers: readonly string[];
  readonly matcher: PhraseMatcher;
  readonly usages: PhraseUsage[][];
  /** For each clause, the number of terms of each phrase group. */
  readonly groupSizes: number[][];
  /** For each clause, the number of terms of each heading group (its `headings`, then its titles). */
  readonly headingSizes: number[][];
  /** For each clause, how many of its heading groups come from `headings` (the rest are titles). */
  readonly weakHeadings: number[];
  /** For each cloud risk item, the number of terms of each group. */
  readonly riskGroupSizes: number[][];
  readonly clauseIndex: ReadonlyMap<string, number>;
  documentTypeOf(value: string): string | undefined;
  categoryOf(value: string): string | undefined;
  optionValueOf(option: string, value: string): string | undefined;
  clausesFor(documentType: DocumentTypeId): ClauseDef[];
}

/** Normalised key for looking up ids and their Japanese aliases. */
export function aliasKey(value: string): string {
  return normalizePhrase(value);
}

/**
 * The one pattern of a placeholder marker in catalog wording: `{{name}}` or `{{name:argument}}`
 * (group 1 the name, group 2 the argument when there is one). Use it with matchAll or replace only.
 */
export const PLACEHOLDER_MARKER = /\{\{([^{}:]+)(?::([^{}]*))?\}\}/g;

/** The template's own notation for a placeholder (what a draft shows before it is filled). */
export function placeholderDisplay(def: PlaceholderDef, arg?: string): string {
  return def.display.replace('{arg}', arg ?? '');
}

/**
 * A copy of catalog data whose objects have no prototype: a name from the data or a draft
 * (`constructor`, `toString`, `__proto__`) is found only when the data defines it.
 */
function withoutPrototypes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutPrototypes) as T;
  if (!value || typeof value !== 'object') return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = withoutPrototypes(v);
  copyOrigins(value, out);
  return out as T;
}

/** The catalog's phrases, each normalised once, with every usage of each. */
interface PhraseTable {
  readonly phrases: string[];
  readonly usages: PhraseUsage[][];
  add(phrase: string, usage: PhraseUsage): void;
  /** Adds every alternative of every term of `spec`; returns its number of terms. */
  addGroup(spec: PhraseSpec, make: (term: number) => PhraseUsage): number;
  /** The literal phrases one alternative stands for: itself, or a whole vocabulary for `$name`. */
  expand(alt: string): readonly string[];
}

function phraseTable(def: CatalogDef): PhraseTable {
  const phrases: string[] = [];
  const usages: PhraseUsage[][] = [];
  const index = new Map<string, number>();
  const add = (phrase: string, usage: PhraseUsage) => {
    const key = normalizePhrase(phrase);
    if (!key) return;
    let i = index.get(key);
    if (i === undefined) {
      i = phrases.length;
      index.set(key, i);
      phrases.push(key);
      usages.push([]);
    }
    usages[i].push(usage);
  };
  const vocabularies = def.vocabularies ?? {};
  const expand = (alt: string): readonly string[] =>
    alt.startsWith('$') ? (Object.hasOwn(vocabularies, alt.slice(1)) ? vocabularies[alt.slice(1)] : []) : [alt];
  const addGroup = (spec: PhraseSpec, make: (term: number) => PhraseUsage): number => {
    const terms = Array.isArray(spec) ? spec : [spec];
    terms.forEach((term, t) => term.split('|').forEach((alt) => expand(alt).forEach((p) => add(p, make(t)))));
    return terms.length;
  };
  return { phrases, usages, add, addGroup, expand };
}

/** Adds each clause's heading groups (its `headings`, then its own titles); returns their sizes. */
function addHeadings(def: CatalogDef, table: PhraseTable): number[][] {
  return def.clauses.map((clause, c) => {
    // A clause's own titles: the table row's wording, its short heading and any `titles`.
    const titles: PhraseSpec[] = [
      clause.title,
      ...(clause.heading ? [clause.heading] : []),
      ...(clause.recognise.titles ?? []),
    ];
    return [...clause.recognise.headings, ...titles].map((spec, g) =>
      table.addGroup(spec, (term) => ({ kind: 'heading', clause: c, group: g, term })),
    );
  });
}

/** Adds each clause's body signals (masks, vetoes, support, variants, phrase groups); returns the group sizes. */
function addBodySignals(def: CatalogDef, table: PhraseTable): number[][] {
  const { add, addGroup, expand } = table;
  const contexts = def.negativeContexts ?? [];
  return def.clauses.map((clause, c) => {
    clause.recognise.not?.forEach((n) => add(n, { kind: 'not', clause: c }));
    clause.recognise.veto?.forEach((n) => add(n, { kind: 'veto', clause: c }));
    contexts.forEach((context, k) => {
      if (!context.clauses || context.clauses.includes(clause.id))
        context.phrases.forEach((p) =>
          add(p, context.unless?.length ? { kind: 'veto', clause: c, context: k } : { kind: 'veto', clause: c }),
        );
    });
    clause.recognise.support?.forEach((n) => expand(n).forEach((p) => add(p, { kind: 'support', clause: c })));
    for (const [variant, signal] of Object.entries(clause.variants ?? {})) {
      signal.phrases.forEach((p) => add(p, { kind: 'variant', clause: c, variant }));
      signal.unless?.forEach((p) => add(p, { kind: 'unless', clause: c, variant }));
    }
    return clause.recognise.phrases.map((spec, g) =>
      addGroup(spec, (term) => ({ kind: 'term', clause: c, group: g, term })),
    );
  });
}

/** Adds every spelling of every placeholder: its display, its `also`, and the renderings the wording uses. */
function addPlaceholders(def: CatalogDef, add: PhraseTable['add']): void {
  const addPlaceholder = (name: string, text: string) => {
    const norm = normalizeRange(text, 0, text.length);
    const ph = def.placeholders[name];
    const requiredGaps: number[] = [];
    if (ph.spacing === 'required')
      for (let i = 1; i < norm.text.length; i++) if (whitespaceBefore(text, norm, i)) requiredGaps.push(i);
    add(text, { kind: 'placeholder', placeholder: name, display: text, requiredGaps });
  };
  for (const [name, ph] of Object.entries(def.placeholders)) {
    if (!ph.display.includes('{arg}')) addPlaceholder(name, ph.display);
    ph.also?.forEach((a) => addPlaceholder(name, a));
  }
  // Placeholders with an argument are known by the renderings the wording uses.
  for (const clause of def.clauses) {
    for (const wordings of Object.values(clause.wording)) {
      for (const w of wordings) {
        for (const m of w.text.matchAll(PLACEHOLDER_MARKER)) {
          if (m[2] === undefined) continue;
          const ph = def.placeholders[m[1]];
          if (ph) addPlaceholder(m[1], placeholderDisplay(ph, m[2]));
        }
      }
    }
  }
}

/** Lookups from an id or any of its aliases (normalised) to the id. */
function aliasLookups(def: CatalogDef) {
  const docTypes = new Map<string, string>();
  for (const [id, d] of Object.entries(def.documentTypes)) {
    docTypes.set(aliasKey(id), id);
    d.aliases.forEach((a) => docTypes.set(aliasKey(a), id));
  }
  const categories = new Map<string, string>();
  for (const [id, c] of Object.entries(def.categories)) {
    categories.set(aliasKey(id), id);
    c.aliases.forEach((a) => categories.set(aliasKey(a), id));
  }
  const optionValues = new Map<string, string>();
  for (const [name, o] of Object.entries(def.options)) {
    for (const [value, v] of Object.entries(o.values ?? {})) {
      optionValues.set(`${name}\u0000${aliasKey(value)}`, value);
      v.aliases?.forEach((a) => optionValues.set(`${name}\u0000${aliasKey(a)}`, value));
    }
  }
  return {
    documentTypeOf: (value: string) => docTypes.get(aliasKey(value)),
    categoryOf: (value: string) => categories.get(aliasKey(value)),
    optionValueOf: (option: string, value: string) => optionValues.get(`${option}\u0000${aliasKey(value)}`),
  };
}

/** What analysis needs of a catalog and nothing else does: the phrase table and its tables. */
type DetectionPart = Pick<
  Catalog,
  'detection' | 'matcher' | 'usages' | 'groupSizes' | 'headingSizes' | 'weakHeadings' | 'riskGroupSizes'
>;

function detectionPart(def: CatalogDef): DetectionPart {
  const table = phraseTable(def);
  // The order of the additions fixes the phrase numbers: headings, body signals, lifts, umbrellas, risks, placeholders.
  const weakHeadings = def.clauses.map((clause) => clause.recognise.headings.length);
  const headingSizes = addHeadings(def, table);
  const contexts = def.negativeContexts ?? [];
  const groupSizes = addBodySignals(def, table);
  contexts.forEach((context, k) => context.unless?.forEach((p) => table.add(p, { kind: 'lift', context: k })));
  def.umbrellaHeadings.forEach((h) => table.add(h, { kind: 'umbrella' }));
  def.listLeads?.phrases.forEach((p) => table.add(p, { kind: 'lead', duty: false }));
  def.listLeads?.duties.forEach((p) => table.add(p, { kind: 'lead', duty: true }));
  def.backReferences?.numbered.forEach((p) => table.add(p, { kind: 'backref', bit: 1 }));
  def.backReferences?.previous.forEach((p) => table.add(p, { kind: 'backref', bit: 2 }));
  def.backReferences?.referents.forEach((p) => table.add(p, { kind: 'backref', bit: 4 }));
  const riskGroupSizes = def.cloudRisks.items.map((item, r) =>
    item.recognise.map((spec, g) => table.addGroup(spec, (term) => ({ kind: 'risk', item: r, group: g, term }))),
  );
  addPlaceholders(def, table.add);
  const { phrases, usages } = table;
  return {
    detection: detectionTables(usages, groupSizes, headingSizes, weakHeadings, contexts.length),
    matcher: new PhraseMatcher(phrases),
    usages,
    groupSizes,
    headingSizes,
    weakHeadings,
    riskGroupSizes,
  };
}

/**
 * The catalog as the core uses it. Its phrase table (every phrase normalised, the matcher built)
 * is made at the first analysis, not here: the language server's connection thread, which hands
 * analysis to workers, never needs it and answers `initialize` sooner without it.
 */
export function compileCatalog(
  input: CatalogDef,
  source: string,
  layering: { root?: string; layers?: string[] } = {},
): Catalog {
  const def = withoutPrototypes(input);
  let part: DetectionPart | undefined;
  const built = () => (part ??= detectionPart(def));
  const clauseIndex = new Map(def.clauses.map((c, i) => [c.id, i] as const));
  const byDocType = new Map<string, ClauseDef[]>();

  return {
    def,
    source,
    ...(layering.root ? { root: layering.root } : {}),
    layers: layering.layers ?? [source],
    get detection() {
      return built().detection;
    },
    get matcher() {
      return built().matcher;
    },
    get usages() {
      return built().usages;
    },
    get groupSizes() {
      return built().groupSizes;
    },
    get headingSizes() {
      return built().headingSizes;
    },
    get weakHeadings() {
      return built().weakHeadings;
    },
    get riskGroupSizes() {
      return built().riskGroupSizes;
    },
    clauseIndex,
    ...aliasLookups(def),
    clausesFor(documentType) {
      let list = byDocType.get(documentType);
      if (!list)
        byDocType.set(documentType, (list = def.clauses.filter((c) => Object.hasOwn(c.requirements, documentType))));
      return list;
    },
  };
}

/**
 * The bit mask of a group whose `size` terms have all been seen, as an int32 like the masks
 * built with `1 << term` (`(1 << 32) - 1` would be 0, and 33 terms alias term 0: the schema caps
 * groups at 32 terms).
 */
export const fullMask = (size: number): number => (size >= 32 ? -1 : (1 << size) - 1);

function detectionTables(
  usages: PhraseUsage[][],
  groupSizes: number[][],
  headingSizes: number[][],
  weakHeadings: number[],
  contextCount: number,
): DetectionTables {
  const bodyIndex: number[][] = [];
  const headingIndex: number[][] = [];
  const groupClause: number[] = [];
  const groupFull: number[] = [];
  const strong: number[] = [];
  groupSizes.forEach((sizes, clause) => {
    bodyIndex[clause] = sizes.map((size) => {
      groupClause.push(clause);
      strong.push(0);
      groupFull.push(fullMask(size));
      return groupClause.length - 1;
    });
  });
  headingSizes.forEach((sizes, clause) => {
    headingIndex[clause] = sizes.map((size, g) => {
      groupClause.push(clause);
      strong.push(g >= weakHeadings[clause] ? 1 : 0);
      groupFull.push(fullMask(size));
      return groupClause.length - 1;
    });
  });
  const bodyRefs: Int32Array[] = [];
  const headingRefs: Int32Array[] = [];
  const notClauses: number[][] = [];
  const vetoClauses: number[][] = [];
  const softVetoes: number[][] = [];
  const liftContexts: number[][] = [];
  const supportClauses: number[][] = [];
  usages.forEach((list, phrase) => {
    const body: number[] = [];
    const heading: number[] = [];
    notClauses[phrase] = [];
    vetoClauses[phrase] = [];
    softVetoes[phrase] = [];
    liftContexts[phrase] = [];
    const support = new Set<number>();
    for (const u of list) {
      if (u.kind === 'term') body.push(bodyIndex[u.clause][u.group], 1 << u.term);
      else if (u.kind === 'heading') heading.push(headingIndex[u.clause][u.group], 1 << u.term);
      else if (u.kind === 'not') notClauses[phrase].push(u.clause);
      else if (u.kind === 'veto' && u.context !== undefined) softVetoes[phrase].push(u.context, u.clause);
      else if (u.kind === 'veto' && !vetoClauses[phrase].includes(u.clause)) vetoClauses[phrase].push(u.clause);
      else if (u.kind === 'lift' && !liftContexts[phrase].includes(u.context)) liftContexts[phrase].push(u.context);
      if (u.kind === 'term' || u.kind === 'heading' || u.kind === 'support') support.add(u.clause);
    }
    supportClauses[phrase] = [...support];
    bodyRefs[phrase] = Int32Array.from(body);
    headingRefs[phrase] = Int32Array.from(heading);
  });
  return {
    groupClause: Int32Array.from(groupClause),
    groupFull: Int32Array.from(groupFull),
    bodyRefs,
    headingRefs,
    notClauses,
    vetoClauses,
    softVetoes,
    liftContexts,
    contexts: contextCount,
    supportClauses,
    strongGroup: Uint8Array.from(strong),
    groups: groupClause.length,
    ...phraseFlags(usages),
  };
}

/** Per phrase: is it a variant signal, a placeholder; its list-lead and back-reference bits. */
function phraseFlags(usages: PhraseUsage[][]) {
  return {
    variantPhrase: Uint8Array.from(usages, (list) =>
      list.some((u) => u.kind === 'variant' || u.kind === 'unless') ? 1 : 0,
    ),
    leadPhrase: Uint8Array.from(usages, (list) =>
      list.reduce((flags, u) => (u.kind === 'lead' ? flags | (u.duty ? 2 : 1) : flags), 0),
    ),
    backReference: Uint8Array.from(usages, (list) =>
      list.reduce((bits, u) => (u.kind === 'backref' ? bits | u.bit : bits), 0),
    ),
    placeholderPhrase: Uint8Array.from(usages, (list) => (list.some((u) => u.kind === 'placeholder') ? 1 : 0)),
  };
}
