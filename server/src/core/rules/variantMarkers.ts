import { defineRule, type Report } from './rule';
import { markerRemoval, t } from '../fixes/actions';
import type { DraftContext } from '../context';
import { messages } from '../messages';
import { markersIn, spanInBlock, type BlockSelector } from '../model';

/** A block with 【…の場合】 choice markers. */
const WITH_MARKERS: BlockSelector = { name: 'variant-markers', test: (b) => markersIn(b.facts).length > 0 };

/** `unresolved-variant`: a 【…の場合】 choice marker of the template is still in the draft. */
function check(ctx: DraftContext): Array<Report<{ marker: string }>> {
  const out: Array<Report<{ marker: string }>> = [];
  for (const index of ctx.select(WITH_MARKERS)) {
    const b = ctx.blocks[index];
    for (const [open, close] of markersIn(b.facts)) {
      const [start, end] = spanInBlock(ctx.text, b, open, close + 1);
      const marker = ctx.text.slice(start, end);
      out.push({
        severity: 'warning',
        message: messages.unresolvedVariant(ctx.locale, marker.replace(/\s+/g, ' ')),
        start,
        end,
        data: { marker },
      });
    }
  }
  return out;
}

export default defineRule<{ marker: string }>({
  code: 'unresolved-variant',
  severity: 'warning',
  title: { ja: '選択肢の見出し【…の場合】が残っている', en: 'A 【…の場合】 choice marker is left' },
  description: {
    ja: '雛形の選択肢の見出し【…の場合】が残っています。採用する文言を選び、見出しを削除してください。',
    en: 'A 【…の場合】 choice marker of the template is still in the draft: choose the wording and remove the marker.',
  },
  docs: {
    summary: 'A 【…の場合】 choice marker is still in the text. Fix: keep this wording and drop its marker line.',
    ja: '雛形の選択肢の見出し【…の場合】が残っています。完成した草案には、採用した文言だけが残ります。\n\n**対処**: 採用する文言の見出しで 「この文言を採用し、選択肢の見出しを削除」。採用しない方の文言は自分で削除します。\n',
    en: 'A 【…の場合】 choice marker of the template is still in the draft; a finished draft holds only the wording chosen.\n\n**Fix**: on the wording you keep, "Keep this wording and remove the choice marker"; delete the other alternative yourself.\n',
    example:
      '```markdown\n【再委託を禁止する場合】\n本調達に係る業務は、その全部又は一部を他の事業者にも再委託させてはならない。\n```\n',
  },
  check,
  fixes({ ctx, start, end }) {
    const edit = start === end ? undefined : markerRemoval(ctx, start, end);
    if (!edit) return [];
    const title = t(
      ctx.locale,
      'この文言を採用し、選択肢の見出しを削除',
      'Keep this wording and remove the choice marker',
    );
    return [{ title, kind: 'quickfix', isPreferred: true, edits: [edit] }];
  },
  replaces: 'marker-line',
});
