// itaku CLI: runs the same checks as the language server over files, for CI.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { promises as fs } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { builtinCatalog } from './builtinCatalog';
import type { Catalog } from './core/catalog/compile';
import { loadCatalog } from './core/catalog/load';
import { resolveLocale, type Locale } from './core/messages';
import { colorEnabled } from './cli/color';
import { checkFile, checkInParallel, collect, type Outcome, type WorkerData } from './cli/check';
import { collectMarkdownFiles } from './cli/files';
import { fixFiles, fixSummary } from './cli/fix';
import { formatJson } from './cli/format/json';
import { formatSarif } from './cli/format/sarif';
import { formatStylish } from './cli/format/stylish';
import { counts, type RunReport } from './cli/report';

declare const ITAKU_VERSION: string;
const VERSION = typeof ITAKU_VERSION === 'string' ? ITAKU_VERSION : '0.0.0-dev';
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const USAGE = {
  ja: `使い方: itaku check [パス…] [オプション]

調達仕様書・契約書の草案（front matter に document を持つ Markdown）を確認します。
パスはファイルまたはフォルダ（*.md を再帰的に探します）。既定は "."。

オプション:
  --format <stylish|json|sarif>  出力形式（既定: stylish）
  --catalog <ファイル>           条項カタログ（既定: 組み込みの nisc-2011）
  --locale <ja|en>               メッセージの言語（既定: ja）
  --max-file-size <バイト>       これより大きいファイルは分析しない（既定: ${DEFAULT_MAX_FILE_SIZE}）
  --exit-zero                    指摘があっても終了コード 0
  --fix                          不足している必須条項を挿入して保存し、残る指摘を表示（挿入のみ）
  --fix-dry-run                  --fix で行う変更を unified diff で表示（ファイルは変更しない）
  --jobs <数>                    並列に処理するスレッド数（既定: CPU コア数）
  -h, --help                     この説明
  -v, --version                  バージョン

終了コード: 0 警告以上の指摘なし、1 警告以上の指摘あり、2 使い方かカタログの誤り`,
  en: `Usage: itaku check [paths…] [options]

Checks outsourcing drafts (Markdown whose front matter has a document key).
Paths are files or folders (searched recursively for *.md); default ".".

Options:
  --format <stylish|json|sarif>  output format (default: stylish)
  --catalog <file>               clause catalog (default: the built-in nisc-2011)
  --locale <ja|en>               message language (default: ja)
  --max-file-size <bytes>        files larger than this are not analysed (default: ${DEFAULT_MAX_FILE_SIZE})
  --exit-zero                    exit 0 even when there are findings
  --fix                          insert the missing required clauses, save, then report what remains (insert-only)
  --fix-dry-run                  print the changes --fix would make as a unified diff (no file changes)
  --jobs <n>                     threads checking files in parallel (default: CPU cores)
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 no warning or error, 1 warnings or errors found, 2 usage or catalog error`,
};

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        catalog: { type: 'string' },
        locale: { type: 'string' },
        'max-file-size': { type: 'string' },
        'exit-zero': { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const locale: Locale = values.locale ? resolveLocale(values.locale) : resolveLocale(process.env.ITAKU_LOCALE);
  if (values.locale && !/^(ja|en)\b/i.test(values.locale)) throw new UsageError(`--locale must be ja or en (got "${values.locale}")`);
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE[locale] + '\n');
    return values.help ? 0 : 2;
  }
  if (command !== 'check') throw new UsageError(locale === 'ja' ? `不明なコマンド「${command}」です（使えるのは check）。` : `unknown command "${command}" (use check)`);
  const format = values.format;
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be stylish, json or sarif (got "${format}")`);
  const maxSize = values['max-file-size'] ? Number(values['max-file-size']) : DEFAULT_MAX_FILE_SIZE;
  if (!Number.isFinite(maxSize) || maxSize <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes`);

  const catalog = await readCatalog(values.catalog, locale);
  if (!catalog) return 2;
  const catalogText = values.catalog ? await fs.readFile(values.catalog, 'utf8') : undefined;

  const { files, missing } = await collectMarkdownFiles(paths.length ? paths : ['.']);
  if (missing.length) {
    for (const m of missing) process.stderr.write(locale === 'ja' ? `itaku: パスがありません: ${m}\n` : `itaku: no such file or folder: ${m}\n`);
    return 2;
  }
  const jobs = values.jobs ? Number(values.jobs) : undefined;
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError('--jobs must be a positive integer');
  if (values.fix || values['fix-dry-run']) {
    const dryRun = values['fix-dry-run'] === true;
    const results = fixFiles(shownFiles(files), catalog, locale, maxSize, dryRun);
    if (dryRun) process.stdout.write(results.map((r) => r.diff ?? '').join(''));
    process.stderr.write(fixSummary(results, locale, dryRun));
    if (dryRun) return 0;
  }
  const report = await checkFiles(files, catalog, { catalogText, catalogSource: catalog.source, settings: { locale, maxSize } }, jobs);
  const output =
    format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, VERSION, locale) : formatStylish(report, catalog, locale, colorEnabled(process.stdout));
  process.stdout.write(output);
  const c = counts(report);
  return values['exit-zero'] ? 0 : c.error + c.warning > 0 ? 1 : 0;
}

async function readCatalog(file: string | undefined, locale: Locale): Promise<Catalog | undefined> {
  if (!file) return builtinCatalog();
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    process.stderr.write(locale === 'ja' ? `itaku: カタログを読めません: ${file}: ${(e as Error).message}\n` : `itaku: cannot read the catalog ${file}: ${(e as Error).message}\n`);
    return undefined;
  }
  const loaded = loadCatalog(text, file, locale);
  if (loaded.ok) return loaded.catalog;
  process.stderr.write(locale === 'ja' ? `itaku: カタログ ${file} が不正です:\n` : `itaku: the catalog ${file} is invalid:\n`);
  for (const p of loaded.problems) process.stderr.write(`${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}\n`);
  return undefined;
}

const shownFiles = (paths: string[]) => paths.map((file) => ({ file, shown: path.relative(process.cwd(), file).split(path.sep).join('/') || file }));

async function checkFiles(paths: string[], catalog: Catalog, data: Omit<WorkerData, 'itakuWorker'>, jobs?: number): Promise<RunReport> {
  const files = shownFiles(paths);
  const progress = process.stderr.isTTY && files.length > 50;
  const report = (done: number) => {
    if (progress && (done % 20 === 0 || done === files.length)) process.stderr.write(`\ritaku: ${done}/${files.length}`);
  };
  let outcomes = await checkInParallel(__filename, files, { itakuWorker: true, ...data }, catalog, report, jobs);
  if (!outcomes) {
    outcomes = [];
    for (const f of files) {
      outcomes.push(checkFile(f.file, f.shown, catalog, data.settings));
      report(outcomes.length);
    }
  }
  if (progress) process.stderr.write('\r\u001b[K');
  return collect(outcomes);
}

/** A worker thread of `checkInParallel`: loads the catalog once, then checks batches of files. */
function runWorker(data: WorkerData): void {
  let catalog: Catalog;
  if (data.catalogText !== undefined) {
    const loaded = loadCatalog(data.catalogText, data.catalogSource, data.settings.locale);
    if (!loaded.ok) throw new Error('the catalog became invalid');
    catalog = loaded.catalog;
  } else catalog = builtinCatalog();
  parentPort!.on('message', (m: { from: number; files: Array<{ file: string; shown: string }> }) => {
    const outcomes: Outcome[] = m.files.map((f) => checkFile(f.file, f.shown, catalog, data.settings));
    parentPort!.postMessage({ from: m.from, outcomes });
  });
}

if (!isMainThread && (workerData as WorkerData | undefined)?.itakuWorker) runWorker(workerData as WorkerData);
else main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`itaku: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`itaku: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    }
  },
);
