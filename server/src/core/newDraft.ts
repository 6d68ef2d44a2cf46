import { analyze } from './analyze';
import type { Catalog } from './catalog/compile';
import { fixAllInsertions } from './fixes/fixAll';
import { renderWording } from './fixes/fill';
import { wordingChoices } from './fixes/wording';
import { renumberEdits } from './fixes/renumber';
import { fixText, type FixTextKey } from './fixes/messages';
import { FINDING_TEXTS, localized, messages, shorten, type Locale } from './messages';
import { numberedTitles } from './numberedTitles';

export interface NewDraftRequest {
  document: string;
  categories: string[];
  organization?: string;
  /** Contract parties, e.g. { 甲: 外務省, 乙: 株式会社… }. */
  parties?: Record<string, string>;
  title?: string;
}

/** Longest title, organization or party name a new draft takes (a real one is a few dozen characters). */
export const NEW_DRAFT_MAX_VALUE = 200;
/** Most categories a new-draft request may list. */
export const NEW_DRAFT_MAX_CATEGORIES = 32;

export type NewDraftCheck = { ok: true; request: NewDraftRequest } | { ok: false; message: string };

/** A line break or another control character (C0, DEL, C1, U+2028/2029): it would end the line it is written on. */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * A client's new-draft request, checked before it is written: the document type and categories are
 * the catalog's ids, the parties its party names, and each text a string of one line of at most
 * NEW_DRAFT_MAX_VALUE characters. A refused request gets one sentence saying why (never an exception).
 */
export function checkNewDraftRequest(catalog: Catalog, value: unknown, locale: Locale = 'ja'): NewDraftCheck {
  const refuse = (key: FixTextKey, args: Record<string, string | number> = {}): NewDraftCheck => ({
    ok: false,
    message: fixText(locale, 'newDraftRefused', { why: fixText(locale, key, args) }),
  });
  const refuseWith = (why: string): NewDraftCheck => ({
    ok: false,
    message: fixText(locale, 'newDraftRefused', { why }),
  });
  if (!value || typeof value !== 'object' || Array.isArray(value)) return refuse('newDraftNotObject');
  const raw = value as Record<string, unknown>;
  const def = catalog.def;
  /** A one-line text of at most NEW_DRAFT_MAX_VALUE characters, or the reason it is not. */
  const text = (field: string, v: unknown): NewDraftCheck | undefined => {
    if (typeof v !== 'string') return refuse('newDraftNotString', { field });
    if (v.length > NEW_DRAFT_MAX_VALUE)
      return refuse('newDraftTooLong', { field, length: v.length, max: NEW_DRAFT_MAX_VALUE });
    if (hasControl(v)) return refuse('newDraftLineBreak', { field });
    return undefined;
  };

  const documentIds = Object.keys(def.documentTypes);
  const bad = text('document', raw.document);
  if (bad) return bad;
  const document = raw.document as string;
  if (!Object.hasOwn(def.documentTypes, document))
    return refuseWith(messages.unknownDocumentType(locale, document, documentIds));

  const categoryIds = Object.keys(def.categories);
  if (!Array.isArray(raw.categories)) return refuse('newDraftNotList', { example: categoryIds[0] ?? '' });
  if (raw.categories.length > NEW_DRAFT_MAX_CATEGORIES)
    return refuse('newDraftTooManyCategories', { count: raw.categories.length, max: NEW_DRAFT_MAX_CATEGORIES });
  if (!raw.categories.length) return refuse('newDraftNoCategory');
  const categories: string[] = [];
  for (const c of raw.categories as unknown[]) {
    if (typeof c !== 'string') return refuse('newDraftNotList', { example: categoryIds[0] ?? '' });
    if (!Object.hasOwn(def.categories, c)) return refuseWith(messages.unknownCategory(locale, c, [], categoryIds));
    if (!categories.includes(c)) categories.push(c);
  }

  const request: NewDraftRequest = { document, categories };
  for (const field of ['title', 'organization'] as const) {
    if (raw[field] === undefined || raw[field] === null) continue;
    const problem = text(field, raw[field]);
    if (problem) return problem;
    request[field] = raw[field] as string;
  }

  if (raw.parties !== undefined && raw.parties !== null) {
    // The parties a name can fill: the catalog's placeholders filled from `parties` ([甲] → 甲).
    const known = [
      ...new Set(Object.values(def.placeholders).flatMap((p) => (p.fill?.from === 'party' ? [p.fill.party] : []))),
    ];
    const example = known.map((k) => `${k}: …`).join(', ');
    if (typeof raw.parties !== 'object' || Array.isArray(raw.parties))
      return refuse('newDraftPartiesNotMapping', { example });
    const parties: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.parties as Record<string, unknown>)) {
      if (!known.includes(k))
        return refuse('newDraftUnknownParty', {
          value: shorten(k, 120),
          allowed: known.join(FINDING_TEXTS.listSeparator[locale]),
        });
      const problem = text(`parties.${k}`, v);
      if (problem) return problem;
      parties[k] = v as string;
    }
    request.parties = parties;
  }
  return { ok: true, request };
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
