import type { Catalog } from './catalog/compile';
import { fixAllInsertions } from './fixes/actions';
import type { Locale } from './messages';

export interface NewDraftRequest {
  document: string;
  categories: string[];
  organization?: string;
  title?: string;
}

/** A new draft: front matter, a title and a security section holding every required clause's model wording. */
export function newDraftText(catalog: Catalog, request: NewDraftRequest, locale: Locale = 'ja'): string {
  const docType = catalog.def.documentTypes[request.document];
  const title = request.title ?? (locale === 'ja' ? `（件名）${docType?.label ?? ''}` : `(Title) ${docType?.label_en ?? ''}`);
  const head = [
    '---',
    `document: ${request.document}`,
    `category: [${request.categories.join(', ')}]`,
    ...(request.organization ? [`organization: ${request.organization}`] : []),
    '---',
    '',
    `# ${title}`,
    '',
    '## 情報セキュリティ',
    '',
  ].join('\n');
  let text = head;
  for (const ins of [...fixAllInsertions(head, { catalog, locale })].sort((a, b) => b.offset - a.offset)) {
    text = text.slice(0, ins.offset) + ins.text + text.slice(ins.offset);
  }
  return text;
}
