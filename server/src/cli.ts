// itaku CLI: runs the same checks as the language server over files, for CI.
import * as os from 'node:os';
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
import { checkAnyFile, collect, type CheckJob, type Outcome, type WorkerData, type WorkerMessage } from './cli/check';
import { collectMarkdownFiles } from './cli/files';
import { exportDraft } from './cli/export';
import { isWordFile } from './cli/word';
import { fixFiles, fixSummary, type FixPlan, type FixResult, planFix } from './cli/fix';
import { checkWithBudget, fixWithBudget, type PoolTask } from './cli/pool';
import { formatJson } from './cli/format/json';
import { formatSarif } from './cli/format/sarif';
import { formatStylish } from './cli/format/stylish';
import { counts, skipped, type RunReport } from './cli/report';
import { writeReport, type ReportFormat } from './cli/reportCommand';
import { cliChoices, cliText as say } from './cli/messages';

declare const ITAKU_VERSION: string;
const VERSION = typeof ITAKU_VERSION === 'string' ? ITAKU_VERSION : '0.0.0-dev';

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
  'time-budget': { type: 'string' },
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
          ? say(locale, 'unknownOptionGuess', { option: shown, guess })
          : say(locale, 'unknownOption', { option: shown }),
      );
    }
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))))
      throw new UsageError(say(locale, 'optionNeedsValue', { option: shown }));
    if (spec.type === 'boolean' && token.value !== undefined)
      throw new UsageError(say(locale, 'optionTakesNoValue', { option: shown }));
  }
  const str = (name: keyof typeof OPTIONS) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const bool = (name: keyof typeof OPTIONS) => values[name] === true;
  const locale_ = str('locale');
  if (locale_ !== undefined && !/^(ja|en)\b/i.test(locale_))
    throw new UsageError(say(locale, 'badLocale', { value: escapeForTerminal(locale_) }));
  const report = positionals[0] === 'report';
  const format = str('format') ?? (report ? 'html' : 'stylish');
  const formats = report ? REPORT_FORMATS : CHECK_FORMATS;
  if (positionals[0] === 'export') {
    if (values.format !== undefined && format !== 'docx' && format !== 'stylish')
      throw new UsageError(say(locale, 'badExportFormat', { value: escapeForTerminal(format) }));
  } else if (!formats.includes(format))
    throw new UsageError(
      say(locale, 'badFormat', { formats: cliChoices(locale, formats), value: escapeForTerminal(format) }),
    );
  // Options of one command only: a report is not a gate, and check writes to standard output.
  const exporting = positionals[0] === 'export';
  for (const name of report ? CHECK_ONLY : exporting ? [] : REPORT_ONLY)
    if (values[name] !== undefined && values[name] !== false)
      throw new UsageError(say(locale, 'optionNotFor', { name, command: report ? 'report' : 'check' }));
  const count = (
    name: keyof typeof OPTIONS,
    min: number,
    what: 'countBytes' | 'countWholeNumber' | 'countPositive',
  ) => {
    const raw = str(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min)
      throw new UsageError(say(locale, 'badCount', { name, what: say(locale, what), value: escapeForTerminal(raw) }));
    return n;
  };
  return {
    format,
    catalog: str('catalog'),
    output: str('output'),
    locale: locale_,
    noConfig: bool('no-config'),
    maxSize: count('max-file-size', 1, 'countBytes') ?? DEFAULT_MAX_FILE_SIZE,
    maxWarnings: count('max-warnings', 0, 'countWholeNumber'),
    jobs: count('jobs', 1, 'countPositive'),
    timeBudget: count('time-budget', 0, 'countWholeNumber') ?? DEFAULT_TIME_BUDGET,
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
    write(say(locale, 'usage', { maxFileSize: DEFAULT_MAX_FILE_SIZE }) + '\n');
    return options.help ? 0 : 2;
  }
  if (command !== 'check' && command !== 'report' && command !== 'export') {
    const shown = escapeForTerminal(command);
    throw new UsageError(say(locale, 'unknownCommand', { command: shown }));
  }
  const catalogs = new CatalogFiles(locale);
  const explicitCatalog = options.catalog ? path.resolve(options.catalog) : undefined;
  if (explicitCatalog && !catalogs.load(explicitCatalog, options.catalog!)) return 2;
  if (command === 'export') {
    if (paths.length !== 1) throw new UsageError(say(locale, 'exportOneDraft'));
    return exportDraft(paths[0], options.output, catalogs.get(explicitCatalog), locale, options.maxSize);
  }

  const { files, missing, skipped: walkSkips } = await collectMarkdownFiles(paths.length ? paths : ['.']);
  if (missing.length) {
    for (const m of missing) process.stderr.write(`${say(locale, 'noSuchPath', { path: escapeForTerminal(m) })}\n`);
    return 2;
  }
  const planned = planJobs(files, paths, options, locale, explicitCatalog, catalogs);
  if (!planned) return 2;
  const { jobs, ignored } = planned;
  const catalogByShown = new Map(jobs.map((j) => [j.shown, j.catalogFile]));
  if (command === 'report') {
    const report = await checkFiles(jobs, catalogs, options.jobs, options.timeBudget);
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
    const results = await fixJobs(
      jobs.filter((j) => !isWordFile(j.file)),
      catalogs,
      options,
    );
    if (options.fixDryRun) write(results.map((r) => r.diff ?? '').join(''));
    process.stderr.write(fixSummary(results, locale, options.fixDryRun));
    if (options.fixDryRun) return 0;
  }
  const report = await checkFiles(jobs, catalogs, options.jobs, options.timeBudget);
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
    process.stderr.write(`${say(locale, 'tooManyWarnings', { count: c.warning, max: String(options.maxWarnings) })}\n`);
  if (report.files.length === 0) process.stderr.write(`${say(locale, 'noDraftChecked')}\n`);
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
      process.stderr.write(`${say(locale, 'catalogUnreadable', { name, reason: result.message })}\n`);
      return false;
    }
    if (result.ok) {
      this.loaded.set(file, result.catalog);
      return true;
    }
    process.stderr.write(`${say(locale, 'catalogInvalid', { name })}\n`);
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
  const unreadable = new Map<string, string>();
  for (const file of files) {
    const absolute = path.resolve(file);
    const config = options.noConfig ? {} : configs.forDraft(absolute, locale);
    // Said like a catalog that cannot be read: a .itaku.yaml that is /dev/zero, a FIFO or a folder.
    if (config.unreadable !== undefined) {
      unreadable.set(config.file!, config.unreadable);
      continue;
    }
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
  if (broken.size || unreadable.size) {
    for (const [file, reason] of unreadable)
      process.stderr.write(
        `${say(locale, 'configUnreadable', { file: escapeForTerminal(shownPath(file)), reason })}\n`,
      );
    for (const [file, problems] of broken) {
      const shown = escapeForTerminal(shownPath(file));
      process.stderr.write(`${say(locale, 'configInvalid', { file: shown })}\n`);
      printProblems(problems, shown);
    }
    return undefined;
  }
  return { jobs, ignored };
}

/** `--fix` / `--fix-dry-run` over Markdown jobs: in worker threads under the time budget, or (0) here. */
async function fixJobs(
  jobs: CheckJob[],
  catalogs: CatalogFiles,
  options: ReturnType<typeof parseCommandLine>,
): Promise<FixResult[]> {
  if (options.timeBudget > 0)
    return fixWithBudget(__filename, jobs, { itakuWorker: true } satisfies WorkerData, {
      jobs: options.jobs ?? os.availableParallelism(),
      budgetSeconds: options.timeBudget,
      workerHeapMb: WORKER_HEAP_MB,
      onProgress: () => {},
      maxSize: options.maxSize,
      dryRun: options.fixDryRun,
    });
  const files = jobs.map((j) => ({
    file: j.file,
    shown: j.shown,
    catalog: catalogs.get(j.catalogFile),
    locale: j.settings.locale,
    defaults: j.settings.defaults,
  }));
  return fixFiles(files, options.maxSize, options.fixDryRun);
}

/** Seconds a file's check may take per started megabyte before it is read as plain text (0: no limit). */
const DEFAULT_TIME_BUDGET = 10;
/** Tests only: a small heap limit for the worker threads, to run one out of memory (Node's default otherwise). */
const WORKER_HEAP_MB = Number(process.env.ITAKU_WORKER_HEAP_MB) || undefined;

async function checkFiles(
  files: CheckJob[],
  catalogs: CatalogFiles,
  jobs: number | undefined,
  budgetSeconds: number,
): Promise<RunReport> {
  const progress = process.stderr.isTTY && files.length > 50;
  const report = (done: number) => {
    if (progress && (done % 20 === 0 || done === files.length))
      process.stderr.write(`\ritaku: ${done}/${files.length}`);
  };
  const catalogOf = (job: CheckJob) => catalogs.get(job.catalogFile);
  const threads = jobs ?? os.availableParallelism();
  let outcomes: Outcome[];
  // Without a budget, a small run is checked here: worker threads would only add their start-up.
  if (budgetSeconds > 0 || (threads > 1 && files.length >= 64))
    outcomes = await checkWithBudget(__filename, files, { itakuWorker: true }, catalogOf, {
      jobs: threads,
      budgetSeconds,
      workerHeapMb: WORKER_HEAP_MB,
      onProgress: report,
    });
  else {
    outcomes = [];
    for (const f of files) {
      outcomes.push(await checkAnyFile(f.file, f.shown, catalogOf(f), f.settings));
      report(outcomes.length);
    }
  }
  if (progress) process.stderr.write('\r\u001b[K');
  return collect(outcomes);
}

/** A worker thread of `cli/pool.ts`: loads each catalog file once, then checks (or fixes) the files it is handed. */
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
  // The built-in catalog with its phrase tables (made at first use) before the clock starts.
  void builtinCatalog().matcher;
  parentPort!.postMessage({ ready: true } satisfies WorkerMessage);
  // Jobs are answered in order: each waits for the one before (a Word document is read asynchronously).
  let queue = Promise.resolve();
  parentPort!.on('message', ({ index, job, task }: { index: number; job: CheckJob; task: PoolTask }) => {
    queue = queue.then(async () => {
      const { locale, defaults } = job.settings;
      const outcome =
        task.kind === 'fix'
          ? planFix(job.file, job.shown, catalogOf(job), locale, task.maxSize, task.dryRun, defaults)
          : await checkAnyFile(job.file, job.shown, catalogOf(job), job.settings);
      parentPort!.postMessage({ index, outcome } satisfies WorkerMessage<Outcome | FixPlan>);
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
        process.stderr.write(`itaku: ${e.message}\n${say(locale, 'usageHint')}\n`);
      } else {
        // An itaku defect: one sentence; the stack only when asked for (ITAKU_DEBUG=1).
        process.stderr.write(
          `${say(locale, 'internalError', { message: escapeForTerminal(String((e as Error)?.message ?? e)) })}\n`,
        );
        if (process.env.ITAKU_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
      }
      process.exitCode = 2;
    },
  );
