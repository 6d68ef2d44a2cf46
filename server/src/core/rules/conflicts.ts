import { defineRule, type Report } from './rule';
import type { DraftContext } from '../context';
import { localized, messages } from '../messages';
import {
  anyHit,
  forEachUsage,
  insideMarker,
  markersIn,
  memoized,
  memoKey,
  remember,
  NONE,
  spanInBlock,
  type BlockFacts,
  type BlockSelector,
} from '../model';
import type { Catalog } from '../catalog/compile';
import { optionValue } from '../requirements';

interface Signal {
  variant: string;
  start: number;
  end: number;
  text: string;
}

/**
 * `conflicting-variants`: wording of two alternatives the template says to choose between (再委託を
 * 禁止 / 認める) is present, or the text contradicts the front matter's option for that choice.
 */
function check(ctx: DraftContext): Array<Report<{ clause: string; variants: string[]; option?: string }>> {
  const { catalog, locale } = ctx;
  const out: Array<Report<{ clause: string; variants: string[]; option?: string }>> = [];
  const firsts = firstSignals(ctx);
  catalog.def.clauses.forEach((clause, index) => {
    if (!clause.variants || !ctx.requirements.has(index)) return;
    const first = firsts.get(index) ?? new Map<string, Signal>();
    const title = localized(locale, clause, 'title');
    const signals = [...first.values()].sort((a, b) => a.start - b.start);
    if (signals.length >= 2) {
      const [a, b] = signals;
      out.push({
        severity: 'warning',
        message: messages.conflictingVariants(locale, { title, first: a.text, second: b.text }),
        start: b.start,
        end: b.end,
        clause: clause.id,
        data: { clause: clause.id, variants: [a.variant, b.variant] },
        related: [{ start: a.start, end: a.end, message: messages.conflictOther(locale) }],
      });
    }
    for (const s of signals) {
      const link = clause.variants[s.variant].option;
      if (!link) continue;
      const chosen = optionValue(catalog, ctx.frontMatter.options, link.option);
      if (chosen === undefined || chosen === link.is) continue;
      const option = catalog.def.options[link.option];
      const valueDef = typeof chosen === 'string' ? option?.values?.[chosen] : undefined;
      const optionSpan = ctx.frontMatter.optionSpans[link.option];
      out.push({
        severity: 'warning',
        message: messages.contradictsOption(locale, {
          title,
          text: s.text,
          option: link.option,
          value: String(chosen),
          valueLabel: valueDef ? localized(locale, valueDef, 'label') : String(chosen),
        }),
        start: s.start,
        end: s.end,
        clause: clause.id,
        data: { clause: clause.id, variants: [s.variant], option: link.option },
        related: optionSpan
          ? [{ start: optionSpan[0], end: optionSpan[1], message: `options.${link.option}: ${String(chosen)}` }]
          : undefined,
      });
    }
  });
  return out;
}

/** Per clause with variants that applies, the first signal of each variant, in one pass over the blocks. */
function firstSignals(ctx: DraftContext): Map<number, Map<string, Signal>> {
  const { catalog } = ctx;
  const firsts = new Map<number, Map<string, Signal>>();
  for (const index of ctx.select(SIGNALLING)) {
    const b = ctx.blocks[index];
    const signals = signalsIn(b.facts, catalog);
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (!catalog.def.clauses[signal.clause].variants || !ctx.requirements.has(signal.clause)) continue;
      let first = firsts.get(signal.clause);
      if (!first) firsts.set(signal.clause, (first = new Map()));
      if (first.has(signal.variant)) continue;
      const [start, end] = spanInBlock(ctx.text, b, signal.start, signal.end);
      first.set(signal.variant, { variant: signal.variant, start, end, text: ctx.text.slice(start, end) });
    }
  }
  return firsts;
}

interface BlockSignal {
  clause: number;
  variant: string;
  start: number;
  end: number;
}

const SIGNALS = memoKey<BlockSignal[]>('variant-signals');

/** A block with variant wording (see signalsIn). */
const SIGNALLING: BlockSelector = {
  name: 'variant-signals',
  test: (b, _text, catalog) => b.facts.hits.length > 0 && signalsIn(b.facts, catalog).length > 0,
};

/** Variant wording in one block that its own `unless` phrases do not void, computed once per block. */
function signalsIn(facts: BlockFacts, catalog: Catalog): BlockSignal[] {
  if (!anyHit(facts, catalog.detection.variantPhrase)) return NONE;
  return memoized(facts, SIGNALS) ?? remember(facts, SIGNALS, findSignals(facts, catalog));
}

function findSignals(facts: BlockFacts, catalog: Catalog): BlockSignal[] {
  const voided = new Set<string>();
  const found: BlockSignal[] = [];
  // A choice marker (【再委託を禁止する場合】) names an alternative; it is not wording that chooses it.
  const markers = markersIn(facts);
  forEachUsage(facts, catalog, (u, start, end) => {
    if (insideMarker(markers, start, end)) return 'next-hit';
    if (u.kind === 'unless') voided.add(`${u.clause}:${u.variant}`);
    else if (u.kind === 'variant') found.push({ clause: u.clause, variant: u.variant, start, end });
  });
  return found.filter((s) => !voided.has(`${s.clause}:${s.variant}`));
}

export default defineRule<{ clause: string; variants: string[]; option?: string }>({
  code: 'conflicting-variants',
  severity: 'warning',
  title: { ja: '相反する文言', en: 'Contradictory wording' },
  description: {
    ja: '同じ条項について、両立しない選択肢の文言が併記されているか、options の指定と食い違っています。',
    en: 'Wordings of the same clause that exclude each other are both present, or the wording contradicts the options.',
  },
  docs: {
    summary:
      'Wording of two alternatives the template makes you choose between (再委託を禁止する / 認める) is present, or the text contradicts `options.subcontracting`. A prohibition with an exception (原則禁止、ただし承認を得た場合は…) is not a contradiction.',
    ja: '雛形が「どちらか一方」とする選択肢（再委託を禁止する／認める など）の文言が両方書かれているか、`options.subcontracting` と食い違っています。\n原則禁止で例外（ただし承認を得た場合は…）を定めるのは矛盾ではありません。\n\n**対処**: どちらか一方を残し、front matter の `options` と合わせます。\n',
    en: 'Wordings of two alternatives the template makes you choose between (prohibiting or allowing re-delegation, …) are both present, or the text contradicts `options.subcontracting`.\nA prohibition with an exception (原則禁止、ただし承認を得た場合は…) is not a contradiction.\n\n**Fix**: keep one of them and make `options` agree.\n',
  },
  check,
});
