import type { Catalog } from './catalog/compile';
import { insideMarker, markersIn, sentenceOf, type BlockFacts, type LocatedBlock } from './model';

export type FoundBy = 'heading' | 'title' | 'body' | 'marker';

/** Where a clause was recognised inside one block (normalised indices). */
export interface BlockClauseHit {
  clause: number;
  by: Exclude<FoundBy, 'marker'>;
}

// Detection results live on the facts (computed with the same catalog's matcher).
const DETECTED = 'clauses';

/**
 * The clauses one block states: a heading or title naming it, or body text where every term of
 * one of its phrase groups occurs in one sentence. Hits inside the clause's `not` phrases
 * (監査ログ, 会計検査 …) do not count.
 */
// Scratch tables reused by every call (detection is synchronous).
let bits = new Int32Array(0);
let headBits = new Int32Array(0);
let found = new Uint8Array(0);
const touched: number[] = [];
const headTouched: number[] = [];

export function clausesInBlock(facts: BlockFacts, catalog: Catalog): BlockClauseHit[] {
  const cached = facts.memo[DETECTED] as BlockClauseHit[] | undefined;
  if (cached) return cached;
  const out: BlockClauseHit[] = [];
  if (facts.hits.length) {
    const t = catalog.detection;
    if (bits.length < t.groups) {
      bits = new Int32Array(t.groups);
      headBits = new Int32Array(t.groups);
    }
    const clauses = catalog.def.clauses.length;
    if (found.length < clauses) found = new Uint8Array(clauses);
    found.fill(0, 0, clauses); // 1: by title, 2: by body
    // Hits come in end order; detection wants start order (they differ only where phrases overlap).
    const raw = facts.hits;
    let order: number[] | undefined;
    for (let k = 3; k < raw.length; k += 3) {
      if (raw[k + 1] < raw[k - 2]) {
        order = Array.from({ length: raw.length / 3 }, (_, i) => i * 3).sort((a, b) => raw[a + 1] - raw[b + 1] || raw[a + 2] - raw[b + 2]);
        break;
      }
    }
    const count = raw.length / 3;
    const at = (i: number) => (order ? order[i] : i * 3);
    let masks: number[] | undefined; // [clause, start, end, …]
    let vetoes: number[] | undefined; // [clause, sentence, …]
    for (let i = 0; i < count; i++) {
      const h = at(i);
      for (const c of t.notClauses[raw[h]]) (masks ??= []).push(c, raw[h + 1], raw[h + 2]);
      for (const c of t.vetoClauses[raw[h]]) (vetoes ??= []).push(c, sentenceOf(facts, raw[h + 1]));
    }
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
      for (; c.at < masks.length && masks[c.at + 1] <= start; c.at += 3) if (masks[c.at] === clause && masks[c.at + 2] > c.maxEnd) c.maxEnd = masks[c.at + 2];
      return end <= c.maxEnd;
    };
    const vetoed = (clause: number, sentence: number) => {
      if (!vetoes) return false;
      for (let k = 0; k < vetoes.length; k += 2) if (vetoes[k] === clause && vetoes[k + 1] === sentence) return true;
      return false;
    };
    // Heading groups: all terms within the title. Body groups: all terms within one sentence.
    let sentence = -1;
    touched.length = 0;
    headTouched.length = 0;
    for (let i = 0; i < count; i++) {
      const h = at(i);
      const phrase = raw[h];
      const start = raw[h + 1];
      const end = raw[h + 2];
      const heading = t.headingRefs[phrase];
      if (heading.length && end <= facts.titleEnd) {
        for (let k = 0; k < heading.length; k += 2) {
          const g = heading[k];
          const clause = t.groupClause[g];
          if (found[clause] & 1 || masked(clause, start, end)) continue;
          if (headBits[g] === 0) headTouched.push(g);
          headBits[g] |= heading[k + 1];
          if (headBits[g] === t.groupFull[g]) found[clause] |= 1;
        }
      }
      const body = t.bodyRefs[phrase];
      if (!body.length) continue;
      const s = sentenceOf(facts, start);
      if (s !== sentence) {
        // A new sentence: body groups start again.
        for (const g of touched) bits[g] = 0;
        touched.length = 0;
        sentence = s;
      }
      for (let k = 0; k < body.length; k += 2) {
        const g = body[k];
        const clause = t.groupClause[g];
        if (found[clause] & 2 || masked(clause, start, end) || vetoed(clause, s)) continue;
        if (bits[g] === 0) touched.push(g);
        bits[g] |= body[k + 1];
        if (bits[g] === t.groupFull[g]) found[clause] |= 2;
      }
    }
    for (const g of touched) bits[g] = 0;
    for (const g of headTouched) headBits[g] = 0;
    touched.length = 0;
    headTouched.length = 0;
    const titleBy = facts.kind === 'heading' ? 'heading' : 'title';
    for (let clause = 0; clause < clauses; clause++) {
      if (found[clause] & 1) out.push({ clause, by: titleBy });
      else if (found[clause] & 2) out.push({ clause, by: 'body' });
    }
  }
  facts.memo[DETECTED] = out;
  return out;
}

export interface ClauseLocation {
  by: FoundBy;
  block: number;
  start: number;
  end: number;
}

/** First location of each clause in the draft, preferring a heading or title over body text. */
export function locateClauses(blocks: readonly LocatedBlock[], catalog: Catalog): Map<number, ClauseLocation> {
  const titled = new Map<number, ClauseLocation>();
  const body = new Map<number, ClauseLocation>();
  blocks.forEach((b, index) => {
    for (const hit of clausesInBlock(b.facts, catalog)) {
      const target = hit.by === 'body' ? body : titled;
      if (target.has(hit.clause)) continue;
      let end = b.end;
      if (hit.by === 'title') end = b.start + b.facts.titleSourceEnd; // computed: the block has hits
      target.set(hit.clause, { by: hit.by, block: index, start: b.start, end });
    }
  });
  for (const [clause, loc] of body) if (!titled.has(clause)) titled.set(clause, loc);
  return titled;
}

