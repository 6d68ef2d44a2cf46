// The language of itaku's own UI (the itaku.locale setting), and its sentences in that language.
import * as vscode from 'vscode';
import { clientText, type ClientLocale, type ClientTextKey } from './messages';

export type { ClientLocale } from './messages';

/** The language of itaku's own UI: the itaku.locale setting (auto = VS Code's display language). */
export function itakuLocale(): ClientLocale {
  const setting = vscode.workspace.getConfiguration('itaku').get<string>('locale', 'ja');
  const value = setting === 'auto' ? vscode.env.language : setting;
  return /^en\b/i.test(value) ? 'en' : 'ja';
}

/** The sentence `key` of CLIENT_TEXTS in `locale` (itaku.locale by default), `{name}`s filled from `args`. */
export function uiText(
  key: ClientTextKey,
  args: Readonly<Record<string, string | number>> = {},
  locale: ClientLocale = itakuLocale(),
): string {
  return clientText(locale, key, args);
}
