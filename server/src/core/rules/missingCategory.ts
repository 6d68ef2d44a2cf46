import { defineRule, type Report } from './rule';
import { categoryAdditions } from '../fixes/actions';
import type { DraftContext } from '../context';
import { messages } from '../messages';

/** `missing-category`: no category is given (and the one given is not invalid), so nothing can be required. */
function check(ctx: DraftContext): Array<Report<{ suggestions: string[] }>> {
  const fm = ctx.frontMatter;
  if (!fm.readable || fm.categoryCount > 0 || fm.categoryInvalid) return [];
  const span = fm.categorySpan ?? fm.documentKeySpan ?? fm.span;
  return [
    {
      severity: 'error',
      message: messages.missingCategory(ctx.locale),
      start: span[0],
      end: span[1],
      data: { suggestions: Object.keys(ctx.catalog.def.categories) },
    },
  ];
}

export default defineRule<{ suggestions: string[] }>({
  code: 'missing-category',
  severity: 'error',
  title: { ja: '業務分類がない', en: 'No category' },
  description: {
    ja: '業務分類（category）がないため、必須条項を決められません。',
    en: 'There is no category, so the required clauses cannot be determined.',
  },
  docs: {
    summary: 'No category, so requirements cannot be judged.',
    ja: '業務分類（`category`）がないため、どの条項が必須か決められません。\n\n**対処**: クイックフィックスで業務分類を指定します。\n',
    en: 'There is no `category`, so the required clauses cannot be determined.\n\n**Fix**: the quick fix sets one.\n',
  },
  check,
  fixes: ({ ctx, start, end }) => categoryAdditions(ctx, start, end),
  replaces: 'finding',
});
