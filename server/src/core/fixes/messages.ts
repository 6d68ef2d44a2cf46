// The titles of the shared quick fixes (actions.ts, waive.ts, parties.ts), the new draft's title
// line and why a new-draft request is refused (newDraft.ts), in 日本語 and English: one entry { ja, en } each, `{name}` marking an argument
// (test/core/messageTables.test.ts checks both languages and names). A rule's own fix titles stay
// in its rule file, with its title and docs.
import { formatMessage, type Locale, type MessageEntry } from '../messages';

export const FIX_TEXTS = {
  changeTo: { ja: '「{value}」に変更', en: 'Change to "{value}"' },
  insertClauseVariant: { ja: '「{name}」を挿入（{label}）', en: 'Insert "{name}" ({label})' },
  insertClause: { ja: '「{name}」の雛形の文言を挿入', en: 'Insert the template wording for "{name}"' },
  thisHeading: { ja: 'この見出し', en: 'this heading' },
  thisParagraph: { ja: 'この段落', en: 'this paragraph' },
  treatAs: { ja: '{what}を『{title}』として扱う', en: 'Treat {what} as "{title}"' },
  setCategory: { ja: '業務分類に {id}（{label}）を指定', en: 'Set the category to {id} ({label})' },
  waiverReason: { ja: '理由を記入', en: 'reason' },
  waiveNamed: { ja: '「{name}」を適用除外にする（理由を記入）', en: 'Waive "{name}" (enter the reason)' },
  waiveThis: { ja: 'この条項を適用除外にする（理由を記入）', en: 'Waive this clause (enter the reason)' },
  addParties: {
    ja: 'front matter に当事者（parties: 甲・乙）を追加',
    en: 'Add the parties (甲, 乙) to the front matter',
  },
  newDraftTitle: { ja: '（件名）{label}', en: '(Title) {label}' },
  newDraftRefused: {
    ja: 'itaku: 新しい草案を作れません。{why}',
    en: 'itaku: cannot write the new draft. {why}',
  },
  newDraftNotObject: {
    ja: '要求は { document, categories, … } の形のオブジェクトでなければなりません。',
    en: 'The request must be an object { document, categories, … }.',
  },
  newDraftNotString: { ja: '{field} は文字列でなければなりません。', en: '{field} must be a string.' },
  newDraftTooLong: {
    ja: '{field} が長すぎます（{length} 文字。{max} 文字まで）。',
    en: '{field} is too long ({length} characters; at most {max}).',
  },
  newDraftLineBreak: {
    ja: '{field} に改行や制御文字は使えません。',
    en: '{field} may not contain line breaks or control characters.',
  },
  newDraftNotList: {
    ja: 'categories は業務分類の ID の配列でなければなりません（例: ["{example}"]）。',
    en: 'categories must be an array of category ids (e.g. ["{example}"]).',
  },
  newDraftNoCategory: {
    ja: 'categories に業務分類を 1 つ以上指定してください。',
    en: 'categories must name at least one category.',
  },
  newDraftTooManyCategories: {
    ja: 'categories が多すぎます（{count} 件。{max} 件まで）。',
    en: 'categories has too many entries ({count}; at most {max}).',
  },
  newDraftPartiesNotMapping: {
    ja: 'parties は当事者とその名前の対応（{ {example} }）でなければなりません。',
    en: 'parties must map each party to a name ({ {example} }).',
  },
  newDraftUnknownParty: {
    ja: '当事者「{value}」はカタログにありません。使える値: {allowed}。',
    en: 'The party "{value}" is not in the catalog. Use one of: {allowed}.',
  },
} as const satisfies Record<string, MessageEntry>;

export type FixTextKey = keyof typeof FIX_TEXTS;

/** The text `key` in `locale`, each `{name}` replaced by `args[name]`. */
export function fixText(locale: Locale, key: FixTextKey, args: Readonly<Record<string, string | number>> = {}): string {
  return formatMessage(FIX_TEXTS[key], locale, args);
}
