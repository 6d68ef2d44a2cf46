import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { type Catalog, type CatalogProblem, loadCatalog, type Locale } from '../core';
import { fileCatalogResolver, MAX_CATALOG_BYTES } from '../io/catalogFiles';
import { readFailureMessage, readRegularFile, type ReadFailure } from '../io/readFile';
import { toLspDiagnostic } from './convert';
import type { SeverityOverride } from '../protocol';
import { lspText } from './messages';

interface Entry {
  mtimeMs: number;
  size: number;
  catalog?: Catalog;
  /** The other files it was merged from (an overlay's bases), as they were when it was read. */
  bases?: Array<{ file: string; mtimeMs: number; size: number }>;
}

export { MAX_CATALOG_BYTES };

const unchanged = (bases: Entry['bases']) =>
  (bases ?? []).every((b) => {
    try {
      const s = statSync(b.file);
      return s.mtimeMs === b.mtimeMs && s.size === b.size;
    } catch {
      return false;
    }
  });

function statsOf(files: readonly string[]): NonNullable<Entry['bases']> {
  return files.flatMap((file) => {
    try {
      const s = statSync(file);
      return [{ file, mtimeMs: s.mtimeMs, size: s.size }];
    } catch {
      return [];
    }
  });
}

/**
 * Custom catalogs named by `itaku.catalog`, loaded and validated once per file version. Only a
 * regular file under the size cap is read. A catalog that cannot be used (invalid, unreadable, a
 * folder or device, or one that fails to compile) is reported as findings on the catalog file
 * itself and in one notification, and drafts keep being checked with the built-in catalog.
 */
export class Catalogs {
  private readonly entries = new Map<string, Entry>();
  private readonly reported = new Set<string>();
  /** Files that hold published catalog problems, per catalog named in the settings. */
  private readonly published = new Map<string, string[]>();

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

  /** Severity overrides of the draft that asked last (`invalid-catalog` is configurable like every code). */
  private severity: Record<string, SeverityOverride> = {};

  async get(
    setting: string,
    folderUri: string | undefined,
    locale: Locale,
    severity: Record<string, SeverityOverride> = {},
  ): Promise<Catalog> {
    if (!setting) return this.builtin();
    this.severity = severity;
    return this.getFile(this.resolvePath(setting, folderUri), locale);
  }

  /** The catalog in `file` (an absolute path), following an overlay's `extends`. */
  async getFile(file: string, locale: Locale): Promise<Catalog> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch (e) {
      const reason: ReadFailure = (e as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink-loop' : 'not-found';
      if (reason === 'not-found') {
        this.warnOnce(file, lspText(locale, 'catalogNotFound', { file }));
        return this.builtin();
      }
      return this.unusable(file, stat, locale, readFailureMessage(locale, reason, MAX_CATALOG_BYTES));
    }
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && unchanged(cached.bases))
      return cached.catalog ?? this.builtin();
    if (!stat.isFile()) return this.unusable(file, stat, locale, readFailureMessage(locale, 'not-a-file'));
    if (stat.size > MAX_CATALOG_BYTES)
      return this.unusable(file, stat, locale, readFailureMessage(locale, 'too-large', MAX_CATALOG_BYTES));
    const read = readRegularFile(file, MAX_CATALOG_BYTES);
    if (!read.ok) return this.unusable(file, stat, locale, readFailureMessage(locale, read.reason, MAX_CATALOG_BYTES));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
    } catch {
      return this.unusable(file, stat, locale, lspText(locale, 'catalogNotUtf8'));
    }
    let loaded;
    try {
      loaded = loadCatalog(text, file, locale, fileCatalogResolver(this.builtin, locale));
    } catch (e) {
      // A defect in the loader must not take the drafts' diagnostics with it.
      const deep = e instanceof RangeError && /call stack/i.test(e.message);
      return this.unusable(
        file,
        stat,
        locale,
        deep
          ? lspText(locale, 'catalogTooDeep')
          : lspText(locale, 'catalogLoadFailed', { error: String((e as Error)?.message ?? e) }),
      );
    }
    if (loaded.ok) {
      const bases = statsOf(loaded.catalog.layers.slice(1).filter((l) => path.isAbsolute(l)));
      this.entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, catalog: loaded.catalog, bases });
      this.forgetReports(file);
      for (const f of this.published.get(file) ?? [file]) this.publish(f, []);
      this.published.delete(file);
      return loaded.catalog;
    }
    // Problems in a base catalog are shown in that file.
    const byFile = new Map<string, CatalogProblem[]>([[file, []]]);
    for (const p of loaded.problems) {
      const where = p.file ?? file;
      if (!byFile.has(where)) byFile.set(where, []);
      byFile.get(where)!.push(p);
    }
    const bases = statsOf([...byFile.keys()].filter((f) => f !== file && path.isAbsolute(f)));
    this.entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, bases });
    for (const f of this.published.get(file) ?? []) if (!byFile.has(f)) this.publish(f, []);
    this.published.set(file, [...byFile.keys()]);
    for (const [f, problems] of byFile) this.publish(f, problems);
    this.warnOnce(
      file,
      lspText(locale, 'catalogHasProblems', { name: path.basename(file), count: loaded.problems.length }),
    );
    return this.builtin();
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
    const message = lspText(locale, 'catalogUnusableFinding', { why });
    this.publish(file, [
      { message, path: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    ]);
    this.warnOnce(file, lspText(locale, 'catalogUnusable', { file, why }));
    return this.builtin();
  }

  private publish(file: string, problems: CatalogProblem[]): void {
    const uri = pathToFileURL(file).toString();
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: problems.flatMap(
        (p) =>
          toLspDiagnostic(
            { code: 'invalid-catalog', severity: 'error', message: p.message, range: p.range, source: 'itaku' },
            uri,
            this.severity,
          ) ?? [],
      ),
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
