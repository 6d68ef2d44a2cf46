import { defineRule, type Report } from './rule';
import { suggestionChanges } from '../fixes/actions';
import type { DraftContext } from '../context';
import { localized, messages } from '../messages';

/** `ambiguous-category`: a name that stands for several categories (plain 運用): read as one, name the form. */
function check(ctx: DraftContext): Array<Report<{ value: string; suggestions: string[] }>> {
  const { catalog, locale } = ctx;
  const out: Array<Report<{ value: string; suggestions: string[] }>> = [];
  for (const entry of ctx.frontMatter.categoryEntries) {
    if (!entry.id) continue;
    const def = catalog.def.categories[entry.id];
    if (!def.ambiguousAliases?.some((a) => a === entry.value)) continue;
    const forms = (def.ambiguousWith ?? []).filter((id) => Object.hasOwn(catalog.def.categories, id));
    out.push({
      severity: 'information',
      message: messages.ambiguousCategory(
        locale,
        entry.value,
        messages.labelWithId(locale, localized(locale, def, 'label'), entry.id),
        forms.map((id) => catalog.def.categories[id].label),
      ),
      start: entry.span[0],
      end: entry.span[1],
      data: { value: entry.value, suggestions: forms },
    });
  }
  return out;
}

export default defineRule<{ value: string; suggestions: string[] }>({
  code: 'ambiguous-category',
  severity: 'information',
  title: { ja: '曖昧な業務分類', en: 'Ambiguous category' },
  description: {
    ja: '業務分類の書き方が複数の分類に当てはまります。',
    en: 'The category as written matches more than one category.',
  },
  docs: {
    summary: 'Plain 運用 is read as `operation-onsite`; name the service form.',
    ja: '「運用」だけでは業務分類が一つに決まらないため、オンサイトサービス（`operation-onsite`）として読みました。サービスの形態（オンサイト、リモート、データセンター、ASP、ハウジング）を書いてください。\n',
    en: 'Plain 運用 could be several categories; it is read as `operation-onsite`. Name the service form (onsite, remote, data centre, ASP, housing).\n',
  },
  check,
  fixes: ({ ctx, data, start, end }) => suggestionChanges(ctx, data, start, end),
  replaces: 'finding',
});
