import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { type CatalogProblem, type FrontMatterDefaults, type Locale, resolveLocale } from '../core';
import { ProjectConfigs } from '../io/projectConfig';
import type { ItakuSettings } from '../protocol';
import type { Settings } from './settings';
import { lspText } from './messages';

/** What applies to one draft: the nearest .itaku.yaml over the `itaku.*` settings. */
export interface DraftSettings {
  /** The settings with the configuration's locale and severity applied. */
  settings: ItakuSettings;
  locale: Locale;
  /** The catalog file to use (absolute), or undefined for `settings.catalog` / the built-in one. */
  catalogFile?: string;
  defaults?: FrontMatterDefaults;
  /** Matched by the configuration's `ignores`: not checked. */
  ignored: boolean;
  /** The configuration file that applies (valid or not). */
  configFile?: string;
}

/**
 * Reads `.itaku.yaml` for drafts exactly as the CLI does (io/projectConfig.ts), searching up to the
 * draft's workspace folder. Precedence: the nearest file, then the settings, then the built-in
 * catalog. A file with errors is not used; its errors are diagnostics in it. In an untrusted
 * workspace its `catalog` is ignored (the notice says so); the rest applies.
 */
export class ProjectSettings {
  readonly configs = new ProjectConfigs();
  private readonly withProblems = new Set<string>();
  private readonly warned = new Set<string>();
  /** Configuration files whose "cannot be used" notice was shown (again once they have been readable). */
  private readonly unusableWarned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly settings: Settings,
    private readonly folderOf: (uri: string) => string | undefined,
    private readonly clientLocale: () => string | undefined,
    private readonly trusted: () => boolean,
  ) {}

  async forDraft(uri: string): Promise<DraftSettings> {
    const settings = await this.settings.get(uri);
    const settingsLocale = settings.locale === 'auto' ? resolveLocale(this.clientLocale()) : settings.locale;
    const plain: DraftSettings = { settings, locale: settingsLocale, ignored: false };
    if (!uri.startsWith('file:')) return plain;
    let file: string;
    let stopAt: string | undefined;
    try {
      file = fileURLToPath(uri);
      const folder = this.folderOf(uri);
      stopAt = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
    } catch {
      return plain;
    }
    const found = this.configs.forDraft(file, settingsLocale, stopAt);
    if (!found.file) return plain;
    this.report(found.file, found.problems ?? []);
    // A .itaku.yaml that is a device, a FIFO or a folder: its finding, and one notice (as for a catalog).
    if (found.unreadable !== undefined) this.warnUnusable(found.file, found.unreadable, settingsLocale);
    if (!found.settings) return { ...plain, configFile: found.file };
    const s = found.settings;
    const locale = s.locale ?? settingsLocale;
    let catalogFile = found.catalogFile;
    if (catalogFile && !this.trusted()) {
      this.warnUntrusted(found.file, s.catalog!, locale);
      catalogFile = undefined;
    }
    return {
      settings: { ...settings, locale, severity: { ...settings.severity, ...s.severity } },
      locale,
      ...(catalogFile ? { catalogFile } : {}),
      defaults: s.defaults,
      ignored: s.ignored,
      configFile: found.file,
    };
  }

  /** Configuration files changed: read them again (their problems are published again as drafts are re-checked). */
  forget(): void {
    this.configs.forget();
    for (const file of [...this.withProblems]) this.report(file, []);
  }

  private report(file: string, problems: CatalogProblem[]): void {
    if (!problems.length && !this.withProblems.has(file)) return;
    if (problems.length) this.withProblems.add(file);
    else {
      this.withProblems.delete(file);
      this.unusableWarned.delete(file);
    }
    void this.connection.sendDiagnostics({
      uri: pathToFileURL(file).toString(),
      diagnostics: problems.map((p) => ({
        range: p.range,
        severity: DiagnosticSeverity.Error,
        source: 'itaku',
        code: 'invalid-config',
        message: p.message,
      })),
    });
  }

  private warnUnusable(file: string, why: string, locale: Locale): void {
    if (this.unusableWarned.has(file)) return;
    this.unusableWarned.add(file);
    void this.connection.window.showWarningMessage(lspText(locale, 'configUnusable', { file, why }));
  }

  private warnUntrusted(file: string, catalog: string, locale: Locale): void {
    if (this.warned.has(file)) return;
    this.warned.add(file);
    const name = path.basename(file);
    void this.connection.window.showWarningMessage(lspText(locale, 'untrustedCatalog', { name, catalog }));
  }
}
