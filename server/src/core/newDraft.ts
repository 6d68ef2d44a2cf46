import { analyze } from './analyze';
import type { Catalog } from './catalog/compile';
import { fixAllInsertions } from './fixes/fixAll';
import { renderWording } from './fixes/fill';
import { wordingChoices } from './fixes/wording';
import { renumberEdits } from './fixes/renumber';
import { fixText } from './fixes/messages';
import { localized, type Locale } from './messages';
import { numberedTitles } from './numberedTitles';

export interface NewDraftRequest {
  document: string;
  categories: string[];
  organization?: string;
  /** Contract parties, e.g. { 甲: 外務省, 乙: 株式会社… }. */
  parties?: Record<string, string>;
  title?: string;
}

/** YAML for a one-line value: quoted when it could be read as something else. */
const scalar = (v: string) =>
  /^[\w\u3000-\u9fff\uff00-\uffef（）・ー〔〕 -]+$/.test(v) && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(v) && v.trim() === v
    ? v
    : JSON.stringify(v);

/**
 * A new draft: front matter, a title and every required clause's model wording — for a spec under
 * a security section (### headings), for a contract as articles 第1条, 第2条, … .
 */
export function newDraftText(catalog: Catalog, request: NewDraftRequest, locale: Locale = 'ja'): string {
  const docType = catalog.def.documentTypes[request.document];
  // Articles (第1条, 第2条 …, a contract) or ### headings under the security section (a spec).
  const contract = docType?.layout === 'articles';
  const section = docType?.sectionHeading;
  const title =
    request.title ?? fixText(locale, 'newDraftTitle', { label: docType ? localized(locale, docType, 'label') : '' });
  const parties = Object.entries(request.parties ?? {}).filter(([, v]) => v.trim());
  const head = [
    '---',
    `document: ${request.document}`,
    `category: [${request.categories.join(', ')}]`,
    ...(request.organization?.trim() ? [`organization: ${scalar(request.organization.trim())}`] : []),
    ...(parties.length ? [`parties: { ${parties.map(([k, v]) => `${k}: ${scalar(v.trim())}`).join(', ')} }`] : []),
    '---',
    '',
    `# ${title}`,
    '',
    ...(contract || !section ? [''] : [`## ${section}`, '']),
  ].join('\n');
  let text = head;
  if (contract) {
    // A contract's clauses are articles: the first required one becomes 第1条, and the others,
    // inserted after it, continue its style.
    const ctx = analyze(head, { catalog, locale })?.context;
    const first = ctx && [...ctx.requirements].find(([, r]) => r.level === 'required');
    if (ctx && first) {
      const clause = catalog.def.clauses[first[0]];
      const choice = wordingChoices(ctx, clause).find((c) => c.preferred);
      if (choice)
        text = `${head}第1条（${clause.heading ?? clause.title}）\n${renderWording(choice.wording.text, ctx.fill).trimEnd()}\n`;
    }
  }
  for (const ins of [...fixAllInsertions(text, { catalog, locale })].sort((a, b) => b.offset - a.offset)) {
    text = text.slice(0, ins.offset) + ins.text + text.slice(ins.offset);
  }
  if (contract) {
    // Inserted after 第1条 as 第1条の2, 第1条の3, …: a new draft numbers them straight.
    const a = analyze(text, { catalog, locale });
    const articles = a ? numberedTitles(text, a.context.blocks) : [];
    if (a && articles.length) {
      for (const e of renumberEdits(a.context, articles[0].group).sort((x, y) => y.start - x.start))
        text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    }
  }
  return text;
}
