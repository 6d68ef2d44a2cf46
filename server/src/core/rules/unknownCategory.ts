import { defineRule, type Report } from './rule';
import { suggestionChanges } from '../fixes/actions';
import type { DraftContext } from '../context';
import { messages } from '../messages';
import { closestValues } from '../suggest';

/** `unknown-category`: a category value the catalog does not know, with the closest valid values. */
function check(ctx: DraftContext): Array<Report<{ value: string; suggestions: string[] }>> {
  const { catalog, locale } = ctx;
  const out: Array<Report<{ value: string; suggestions: string[] }>> = [];
  for (const entry of ctx.frontMatter.categoryEntries) {
    if (entry.id) continue;
    const names = Object.entries(catalog.def.categories).flatMap(([id, c]) => [id, ...c.aliases]);
    const suggestions = closestValues(entry.value, names);
    out.push({
      severity: 'error',
      message: messages.unknownCategory(locale, entry.value, suggestions, Object.keys(catalog.def.categories)),
      start: entry.span[0],
      end: entry.span[1],
      data: { value: entry.value, suggestions },
    });
  }
  return out;
}

export default defineRule<{ value: string; suggestions: string[] }>({
  code: 'unknown-category',
  severity: 'error',
  title: { ja: '不明な業務分類', en: 'Unknown category' },
  description: {
    ja: 'category の値がカタログの業務分類にありません。',
    en: 'A category value is not a category of the catalog.',
  },
  docs: {
    summary: 'A category is unknown; the closest valid values are suggested (and offered as fixes).',
    ja: '`category`（業務分類）の値がカタログの業務分類にありません。近い値を示し、クイックフィックスで変更できます。\n',
    en: 'A `category` value is not a category of the catalog; the closest valid values are suggested and offered as quick fixes.\n',
    example: '```yaml\ncategory: 宇宙開発\n```\n',
  },
  check,
  fixes: ({ ctx, data, start, end }) => suggestionChanges(ctx, data, start, end),
  replaces: 'finding',
});
