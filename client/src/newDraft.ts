import * as vscode from 'vscode';
import type { DraftChoice, DraftChoices } from '../../server/src/protocol';
import { itakuLocale, uiText, type ClientLocale } from './locale';

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

/**
 * A multiple-choice picker where Enter with nothing ticked takes the highlighted item: typing 構築
 * and pressing Enter used to close the picker with no category, and New draft silently stopped.
 */
function pickMany<T extends vscode.QuickPickItem>(
  items: T[],
  options: { title: string; placeholder: string },
): Promise<readonly T[] | undefined> {
  const picker = vscode.window.createQuickPick<T>();
  Object.assign(picker, {
    items,
    title: options.title,
    placeholder: options.placeholder,
    canSelectMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return new Promise((resolve) => {
    let accepted = false;
    picker.onDidAccept(() => {
      accepted = true;
      resolve(picker.selectedItems.length ? [...picker.selectedItems] : [...picker.activeItems]);
      picker.hide();
    });
    picker.onDidHide(() => {
      if (!accepted) resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
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
  const title = uiText('newDraftTitle', {}, locale);
  const doc = await vscode.window.showQuickPick(
    choices.documentTypes.map((d) => item(d, locale)),
    { title, placeHolder: uiText('document', {}, locale), matchOnDescription: true, matchOnDetail: true },
  );
  if (!doc) return undefined;
  const categories = await pickMany(
    choices.categories.map((c) => item(c, locale)),
    {
      title,
      placeholder: uiText('categories', {}, locale),
    },
  );
  if (!categories?.length) return undefined;
  const organization = await vscode.window.showInputBox({
    title,
    prompt: uiText('organization', {}, locale),
    placeHolder: '外務省',
  });
  if (organization === undefined) return undefined;
  let parties: Record<string, string> | undefined;
  if (choices.documentTypes.find((d) => d.id === doc.id)?.parties) {
    const a = await vscode.window.showInputBox({ title, prompt: uiText('partyA', {}, locale), value: organization });
    if (a === undefined) return undefined;
    const b = await vscode.window.showInputBox({
      title,
      prompt: uiText('partyB', {}, locale),
      placeHolder: '株式会社〇〇',
    });
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
