// The titles of the shared quick fixes (actions.ts, waive.ts, parties.ts) and the new draft's title
// line, in 日本語 and English: one entry { ja, en } each, `{name}` marking an argument
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
} as const satisfies Record<string, MessageEntry>;

export type FixTextKey = keyof typeof FIX_TEXTS;

/** The text `key` in `locale`, each `{name}` replaced by `args[name]`. */
export function fixText(locale: Locale, key: FixTextKey, args: Readonly<Record<string, string | number>> = {}): string {
  return formatMessage(FIX_TEXTS[key], locale, args);
}
