// Every user-facing sentence of the CLI that the core does not write, in 日本語 and English: one
// table, one entry { ja, en } per sentence (a test checks both are there, with the same {names}).
// The core's sentences are in its own tables (server/src/core/messages.ts and the messages.ts of
// core/catalog, core/features and core/fixes).
import { formatMessage, type Locale, type MessageEntry } from '../core';

export const CLI_TEXTS = {
  skipBinary: {
    ja: 'バイナリファイルです（UTF-8 のテキストにしてください）',
    en: 'a binary file (save it as UTF-8 text)',
  },
  skipNotUtf8: {
    ja: 'UTF-8 ではありません（Shift_JIS などは UTF-8 で保存し直してください）',
    en: 'not UTF-8 (re-save Shift_JIS and other encodings as UTF-8)',
  },
  skipNotFound: { ja: '見つかりません', en: 'not found' },
  skipNotAFile: {
    ja: '通常のファイルではありません（デバイス・FIFO などは読みません）',
    en: 'not a regular file (devices and FIFOs are not read)',
  },
  skipPermissionDenied: { ja: '読む権限がありません', en: 'permission denied' },
  skipSymlinkLoop: { ja: 'シンボリックリンクが循環しています', en: 'a symbolic link loop' },
  skipBrokenSymlink: { ja: 'リンク先のないシンボリックリンクです', en: 'a broken symbolic link' },
  skipUnreadableFolder: { ja: 'フォルダを読めません', en: 'the folder cannot be read' },
  skipNotADraft: {
    ja: '草案ではありません（front matter に document がありません）',
    en: 'not a draft (no document in the front matter)',
  },
  skipIgnored: { ja: '.itaku.yaml の ignores で除外されています', en: 'ignored by the ignores of .itaku.yaml' },
  skipUnreadable: { ja: '読めません', en: 'cannot be read' },
  fixChangedSinceRead: {
    ja: 'itaku: {file} は読み込み後に変更されたため、修正しませんでした。',
    en: 'itaku: {file} changed after it was read; not fixed.',
  },
  fixOverBudget: {
    ja: 'itaku: {file} は修正の計算が時間の上限（{seconds} 秒）を超えたため、修正しませんでした（--time-budget で上限を上げられます）。',
    en: 'itaku: computing the fix of {file} took longer than the time limit ({seconds} s); not fixed (--time-budget raises the limit).',
  },
  fixOverMemory: {
    ja: 'itaku: {file} は修正の計算がメモリの上限を超えたため、修正しませんでした（草案を複数のファイルに分けると必要なメモリが減ります）。',
    en: 'itaku: computing the fix of {file} needed more memory than its analysis may use; not fixed (splitting the draft into several files needs less memory).',
  },
  fixUnreadable: { ja: 'itaku: {file} を修正できません: {message}', en: 'itaku: cannot fix {file}: {message}' },
  fixDryRun: {
    ja: 'itaku: {files} 件のファイルに {clauses} 件の条項を挿入できます（--fix-dry-run: 変更していません）。',
    en: 'itaku: {clauses} clause(s) can be inserted in {files} file(s) (--fix-dry-run: nothing changed).',
  },
  fixDone: {
    ja: 'itaku: {files} 件のファイルに {clauses} 件の条項を挿入しました。',
    en: 'itaku: inserted {clauses} clause(s) in {files} file(s).',
  },
  noProblems: { ja: '指摘はありません', en: 'no problems' },
  skippedCount: { ja: '  対象外 {count} 件:', en: '  {count} file(s) skipped:' },
  // cli.ts: the help, usage errors, and what a run says on standard error.
  usage: {
    ja: `使い方: itaku check [パス…] [オプション]
        itaku report [パス…] [--format html|md|csv] [-o ファイル] [--locale ja|en]
        itaku export 草案.md --format docx [-o ファイル]

check は調達仕様書・契約書の草案（front matter に document を持つ Markdown、または Word 文書 .docx）を確認します。
report は草案ごとの条項カバレッジ（要否・根拠・状況・根拠となる記述・適用除外の理由）の表を出力します。
export は Markdown の草案を Word 文書に書き出します（既定の出力: 同じ名前の .docx）。
パスはファイルまたはフォルダ（*.md と *.docx を再帰的に探します）。既定は "."。

オプション:
  --format <stylish|json|sarif>  出力形式（既定: stylish）
  --catalog <ファイル>           条項カタログ（既定: .itaku.yaml の catalog、なければ組み込みの nisc-2011）
  --no-config                    .itaku.yaml を探さない
  --locale <ja|en>               メッセージの言語（既定: ja）
  --max-file-size <バイト>       これより大きいファイルは分析しない（既定: {maxFileSize}）
  --max-warnings <数>            警告がこの数を超えたら終了コード 1（指定すると警告の数だけで判定）
  --quiet                        エラーだけを表示する（警告は終了コードにも数えない）
  --exit-zero                    指摘があっても終了コード 0
  --fix                          不足している必須条項を挿入して保存し、残る指摘を表示（挿入のみ）
  --fix-dry-run                  --fix で行う変更を unified diff で表示（ファイルは変更しない）
  --jobs <数>                    並列に処理するスレッド数（既定: CPU コア数）
  --time-budget <秒>             1 ファイルの解析時間の上限（1 MB ごと、既定: 10、0 で無制限）。超えた
                                 ファイルはテキストとして確認し、analysis-limited で知らせる
  --document <文書種別>          Word 文書の文書種別（文書のプロパティにないとき）
  --category <業務分類>          Word 文書の業務分類（同上。カンマ区切りか、繰り返して複数）
  -o, --output <ファイル>        export の出力先

report のオプション（--catalog・--no-config・--locale・--max-file-size・--jobs・--time-budget も使えます）:
  --format <html|md|csv>         html: 印刷できる 1 ファイル（A4 横）、md: プルリクエスト用の表、
                                 csv: 草案×条項ごとに 1 行（BOM 付き UTF-8）。既定: html
  -o, --output <ファイル>        標準出力ではなくファイルに書く

  -h, --help                     この説明
  -v, --version                  バージョン

終了コード: 0 警告以上の指摘なし、1 警告以上の指摘・確認できないファイル・確認した草案なし、2 使い方かカタログの誤り
report: 0 出力した、1 確認できないファイル・書けない出力先・草案なし、2 使い方かカタログの誤り`,
    en: `Usage: itaku check [paths…] [options]
       itaku report [paths…] [--format html|md|csv] [-o file] [--locale ja|en]
       itaku export draft.md --format docx [-o file]

check checks outsourcing drafts (Markdown whose front matter has a document key, or Word documents, .docx).
report writes each draft's clause coverage (requirement, basis, status, evidence, waiver reasons).
export writes a Markdown draft as a Word document (default output: the same name with .docx).
Paths are files or folders (searched recursively for *.md and *.docx); default ".".

Options:
  --format <stylish|json|sarif>  output format (default: stylish)
  --catalog <file>               clause catalog (default: the catalog of .itaku.yaml, else the built-in nisc-2011)
  --no-config                    do not look for .itaku.yaml
  --locale <ja|en>               message language (default: ja)
  --max-file-size <bytes>        files larger than this are not analysed (default: {maxFileSize})
  --max-warnings <n>             exit 1 when there are more than n warnings (warnings then count only by number)
  --quiet                        report errors only (warnings do not fail the run either)
  --exit-zero                    exit 0 even when there are findings
  --fix                          insert the missing required clauses, save, then report what remains (insert-only)
  --fix-dry-run                  print the changes --fix would make as a unified diff (no file changes)
  --jobs <n>                     threads checking files in parallel (default: CPU cores)
  --time-budget <s>              time limit for one file's analysis, per started MB (default: 10; 0: none);
                                 a file over it is checked as plain text and reported by analysis-limited
  --document <type>              document type of Word documents that have no such property
  --category <category>          category of Word documents (likewise; comma-separated or repeated)
  -o, --output <file>            where export writes

report options (--catalog, --no-config, --locale, --max-file-size, --jobs and --time-budget work too):
  --format <html|md|csv>         html: one printable file (A4 landscape), md: tables for a pull request,
                                 csv: one row per draft and clause (UTF-8 with a BOM). Default: html
  -o, --output <file>            write to this file instead of standard output

  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 no warning or error, 1 warnings or errors found, a file could not be checked, or no draft was checked; 2 usage or catalog error
report: 0 written, 1 a file could not be checked or written, or no draft found; 2 usage or catalog error`,
  },
  usageHint: { ja: '（itaku --help で使い方を表示します）', en: '(itaku --help shows the usage)' },
  unknownOptionGuess: {
    ja: '不明なオプション「{option}」です。「--{guess}」のことですか？',
    en: 'unknown option "{option}"; did you mean "--{guess}"?',
  },
  unknownOption: {
    ja: '不明なオプション「{option}」です（itaku --help で一覧を表示します）。',
    en: 'unknown option "{option}" (itaku --help lists the options)',
  },
  optionNeedsValue: { ja: '「{option}」には値が必要です。', en: '{option} needs a value' },
  optionTakesNoValue: { ja: '「{option}」は値を取りません。', en: '{option} takes no value' },
  badLocale: {
    ja: '--locale には ja か en を指定してください（指定: "{value}"）。',
    en: '--locale must be ja or en (got "{value}")',
  },
  badExportFormat: {
    ja: 'export の --format には docx を指定してください（指定: "{value}"）。',
    en: 'export --format must be docx (got "{value}")',
  },
  badFormat: {
    ja: '--format には {formats} のいずれかを指定してください（指定: "{value}"）。',
    en: '--format must be {formats} (got "{value}")',
  },
  choiceSeparator: { ja: '・', en: ', ' },
  lastChoiceSeparator: { ja: '・', en: ' or ' },
  optionNotFor: { ja: '「--{name}」は {command} では使えません。', en: '--{name} does not apply to {command}' },
  badCount: {
    ja: '--{name} には{what}を指定してください（指定: "{value}"）。',
    en: '--{name} must be {what} (got "{value}")',
  },
  countBytes: { ja: '1 以上のバイト数', en: 'a positive number of bytes' },
  countWholeNumber: { ja: '0 以上の整数', en: 'a whole number (0 or more)' },
  countPositive: { ja: '1 以上の整数', en: 'a positive integer' },
  unknownCommand: {
    ja: '不明なコマンド「{command}」です（使えるのは check、report と export）。',
    en: 'unknown command "{command}" (use check, report or export)',
  },
  exportOneDraft: { ja: 'export には草案を 1 つ指定してください。', en: 'export takes exactly one draft' },
  noSuchPath: { ja: 'itaku: パスがありません: {path}', en: 'itaku: no such file or folder: {path}' },
  tooManyWarnings: {
    ja: 'itaku: 警告が多すぎます（{count} 件、上限 {max} 件）。',
    en: 'itaku: too many warnings ({count}; the maximum is {max}).',
  },
  noDraftChecked: {
    ja: 'itaku: 確認した草案がありません（パスと front matter の document を確かめてください）。',
    en: 'itaku: no draft was checked (check the paths, and the document key in the front matter).',
  },
  catalogUnreadable: {
    ja: 'itaku: カタログ {name} を読めません: {reason}。',
    en: 'itaku: cannot read the catalog {name}: {reason}.',
  },
  catalogInvalid: { ja: 'itaku: カタログ {name} が不正です:', en: 'itaku: the catalog {name} is invalid:' },
  configUnreadable: {
    ja: 'itaku: 設定ファイル {file} を読めません: {reason}。',
    en: 'itaku: cannot read the configuration {file}: {reason}.',
  },
  configInvalid: { ja: 'itaku: 設定ファイル {file} が不正です:', en: 'itaku: the configuration {file} is invalid:' },
  internalError: {
    ja: 'itaku: 内部エラーです（itaku の不具合）: {message}',
    en: 'itaku: internal error (an itaku defect): {message}',
  },
  // export.ts and reportCommand.ts.
  exportTooLarge: { ja: '{max} バイトを超えています', en: 'larger than {max} bytes' },
  exportFailed: { ja: 'itaku: {file} を書き出せません: {reason}。', en: 'itaku: cannot export {file}: {reason}.' },
  exportBrokenYaml: {
    ja: 'itaku: {file} を書き出せません: front matter の YAML が壊れています（文書のプロパティにできません）。itaku check で場所を確かめて直してください。',
    en: 'itaku: cannot export {file}: its front-matter YAML is broken (it cannot become document properties). Run itaku check to find it.',
  },
  cannotWrite: { ja: 'itaku: {file} に書き込めません: {message}', en: 'itaku: cannot write {file}: {message}' },
  exported: { ja: 'itaku: {file} に書き出しました。', en: 'itaku: wrote {file}.' },
  noDraftFound: {
    ja: 'itaku: 草案がありません（パスと front matter の document を確かめてください）。',
    en: 'itaku: no draft found (check the paths, and the document key in the front matter).',
  },
  // format/stylish.ts: severities, the summary line (English counts take their plural), what was not checked.
  severityError: { ja: 'エラー', en: 'error' },
  severityWarning: { ja: '警告', en: 'warning' },
  severityInformation: { ja: '情報', en: 'info' },
  severityHint: { ja: 'ヒント', en: 'hint' },
  checkSummary: {
    ja: '{drafts} 件の草案を確認: 指摘 {problems} 件（エラー {errors}、警告 {warnings}、情報 {infos}）',
    en: '{drafts} checked: {problems} ({errors}, {warnings}, {infos} info)',
  },
  draftsOne: { ja: '{count}', en: '{count} draft' },
  draftsMany: { ja: '{count}', en: '{count} drafts' },
  problemsOne: { ja: '{count}', en: '{count} problem' },
  problemsMany: { ja: '{count}', en: '{count} problems' },
  errorsOne: { ja: '{count}', en: '{count} error' },
  errorsMany: { ja: '{count}', en: '{count} errors' },
  warningsOne: { ja: '{count}', en: '{count} warning' },
  warningsMany: { ja: '{count}', en: '{count} warnings' },
  failedCount: {
    ja: '  確認できなかったファイル {count} 件（エラー）:',
    en: '  {count} file(s) could not be checked (errors):',
  },
  noDraftHint: {
    ja: '  確認した草案がありません。パスが正しいか、front matter に document があるかを確かめてください。',
    en: '  No draft was checked: check the paths, and that the drafts have a document key in their front matter.',
  },
  // format/reportMarkdown.ts: a folder table's cell.
  markWithLevel: { ja: '{mark}（{level}）', en: '{mark} ({level})' },
} as const satisfies Record<string, MessageEntry>;

export type CliTextKey = keyof typeof CLI_TEXTS;

/** The sentence `key` in `locale`, each `{name}` replaced by `args[name]`. */
export function cliText(locale: Locale, key: CliTextKey, args: Record<string, string | number> = {}): string {
  return formatMessage(CLI_TEXTS[key], locale, args);
}

/** `count` with its noun: the `one` entry for 1, else `many` (in 日本語 the number alone). */
export function cliCount(locale: Locale, count: number, one: CliTextKey, many: CliTextKey): string {
  return cliText(locale, count === 1 ? one : many, { count });
}

/** `a・b・c` / `a, b or c`: the choices a usage error names. */
export function cliChoices(locale: Locale, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return (
    items.slice(0, -1).join(cliText(locale, 'choiceSeparator')) +
    cliText(locale, 'lastChoiceSeparator') +
    items[items.length - 1]
  );
}
