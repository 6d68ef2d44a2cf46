import { defineRule, type Report } from './rule';
import { suggestionChanges } from '../fixes/actions';
import type { DraftContext } from '../context';
import { messages } from '../messages';
import { closestValues } from '../suggest';

/** `unknown-document-type`: the `document` value is neither a document type id nor one of its names. */
function check(ctx: DraftContext): Array<Report<{ suggestions: string[] }>> {
  const { catalog, locale, frontMatter: fm } = ctx;
  if (fm.documentValue === undefined || fm.document || !fm.documentSpan) return [];
  const allowed = Object.entries(catalog.def.documentTypes).map(([k, d]) => `${k}（${d.label}）`);
  const names = Object.entries(catalog.def.documentTypes).flatMap(([id, d]) => [id, ...d.aliases]);
  return [
    {
      severity: 'error',
      message: messages.unknownDocumentType(locale, fm.documentValue, allowed),
      start: fm.documentSpan[0],
      end: fm.documentSpan[1],
      data: { suggestions: closestValues(fm.documentValue, names) },
    },
  ];
}

export default defineRule<{ suggestions: string[] }>({
  code: 'unknown-document-type',
  severity: 'error',
  title: { ja: '不明な文書種別', en: 'Unknown document type' },
  description: {
    ja: 'document の値がカタログの文書種別にありません。',
    en: 'The document value is not a document type of the catalog.',
  },
  docs: {
    summary: '`document` is neither a known id nor a Japanese name.',
    ja: '`document`（文書種別）の値が、カタログの文書種別（`procurement-spec` / 調達仕様書 / 仕様書、`contract` / 契約書 / 契約 / 特記事項）のどれでもありません。\n\n**対処**: クイックフィックスで近い値に変更します。\n',
    en: "The `document` value is none of the catalog's document types (`procurement-spec`, `contract` or their Japanese names).\n\n**Fix**: the quick fix changes it to the closest one.\n",
  },
  check,
  fixes: ({ ctx, data, start, end }) => suggestionChanges(ctx, data, start, end),
  replaces: 'finding',
});
