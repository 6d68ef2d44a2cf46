import * as vscode from 'vscode';
import type { DraftChoice, DraftChoices } from '../../server/src/protocol';

export type ClientLocale = 'ja' | 'en';

/** The language of itaku's own UI: the itaku.locale setting (auto = VS Code's display language). */
export function itakuLocale(): ClientLocale {
  const setting = vscode.workspace.getConfiguration('itaku').get<string>('locale', 'ja');
  const value = setting === 'auto' ? vscode.env.language : setting;
  return /^en\b/i.test(value) ? 'en' : 'ja';
}

const TEXTS = {
  title: { ja: 'itaku: 新しい草案', en: 'itaku: new draft' },
  document: { ja: '文書種別', en: 'Document type' },
  categories: { ja: '業務分類（複数選択可）', en: 'Business categories (one or more)' },
  organization: {
    ja: '府省庁名（〔 省 〕に入ります。空欄のままでも可）',
    en: 'The ministry (fills 〔 省 〕; may be left empty)',
  },
  partyA: { ja: '甲（発注者）の名称', en: 'Party 甲 (the ordering body)' },
  partyB: { ja: '乙（受注者）の名称', en: 'Party 乙 (the contractor)' },
  noneMissing: { ja: 'itaku: 不足している必須条項はありません。', en: 'itaku: no required clause is missing.' },
} as const;

export const text = (key: keyof typeof TEXTS, locale: ClientLocale = itakuLocale()) => TEXTS[key][locale];

/** A picker item in itaku's language, searchable in both: the other language and the id are its description. */
function item(c: DraftChoice, locale: ClientLocale) {
  const [label, other] = locale === 'ja' ? [c.label, c.label_en] : [c.label_en, c.label];
  return {
    label,
    description: `${other} · ${c.id}`,
    detail: c.aliases.length ? c.aliases.join('、') : undefined,
    id: c.id,
  };
}

export interface NewDraftChoice {
  /** Where the catalog comes from: the active editor's file or the workspace folder. */
  uri?: string;
  document: string;
  categories: string[];
  organization?: string;
  parties?: Record<string, string>;
  locale: ClientLocale;
}

/** Asks for the document type, the categories (both from the catalog, via the server), the organization and, for a contract, the parties. */
export async function chooseNewDraft(choices: DraftChoices): Promise<NewDraftChoice | undefined> {
  const locale = itakuLocale();
  const title = text('title', locale);
  const doc = await vscode.window.showQuickPick(
    choices.documentTypes.map((d) => item(d, locale)),
    { title, placeHolder: text('document', locale), matchOnDescription: true, matchOnDetail: true },
  );
  if (!doc) return undefined;
  const categories = await vscode.window.showQuickPick(
    choices.categories.map((c) => item(c, locale)),
    {
      title,
      placeHolder: text('categories', locale),
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  if (!categories?.length) return undefined;
  const organization = await vscode.window.showInputBox({
    title,
    prompt: text('organization', locale),
    placeHolder: '外務省',
  });
  if (organization === undefined) return undefined;
  let parties: Record<string, string> | undefined;
  if (choices.documentTypes.find((d) => d.id === doc.id)?.parties) {
    const a = await vscode.window.showInputBox({ title, prompt: text('partyA', locale), value: organization });
    if (a === undefined) return undefined;
    const b = await vscode.window.showInputBox({ title, prompt: text('partyB', locale), placeHolder: '株式会社〇〇' });
    if (b === undefined) return undefined;
    parties = Object.fromEntries(Object.entries({ 甲: a, 乙: b }).filter(([, v]) => v.trim()));
  }
  return {
    document: doc.id,
    categories: categories.map((c) => c.id),
    organization: organization.trim() || undefined,
    parties,
    locale,
  };
}
