// Every sentence of the problems found in a catalog, an overlay, a `.itaku.yaml` and a JSON Schema
// violation (front matter included), in 日本語 and English: one entry { ja, en } each, `{name}`
// marking an argument (test/core/messageTables.test.ts checks both languages and their names).
import { formatMessage, type Locale, type MessageEntry } from '../messages';

export const CATALOG_TEXTS = {
  // What a catalog names by id, for 「未定義の…」 / "unknown …".
  kindDocumentType: { ja: '文書種別', en: 'document type' },
  kindCategory: { ja: '業務分類', en: 'category' },
  kindOption: { ja: 'オプション', en: 'option' },
  kindVocabulary: { ja: '語彙', en: 'vocabulary' },
  kindNegativeContext: { ja: '否定文脈', en: 'negative context' },
  kindClause: { ja: '条項', en: 'clause' },
  kindPlaceholder: { ja: 'プレースホルダ', en: 'placeholder' },
  undefinedId: { ja: '未定義の{kind}「{id}」です{hint}。', en: 'unknown {kind} "{id}"{hint}.' },
  hintAddCategories: {
    ja: '（新しい分類は addCategories に書きます）',
    en: ' (new categories go under addCategories)',
  },
  hintAddOptions: { ja: '（新しいオプションは addOptions に書きます）', en: ' (new options go under addOptions)' },
  hintAddVocabularies: {
    ja: '（新しい語彙は addVocabularies に書きます）',
    en: ' (new vocabularies go under addVocabularies)',
  },
  hintAddClauses: { ja: '（新しい条項は addClauses に書きます）', en: ' (new clauses go under addClauses)' },

  // Consistency (consistency.ts).
  duplicateClauseId: { ja: '条項 id「{id}」が重複しています。', en: 'duplicate clause id "{id}".' },
  noTableRow: {
    ja: '文書種別「{docType}」の表の行がありません。',
    en: 'no table row for document type "{docType}".',
  },
  noCell: { ja: '業務分類「{category}」の欄がありません。', en: 'no cell for category "{category}".' },
  wordingWithoutRequirements: {
    ja: '文書種別「{docType}」の要否がない条項に文言があります。',
    en: 'wording for document type "{docType}" without requirements.',
  },
  duplicateVariant: {
    ja: '業務分類「{category}」の文言 variant「{variant}」が重複しています。',
    en: 'duplicate wording variant "{variant}" for category "{category}".',
  },
  noDefaultWording: {
    ja: '業務分類「{category}」に既定（default: true）の文言がありません。',
    en: 'no wording for category "{category}" is marked default: true.',
  },

  // Overlays (overlay.ts, overlayClause.ts).
  notInBase: {
    ja: '「{item}」は継承元にないため削除できません。',
    en: '{item} is not in the base, so it cannot be removed.',
  },
  categoryExists: {
    ja: '業務分類「{id}」は既にあります（変更は categories に書きます）。',
    en: 'category "{id}" already exists (changes go under categories).',
  },
  newValueNeedsLabels: {
    ja: '新しい値「{value}」には label と label_en が必要です。',
    en: 'the new value "{value}" needs label and label_en.',
  },
  optionExists: { ja: 'オプション「{name}」は既にあります。', en: 'option "{name}" already exists.' },
  vocabularyExists: { ja: '語彙「{name}」は既にあります。', en: 'vocabulary "{name}" already exists.' },
  clauseExists: {
    ja: '条項「{id}」は既にあります（変更は clauses に書きます）。',
    en: 'clause "{id}" already exists (changes go under clauses).',
  },
  newCategoryNoCells: {
    ja: '新しい業務分類「{id}」の欄がない条項があります: {clauses}。like で既存の分類を写すか、clauses の requirements.cells に書いてください。',
    en: 'the new category "{id}" has no cell in: {clauses}. Copy an existing category with like, or give the cells under clauses … requirements.cells.',
  },
  newRequirementsNeedBasis: {
    ja: 'この条項には文書種別「{docType}」の要否がありません。新しく書くには basis と cells が必要です。',
    en: 'this clause has no requirements for "{docType}"; new ones need basis and cells.',
  },
  noVariantToReplace: {
    ja: '業務分類「{category}」に置き換える文言 variant「{variant}」がありません（新しい文言は add に書きます）。',
    en: 'there is no wording variant "{variant}" for category "{category}" to replace (new wordings go under add).',
  },
  noVariant: {
    ja: '業務分類「{category}」に文言 variant「{variant}」がありません。',
    en: 'there is no wording variant "{variant}" for category "{category}".',
  },

  // Loading (load.ts) and origins (origin.ts).
  catalogTooDeep: {
    ja: 'カタログの入れ子が深すぎて読めません（リストやマッピングの入れ子を浅くしてください）。',
    en: 'The catalog is nested too deeply to be read (flatten its nested lists and mappings).',
  },
  yamlTooManyAliases: {
    ja: 'YAML のエイリアス（*名前）の展開が多すぎます（{max} 個まで）。値はエイリアスを使わずに書いてください。',
    en: 'The YAML aliases (*name) expand too far (at most {max} nodes); write the values out without aliases.',
  },
  noBaseReader: { ja: '継承元を読む手段がありません', en: 'no way to read the base catalog here' },
  baseUnreadable: {
    ja: '継承元のカタログ「{base}」を読めません: {reason}。',
    en: 'the base catalog "{base}" cannot be read: {reason}.',
  },
  extendsCycle: { ja: 'extends が循環しています: {cycle}。', en: 'extends forms a cycle: {cycle}.' },
  extendsTooDeep: {
    ja: 'extends の連なりが深すぎます（{max} 段まで）。',
    en: 'the extends chain is too deep (at most {max} catalogs).',
  },
  moreProblems: {
    ja: 'ほかに {count} 件の誤りがあります（最初の {max} 件だけを示しています）。',
    en: '{count} more problem(s) (only the first {max} are shown).',
  },
  baseHasProblems: {
    ja: '継承元のカタログ「{base}」に {count} 件の誤りがあります。',
    en: 'the base catalog "{base}" has {count} problem(s).',
  },
  originAt: { ja: '{catalog}（{file} {line} 行目）', en: '{catalog} ({file}, line {line})' },

  // The project configuration (config.ts).
  configTooDeep: {
    ja: '設定ファイルの入れ子が深すぎて読めません（リストやマッピングの入れ子を浅くしてください）。',
    en: 'The configuration file is nested too deeply to be read (flatten its nested lists and mappings).',
  },
  unknownCode: { ja: '不明な指摘コード「{code}」です{hint}。', en: 'unknown diagnostic code "{code}"{hint}.' },
  codeDidYouMean: { ja: '（「{guess}」のことですか？）', en: ' (did you mean "{guess}"?)' },

  // JSON Schema violations (schemaMessages.ts); `{where}` is the value's dotted path.
  schemaRequired: {
    ja: '{where}: 必須のキー「{key}」がありません。',
    en: '{where}: missing required key "{key}".',
  },
  schemaAdditional: { ja: '{where}: 不明なキー「{key}」です。', en: '{where}: unknown key "{key}".' },
  schemaType: { ja: '{where}: 型が違います（{type}が必要です）。', en: '{where}: must be {type}.' },
  schemaEnum: { ja: '{where}: 値は {values} のいずれかです。', en: '{where}: must be one of {values}.' },
  schemaConst: { ja: '{where}: 値は {value} です。', en: '{where}: must be {value}.' },
  schemaPattern: {
    ja: '{where}: 形式が違います（英小文字・数字・ハイフンの id）。',
    en: '{where}: must be an id of lower-case letters, digits and hyphens.',
  },
  schemaMinLength: { ja: '{where}: 空にできません。', en: '{where}: must not be empty.' },
  schemaMinItems: { ja: '{where}: 少なくとも {limit} 個必要です。', en: '{where}: needs at least {limit} entries.' },
  schemaMaxLength: {
    ja: '{where}: 長すぎます（{limit} 文字まで）。',
    en: '{where}: too long (at most {limit} characters).',
  },
  schemaMaxItems: {
    ja: '{where}: 多すぎます（{limit} 個まで）。',
    en: '{where}: too many entries (at most {limit}).',
  },
  schemaOneOfTypes: { ja: '{where}: {types}にしてください。', en: '{where}: must be {types}.' },
  schemaOneOf: { ja: '{where}: どの形式にも合いません。', en: '{where}: does not match any allowed form.' },
  typeOr: { ja: 'または', en: ' or ' },
  typeString: { ja: '文字列', en: 'a string' },
  typeBoolean: { ja: '真偽値（true/false）', en: 'true or false' },
  typeObject: { ja: 'マッピング（キー: 値）', en: 'a mapping (key: value)' },
  typeArray: { ja: 'リスト', en: 'a list' },
  typeInteger: { ja: '整数', en: 'an integer' },
  typeNumber: { ja: '数値', en: 'a number' },
} as const satisfies Record<string, MessageEntry>;

export type CatalogTextKey = keyof typeof CATALOG_TEXTS;

/** The sentence `key` in `locale`, each `{name}` replaced by `args[name]`. */
export function catalogText(
  locale: Locale,
  key: CatalogTextKey,
  args: Readonly<Record<string, string | number>> = {},
): string {
  return formatMessage(CATALOG_TEXTS[key], locale, args);
}

/** The id kinds `undefinedId` names, and the hints that may follow it. */
export type CatalogKind =
  | 'kindDocumentType'
  | 'kindCategory'
  | 'kindOption'
  | 'kindVocabulary'
  | 'kindNegativeContext'
  | 'kindClause'
  | 'kindPlaceholder';
export type CatalogHint = 'hintAddCategories' | 'hintAddOptions' | 'hintAddVocabularies' | 'hintAddClauses';

/** 「未定義の業務分類「x」です。」 / `unknown category "x".`, with an optional hint before the stop. */
export function undefinedId(locale: Locale, kind: CatalogKind, id: string, hint?: CatalogHint): string {
  return catalogText(locale, 'undefinedId', {
    kind: catalogText(locale, kind),
    id,
    hint: hint ? catalogText(locale, hint) : '',
  });
}
