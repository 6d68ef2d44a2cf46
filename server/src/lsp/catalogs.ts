import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { type Catalog, type CatalogProblem, loadCatalog, type Locale } from '../core';
import { readFailureMessage, readRegularFile, type ReadFailure } from '../io/readFile';

interface Entry {
  mtimeMs: number;
  size: number;
  catalog?: Catalog;
}

/** A custom catalog as a worker loads it: its text, already validated; `key` changes with the file. */
export interface CatalogSource {
  key: string;
  file: string;
  text: string;
}

/** Largest catalog file read (the built-in one is about 100 KB). */
export const MAX_CATALOG_BYTES = 8 * 1024 * 1024;

/**
 * Custom catalogs named by `itaku.catalog`, loaded and validated once per file version. Only a
 * regular file under the size cap is read. A catalog that cannot be used (invalid, unreadable, a
 * folder or device, or one that fails to compile) is reported as findings on the catalog file
 * itself and in one notification, and drafts keep being checked with the built-in catalog.
 */
export class Catalogs {
  private readonly entries = new Map<string, Entry>();
  private readonly reported = new Set<string>();
  /** What a worker needs to load the same custom catalog (it is read and validated here, once). */
  private readonly sources = new WeakMap<Catalog, CatalogSource>();

  constructor(
    private readonly connection: Connection,
    private readonly builtin: () => Catalog,
  ) {}

  /** Resolves `setting` against the workspace folder of the draft. */
  resolvePath(setting: string, folderUri: string | undefined): string {
    if (path.isAbsolute(setting)) return setting;
    const base = folderUri?.startsWith('file:') ? fileURLToPath(folderUri) : process.cwd();
    return path.resolve(base, setting);
  }

  async get(setting: string, folderUri: string | undefined, locale: Locale): Promise<Catalog> {
    if (!setting) return this.builtin();
    const file = this.resolvePath(setting, folderUri);
    let stat;
    try {
      stat = await fs.stat(file);
    } catch (e) {
      const reason: ReadFailure = (e as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink-loop' : 'not-found';
      if (reason === 'not-found') {
        this.warnOnce(
          file,
          locale === 'ja'
            ? `itaku: カタログ ${file} が見つかりません。組み込みのカタログを使います。`
            : `itaku: the catalog ${file} was not found; using the built-in catalog.`,
        );
        return this.builtin();
      }
      return this.unusable(file, stat, locale, readFailureMessage(locale, reason, MAX_CATALOG_BYTES));
    }
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.catalog ?? this.builtin();
    if (!stat.isFile()) return this.unusable(file, stat, locale, readFailureMessage(locale, 'not-a-file'));
    if (stat.size > MAX_CATALOG_BYTES)
      return this.unusable(file, stat, locale, readFailureMessage(locale, 'too-large', MAX_CATALOG_BYTES));
    const read = readRegularFile(file, MAX_CATALOG_BYTES);
    if (!read.ok) return this.unusable(file, stat, locale, readFailureMessage(locale, read.reason, MAX_CATALOG_BYTES));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
    } catch {
      return this.unusable(file, stat, locale, locale === 'ja' ? 'UTF-8 ではありません' : 'it is not UTF-8');
    }
    let loaded;
    try {
      loaded = loadCatalog(text, file, locale);
    } catch (e) {
      // A defect in the loader must not take the drafts' diagnostics with it.
      const deep = e instanceof RangeError && /call stack/i.test(e.message);
      return this.unusable(
        file,
        stat,
        locale,
        deep
          ? locale === 'ja'
            ? '入れ子が深すぎて読めません'
            : 'it is nested too deeply to be read'
          : locale === 'ja'
            ? `読み込みに失敗しました（${(e as Error)?.message ?? e}）`
            : `loading it failed (${(e as Error)?.message ?? e})`,
      );
    }
    const uri = pathToFileURL(file).toString();
    if (loaded.ok) {
      this.entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, catalog: loaded.catalog });
      this.sources.set(loaded.catalog, { key: `${file}\n${stat.mtimeMs}\n${stat.size}`, file, text });
      this.forgetReports(file);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return loaded.catalog;
    }
    this.entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size });
    this.publish(file, loaded.problems);
    this.warnOnce(
      file,
      locale === 'ja'
        ? `itaku: カタログ ${path.basename(file)} に ${loaded.problems.length} 件の誤りがあります（問題パネルを参照）。直るまで組み込みのカタログを使います。`
        : `itaku: the catalog ${path.basename(file)} has ${loaded.problems.length} problem(s) (see the Problems panel); using the built-in catalog until it is fixed.`,
    );
    return this.builtin();
  }

  /** The source of a custom catalog this object loaded; undefined for the built-in one. */
  sourceOf(catalog: Catalog): CatalogSource | undefined {
    return this.sources.get(catalog);
  }

  forget(): void {
    this.entries.clear();
    this.reported.clear();
  }

  /** One finding on the catalog file and one notification; the built-in catalog is used. */
  private unusable(
    file: string,
    stat: { mtimeMs: number; size: number } | undefined,
    locale: Locale,
    why: string,
  ): Catalog {
    if (stat) this.entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size });
    const message =
      locale === 'ja'
        ? `カタログとして使えません: ${why}。組み込みのカタログを使います。`
        : `This catalog cannot be used: ${why}. The built-in catalog is used.`;
    this.publish(file, [
      { message, path: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    ]);
    this.warnOnce(
      file,
      locale === 'ja'
        ? `itaku: カタログ ${file} は使えません（${why}）。組み込みのカタログを使います。`
        : `itaku: the catalog ${file} cannot be used (${why}); using the built-in catalog.`,
    );
    return this.builtin();
  }

  private publish(file: string, problems: CatalogProblem[]): void {
    void this.connection.sendDiagnostics({
      uri: pathToFileURL(file).toString(),
      diagnostics: problems.map((p) => ({
        range: p.range,
        severity: DiagnosticSeverity.Error,
        source: 'itaku',
        code: 'invalid-catalog',
        message: p.message,
      })),
    });
  }

  private forgetReports(file: string): void {
    this.reported.delete(file);
  }

  private warnOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    void this.connection.window.showWarningMessage(message);
  }
}
