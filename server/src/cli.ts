// itaku CLI: runs the same checks as the language server over files, for CI.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { builtinCatalog } from './builtinCatalog';
import { DEFAULT_MAX_FILE_SIZE } from './protocol';
import { type Catalog, type CatalogProblem, closestValues, type Locale, resolveLocale } from './core';
import { loadCatalogFile } from './io/catalogFiles';
import { ProjectConfigs } from './io/projectConfig';
import { colorEnabled } from './cli/color';
import { escapeForTerminal } from './cli/escape';
import { checkAnyFile, checkInParallel, collect, type CheckJob, type Outcome, type WorkerData } from './cli/check';
import { collectMarkdownFiles } from './cli/files';
import { exportDraft } from './cli/export';
import { isWordFile } from './cli/word';
import { fixFiles, fixSummary } from './cli/fix';
import { formatJson } from './cli/format/json';
import { formatSarif } from './cli/format/sarif';
import { formatStylish } from './cli/format/stylish';
import { counts, skipped, type RunReport } from './cli/report';
import { writeReport, type ReportFormat } from './cli/reportCommand';

declare const ITAKU_VERSION: string;
const VERSION = typeof ITAKU_VERSION === 'string' ? ITAKU_VERSION : '0.0.0-dev';

const USAGE = {
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
  --max-file-size <バイト>       これより大きいファイルは分析しない（既定: ${DEFAULT_MAX_FILE_SIZE}）
  --max-warnings <数>            警告がこの数を超えたら終了コード 1（指定すると警告の数だけで判定）
  --quiet                        エラーだけを表示する（警告は終了コードにも数えない）
  --exit-zero                    指摘があっても終了コード 0
  --fix                          不足している必須条項を挿入して保存し、残る指摘を表示（挿入のみ）
  --fix-dry-run                  --fix で行う変更を unified diff で表示（ファイルは変更しない）
  --jobs <数>                    並列に処理するスレッド数（既定: CPU コア数）
  --document <文書種別>          Word 文書の文書種別（文書のプロパティにないとき）
  --category <業務分類>          Word 文書の業務分類（同上。カンマ区切りか、繰り返して複数）
  -o, --output <ファイル>        export の出力先

report のオプション（--catalog・--no-config・--locale・--max-file-size・--jobs も使えます）:
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
  --max-file-size <bytes>        files larger than this are not analysed (default: ${DEFAULT_MAX_FILE_SIZE})
  --max-warnings <n>             exit 1 when there are more than n warnings (warnings then count only by number)
  --quiet                        report errors only (warnings do not fail the run either)
  --exit-zero                    exit 0 even when there are findings
  --fix                          insert the missing required clauses, save, then report what remains (insert-only)
  --fix-dry-run                  print the changes --fix would make as a unified diff (no file changes)
  --jobs <n>                     threads checking files in parallel (default: CPU cores)
  --document <type>              document type of Word documents that have no such property
  --category <category>          category of Word documents (likewise; comma-separated or repeated)
  -o, --output <file>            where export writes

report options (--catalog, --no-config, --locale, --max-file-size and --jobs work too):
  --format <html|md|csv>         html: one printable file (A4 landscape), md: tables for a pull request,
                                 csv: one row per draft and clause (UTF-8 with a BOM). Default: html
  -o, --output <file>            write to this file instead of standard output

  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 no warning or error, 1 warnings or errors found, a file could not be checked, or no draft was checked; 2 usage or catalog error
report: 0 written, 1 a file could not be checked or written, or no draft found; 2 usage or catalog error`,
};

/** The options of `itaku check`: one table, read by the parser, the validation and "did you mean". */
const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  catalog: { type: 'string' },
  'no-config': { type: 'boolean', default: false },
  locale: { type: 'string' },
  'max-file-size': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'exit-zero': { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
  'fix-dry-run': { type: 'boolean', default: false },
  jobs: { type: 'string' },
  document: { type: 'string' },
  category: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

const CHECK_FORMATS = ['stylish', 'json', 'sarif'];
const REPORT_FORMATS = ['html', 'md', 'csv'];
const CHECK_ONLY = ['quiet', 'exit-zero', 'fix', 'fix-dry-run', 'max-warnings'] as const;
const REPORT_ONLY = ['output'] as const;

class UsageError extends Error {}

const say = (locale: Locale, ja: string, en: string) => (locale === 'ja' ? ja : en);

/** The message language, read before anything can fail: `--locale`, then ITAKU_LOCALE, then ja. */
function localeOf(argv: string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const m = /^--locale(?:=(.*))?$/.exec(argv[i]);
    if (m) {
      const value = m[1] ?? argv[i + 1];
      if (value && /^(ja|en)\b/i.test(value)) return resolveLocale(value);
    }
  }
  return resolveLocale(process.env.ITAKU_LOCALE);
}

/** Parses and checks the command line; every problem is a UsageError in the user's language. */
function parseCommandLine(argv: string[], locale: Locale) {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: OPTIONS,
  });
  const names = Object.keys(OPTIONS);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name as keyof typeof OPTIONS] : undefined;
    const shown = escapeForTerminal(token.rawName);
    if (!spec) {
      const [guess] = closestValues(token.name, names, 1);
      throw new UsageError(
        guess
          ? say(
              locale,
              `不明なオプション「${shown}」です。「--${guess}」のことですか？`,
              `unknown option "${shown}"; did you mean "--${guess}"?`,
            )
          : say(
              locale,
              `不明なオプション「${shown}」です（itaku --help で一覧を表示します）。`,
              `unknown option "${shown}" (itaku --help lists the options)`,
            ),
      );
    }
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))))
      throw new UsageError(say(locale, `「${shown}」には値が必要です。`, `${shown} needs a value`));
    if (spec.type === 'boolean' && token.value !== undefined)
      throw new UsageError(say(locale, `「${shown}」は値を取りません。`, `${shown} takes no value`));
  }
  const str = (name: keyof typeof OPTIONS) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const bool = (name: keyof typeof OPTIONS) => values[name] === true;
  const locale_ = str('locale');
  if (locale_ !== undefined && !/^(ja|en)\b/i.test(locale_))
    throw new UsageError(
      say(
        locale,
        `--locale には ja か en を指定してください（指定: "${escapeForTerminal(locale_)}"）。`,
        `--locale must be ja or en (got "${escapeForTerminal(locale_)}")`,
      ),
    );
  const report = positionals[0] === 'report';
  const format = str('format') ?? (report ? 'html' : 'stylish');
  const formats = report ? REPORT_FORMATS : CHECK_FORMATS;
  if (positionals[0] === 'export') {
    if (values.format !== undefined && format !== 'docx' && format !== 'stylish')
      throw new UsageError(
        say(
          locale,
          `export の --format には docx を指定してください（指定: "${escapeForTerminal(format)}"）。`,
          `export --format must be docx (got "${escapeForTerminal(format)}")`,
        ),
      );
  } else if (!formats.includes(format))
    throw new UsageError(
      say(
        locale,
        `--format には ${formats.join('・')} のいずれかを指定してください（指定: "${escapeForTerminal(format)}"）。`,
        `--format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]} (got "${escapeForTerminal(format)}")`,
      ),
    );
  // Options of one command only: a report is not a gate, and check writes to standard output.
  const exporting = positionals[0] === 'export';
  for (const name of report ? CHECK_ONLY : exporting ? [] : REPORT_ONLY)
    if (values[name] !== undefined && values[name] !== false)
      throw new UsageError(
        say(
          locale,
          `「--${name}」は ${report ? 'report' : 'check'} では使えません。`,
          `--${name} does not apply to ${report ? 'report' : 'check'}`,
        ),
      );
  const count = (name: keyof typeof OPTIONS, min: number, what: { ja: string; en: string }) => {
    const raw = str(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min)
      throw new UsageError(
        say(
          locale,
          `--${name} には${what.ja}を指定してください（指定: "${escapeForTerminal(raw)}"）。`,
          `--${name} must be ${what.en} (got "${escapeForTerminal(raw)}")`,
        ),
      );
    return n;
  };
  return {
    format,
    catalog: str('catalog'),
    output: str('output'),
    locale: locale_,
    noConfig: bool('no-config'),
    maxSize:
      count('max-file-size', 1, { ja: '1 以上のバイト数', en: 'a positive number of bytes' }) ?? DEFAULT_MAX_FILE_SIZE,
    maxWarnings: count('max-warnings', 0, { ja: '0 以上の整数', en: 'a whole number (0 or more)' }),
    jobs: count('jobs', 1, { ja: '1 以上の整数', en: 'a positive integer' }),
    quiet: bool('quiet'),
    exitZero: bool('exit-zero'),
    fix: bool('fix'),
    fixDryRun: bool('fix-dry-run'),
    document: str('document'),
    category: ((values.category as string[] | undefined) ?? [])
      .flatMap((c) => c.split(/[,、，]/))
      .map((c) => c.trim())
      .filter(Boolean),
    help: bool('help'),
    version: bool('version'),
    positionals,
  };
}

async function main(argv: string[]): Promise<number> {
  const locale = localeOf(argv);
  const options = parseCommandLine(argv, locale);
  if (options.version) {
    write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = options.positionals;
  if (options.help || !command) {
    write(USAGE[locale] + '\n');
    return options.help ? 0 : 2;
  }
  if (command !== 'check' && command !== 'report' && command !== 'export') {
    const shown = escapeForTerminal(command);
    throw new UsageError(
      say(
        locale,
        `不明なコマンド「${shown}」です（使えるのは check、report と export）。`,
        `unknown command "${shown}" (use check, report or export)`,
      ),
    );
  }
  const catalogs = new CatalogFiles(locale);
  const explicitCatalog = options.catalog ? path.resolve(options.catalog) : undefined;
  if (explicitCatalog && !catalogs.load(explicitCatalog, options.catalog!)) return 2;
  if (command === 'export') {
    if (paths.length !== 1)
      throw new UsageError(say(locale, 'export には草案を 1 つ指定してください。', 'export takes exactly one draft'));
    return exportDraft(paths[0], options.output, catalogs.get(explicitCatalog), locale, options.maxSize);
  }

  const { files, missing, skipped: walkSkips } = await collectMarkdownFiles(paths.length ? paths : ['.']);
  if (missing.length) {
    for (const m of missing)
      process.stderr.write(
        say(
          locale,
          `itaku: パスがありません: ${escapeForTerminal(m)}\n`,
          `itaku: no such file or folder: ${escapeForTerminal(m)}\n`,
        ),
      );
    return 2;
  }
  const planned = planJobs(files, paths, options, locale, explicitCatalog, catalogs);
  if (!planned) return 2;
  const { jobs, ignored } = planned;
  const catalogByShown = new Map(jobs.map((j) => [j.shown, j.catalogFile]));
  if (command === 'report') {
    const report = await checkFiles(jobs, catalogs, options.jobs);
    report.skipped.unshift(...ignored.map((file) => skipped(shownPath(file), 'ignored')));
    report.skipped.unshift(...walkSkips.map((w) => skipped(shownPath(w.path), w.reason)));
    return writeReport(
      report,
      (shown) => catalogs.get(catalogByShown.get(shown)),
      catalogs.get(explicitCatalog),
      locale,
      options.format as ReportFormat,
      options.output,
      `itaku ${VERSION}`,
    );
  }
  if (options.fix || options.fixDryRun) {
    // The server's fix-all, written into the files (insert-only, atomic); a dry run prints the diff.
    // Word documents are checked, never changed.
    const results = fixFiles(
      jobs
        .filter((j) => !isWordFile(j.file))
        .map((j) => ({
          file: j.file,
          shown: j.shown,
          catalog: catalogs.get(j.catalogFile),
          locale: j.settings.locale,
          defaults: j.settings.defaults,
        })),
      options.maxSize,
      options.fixDryRun,
    );
    if (options.fixDryRun) write(results.map((r) => r.diff ?? '').join(''));
    process.stderr.write(fixSummary(results, locale, options.fixDryRun));
    if (options.fixDryRun) return 0;
  }
  const report = await checkFiles(jobs, catalogs, options.jobs);
  report.skipped.unshift(...ignored.map((file) => skipped(shownPath(file), 'ignored')));
  report.skipped.unshift(...walkSkips.map((w) => skipped(shownPath(w.path), w.reason)));
  const c = counts(report);
  if (options.quiet) for (const f of report.files) f.diagnostics = f.diagnostics.filter((d) => d.severity === 'error');
  const output =
    options.format === 'json'
      ? formatJson(report)
      : options.format === 'sarif'
        ? formatSarif(report, VERSION, locale)
        : formatStylish(
            report,
            (shown) => catalogs.get(catalogByShown.get(shown)),
            locale,
            colorEnabled(process.stdout),
          );
  const tooManyWarnings = options.maxWarnings !== undefined && c.warning > options.maxWarnings;
  const failed =
    c.error > 0 ||
    c.skippedErrors > 0 ||
    report.files.length === 0 ||
    tooManyWarnings ||
    (options.maxWarnings === undefined && !options.quiet && c.warning > 0);
  const code = options.exitZero ? 0 : failed ? 1 : 0;
  process.exitCode = code;
  write(output);
  if (tooManyWarnings)
    process.stderr.write(
      say(
        locale,
        `itaku: 警告が多すぎます（${c.warning} 件、上限 ${options.maxWarnings} 件）。\n`,
        `itaku: too many warnings (${c.warning}; the maximum is ${options.maxWarnings}).\n`,
      ),
    );
  if (report.files.length === 0)
    process.stderr.write(
      say(
        locale,
        'itaku: 確認した草案がありません（パスと front matter の document を確かめてください）。\n',
        'itaku: no draft was checked (check the paths, and the document key in the front matter).\n',
      ),
    );
  return code;
}

const shownPath = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/') || file;

/** Writes to stdout; a reader that closed the pipe (`| head`) ends the run quietly. */
function write(text: string): void {
  process.stdout.write(text);
}
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/** Catalog files loaded once each (undefined: the built-in catalog); problems go to stderr. */
class CatalogFiles {
  private readonly loaded = new Map<string, Catalog>();
  constructor(private readonly locale: Locale) {}

  get(file: string | undefined): Catalog {
    return (file && this.loaded.get(file)) || builtinCatalog();
  }

  /** Loads `file` (shown as `shown`); false after reporting why it cannot be used. */
  load(file: string, shown: string): boolean {
    if (this.loaded.has(file)) return true;
    const locale = this.locale;
    const name = escapeForTerminal(shown);
    const result = loadCatalogFile(file, builtinCatalog, locale);
    if (!result.read) {
      process.stderr.write(
        say(
          locale,
          `itaku: カタログ ${name} を読めません: ${result.message}。\n`,
          `itaku: cannot read the catalog ${name}: ${result.message}.\n`,
        ),
      );
      return false;
    }
    if (result.ok) {
      this.loaded.set(file, result.catalog);
      return true;
    }
    process.stderr.write(
      say(locale, `itaku: カタログ ${name} が不正です:\n`, `itaku: the catalog ${name} is invalid:\n`),
    );
    printProblems(result.problems, name);
    return false;
  }
}

/** `file:line:column: message` for each problem (in the file named, or in `shown`). */
function printProblems(problems: CatalogProblem[], shown: string): void {
  for (const p of problems)
    process.stderr.write(
      `${p.file ? escapeForTerminal(shownPath(p.file)) : shown}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${escapeForTerminal(p.message)}\n`,
    );
}

/**
 * Each file with its settings: the nearest .itaku.yaml (unless --no-config), then the command
 * line (--catalog and --locale win). Files its `ignores` match are left out (listed when named on
 * the command line). Undefined after reporting an invalid configuration or catalog (exit 2).
 */
function planJobs(
  files: string[],
  inputs: string[],
  options: ReturnType<typeof parseCommandLine>,
  locale: Locale,
  explicitCatalog: string | undefined,
  catalogs: CatalogFiles,
): { jobs: CheckJob[]; ignored: string[] } | undefined {
  const configs = new ProjectConfigs();
  const named = new Set(inputs.map((p) => path.resolve(p)));
  const jobs: CheckJob[] = [];
  const ignored: string[] = [];
  const broken = new Map<string, CatalogProblem[]>();
  for (const file of files) {
    const absolute = path.resolve(file);
    const config = options.noConfig ? {} : configs.forDraft(absolute, locale);
    if (config.problems) {
      broken.set(config.file!, config.problems);
      continue;
    }
    const s = config.settings;
    if (s?.ignored) {
      if (named.has(absolute)) ignored.push(file);
      continue;
    }
    const catalogFile = explicitCatalog ?? config.catalogFile;
    if (catalogFile && !catalogs.load(catalogFile, shownPath(catalogFile))) return undefined;
    jobs.push({
      file,
      shown: shownPath(file),
      catalogFile,
      settings: {
        locale: options.locale ? locale : (s?.locale ?? locale),
        maxSize: options.maxSize,
        severity: s?.severity ?? {},
        defaults: s?.defaults,
        ...(config.file ? { configFile: shownPath(config.file) } : {}),
        word: { document: options.document, category: options.category },
      },
    });
  }
  if (broken.size) {
    for (const [file, problems] of broken) {
      const shown = escapeForTerminal(shownPath(file));
      process.stderr.write(
        say(locale, `itaku: 設定ファイル ${shown} が不正です:\n`, `itaku: the configuration ${shown} is invalid:\n`),
      );
      printProblems(problems, shown);
    }
    return undefined;
  }
  return { jobs, ignored };
}

async function checkFiles(files: CheckJob[], catalogs: CatalogFiles, jobs?: number): Promise<RunReport> {
  const progress = process.stderr.isTTY && files.length > 50;
  const report = (done: number) => {
    if (progress && (done % 20 === 0 || done === files.length))
      process.stderr.write(`\ritaku: ${done}/${files.length}`);
  };
  const catalogOf = (job: CheckJob) => catalogs.get(job.catalogFile);
  let outcomes = await checkInParallel(__filename, files, { itakuWorker: true }, catalogOf, report, jobs);
  if (!outcomes) {
    outcomes = [];
    for (const f of files) {
      outcomes.push(await checkAnyFile(f.file, f.shown, catalogOf(f), f.settings));
      report(outcomes.length);
    }
  }
  if (progress) process.stderr.write('\r\u001b[K');
  return collect(outcomes);
}

/** A worker thread of `checkInParallel`: loads each catalog file once, then checks batches of files. */
function runWorker(): void {
  const catalogs = new Map<string, Catalog>();
  const catalogOf = (job: CheckJob) => {
    if (!job.catalogFile) return builtinCatalog();
    let catalog = catalogs.get(job.catalogFile);
    if (!catalog) {
      const loaded = loadCatalogFile(job.catalogFile, builtinCatalog, job.settings.locale);
      if (!loaded.read || !loaded.ok) throw new Error('the catalog became invalid');
      catalogs.set(job.catalogFile, (catalog = loaded.catalog));
    }
    return catalog;
  };
  // Batches are answered in order: each waits for the one before (a Word document is read asynchronously).
  let queue = Promise.resolve();
  parentPort!.on('message', (m: { from: number; files: CheckJob[] }) => {
    queue = queue.then(async () => {
      const outcomes: Outcome[] = [];
      for (const f of m.files) outcomes.push(await checkAnyFile(f.file, f.shown, catalogOf(f), f.settings));
      parentPort!.postMessage({ from: m.from, outcomes });
    });
  });
}

if (!isMainThread && (workerData as WorkerData | undefined)?.itakuWorker) runWorker();
else
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      const locale = localeOf(process.argv.slice(2));
      if (e instanceof UsageError) {
        process.stderr.write(
          `itaku: ${e.message}\n${say(locale, '（itaku --help で使い方を表示します）', '(itaku --help shows the usage)')}\n`,
        );
      } else {
        // An itaku defect: one sentence; the stack only when asked for (ITAKU_DEBUG=1).
        process.stderr.write(
          say(
            locale,
            `itaku: 内部エラーです（itaku の不具合）: ${escapeForTerminal(String((e as Error)?.message ?? e))}\n`,
            `itaku: internal error (an itaku defect): ${escapeForTerminal(String((e as Error)?.message ?? e))}\n`,
          ),
        );
        if (process.env.ITAKU_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
      }
      process.exitCode = 2;
    },
  );
