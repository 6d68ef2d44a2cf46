import type { Catalog } from '../catalog/compile';
import { PLACEHOLDER_MARKER, placeholderDisplay } from '../catalog/compile';
import type { TermDef } from '../catalog/types';
import type { FrontMatterInfo } from '../frontmatter';
import { memoKey, memoOnFacts, type LocatedBlock } from '../model';
import { optionValue } from '../requirements';

/** What the draft itself says, for filling the template's placeholders. */
export interface FillContext {
  catalog: Catalog;
  frontMatter: FrontMatterInfo;
  /** Party names used in the draft's text when the front matter has no `parties`. */
  inferredParties?: Record<string, string>;
  /** The draft's own word for each template term (委託先 → 受注者), where it uses one. */
  inferredTerms?: Record<string, string>;
}

/** Occurrences of `word` in `text` that are not part of one of the `not` words. */
function occurrences(text: string, word: string, not: readonly string[] = []): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const inside = not.some((n) => {
      for (let k = n.indexOf(word); k >= 0; k = n.indexOf(word, k + 1)) if (text.startsWith(n, at - k)) return true;
      return false;
    });
    if (!inside) out.push(at);
  }
  return out;
}

/** For each template term, the alternative the draft's text uses most (when it uses any). */
export function inferTerms(blocks: readonly LocatedBlock[], terms: readonly TermDef[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const term of terms) {
    let best: string | undefined;
    let most = 0;
    for (const alt of term.alternatives ?? []) {
      let n = 0;
      for (const b of blocks)
        if (b.facts.text) n += occurrences(b.facts.text, alt, alt === term.template ? term.not : []).length;
      if (n > most) [best, most] = [alt, n];
    }
    if (best && best !== term.template) out[term.template] = best;
  }
  return out;
}

/**
 * The template's words that name a party (a contract's 委託元) written as that party's placeholder,
 * outside the placeholders already there, so they are filled (or left open) as it is.
 */
export function termsAsPlaceholders(text: string, ctx: FillContext | undefined): string {
  const type = ctx?.frontMatter.document;
  const terms = (type && ctx!.catalog.def.terms?.[type]?.filter((t) => t.placeholder)) || [];
  if (!terms.length) return text;
  const swap = (segment: string) =>
    terms.reduce((out, t) => replaceWord(out, t.template, t.not, `{{${t.placeholder}}}`), segment);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER_MARKER)) {
    out += swap(text.slice(last, m.index)) + m[0];
    last = (m.index ?? 0) + m[0].length;
  }
  return out + swap(text.slice(last));
}

/** Model wording in the draft's own terms (委託先 → 受注者), leaving words like 再委託先 alone. */
export function adaptTerms(text: string, ctx: FillContext | undefined): string {
  const chosen = ctx?.inferredTerms;
  if (!chosen || !Object.keys(chosen).length) return text;
  const terms = Object.values(ctx!.catalog.def.terms ?? {}).flat();
  let out = text;
  for (const [template, word] of Object.entries(chosen))
    out = replaceWord(out, template, terms.find((t) => t.template === template)?.not, word);
  return out;
}

/** `text` with every occurrence of `word` outside the `not` words replaced by `by`. */
function replaceWord(text: string, word: string, not: readonly string[] | undefined, by: string): string {
  const at = occurrences(text, word, not);
  let out = text;
  for (let i = at.length - 1; i >= 0; i--) out = out.slice(0, at[i]) + by + out.slice(at[i] + word.length);
  return out;
}

const PARTIES = memoKey<number[]>('parties');

/** How often each pair's names are used as parties (乙は, 受注者が …) in one block; cached per block. */
function countParties(facts: LocatedBlock['facts'], pairs: ReadonlyArray<[string, string]>): number[] {
  return memoOnFacts(facts, PARTIES, () => {
    const counts = pairs.map(() => 0);
    const text = facts.text;
    if (text) {
      pairs.forEach(([a, b], i) => {
        for (const name of [a, b]) {
          for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            if ('はがのにへとか'.includes(text[at + name.length] ?? '')) counts[i]++;
          }
        }
      });
    }
    return counts;
  });
}

/** The pair of party names the draft's body uses most (乙は… / 受注者は…), if any. */
export function inferParties(
  blocks: readonly LocatedBlock[],
  pairs: ReadonlyArray<[string, string]>,
): Record<string, string> | undefined {
  const counts = pairs.map(() => 0);
  for (const b of blocks) countParties(b.facts, pairs).forEach((n, i) => (counts[i] += n));
  let best = -1;
  counts.forEach((c, i) => {
    if (c > 0 && (best < 0 || c > counts[best])) best = i;
  });
  return best < 0 ? undefined : { 甲: pairs[best][0], 乙: pairs[best][1] };
}

/** The value a placeholder takes in this draft, or undefined when the draft does not say. */
/** Is `value` exactly one of the catalog's placeholder texts (〔 省 〕, [乙], 〔　　〕, …)? */
function isPlaceholderText(value: string, catalog: FillContext['catalog']): boolean {
  const v = value.trim();
  return Object.values(catalog.def.placeholders).some((p) => p.display === v || (p.also ?? []).includes(v));
}

export function fillValue(name: string, ctx: FillContext): string | undefined {
  const def = Object.hasOwn(ctx.catalog.def.placeholders, name) ? ctx.catalog.def.placeholders[name] : undefined;
  if (!def) return undefined;
  const fm = ctx.frontMatter;
  const fill = def.fill;
  let value: string | undefined;
  if (fill?.from === 'organization') value = fm.organization;
  // The names the text itself uses for the parties (乙は… / 受注者は…) win over the front
  // matter's full names, so an inserted clause reads like its neighbours.
  else if (fill?.from === 'party')
    value =
      ctx.inferredParties?.[fill.party] ?? (Object.hasOwn(fm.parties, fill.party) ? fm.parties[fill.party] : undefined);
  else if (fill?.from === 'option') {
    const v = optionValue(ctx.catalog, fm.options, fill.option);
    const type = ctx.catalog.def.options[fill.option]?.type;
    const key = type === 'boolean' ? String(v === true) : v === undefined ? undefined : String(v);
    if (key !== undefined) value = fill.map[key];
  } else if (fill?.from === 'categories') {
    // Only when the draft's categories agree: [運用/保守/点検] stays open for 保守・点検, or for
    // operation and maintenance together.
    const parts = new Set<string>();
    for (const c of fm.categories) if (c in fill.map) parts.add(fill.map[c]);
    if (parts.size === 1 && !parts.has('')) value = [...parts][0];
  }
  // A front-matter value that is itself a placeholder (organization: 〔 省 〕, 乙: 〔　　〕) fills nothing.
  if (value !== undefined && isPlaceholderText(value, ctx.catalog)) return undefined;
  // Never a default: an alternative the front matter does not decide stays the template's choice.
  return value;
}

/** Wording with its placeholders filled where the draft says what they are, the template's notation elsewhere. */
export function renderWording(
  text: string,
  ctx: FillContext | undefined,
  asValue: (value: string) => string = (v) => v,
): string {
  let out = '';
  let last = 0;
  const placeholders = ctx?.catalog.def.placeholders ?? {};
  text = termsAsPlaceholders(text, ctx);
  for (const m of text.matchAll(PLACEHOLDER_MARKER)) {
    out += adaptTerms(text.slice(last, m.index), ctx);
    last = (m.index ?? 0) + m[0].length;
    const def = Object.hasOwn(placeholders, m[1]) ? placeholders[m[1]] : undefined;
    const value = ctx ? fillValue(m[1], ctx) : undefined;
    out += value !== undefined ? asValue(value) : def ? placeholderDisplay(def, m[2]) : m[0];
  }
  return out + adaptTerms(text.slice(last), ctx);
}

/** Wording as the template prints it (no filling). */
export function displayWording(text: string, catalog: Catalog): string {
  return text.replace(PLACEHOLDER_MARKER, (_all, name: string, arg?: string) => {
    const def = Object.hasOwn(catalog.def.placeholders, name) ? catalog.def.placeholders[name] : undefined;
    return def ? placeholderDisplay(def, arg) : `{{${name}}}`;
  });
}
