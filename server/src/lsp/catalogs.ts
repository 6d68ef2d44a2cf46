import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import type { Catalog } from '../core/catalog/compile';
import { loadCatalog } from '../core/catalog/load';
import type { Locale } from '../core/messages';

interface Entry {
  mtimeMs: number;
  catalog?: Catalog;
}

/**
 * Custom catalogs named by `itaku.catalog`, loaded and validated once per file version. An invalid
 * catalog is reported in the Problems panel on the catalog file itself, and drafts keep being
 * checked with the built-in catalog.
 */
export class Catalogs {
  private readonly entries = new Map<string, Entry>();
  private readonly reported = new Set<string>();

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
    } catch {
      this.warnOnce(file, locale === 'ja' ? `itaku: カタログ ${file} が見つかりません。組み込みのカタログを使います。` : `itaku: the catalog ${file} was not found; using the built-in catalog.`);
      return this.builtin();
    }
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs) return cached.catalog ?? this.builtin();
    const text = await fs.readFile(file, 'utf8');
    const loaded = loadCatalog(text, file, locale);
    const uri = pathToFileURL(file).toString();
    if (loaded.ok) {
      this.entries.set(file, { mtimeMs: stat.mtimeMs, catalog: loaded.catalog });
      this.reported.delete(file);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return loaded.catalog;
    }
    this.entries.set(file, { mtimeMs: stat.mtimeMs });
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: loaded.problems.map((p) => ({ range: p.range, severity: DiagnosticSeverity.Error, source: 'itaku', code: 'invalid-catalog', message: p.message })),
    });
    this.warnOnce(file, locale === 'ja'
      ? `itaku: カタログ ${path.basename(file)} に ${loaded.problems.length} 件の誤りがあります（問題パネルを参照）。直るまで組み込みのカタログを使います。`
      : `itaku: the catalog ${path.basename(file)} has ${loaded.problems.length} problem(s) (see the Problems panel); using the built-in catalog until it is fixed.`);
    return this.builtin();
  }

  forget(): void {
    this.entries.clear();
    this.reported.clear();
  }

  private warnOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    void this.connection.window.showWarningMessage(message);
  }
}
