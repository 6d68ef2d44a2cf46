import type { Catalog } from './catalog/compile';
import { sentenceOf, type BlockFacts, type LocatedBlock } from './model';

export type FoundBy = 'heading' | 'title' | 'body' | 'marker';

/** Where a clause was recognised inside one block (normalised indices). */
export interface BlockClauseHit {
  clause: number;
  by: Exclude<FoundBy, 'marker'>;
}

const cache = new WeakMap<BlockFacts, BlockClauseHit[]>();

/**
 * The clauses one block states: a heading or title naming it, or body text where every term of
 * one of its phrase groups occurs in one sentence. Hits inside the clause's `not` phrases
 * (監査ログ, 会計検査 …) do not count.
 */
export function clausesInBlock(facts: BlockFacts, catalog: Catalog): BlockClauseHit[] {
  const cached = cache.get(facts);
  if (cached) return cached;
  const out: BlockClauseHit[] = [];
  if (facts.hits.length) {
    const masks = new Map<number, Array<[number, number]>>();
    const vetoed = new Set<string>();
    for (const hit of facts.hits) {
      for (const u of catalog.usages[hit.phrase]) {
        if (u.kind === 'veto') vetoed.add(`${u.clause}:${sentenceOf(facts, hit.start)}`);
        if (u.kind !== 'not') continue;
        let list = masks.get(u.clause);
        if (!list) masks.set(u.clause, (list = []));
        list.push([hit.start, hit.end]);
      }
    }
    const masked = (clause: number, start: number, end: number) =>
      masks.get(clause)?.some(([s, e]) => s <= start && end <= e) ?? false;
    const byTitle = new Set<number>();
    const byBody = new Set<number>();
    const titleTerms = new Map<string, number>();
    const terms = new Map<string, number>();
    for (const hit of facts.hits) {
      for (const u of catalog.usages[hit.phrase]) {
        if (u.kind === 'heading') {
          if (hit.end > facts.titleEnd || byTitle.has(u.clause) || masked(u.clause, hit.start, hit.end)) continue;
          const key = `${u.clause}:${u.group}`;
          const bits = (titleTerms.get(key) ?? 0) | (1 << u.term);
          titleTerms.set(key, bits);
          if (bits === (1 << catalog.headingSizes[u.clause][u.group]) - 1) byTitle.add(u.clause);
        } else if (u.kind === 'term') {
          if (byBody.has(u.clause) || masked(u.clause, hit.start, hit.end)) continue;
          const sentence = sentenceOf(facts, hit.start);
          if (vetoed.has(`${u.clause}:${sentence}`)) continue;
          const key = `${u.clause}:${u.group}:${sentence}`;
          const bits = (terms.get(key) ?? 0) | (1 << u.term);
          terms.set(key, bits);
          if (bits === (1 << catalog.groupSizes[u.clause][u.group]) - 1) byBody.add(u.clause);
        }
      }
    }
    const titleBy = facts.kind === 'heading' ? 'heading' : 'title';
    for (const clause of byTitle) out.push({ clause, by: titleBy });
    for (const clause of byBody) if (!byTitle.has(clause)) out.push({ clause, by: 'body' });
    out.sort((a, b) => a.clause - b.clause);
  }
  cache.set(facts, out);
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
      if (hit.by === 'title') end = b.start + b.facts.titleSourceEnd;
      target.set(hit.clause, { by: hit.by, block: index, start: b.start, end });
    }
  });
  for (const [clause, loc] of body) if (!titled.has(clause)) titled.set(clause, loc);
  return titled;
}

