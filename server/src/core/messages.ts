// The locale, the one formatter of every layer's message table, and the core's findings' sentences
// (FINDING_TEXTS). The core's other tables: catalog/messages.ts, features/messages.ts, fixes/messages.ts.

export type Locale = 'ja' | 'en';

/** `en`, `en-US`, … → en; anything else → ja (the primary UI language). */
export function resolveLocale(value: string | undefined | null): Locale {
  return value && /^en\b/i.test(value) ? 'en' : 'ja';
}

/** A message table's entry: one sentence in both languages, `{name}` marking where an argument goes. */
export type MessageEntry = { ja: string; en: string };

/**
 * The entry's sentence in `locale`, each `{name}` replaced by `args[name]` — the one formatter of
 * every layer's message table (core, lsp, cli, io, word, client). Arguments are not re-read.
 */
export function formatMessage(
  entry: MessageEntry,
  locale: Locale,
  args: Readonly<Record<string, string | number>> = {},
): string {
  return entry[locale].replace(/\{(\w+)\}/g, (all, name: string) =>
    Object.hasOwn(args, name) ? String(args[name]) : all,
  );
}

/**
 * A catalog entry's own text in `locale`: `entry[field]` in 日本語, `entry[field_en]` in English.
 * Catalog labels stay in the catalog; this only picks the field.
 */
export function localized<K extends string, T extends { [P in K | `${K}_en`]: string }>(
  locale: Locale,
  entry: T,
  field: K,
): string {
  return locale === 'ja' ? entry[field] : entry[`${field}_en` as const];
}

/** A clause's name as a draft heads it: its `heading` (else `title`), or `heading_en` (else `title_en`). */
export function clauseHeading(
  locale: Locale,
  clause: { title: string; title_en: string; heading?: string; heading_en?: string },
): string {
  return locale === 'ja' ? (clause.heading ?? clause.title) : (clause.heading_en ?? clause.title_en);
}

/**
 * Every sentence of the core's findings, one entry { ja, en } each; `{name}` marks an argument.
 * `messages` below fills them (the arguments it computes: quoting, lists, shortening).
 */
export const FINDING_TEXTS = {
  quoted: { ja: '「{text}」', en: '"{text}"' },
  listSeparator: { ja: '、', en: ', ' },
  didYouMean: { ja: '「{suggestion}」の誤りではありませんか。', en: 'Did you mean "{suggestion}"?' },
  missingClause: {
    ja: '必須条項「{title}」（{row}）が見つかりません。{reason}で必須です（根拠: {basis}）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。',
    en: 'Required clause "{title}" ({row}) was not found. It is required for {reason} (basis: {basis}). Use the quick fix to insert the template wording. If a paragraph already says it in other words, choose "Treat this paragraph as …" on that paragraph.',
  },
  emptyClause: {
    ja: '見出し「{heading}」は条項「{title}」を示していますが、本文がありません。見出しだけでは条項があることになりません。クイックフィックスで雛形の文言を挿入できます。',
    en: 'The heading "{heading}" names the clause "{title}" but has no text under it. A heading alone does not make the clause present. Use the quick fix to insert the template wording.',
  },
  reasonCategory: { ja: '業務分類「{label}」', en: 'the category "{label}"' },
  reasonOption: { ja: 'options.{option}: {value} の指定', en: 'options.{option}: {value}' },
  placeholderFillWith: {
    ja: 'クイックフィックスで「{fill}」に置き換えられます。',
    en: 'The quick fix replaces it with "{fill}".',
  },
  placeholderFillIn: { ja: '実際の値を記入してください。', en: 'Fill in the actual value.' },
  unresolvedPlaceholder: {
    ja: '未記入のプレースホルダ「{text}」（{label}）が残っています。{hint}',
    en: 'Unfilled placeholder "{text}" ({label}) is left in the text. {hint}',
  },
  /** When the placeholder's text already says what its label would (「（件名）」, not 「（件名）」（件名）). */
  unresolvedPlaceholderPlain: {
    ja: '未記入のプレースホルダ「{text}」が残っています。{hint}',
    en: 'Unfilled placeholder "{text}" is left in the text. {hint}',
  },
  unresolvedVariant: {
    ja: '選択肢の見出し「{marker}」が残っています。採用する文言を残し、この見出しと採用しない文言を削除してください。',
    en: 'The choice marker "{marker}" is still in the text. Keep the wording you chose and delete this marker and the alternatives you did not choose.',
  },
  conflictingVariants: {
    ja: '「{title}」について相反する文言があります（{first}と{second}）。どちらか一方にしてください。',
    en: 'Contradictory wording for "{title}": {first} and {second}. Keep only one of them.',
  },
  contradictsOption: {
    ja: '「{title}」の文言「{text}」は front matter の options.{option}: {value}（{valueLabel}）と矛盾します。',
    en: 'The "{title}" wording "{text}" contradicts options.{option}: {value} ({valueLabel}) in the front matter.',
  },
  conflictOther: { ja: '相反する文言', en: 'the contradicting wording' },
  frontMatterYaml: {
    ja: 'front matter の YAML を読めません: {detail}',
    en: 'Cannot read the front matter YAML: {detail}',
  },
  yamlFullWidthColon: {
    ja: '全角のコロン「：」ではキーと値を区切れません。半角の「: 」（コロンと空白）にしてください。',
    en: 'A full-width colon "：" does not separate a key from its value. Use a half-width ": " (colon and space).',
  },
  yamlTab: {
    ja: 'インデントにタブが使われています。YAML のインデントは半角スペースで書いてください。',
    en: 'A tab is used for indentation. Indent YAML with spaces.',
  },
  yamlIndent: {
    ja: 'インデントがずれています。同じ階層のキーは同じ桁から書き始め、入れ子にするのは値のないキー（例: options:）の下だけにしてください。',
    en: 'Wrong indentation. Start keys of the same level in the same column; indent only under a key without a value (e.g. options:).',
  },
  yamlUnclosedBracket: {
    ja: '括弧「{char}」が閉じられていません。「{close}」で閉じてください。',
    en: 'The bracket "{char}" is not closed. Close it with "{close}".',
  },
  yamlUnclosedQuote: {
    ja: '引用符「{char}」が閉じられていません。値の終わりに「{close}」を書いてください。',
    en: 'The quote {char} is not closed. End the value with {close}.',
  },
  yamlNoSpaceAfterColon: {
    ja: '「:」の後に空白がありません。「category: build」のように、コロンの後に半角スペースを入れてください。',
    en: 'No space after ":". Put a space after the colon, as in "category: build".',
  },
  duplicateNumber: {
    ja: '番号「{label}」が前の見出しと重複しています。枝番号（例: 第3条の2、(3の2)）にするか、「見出し番号を振り直す」で振り直してください。',
    en: 'The number "{label}" repeats an earlier one. Use a branch number (e.g. 第3条の2, (3の2)) or "Renumber the headings".',
  },
  duplicateNumberFirst: { ja: '最初の同じ番号', en: 'the first use of this number' },
  numberGap: {
    ja: '番号が「{previous}」から「{label}」に飛んでいます（欠番）。意図したものでなければ「見出し番号を振り直す」で振り直してください。',
    en: 'The numbering skips from "{previous}" to "{label}". Unless intended, use "Renumber the headings".',
  },
  frontMatterUnclosed: {
    ja: 'front matter が閉じられていません: 最初の `---` に対応する終わりの `---` の行がないため、草案を判定できません。YAML の最後の行の次に `---` だけの行を入れてください。',
    en: 'The front matter is not closed: there is no closing `---` line for the opening `---`, so the draft cannot be checked. Add a line holding only `---` after the last YAML line.',
  },
  yamlTooManyAliases: {
    ja: 'エイリアス（*名前）の展開が多すぎます（{max} 個まで）。値はエイリアスを使わずに書いてください。',
    en: 'its aliases (*name) expand too far (at most {max} nodes); write the values out without aliases.',
  },
  frontMatterTooDeep: {
    ja: 'front matter の YAML を読めません: 入れ子（括弧 [ ] { } やインデント）が深すぎます（上限 {limit} 段）。',
    en: 'Cannot read the front matter YAML: collections ([ ] { } or indentation) are nested too deeply (more than {limit} levels).',
  },
  frontMatterTooLong: {
    ja: 'front matter が長すぎるため読みません（{length} 文字、上限 {limit} 文字）。文書種別や業務分類などの設定だけを front matter に残し、ほかの内容は本文に移してください。',
    en: 'The front matter is too long to read ({length} characters; the limit is {limit}). Keep only the settings (document type, categories, …) in the front matter and move everything else into the body.',
  },
  frontMatterNotMapping: {
    ja: 'front matter は「キー: 値」のマッピングにしてください（document, category など）。',
    en: 'The front matter must be a mapping of keys to values (document, category, …).',
  },
  repeatedKey: {
    ja: '「{key}」が 2 回以上書かれています。最初のものだけを使います。1 つにしてください。',
    en: '"{key}" is given more than once; only the first is used. Keep only one.',
  },
  duplicateKey: {
    ja: '「{key}」と「{alias}」は同じ項目です。どちらか一方にしてください。',
    en: '"{key}" and "{alias}" are the same field; keep only one.',
  },
  unknownDocumentType: {
    ja: '不明な文書種別「{value}」です。使える値: {allowed}。',
    en: 'Unknown document type "{value}". Use one of: {allowed}.',
  },
  unknownCategorySuggest: {
    ja: '不明な業務分類「{value}」です。もしかして: {suggestions}',
    en: 'Unknown category "{value}". Did you mean: {suggestions}?',
  },
  unknownCategory: {
    ja: '不明な業務分類「{value}」です。使える値: {allowed}。',
    en: 'Unknown category "{value}". Use one of: {allowed}.',
  },
  missingCategory: {
    ja: '業務分類（category / 業務分類）がありません。必須条項を判定できません。例: category: [build]',
    en: 'The category (category / 業務分類) is missing, so required clauses cannot be determined. Example: category: [build]',
  },
  ambiguousCategory: {
    ja: '「{value}」は{label}として扱います。サービス形態（{forms}）を明記してください。',
    en: '"{value}" is read as {label}. Name the service form ({forms}).',
  },
  unknownKey: { ja: 'itaku が使わないキー「{key}」です。{hint}', en: '"{key}" is not a key itaku uses. {hint}' },
  unknownOption: { ja: '不明なオプション「{key}」です。{hint}', en: 'Unknown option "{key}". {hint}' },
  importantInformation: {
    ja: '重要な情報を取り扱う情報処理業務の外部委託は、原則として禁止されています（根拠: {basis}）。情報セキュリティ責任者の許可を得た例外の場合は、options.{approvalOption} に許可の記録を書いてください。',
    en: 'Outsourcing work that handles important information is prohibited in principle (basis: {basis}). If the information security officer approved an exception, record the approval in options.{approvalOption}.',
  },
  cloudRisks: {
    ja: '約款による情報処理サービスの留意事項（{basis}）のうち {count} 項目が本文で扱われていません: {shown}',
    en: '{count} of the cautions for services under standard terms ({basis}) are not addressed in the text: {shown}',
  },
  directiveDidYouMean: {
    ja: '「{suggestion}」の誤りではありませんか。',
    en: ' Did you mean "{suggestion}"?',
  },
  unknownDirectiveClause: {
    ja: 'itaku の指示にある条項 id「{id}」は、この文書種別の条項にありません。{hint}',
    en: 'The clause id "{id}" in this itaku comment is not a clause of this document type.{hint}',
  },
  waiverWithoutReason: {
    ja: '条項「{id}」の適用除外に理由がありません。<!-- itaku-disable missing-clause {id} 理由 --> の形で理由を書いてください（理由がない間は条項の不足として扱います）。',
    en: 'The waiver of "{id}" has no reason. Write it as <!-- itaku-disable missing-clause {id} reason --> (until then the clause counts as missing).',
  },
  unknownDirective: {
    ja: 'itaku の指示「{text}」を理解できません。使える形: <!-- itaku: clause <id> -->、<!-- itaku-disable missing-clause <id> 理由 -->、<!-- itaku-disable <code> -->',
    en: 'Cannot understand the itaku comment "{text}". Use <!-- itaku: clause <id> -->, <!-- itaku-disable missing-clause <id> reason --> or <!-- itaku-disable <code> -->.',
  },
  requiredClauses: { ja: '必須条項 {covered}/{required}', en: 'required clauses {covered}/{required}' },
  requiredClausesAtStart: { ja: '必須条項 {covered}/{required}', en: 'Required clauses {covered}/{required}' },
  clausesNotChecked: { ja: '必須条項を判定できません', en: 'clauses not checked' },
  clausesNotCheckedAtStart: { ja: '必須条項を判定できません', en: 'Clauses not checked' },
  fileTooLarge: {
    ja: 'ファイルが大きすぎるため分析しませんでした（{size} バイト、上限 {limit} バイト）。草案を複数のファイルに分けるか、設定 itaku.maxFileSize / --max-file-size で上限を上げてください。',
    en: 'The file was not analysed because it is too large ({size} bytes; the limit is {limit}). Split the draft into several files, or raise the limit with itaku.maxFileSize / --max-file-size.',
  },
  analysisLimited: {
    ja: 'ここから {length} 文字は、区切り（空行のあとの字下げのない行）のないまま {budget} 文字を超えるため、Markdown の構造を読まずにテキストとして確認しました。条項の語句とプレースホルダは見つけますが、見出しやリストは認識しません。空行で区切ると通常どおり確認します。',
    en: 'The {length} characters from here run past {budget} characters without a break (a blank line followed by an unindented line), so they were checked as plain text without reading Markdown structure: clause phrases and placeholders are found, headings and lists are not. Separate them with blank lines to have them checked normally.',
  },
  analysisStopped: {
    ja: 'この草案の解析が時間の上限（{seconds} 秒）を超えたため打ち切り、front matter より後をテキストとして確認しました。条項の語句とプレースホルダは見つけますが、見出しやリストは認識しません。ファイルを閉じて開き直すと通常の解析をやり直します。長い段落や入れ子を空行で区切ると速くなります。',
    en: 'Analysing this draft took longer than the time limit ({seconds} s), so it was stopped and everything after the front matter was checked as plain text: clause phrases and placeholders are found, headings and lists are not. Close and reopen the file to try the normal analysis again; separating long paragraphs and deep nesting with blank lines makes it faster.',
  },
  analysisStoppedCli: {
    ja: 'この草案の解析が時間の上限（{seconds} 秒）を超えたため打ち切り、front matter より後をテキストとして確認しました。条項の語句とプレースホルダは見つけますが、見出しやリストは認識しません。--time-budget で上限を上げると通常の解析をやり直せます。長い段落や入れ子を空行で区切ると速くなります。',
    en: 'Analysing this draft took longer than the time limit ({seconds} s), so it was stopped and everything after the front matter was checked as plain text: clause phrases and placeholders are found, headings and lists are not. Raise the limit with --time-budget to try the normal analysis again; separating long paragraphs and deep nesting with blank lines makes it faster.',
  },
  analysisOutOfMemory: {
    ja: 'この草案の解析がメモリの上限を超えたため打ち切り、front matter より後をテキストとして確認しました。条項の語句とプレースホルダは見つけますが、見出しやリストは認識しません。ファイルを閉じて開き直すと通常の解析をやり直します。草案を複数のファイルに分けると必要なメモリが減ります。',
    en: 'Analysing this draft needed more memory than its analysis may use, so it was stopped and everything after the front matter was checked as plain text: clause phrases and placeholders are found, headings and lists are not. Close and reopen the file to try the normal analysis again; splitting the draft into several files needs less memory.',
  },
  analysisOutOfMemoryCli: {
    ja: 'この草案の解析がメモリの上限を超えたため打ち切り、front matter より後をテキストとして確認しました。条項の語句とプレースホルダは見つけますが、見出しやリストは認識しません。草案を複数のファイルに分けると必要なメモリが減り、通常どおり確認します。',
    en: 'Analysing this draft needed more memory than its analysis may use, so it was stopped and everything after the front matter was checked as plain text: clause phrases and placeholders are found, headings and lists are not. Split the draft into several files to have it checked normally.',
  },
  analysisAbandoned: {
    ja: 'この草案は確認していません。解析がテキストとしての確認でもメモリか時間の上限を超え、解析のワーカーが 2 度止まったためです。草案を複数のファイルに分けてから開き直してください。',
    en: 'This draft was not checked: its analysis ran past the memory or time limit of its worker twice, the second time even as plain text. Split the draft into several files, then reopen it.',
  },
  labelWithId: { ja: '{label}（{id}）', en: '{label} ({id})' },
  tooManyFindings: {
    ja: '「{title}」（{code}）の指摘がほかに {more} 件あります。1 ファイルにつき同じ種類の指摘は {max} 件まで表示します。',
    en: '{more} more "{title}" ({code}) findings in this file are not shown: at most {max} of one kind are shown per file.',
  },
  internalError: {
    ja: 'itaku の内部エラーのため、このファイルを分析できませんでした（{detail}）。ほかのファイルの分析は続きます。不具合として報告してください。',
    en: 'itaku could not analyse this file because of an internal error ({detail}). Other files are still analysed. Please report this as a bug.',
  },
} as const satisfies Record<string, MessageEntry>;

type Args = Readonly<Record<string, string | number>>;
const say = (locale: Locale, key: keyof typeof FINDING_TEXTS, args: Args = {}) =>
  formatMessage(FINDING_TEXTS[key], locale, args);

/** At most `max` characters of a value quoted from a draft (whole code points), then …. */
export const shorten = (value: string, max: number) => {
  if (value.length <= max) return value;
  const chars = Array.from(value.slice(0, max * 2 + 2));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
};
const list = (locale: Locale, items: string[]) => items.join(say(locale, 'listSeparator'));
const q = (locale: Locale, text: string) => say(locale, 'quoted', { text });
const didYouMean = (locale: Locale, suggestion?: string) =>
  suggestion ? say(locale, 'didYouMean', { suggestion }) : '';

/** The YAML causes `yamlCauses.ts` names, to their sentences. */
const YAML_CAUSES: Record<string, keyof typeof FINDING_TEXTS> = {
  'full-width-colon': 'yamlFullWidthColon',
  tab: 'yamlTab',
  indent: 'yamlIndent',
  'unclosed-bracket': 'yamlUnclosedBracket',
  'unclosed-quote': 'yamlUnclosedQuote',
  'no-space-after-colon': 'yamlNoSpaceAfterColon',
};

/** The core's findings' messages: each computes its arguments and fills its FINDING_TEXTS entry. */
export const messages = {
  missingClause(locale: Locale, p: { title: string; row: string; reason: string; basis: string }): string {
    return say(locale, 'missingClause', p);
  },
  emptyClause(locale: Locale, p: { heading: string; title: string }): string {
    return say(locale, 'emptyClause', p);
  },
  reasonCategory(locale: Locale, label: string): string {
    return say(locale, 'reasonCategory', { label });
  },
  reasonOption(locale: Locale, option: string, value: string): string {
    return say(locale, 'reasonOption', { option, value });
  },
  unresolvedPlaceholder(locale: Locale, p: { text: string; label: string; fill?: string }): string {
    const hint = p.fill ? say(locale, 'placeholderFillWith', { fill: p.fill }) : say(locale, 'placeholderFillIn');
    const plain = p.text.includes(p.label.replace(/^[（(]|[）)]$/g, ''));
    return say(locale, plain ? 'unresolvedPlaceholderPlain' : 'unresolvedPlaceholder', {
      text: p.text,
      label: p.label,
      hint,
    });
  },
  unresolvedVariant(locale: Locale, marker: string): string {
    return say(locale, 'unresolvedVariant', { marker });
  },
  conflictingVariants(locale: Locale, p: { title: string; first: string; second: string }): string {
    return say(locale, 'conflictingVariants', {
      title: p.title,
      first: q(locale, p.first),
      second: q(locale, p.second),
    });
  },
  contradictsOption(
    locale: Locale,
    p: { title: string; text: string; option: string; value: string; valueLabel: string },
  ): string {
    return say(locale, 'contradictsOption', p);
  },
  conflictOther(locale: Locale): string {
    return say(locale, 'conflictOther');
  },
  frontMatterYaml(locale: Locale, detail: string): string {
    return say(locale, 'frontMatterYaml', { detail });
  },
  duplicateNumber(locale: Locale, label: string): string {
    return say(locale, 'duplicateNumber', { label });
  },
  duplicateNumberFirst(locale: Locale): string {
    return say(locale, 'duplicateNumberFirst');
  },
  numberGap(locale: Locale, previous: string, label: string): string {
    return say(locale, 'numberGap', { previous, label });
  },
  frontMatterYamlCause(locale: Locale, cause: string, char = ''): string {
    const close = { '[': ']', '{': '}', '"': '"', "'": "'" }[char] ?? '';
    const detail = say(locale, YAML_CAUSES[cause], { char, close });
    return say(locale, 'frontMatterYaml', { detail });
  },
  frontMatterUnclosed(locale: Locale): string {
    return say(locale, 'frontMatterUnclosed');
  },
  frontMatterTooManyAliases(locale: Locale, max: number): string {
    return say(locale, 'frontMatterYaml', { detail: say(locale, 'yamlTooManyAliases', { max }) });
  },
  frontMatterTooDeep(locale: Locale, limit: number): string {
    return say(locale, 'frontMatterTooDeep', { limit });
  },
  frontMatterTooLong(locale: Locale, length: number, limit: number): string {
    return say(locale, 'frontMatterTooLong', { length, limit });
  },
  frontMatterNotMapping(locale: Locale): string {
    return say(locale, 'frontMatterNotMapping');
  },
  repeatedKey(locale: Locale, key: string): string {
    return say(locale, 'repeatedKey', { key });
  },
  duplicateKey(locale: Locale, key: string, alias: string): string {
    return say(locale, 'duplicateKey', { key, alias });
  },
  unknownDocumentType(locale: Locale, value: string, allowed: string[]): string {
    // A value quoted from the draft is shortened: a 2-million-character value made a 6 MB report.
    return say(locale, 'unknownDocumentType', { value: shorten(value, 120), allowed: list(locale, allowed) });
  },
  unknownCategory(locale: Locale, value: string, suggestions: string[], allowed: string[]): string {
    return suggestions.length
      ? say(locale, 'unknownCategorySuggest', { value: shorten(value, 120), suggestions: list(locale, suggestions) })
      : say(locale, 'unknownCategory', { value: shorten(value, 120), allowed: list(locale, allowed) });
  },
  missingCategory(locale: Locale): string {
    return say(locale, 'missingCategory');
  },
  /** A catalog label with its id, 「オンサイト（operation-onsite）」. */
  labelWithId(locale: Locale, label: string, id: string): string {
    return say(locale, 'labelWithId', { label, id });
  },
  ambiguousCategory(locale: Locale, value: string, label: string, forms: string[]): string {
    return say(locale, 'ambiguousCategory', { value: shorten(value, 120), label, forms: list(locale, forms) });
  },
  unknownKey(locale: Locale, key: string, suggestion?: string): string {
    return say(locale, 'unknownKey', { key: shorten(key, 120), hint: didYouMean(locale, suggestion) }).trim();
  },
  unknownOption(locale: Locale, key: string, suggestion?: string): string {
    return say(locale, 'unknownOption', { key, hint: didYouMean(locale, suggestion) }).trim();
  },
  importantInformation(locale: Locale, basis: string, approvalOption: string): string {
    return say(locale, 'importantInformation', { basis, approvalOption });
  },
  cloudRisks(locale: Locale, basis: string, items: Array<{ id: number; short: string }>): string {
    const shown = list(
      locale,
      items.map((i) => `${i.id} ${i.short}`),
    );
    return say(locale, 'cloudRisks', { basis, count: items.length, shown });
  },
  unknownDirectiveClause(locale: Locale, id: string, suggestion?: string): string {
    const hint = suggestion ? say(locale, 'directiveDidYouMean', { suggestion }) : '';
    return say(locale, 'unknownDirectiveClause', { id: shorten(id, 60), hint });
  },
  waiverWithoutReason(locale: Locale, id: string): string {
    return say(locale, 'waiverWithoutReason', { id });
  },
  unknownDirective(locale: Locale, directive: string): string {
    // A long comment is quoted by its start only.
    return say(locale, 'unknownDirective', { text: shorten(directive.replace(/\s+/g, ' '), 60) });
  },
  /**
   * 「必須条項 6/8」: the required clauses present (or waived) of those required — the one place it
   * is built (the status bar, the coverage header, the CLI). `atStart` capitalises the English.
   */
  requiredClauses(locale: Locale, covered: number, required: number, atStart = false): string {
    return say(locale, atStart ? 'requiredClausesAtStart' : 'requiredClauses', { covered, required });
  },
  /** What stands for 「必須条項 x/y」 when nothing could be judged (the front matter is unusable). */
  clausesNotChecked(locale: Locale, atStart = false): string {
    return say(locale, atStart ? 'clausesNotCheckedAtStart' : 'clausesNotChecked');
  },
  fileTooLarge(locale: Locale, size: number, limit: number): string {
    return say(locale, 'fileTooLarge', { size, limit });
  },
  analysisLimited(locale: Locale, length: number, budget: number): string {
    return say(locale, 'analysisLimited', { length, budget });
  },
  analysisStopped(locale: Locale, seconds: number, cli = false): string {
    return say(locale, cli ? 'analysisStoppedCli' : 'analysisStopped', { seconds });
  },
  analysisAbandoned(locale: Locale): string {
    return say(locale, 'analysisAbandoned', {});
  },
  analysisOutOfMemory(locale: Locale, cli = false): string {
    return say(locale, cli ? 'analysisOutOfMemoryCli' : 'analysisOutOfMemory', {});
  },
  tooManyFindings(locale: Locale, code: string, title: MessageEntry, more: number, max: number): string {
    return say(locale, 'tooManyFindings', { title: title[locale], code, more, max });
  },
  internalError(locale: Locale, detail: string): string {
    return say(locale, 'internalError', { detail });
  },
} as const;
