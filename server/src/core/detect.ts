import type { Catalog } from './catalog/compile';
import { normalizePhrase, offsetAt } from './text/normalize';
import {
  anyHit,
  compactNumbers,
  insideMarker,
  markersIn,
  memoKey,
  memoized,
  numberAt,
  NONE,
  remember,
  scanBlocks,
  sentenceOf,
  spanInBlock,
  type BlockFacts,
  type BlockSelector,
  type LocatedBlock,
  type Numbers,
  type SelectBlocks,
} from './model';

export type FoundBy = 'heading' | 'title' | 'body' | 'marker';

/** Where a clause was recognised inside one block (normalised indices). */
export interface BlockClauseHit {
  clause: number;
  by: Exclude<FoundBy, 'marker'>;
  /** A heading or title hit by one of the clause's own titles (秘密の保持), not a looser heading word. */
  own: boolean;
  /** Body hits: the sentence that states the clause. */
  sentence: number;
}

/** What one block says: the clauses it states or names, and the subjects its body text is about. */
interface BlockDetection {
  hits: BlockClauseHit[];
  /** [clause, sentence, …]: the first sentence of the body (after any title) on each clause's subject. */
  support: Numbers;
}

/** A BlockDetection being made. */
interface Detecting {
  hits: BlockClauseHit[];
  support: number[];
}

// Detection results live on the facts (`facts.detected`, computed with the same catalog's matcher).
const EMPTY_DETECTION: BlockDetection = { hits: [], support: '' };

// Scratch tables reused by every call (detection is synchronous).
let bits = new Int32Array(0);
let headBits = new Int32Array(0);
let found = new Uint8Array(0);
let sentenceFound = new Int32Array(0);
let supported = new Uint8Array(0);
const touched: number[] = [];
const headTouched: number[] = [];

/**
 * The clauses one block states: a heading or title naming it, or body text where every term of
 * one of its phrase groups occurs in one sentence. Hits inside the clause's `not` phrases
 * (監査ログ, 会計検査 …) do not count, nor sentences holding a veto or a negative context.
 */
export function clausesInBlock(facts: BlockFacts, catalog: Catalog): BlockClauseHit[] {
  return detectBlock(facts, catalog).hits;
}

function detectBlock(facts: BlockFacts, catalog: Catalog): BlockDetection {
  const cached = facts.detected as BlockDetection | undefined;
  if (cached) return cached;
  let out = EMPTY_DETECTION;
  if (facts.hits.length && !facts.toc) {
    const made: Detecting = { hits: [], support: [] };
    const clauses = prepareScratch(catalog);
    const reader = hitReader(facts, catalog);
    scanHits(facts, catalog, reader, made);
    reportHits(facts, clauses, made);
    out = shared(made);
  }
  facts.detected = out;
  return out;
}

/**
 * Detection results of the same content, shared (they are never written once made): many blocks
 * say the same thing (one clause, in their first sentence), and each open draft keeps one result
 * per block with a phrase (issue 12). Results of at most a few hits only, in a bounded table.
 */
const SHARED = new Map<string, BlockDetection>();
const SHARED_MAX = 4096;

function shared(d: Detecting): BlockDetection {
  if (!d.hits.length && !d.support.length) return EMPTY_DETECTION;
  // Exact-length arrays (pushed arrays keep spare capacity) for results not shared.
  const exact = (): BlockDetection => ({
    hits: d.hits.length ? d.hits.slice() : EMPTY_DETECTION.hits,
    support: d.support.length ? compactNumbers(d.support) : EMPTY_DETECTION.support,
  });
  if (d.hits.length > 8 || d.support.length > 32) return exact();
  let key = '';
  for (const h of d.hits) key += `${h.clause} ${h.by} ${h.own ? 1 : 0} ${h.sentence};`;
  key += d.support.join(' ');
  let out = SHARED.get(key);
  if (!out) {
    out = exact();
    if (SHARED.size < SHARED_MAX) SHARED.set(key, out);
  }
  return out;
}

/** Sizes the scratch tables for this catalog and clears the per-block flags; returns the clause count. */
function prepareScratch(catalog: Catalog): number {
  const t = catalog.detection;
  if (bits.length < t.groups) {
    bits = new Int32Array(t.groups);
    headBits = new Int32Array(t.groups);
  }
  const clauses = catalog.def.clauses.length;
  if (found.length < clauses) {
    found = new Uint8Array(clauses);
    sentenceFound = new Int32Array(clauses);
    supported = new Uint8Array(clauses);
  }
  found.fill(0, 0, clauses); // 1: by a heading word, 4: by an own title, 2: by body
  supported.fill(0, 0, clauses);
  return clauses;
}

/** A block's hits in start order, and which of them count for which clause. */
interface HitReader {
  count: number;
  /** Offset into `facts.hits` of the i-th hit in start order. */
  at(i: number): number;
  /** Is the hit inside one of the clause's `not` phrases or a 【…の場合】 marker? Ask in start order. */
  masked(clause: number, start: number, end: number): boolean;
  vetoed(clause: number, sentence: number): boolean;
  hasVetoes: boolean;
}

/** Hits come in end order; detection wants start order (they differ only where phrases overlap). */
function startOrder(raw: ArrayLike<number>): number[] | undefined {
  for (let k = 3; k < raw.length; k += 3) {
    if (raw[k + 1] < raw[k - 2])
      return Array.from({ length: raw.length / 3 }, (_, i) => i * 3).sort(
        (a, b) => raw[a + 1] - raw[b + 1] || raw[a + 2] - raw[b + 2],
      );
  }
  return undefined;
}

function hitReader(facts: BlockFacts, catalog: Catalog): HitReader {
  const raw = facts.hits;
  const order = startOrder(raw);
  const count = raw.length / 3;
  const at = (i: number) => (order ? order[i] : i * 3);
  const { masks, vetoes } = masksAndVetoes(facts, catalog, count, at);
  // A template choice marker (【再委託を禁止する場合】) names a clause without stating it.
  const markers = markersIn(facts);
  // Masks and queries both come in start order: per clause, a cursor over its masks and the
  // furthest end among those starting at or before the query keep this linear.
  let maskCursor: Map<number, { at: number; maxEnd: number }> | undefined;
  const masked = (clause: number, start: number, end: number) => {
    if (insideMarker(markers, start, end)) return true;
    if (!masks) return false;
    let c = (maskCursor ??= new Map()).get(clause);
    if (!c) maskCursor.set(clause, (c = { at: 0, maxEnd: -1 }));
    for (; c.at < masks.length && masks[c.at + 1] <= start; c.at += 3)
      if (masks[c.at] === clause && masks[c.at + 2] > c.maxEnd) c.maxEnd = masks[c.at + 2];
    return end <= c.maxEnd;
  };
  const clauses = catalog.def.clauses.length;
  const vetoed = (clause: number, sentence: number) => vetoes !== undefined && vetoes.has(sentence * clauses + clause);
  return { count, at, masked, vetoed, hasVetoes: vetoes !== undefined };
}

/** The `not` masks ([clause, start, end, …]) and the vetoed sentence × clause pairs of a block. */
function masksAndVetoes(facts: BlockFacts, catalog: Catalog, count: number, at: (i: number) => number) {
  const t = catalog.detection;
  const clauses = catalog.def.clauses.length;
  const raw = facts.hits;
  let masks: number[] | undefined; // [clause, start, end, …]
  let vetoes: Set<number> | undefined; // sentence × clauses + clause
  let pending: number[] | undefined; // [sentence, phrase, …] of soft vetoes
  let lifted: Set<number> | undefined; // sentence × contexts + context
  for (let i = 0; i < count; i++) {
    const h = at(i);
    for (const c of t.notClauses[raw[h]]) (masks ??= []).push(c, raw[h + 1], raw[h + 2]);
    const vetoing = t.vetoClauses[raw[h]];
    if (vetoing.length) {
      const base = sentenceOf(facts, raw[h + 1]) * clauses;
      for (const c of vetoing) (vetoes ??= new Set()).add(base + c);
    }
    const soft = t.softVetoes[raw[h]];
    if (soft.length) (pending ??= []).push(sentenceOf(facts, raw[h + 1]), raw[h]);
    for (const k of t.liftContexts[raw[h]]) (lifted ??= new Set()).add(sentenceOf(facts, raw[h + 1]) * t.contexts + k);
  }
  // A negative context with `unless` vetoes its sentence only when no `unless` phrase lifts it.
  if (pending) {
    for (let p = 0; p < pending.length; p += 2) {
      const s = pending[p];
      const soft = t.softVetoes[pending[p + 1]];
      for (let k = 0; k < soft.length; k += 2)
        if (!lifted?.has(s * t.contexts + soft[k])) (vetoes ??= new Set()).add(s * clauses + soft[k + 1]);
    }
  }
  return { masks, vetoes };
}

/** Heading groups: all terms within the title. Body groups: all terms within one sentence. */
function scanHits(facts: BlockFacts, catalog: Catalog, r: HitReader, out: Detecting): void {
  const t = catalog.detection;
  const raw = facts.hits;
  const titleEnd = facts.titleEnd;
  // A title line with nothing after it but 【…の場合】 markers is only a title too.
  const titleOnly = titleEnd >= facts.text.length || (titleEnd > 0 && !textAfterTitle(facts));
  let sentence = -1;
  touched.length = 0;
  headTouched.length = 0;
  for (let i = 0; i < r.count; i++) {
    const h = r.at(i);
    const phrase = raw[h];
    const start = raw[h + 1];
    const end = raw[h + 2];
    const heading = t.headingRefs[phrase];
    if (heading.length && end <= titleEnd)
      headingTerms(heading, catalog, r, r.hasVetoes ? sentenceOf(facts, start) : 0, start, end);
    const subjects = t.supportClauses[phrase];
    const body = t.bodyRefs[phrase];
    if (!body.length && !subjects.length) continue;
    const s = sentenceOf(facts, start);
    if (start >= titleEnd) {
      for (const clause of subjects) {
        if (supported[clause] || r.masked(clause, start, end) || r.vetoed(clause, s)) continue;
        supported[clause] = 1;
        out.support.push(clause, s);
      }
    }
    // A block that is only a title line (a bare 「再委託」) names a clause (above); it does not state it.
    if (!body.length || (titleOnly && facts.kind !== 'heading')) continue;
    if (s !== sentence) {
      // A new sentence: body groups start again.
      for (const g of touched) bits[g] = 0;
      touched.length = 0;
      sentence = s;
    }
    bodyTerms(body, catalog, r, s, start, end);
  }
  for (const g of touched) bits[g] = 0;
  for (const g of headTouched) headBits[g] = 0;
  touched.length = 0;
  headTouched.length = 0;
}

function headingTerms(heading: Int32Array, catalog: Catalog, r: HitReader, hs: number, start: number, end: number) {
  const t = catalog.detection;
  for (let k = 0; k < heading.length; k += 2) {
    const g = heading[k];
    const clause = t.groupClause[g];
    const bit = t.strongGroup[g] ? 4 : 1;
    if (found[clause] & bit || r.masked(clause, start, end) || r.vetoed(clause, hs)) continue;
    if (headBits[g] === 0) headTouched.push(g);
    headBits[g] |= heading[k + 1];
    if (headBits[g] === t.groupFull[g]) found[clause] |= bit;
  }
}

function bodyTerms(body: Int32Array, catalog: Catalog, r: HitReader, s: number, start: number, end: number) {
  const t = catalog.detection;
  for (let k = 0; k < body.length; k += 2) {
    const g = body[k];
    const clause = t.groupClause[g];
    if (found[clause] & 2 || r.masked(clause, start, end) || r.vetoed(clause, s)) continue;
    if (bits[g] === 0) touched.push(g);
    bits[g] |= body[k + 1];
    if (bits[g] === t.groupFull[g]) {
      found[clause] |= 2;
      sentenceFound[clause] = s;
    }
  }
}

function reportHits(facts: BlockFacts, clauses: number, out: Detecting): void {
  const titleBy = facts.kind === 'heading' ? 'heading' : 'title';
  // Body wording inside a heading (## 情報セキュリティインシデントの報告) names the clause like a
  // heading word; a heading that is a whole sentence (a setext underline below a paragraph) states it.
  const sentenceHeading = facts.kind === 'heading' && facts.text.includes('。');
  for (let clause = 0; clause < clauses; clause++) {
    if (found[clause] & 5 || (found[clause] & 2 && facts.kind === 'heading' && !sentenceHeading))
      out.hits.push({ clause, by: titleBy, own: (found[clause] & 4) !== 0, sentence: 0 });
    if (found[clause] & 2 && (facts.kind !== 'heading' || sentenceHeading))
      out.hits.push({ clause, by: 'body', own: false, sentence: sentenceFound[clause] });
  }
}

export interface ClauseLocation {
  by: FoundBy;
  block: number;
  start: number;
  end: number;
  /** Source span of what proves it: the stating sentence, or the heading or title and its support. */
  evidence: [number, number];
}

/** A heading or title that names a clause over a section with no text at all. */
export interface EmptyClauseHeading {
  clause: number;
  block: number;
  start: number;
  end: number;
}

export interface ClauseDetection {
  /** First location of each clause, preferring a heading or title over body text. */
  locations: Map<number, ClauseLocation>;
  /** Headings naming a clause found nowhere else, whose section is empty. */
  empty: EmptyClauseHeading[];
}

/** Source span of sentence `s` of a block (trimmed to its characters). */
function sentenceSpan(text: string, b: LocatedBlock, s: number): [number, number] {
  const starts = b.facts.sentenceStarts;
  const from = s >= 0 && s < starts.length ? numberAt(starts, s) : 0;
  const to = s + 1 < starts.length ? numberAt(starts, s + 1) : b.facts.text.length;
  return spanInBlock(text, b, from, Math.max(from, to));
}

/**
 * Does block `n` end the section of heading (or bare title line) `f`? A heading's section runs to
 * the next heading of the same or a higher level; a title line's, to the next heading or titled block.
 */
export function endsSection(f: BlockFacts, n: BlockFacts, catalog: Catalog): boolean {
  if (n.kind === 'heading') return f.kind !== 'heading' || n.depth <= f.depth;
  // A list under a title line is its body: a titled item in it is a sub-clause, not the next section.
  return f.kind !== 'heading' && n.kind === 'paragraph' && n.listDepth <= f.listDepth && isClauseTitle(n, catalog);
}

/** Does the block name a clause by one of its titles (第6条（秘密の保持）, （１）再委託の禁止)? */
export function isClauseTitle(facts: BlockFacts, catalog: Catalog): boolean {
  return facts.hits.length > 0 && clausesInBlock(facts, catalog).some((h) => h.by === 'title');
}

/** Is the block text under a heading or title (a paragraph with words, not only 【…の場合】 markers)? */
export function isSectionText(facts: BlockFacts): boolean {
  return facts.kind === 'paragraph' && facts.text.length > 0 && !onlyChoiceMarkers(facts);
}

const titleWords = new WeakMap<Catalog, string[]>();

/**
 * A top-level heading that names a document type (〇〇業務仕様書, 特記事項) is the document's
 * title: its words (セキュリティ対策機器保守) say what is procured, not which clause follows.
 */
function isDocumentTitle(b: LocatedBlock, catalog: Catalog): boolean {
  if (b.facts.kind !== 'heading' || b.facts.depth !== 1) return false;
  let words = titleWords.get(catalog);
  if (!words) {
    words = Object.values(catalog.def.documentTypes)
      .flatMap((d) => d.aliases.map(normalizePhrase))
      .filter(Boolean);
    titleWords.set(catalog, words);
  }
  const text = b.facts.text;
  return words.some((w) => text.includes(w));
}

/** A top-level paragraph with no sentence in it, such as a cover page's lines. */
function isCoverLine(facts: BlockFacts): boolean {
  return facts.kind === 'paragraph' && facts.listDepth === 0 && !facts.quoted && !facts.text.includes('。');
}

/** Is there text from normalised index `from` on that is not inside a 【…の場合】 choice marker? */
function textOutsideMarkers(facts: BlockFacts, from: number): boolean {
  let covered = from;
  for (const [open, close] of markersIn(facts)) {
    if (close < covered) continue;
    if (open > covered) return true;
    covered = close + 1;
  }
  return covered < facts.text.length;
}

/** A block that holds nothing but 【…の場合】 choice markers is a label, not text under a heading. */
function onlyChoiceMarkers(facts: BlockFacts): boolean {
  return markersIn(facts).length > 0 && !textOutsideMarkers(facts, 0);
}

/**
 * Does a title block hold text after its title? 【…の場合】 choice markers after the title are
 * labels, not text: 第1条（秘密の保持）【…の場合】 alone states nothing (adopting the variant, which
 * removes the marker, would otherwise make the clause go missing).
 */
function textAfterTitle(facts: BlockFacts): boolean {
  return facts.titleEnd >= 0 && textOutsideMarkers(facts, facts.titleEnd);
}

/**
 * Where each clause is stated. Body text counts where a phrase group completes in one sentence,
 * in a list lead read with one of its items (listUnits), or in a sentence read with the item it
 * points back at (backReferences).
 * A heading or title line counts when it is one of the clause's own titles and its section has
 * text, or when its section's body is about the clause's subject (so a 漏えい heading above a
 * liability article, or an empty skeleton heading, states nothing).
 */
export function detectClauses(
  text: string,
  blocks: readonly LocatedBlock[],
  catalog: Catalog,
  select: SelectBlocks = scanBlocks(blocks, text, catalog),
): ClauseDetection {
  const titled = new Map<number, ClauseLocation>();
  const body = new Map<number, ClauseLocation>();
  const emptyCandidates = new Map<number, EmptyClauseHeading>();
  const cover = coverEnd(blocks);
  for (const index of select(STATES_OR_NAMES)) {
    const b = blocks[index];
    const onCover = index < cover && isCoverLine(b.facts);
    for (const hit of clausesInBlock(b.facts, catalog)) {
      if (hit.by === 'body') {
        if (!onCover && !body.has(hit.clause))
          body.set(hit.clause, bodyLocation(index, b, sentenceSpan(text, b, hit.sentence)));
        continue;
      }
      if (titled.has(hit.clause) || isDocumentTitle(b, catalog)) continue;
      const loc = titledLocation(text, blocks, index, hit, catalog);
      if (loc.found) titled.set(hit.clause, loc.found);
      else if (loc.empty && !emptyCandidates.has(hit.clause)) emptyCandidates.set(hit.clause, loc.empty);
    }
  }
  for (const [clause, loc] of listUnits(text, blocks, catalog, select)) if (!body.has(clause)) body.set(clause, loc);
  for (const [clause, loc] of backReferences(text, blocks, catalog, select))
    if (!body.has(clause)) body.set(clause, loc);
  for (const [clause, loc] of body) if (!titled.has(clause)) titled.set(clause, loc);
  const empty = [...emptyCandidates.values()].filter((e) => !titled.has(e.clause));
  return { locations: titled, empty };
}

/** A block that states or names a clause by itself (see clausesInBlock). */
const STATES_OR_NAMES: BlockSelector = {
  name: 'states-or-names',
  test: (b, _text, catalog) => b.facts.hits.length > 0 && clausesInBlock(b.facts, catalog).length > 0,
};

/** A paragraph with a list-lead sentence (see leadSentence). */
const LEADS: BlockSelector = {
  name: 'list-lead',
  test: (b, _text, catalog) => anyHit(b.facts, catalog.detection.leadPhrase) && leadOf(b.facts, catalog) >= 0,
};

/** A paragraph that holds back-references (see backQueries). */
const REFERS_BACK: BlockSelector = {
  name: 'refers-back',
  test: (b, _text, catalog) =>
    b.facts.kind === 'paragraph' &&
    anyHit(b.facts, catalog.detection.backReference) &&
    backQueries(b.facts, catalog).length > 0,
};

/**
 * A cover block above the document's title heading (（別添2） / 令和6年度 / 情報セキュリティ監査業務,
 * then `# 仕様書`) names what is procured; its words are no sentence and state no clause.
 */
function coverEnd(blocks: readonly LocatedBlock[]): number {
  const firstHeading = blocks.findIndex((b) => b.facts.kind === 'heading');
  return firstHeading > 0 && blocks[firstHeading].facts.depth === 1 ? firstHeading : 0;
}

function bodyLocation(index: number, b: LocatedBlock, evidence: [number, number]): ClauseLocation {
  return { by: 'body', block: index, start: b.start, end: b.end, evidence };
}

/**
 * A heading or title hit: stated when it is an own title over any text, or when its section's body
 * is about the clause's subject; else, over a section with no text, an empty heading.
 */
function titledLocation(
  text: string,
  blocks: readonly LocatedBlock[],
  index: number,
  hit: BlockClauseHit,
  catalog: Catalog,
): { found?: ClauseLocation; empty?: EmptyClauseHeading } {
  const b = blocks[index];
  const titleEnd = hit.by === 'title' ? b.start + b.facts.titleSourceEnd : b.end;
  // A title may sit on the line below a 【…の場合】 marker: the title itself starts on its own line.
  let titleStart = b.start;
  if (hit.by === 'title') {
    titleStart = titleEnd;
    while (titleStart > b.start && text.charCodeAt(titleStart - 1) !== 10 && text.charCodeAt(titleStart - 1) !== 13)
      titleStart--;
  }
  const selfContained = hit.by === 'title' && textAfterTitle(b.facts);
  let hasText = selfContained;
  let support: [number, number] | undefined;
  // The section is read only as far as needed: an own title needs any text, a heading word its subject.
  for (let j = selfContained ? index : index + 1; j < blocks.length && !support && !(hit.own && hasText); j++) {
    if (selfContained ? j > index : endsSection(b.facts, blocks[j].facts, catalog)) break;
    const n = blocks[j];
    if (n.facts.kind !== 'paragraph') continue;
    if (isSectionText(n.facts)) hasText = true;
    if (!n.facts.hits.length) continue;
    const d = detectBlock(n.facts, catalog);
    for (let k = 0; k < d.support.length; k += 2) {
      if (numberAt(d.support, k) === hit.clause) {
        support = sentenceSpan(text, n, numberAt(d.support, k + 1));
        break;
      }
    }
  }
  if (support || (hit.own && hasText)) {
    const evidence: [number, number] = support && !hit.own ? support : [titleStart, titleEnd];
    return { found: { by: hit.by, block: index, start: b.start, end: titleEnd, evidence } };
  }
  if (!hasText) return { empty: { clause: hit.clause, block: index, start: titleStart, end: titleEnd } };
  return {};
}

/** The body terms of one sentence (or of the whole block: -1) that count, and the clauses it vetoes. */
interface SentenceTerms {
  /** Group → the bits of its terms seen. */
  groups: Map<number, number>;
  vetoed: Set<number>;
}

function sentenceTerms(facts: BlockFacts, catalog: Catalog, sentence: number): SentenceTerms {
  const out: SentenceTerms = { groups: new Map(), vetoed: new Set() };
  if (!facts.hits.length || facts.toc) return out;
  const t = catalog.detection;
  const r = hitReader(facts, catalog);
  const clauses = catalog.def.clauses.length;
  const from = sentence < 0 ? 0 : sentence;
  const to = sentence < 0 ? facts.sentenceStarts.length : sentence + 1;
  for (let s = from; s < to; s++) for (let c = 0; c < clauses; c++) if (r.vetoed(c, s)) out.vetoed.add(c);
  const raw = facts.hits;
  for (let i = 0; i < r.count; i++) {
    const h = r.at(i);
    const start = raw[h + 1];
    const s = sentenceOf(facts, start);
    if (s < from || s >= to) continue;
    const body = t.bodyRefs[raw[h]];
    for (let k = 0; k < body.length; k += 2) {
      const g = body[k];
      if (r.masked(t.groupClause[g], start, raw[h + 2]) || out.vetoed.has(t.groupClause[g])) continue;
      out.groups.set(g, (out.groups.get(g) ?? 0) | body[k + 1]);
    }
  }
  return out;
}

const TERMS = memoKey<Map<number, SentenceTerms>>('sentence-terms');

/** `sentenceTerms`, kept per block and sentence: every edit reads the lists and back-references again (issue 12). */
function termsOf(facts: BlockFacts, catalog: Catalog, sentence: number): SentenceTerms {
  const kept = memoized(facts, TERMS) ?? remember(facts, TERMS, new Map());
  let terms = kept.get(sentence);
  if (!terms) kept.set(sentence, (terms = sentenceTerms(facts, catalog, sentence)));
  return terms;
}

const LEAD = memoKey<number>('list-lead');

/** The block's list-lead sentence (see leadSentence; -1 when none), kept with its facts. */
function leadOf(facts: BlockFacts, catalog: Catalog): number {
  // Without a lead phrase there is no lead: told from the hits, nothing kept (issue 12).
  if (!anyHit(facts, catalog.detection.leadPhrase)) return -1;
  return memoized(facts, LEAD) ?? remember(facts, LEAD, leadSentence(facts, catalog));
}

/** Longest list item (normalised characters) read with its lead. */
const ITEM_MAX = 100;
/** Most items read after one lead. */
const ITEMS_MAX = 30;

/** The sentence of a paragraph that leads a list (a lead phrase and a duty in it), else -1. */
function leadSentence(facts: BlockFacts, catalog: Catalog): number {
  if (facts.kind !== 'paragraph' || facts.toc) return -1;
  const flags = catalog.detection.leadPhrase;
  const raw = facts.hits;
  const seen = new Map<number, number>();
  let lead = -1;
  for (let k = 0; k < raw.length; k += 3) {
    const f = flags[raw[k]];
    if (!f) continue;
    const s = sentenceOf(facts, raw[k + 1]);
    const both = (seen.get(s) ?? 0) | f;
    seen.set(s, both);
    if (both === 3 && s > lead) lead = s;
  }
  return lead;
}

/**
 * How a list item is numbered, from its normalised text: (1) (ア) (a) 1. ア. ・, else undefined.
 * Items of one list share a style, so the next article (3 甲は…) does not join the list of (1) (2).
 */
function numberStyle(facts: BlockFacts): string | undefined {
  return numberStyleOf(itemText(facts));
}

/** How a normalised text starting with an item number is numbered (see numberStyle). */
function numberStyleOf(text: string): string | undefined {
  const c = text.charCodeAt(0);
  const digit = (k: number) => k >= 48 && k <= 57;
  const kana = (k: number) => k >= 0x30a2 && k <= 0x30f3;
  if (c === 40 /* ( */) {
    const close = text.indexOf(')');
    if (close < 2 || close > 4) return undefined;
    const k = text.charCodeAt(1);
    return digit(k)
      ? '(1)'
      : kana(k)
        ? '(ア)'
        : k >= 97 && k <= 122
          ? '(a)'
          : '一二三四五六七八九十'.includes(text[1])
            ? '(一)'
            : undefined;
  }
  if (digit(c)) {
    let i = 1;
    while (i < text.length && digit(text.charCodeAt(i))) i++;
    return i <= 2 && i < text.length && !'年月日条項号か'.includes(text[i]) ? '1' : undefined;
  }
  if (kana(c) && '.、)'.includes(text[1] ?? '')) return 'ア';
  if (c === 0x30fb /* ・ */ || c === 0x25cf /* ● */ || c === 0x25cb /* ○ */ || c === 0x25a0 /* ■ */) return '・';
  return undefined;
}

/** An item's normalised text without the heading, quote or list marks before it (### , > , - ). */
function itemText(facts: BlockFacts): string {
  const text = facts.text;
  let i = 0;
  while (i < text.length && '#>-*+'.includes(text[i])) i++;
  return i ? text.slice(i) : text;
}

/** A short item of one sentence at most (a noun phrase, or a single duty). */
function isShortItem(facts: BlockFacts): boolean {
  const text = itemText(facts);
  const stop = text.indexOf('。');
  return text.length > 0 && text.length <= ITEM_MAX && (stop < 0 || stop === text.length - 1);
}

/**
 * The items of the list after the lead block `i`, by the shape of the first block after it:
 * numbered headings of one level (their bodies skipped), list items of one depth (their nested
 * blocks skipped), or numbered paragraphs of one style. Items longer than one short sentence are skipped.
 */
function listItems(blocks: readonly LocatedBlock[], i: number): number[] {
  const first = blocks[i + 1]?.facts;
  if (!first || (first.kind !== 'heading' && first.kind !== 'paragraph')) return [];
  const style = numberStyle(first);
  const list = first.kind === 'paragraph' && first.itemOffset !== null;
  if (!list && !style) return [];
  const items: number[] = [];
  for (let j = i + 1; j < blocks.length && items.length < ITEMS_MAX; j++) {
    const f = blocks[j].facts;
    let item: boolean;
    if (first.kind === 'heading') {
      if (f.kind === 'heading' && f.depth < first.depth) break;
      item = f.kind === 'heading' && f.depth === first.depth;
      if (item && numberStyle(f) !== style) break;
    } else if (list) {
      if (f.kind === 'heading' || f.listDepth < first.listDepth) break;
      item = f.kind === 'paragraph' && f.listDepth === first.listDepth && f.itemOffset !== null;
    } else {
      if (f.kind !== 'paragraph' || f.listDepth !== first.listDepth || numberStyle(f) !== style) break;
      item = true;
    }
    if (item && isShortItem(f)) items.push(j);
  }
  return items;
}

/**
 * Numbered lines after the lead sentence inside its own paragraph (text converted from PDF keeps a
 * list in one paragraph, with no blank lines): each line that starts with the number style of the
 * first one begins an item, which runs to the next such line; lines of another style (the ア. under
 * a (1)) stay inside the item they follow. Items longer than ITEM_MAX are skipped. [from, to) pairs.
 */
function inBlockItems(source: string, b: LocatedBlock, lead: number): number[] {
  const norm = b.facts;
  const { sentenceStarts: starts, text } = norm;
  const from = lead + 1 < starts.length ? numberAt(starts, lead + 1) : text.length;
  // Normalised text drops line breaks: a line starts where the source before a character holds one.
  const lineStart = (p: number) => {
    for (let k = b.start + offsetAt(norm.offsets, p - 1) + 1; k < b.start + offsetAt(norm.offsets, p); k++)
      if (source.charCodeAt(k) === 10) return true;
    return false;
  };
  const marks: number[] = [];
  let style: string | undefined;
  for (let p = Math.max(1, from); p < text.length && marks.length <= ITEMS_MAX; p++) {
    if (!lineStart(p)) continue;
    const own = numberStyleOf(text.slice(p, p + 8));
    if (!own || (style && own !== style)) continue;
    style = own;
    marks.push(p);
  }
  const spans: number[] = [];
  for (let k = 0; k < marks.length && k < ITEMS_MAX; k++) {
    const to = k + 1 < marks.length ? marks[k + 1] : text.length;
    if (to - marks[k] <= ITEM_MAX) spans.push(marks[k], to);
  }
  return spans;
}

/** The body terms of normalised characters [from, to) of a block, and the clauses its sentences veto. */
function spanTerms(facts: BlockFacts, catalog: Catalog, from: number, to: number): SentenceTerms {
  const out: SentenceTerms = { groups: new Map(), vetoed: new Set() };
  if (!facts.hits.length || facts.toc) return out;
  const t = catalog.detection;
  const r = hitReader(facts, catalog);
  const clauses = catalog.def.clauses.length;
  for (let s = sentenceOf(facts, from); s <= sentenceOf(facts, Math.max(from, to - 1)); s++)
    for (let c = 0; c < clauses; c++) if (r.vetoed(c, s)) out.vetoed.add(c);
  const raw = facts.hits;
  for (let i = 0; i < r.count; i++) {
    const h = r.at(i);
    const start = raw[h + 1];
    if (start < from || start >= to) continue;
    const body = t.bodyRefs[raw[h]];
    for (let k = 0; k < body.length; k += 2) {
      const g = body[k];
      if (r.masked(t.groupClause[g], start, raw[h + 2]) || out.vetoed.has(t.groupClause[g])) continue;
      out.groups.set(g, (out.groups.get(g) ?? 0) | body[k + 1]);
    }
  }
  return out;
}

/**
 * A lead sentence read with each item of its list, one item at a time (次の各号に掲げる事項を届け出ること。
 * + (2) 業務責任者及びその責任範囲): a phrase group completes from the lead and the item together, with
 * at least one of its terms in the item; a negative context in either vetoes. Items never combine
 * with each other, so the words of unrelated items do not add up.
 */
function listUnits(
  text: string,
  blocks: readonly LocatedBlock[],
  catalog: Catalog,
  select: SelectBlocks,
): Map<number, ClauseLocation> {
  const out = new Map<number, ClauseLocation>();
  const t = catalog.detection;
  for (const i of select(LEADS)) {
    const b = blocks[i];
    const s = leadOf(b.facts, catalog);
    const lead = termsOf(b.facts, catalog, s);
    const read = (item: SentenceTerms, at: () => ClauseLocation) => {
      for (const [g, bits] of item.groups) {
        const clause = t.groupClause[g];
        if (out.has(clause) || lead.vetoed.has(clause) || item.vetoed.has(clause)) continue;
        if (((lead.groups.get(g) ?? 0) | bits) === t.groupFull[g]) out.set(clause, at());
      }
    };
    for (const j of listItems(blocks, i)) {
      const n = blocks[j];
      read(termsOf(n.facts, catalog, -1), () => bodyLocation(j, n, spanInBlock(text, n, 0, n.facts.text.length)));
    }
    const spans = inBlockItems(text, b, s);
    for (let k = 0; k < spans.length; k += 2) {
      const [from, to] = [spans[k], spans[k + 1]];
      read(spanTerms(b.facts, catalog, from, to), () => bodyLocation(i, b, spanInBlock(text, b, from, to)));
    }
  }
  return out;
}

/** The item number written just before normalised position `at` — 「(1)」 of 「(1)の事項」 — else undefined. */
function itemNumberBefore(text: string, at: number): string | undefined {
  if (text.charCodeAt(at - 1) !== 41 /* ) */) return undefined;
  let i = at - 2;
  while (i >= 0 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i--;
  return i >= 0 && i < at - 2 && at - 2 - i <= 2 && text.charCodeAt(i) === 40 ? text.slice(i, at) : undefined;
}

/** Does sentence `s` of a block hold a back-reference referent (提出, 届け出 …: it hands matters over)? */
function handsOver(facts: BlockFacts, catalog: Catalog, s: number): boolean {
  const flags = catalog.detection.backReference;
  for (let k = 0; k < facts.hits.length; k += 3)
    if (flags[facts.hits[k]] & 4 && sentenceOf(facts, facts.hits[k + 1]) === s) return true;
  return false;
}

/** Most blocks looked back over for the item a back-reference names. */
const BACK_MAX = 12;

/**
 * The block a back-reference in block `i` names: for 「(1)の事項」 the nearest earlier item numbered
 * (1) in the same section; for 「前項の事項」 the paragraph just before. -1 when none.
 */
function referredBlock(blocks: readonly LocatedBlock[], i: number, number: string | undefined): number {
  for (let j = i - 1; j >= 0 && j >= i - BACK_MAX; j--) {
    const f = blocks[j].facts;
    if (f.kind === 'heading') return -1;
    if (f.kind !== 'paragraph') continue;
    if (!number || itemText(f).startsWith(number)) return j;
  }
  return -1;
}

/** A back-reference in a block: the item number it names (none for 「前項」) and the sentence it is in. */
interface BackQuery {
  number: string | undefined;
  sentence: number;
  /** The block it was last read with, and the clauses that completed: kept while that block is unchanged. */
  there?: BlockFacts;
  clauses?: number[];
}

const BACK_QUERIES = memoKey<BackQuery[]>('back-references');

/** The back-references of a paragraph, in hit order, kept with its facts. */
function backQueries(f: BlockFacts, catalog: Catalog): BackQuery[] {
  const kept = memoized(f, BACK_QUERIES);
  if (kept) return kept;
  const t = catalog.detection;
  let out: BackQuery[] = NONE;
  if (anyHit(f, t.backReference)) {
    for (let k = 0; k < f.hits.length; k += 3) {
      const kind = t.backReference[f.hits[k]] & 3;
      if (!kind) continue;
      const number = kind === 1 ? itemNumberBefore(f.text, f.hits[k + 1]) : undefined;
      if (kind === 1 && !number) continue;
      if (out === NONE) out = [];
      out.push({ number, sentence: sentenceOf(f, f.hits[k + 1]) });
    }
  }
  return remember(f, BACK_QUERIES, out);
}

/** The clauses that complete from sentence `s` of `f` read with a sentence of `there` that hands matters over, in order. */
function completedWith(f: BlockFacts, s: number, there: BlockFacts, catalog: Catalog): number[] {
  const t = catalog.detection;
  const here = termsOf(f, catalog, s);
  const found: number[] = [];
  for (let rs = 0; rs < there.sentenceStarts.length; rs++) {
    if (!handsOver(there, catalog, rs)) continue;
    const ref = termsOf(there, catalog, rs);
    for (const [g, bits] of here.groups) {
      const clause = t.groupClause[g];
      if (found.includes(clause) || here.vetoed.has(clause) || ref.vetoed.has(clause)) continue;
      if ((bits | (ref.groups.get(g) ?? 0)) === t.groupFull[g]) found.push(clause);
    }
  }
  return found;
}

/**
 * A sentence that points back at an earlier item (「(1)の事項に変更が生じた場合、…提出すること。」) is read
 * with each sentence of that item: a phrase group completes from both, with at least one of its
 * terms in the pointing sentence (which is the evidence); a negative context in either vetoes.
 */
function backReferences(
  text: string,
  blocks: readonly LocatedBlock[],
  catalog: Catalog,
  select: SelectBlocks,
): Map<number, ClauseLocation> {
  const out = new Map<number, ClauseLocation>();
  for (const i of select(REFERS_BACK)) {
    const b = blocks[i];
    const f = b.facts;
    for (const q of backQueries(f, catalog)) {
      const j = referredBlock(blocks, i, q.number);
      if (j < 0) continue;
      const there = blocks[j].facts;
      // What completes depends only on the two blocks' facts: read again only when the item changed.
      if (q.there !== there) {
        q.there = there;
        q.clauses = completedWith(f, q.sentence, there, catalog);
      }
      for (const clause of q.clauses!)
        if (!out.has(clause)) out.set(clause, bodyLocation(i, b, sentenceSpan(text, b, q.sentence)));
    }
  }
  return out;
}

/** First location of each clause in the draft (see detectClauses). */
export function locateClauses(
  text: string,
  blocks: readonly LocatedBlock[],
  catalog: Catalog,
): Map<number, ClauseLocation> {
  return detectClauses(text, blocks, catalog).locations;
}
