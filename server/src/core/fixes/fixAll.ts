import { analyze, type AnalyzeOptions } from '../analyze';
import { insertionFor } from './actions';
import type { Insertion } from './insertClause';
import { wordingChoices } from './wording';

/**
 * Every missing required clause inserted with its preferred wording, as insert-only edits on
 * the original text. Clauses are inserted one at a time and the draft re-read in between, so
 * each one lands after the previous in table order and continues its numbering.
 */
export function fixAllInsertions(text: string, options: AnalyzeOptions): Insertion[] {
  let current = text;
  // Inserted pieces: where they start in `current`, and the original offset they belong to.
  const pieces: Array<{ at: number; origin: number; text: string; clauses: number }> = [];
  const tried = new Set<number>();
  for (let round = 0; round < 64; round++) {
    const analysis = analyze(current, options);
    if (!analysis) break;
    const ctx = analysis.context;
    let target: number | undefined;
    for (const [index, req] of ctx.requirements) {
      const id = ctx.catalog.def.clauses[index].id;
      if (req.level === 'required' && !ctx.locations.has(index) && !ctx.waivers.has(id) && !tried.has(index)) {
        target = index;
        break;
      }
    }
    if (target === undefined) break;
    tried.add(target);
    const clause = ctx.catalog.def.clauses[target];
    const choice = wordingChoices(ctx, clause).find((c) => c.preferred);
    if (!choice) continue;
    const ins = insertionFor(ctx, target, clause, choice.wording);
    const inside = pieces.find((p) => p.at <= ins.offset && ins.offset <= p.at + p.text.length);
    if (inside) {
      const k = ins.offset - inside.at;
      inside.text = inside.text.slice(0, k) + ins.text + inside.text.slice(k);
      inside.clauses++;
    } else {
      const before = pieces.filter((p) => p.at + p.text.length <= ins.offset).reduce((n, p) => n + p.text.length, 0);
      pieces.push({ at: ins.offset, origin: ins.offset - before, text: ins.text, clauses: 1 });
    }
    for (const p of pieces) if (p !== inside && p.at > ins.offset) p.at += ins.text.length;
    current = current.slice(0, ins.offset) + ins.text + current.slice(ins.offset);
  }
  return pieces.sort((a, b) => a.at - b.at).map((p) => ({ offset: p.origin, text: p.text, clauses: p.clauses }));
}
