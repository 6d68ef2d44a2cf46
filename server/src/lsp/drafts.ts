import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type Analysis,
  analyze,
  type Catalog,
  type Diagnostic,
  IncrementalAnalyzer,
  internalErrorDiagnostic,
  type Locale,
  messages,
  resolveLocale,
} from '../core';
import type { ItakuSettings } from '../protocol';
import type { Catalogs } from './catalogs';
import type { DraftSettings, ProjectSettings } from './projectSettings';
import type { Settings } from './settings';

/** What the server knows about one open document at one version. */
export interface DraftState {
  version: number;
  locale: Locale;
  settings: ItakuSettings;
  catalog: Catalog;
  /** Undefined for Markdown that is not a draft (or a draft that could not be analysed). */
  analysis?: Analysis;
  /** The one finding shown instead of an analysis: the draft is over the size limit, or analysing it failed. */
  instead?: Diagnostic;
  /** The .itaku.yaml that applies to it, if any. */
  configFile?: string;
}

/** Reads drafts through the pure core with the settings and catalog of their folder; one result per version. */
export class Drafts {
  private readonly cache = new Map<string, Promise<DraftState>>();
  private readonly versions = new Map<string, { version: number; text: string }>();
  /** One incremental analyser per open document: edits re-parse only the blocks they touch. */
  private readonly analyzers = new Map<string, IncrementalAnalyzer>();

  constructor(
    private readonly settings: Settings,
    private readonly catalogs: Catalogs,
    private readonly folderOf: (uri: string) => string | undefined,
    private readonly clientLocale: () => string | undefined,
    private readonly onError: (uri: string, error: unknown) => void = () => undefined,
    private readonly project?: ProjectSettings,
  ) {}

  state(doc: TextDocument): Promise<DraftState> {
    // Keyed by version and content: a client that repeats a version number with new text must
    // not get the old analysis (and edits computed for text it no longer has).
    const text = doc.getText();
    const key = this.versions.get(doc.uri);
    if (key && key.version === doc.version && key.text === text) {
      const cached = this.cache.get(doc.uri);
      if (cached) return cached;
    }
    const promise = this.compute(doc);
    this.cache.set(doc.uri, promise);
    this.versions.set(doc.uri, { version: doc.version, text });
    return promise;
  }

  forget(uri?: string): void {
    if (uri) {
      this.cache.delete(uri);
      this.versions.delete(uri);
    } else {
      // Settings changed: results are stale, but the analysers' parsed blocks stay valid.
      this.cache.clear();
      this.versions.clear();
    }
  }

  async localeFor(uri: string): Promise<Locale> {
    const settings = await this.settings.get(uri);
    return settings.locale === 'auto' ? resolveLocale(this.clientLocale()) : settings.locale;
  }

  /** The catalog a draft at `uri` (a file not written yet, or a folder) is checked with, as `compute` picks it. */
  async catalogFor(uri: string | undefined): Promise<Catalog> {
    if (!uri) return this.catalogs.get('', undefined, 'ja');
    const draft = await this.draftSettings(uri);
    return draft.catalogFile
      ? this.catalogs.getFile(draft.catalogFile, draft.locale)
      : this.catalogs.get(draft.settings.catalog, this.folderOf(uri), draft.locale, draft.settings.severity);
  }

  /** The nearest .itaku.yaml over the settings (read as the CLI reads it). */
  private async draftSettings(uri: string): Promise<DraftSettings> {
    return this.project
      ? this.project.forDraft(uri)
      : { settings: await this.settings.get(uri), locale: await this.localeFor(uri), ignored: false };
  }

  /** One analysis of a document that is not open (the workspace check): nothing is kept for it. */
  once(doc: TextDocument): Promise<DraftState> {
    return this.compute(doc, false);
  }

  private async compute(doc: TextDocument, incremental = true): Promise<DraftState> {
    const version = doc.version;
    const draft = await this.draftSettings(doc.uri);
    const { settings, locale, defaults, configFile } = draft;
    const catalog = draft.catalogFile
      ? await this.catalogs.getFile(draft.catalogFile, locale)
      : await this.catalogs.get(settings.catalog, this.folderOf(doc.uri), locale, settings.severity);
    if (draft.ignored) return { version, locale, settings, catalog, configFile };
    const text = doc.getText();
    const size = text.length > settings.maxFileSize / 3 ? Buffer.byteLength(text, 'utf8') : text.length;
    if (size > settings.maxFileSize) {
      const head = text.slice(0, 64 * 1024);
      const head_ = analyze(head.slice(0, head.lastIndexOf('\n') + 1), { catalog, locale, defaults });
      if (!head_) return { version, locale, settings, catalog, configFile };
      const tooLarge: Diagnostic = {
        code: 'file-too-large',
        severity: 'warning',
        message: messages.fileTooLarge(locale, size, settings.maxFileSize),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        source: 'itaku',
        data: { size, limit: settings.maxFileSize },
      };
      return { version, locale, settings, catalog, instead: tooLarge, configFile };
    }
    if (incremental) {
      let analyzer = this.analyzers.get(doc.uri);
      if (!analyzer) this.analyzers.set(doc.uri, (analyzer = new IncrementalAnalyzer()));
      try {
        return {
          version,
          locale,
          settings,
          catalog,
          analysis: analyzer.analyze(text, { catalog, locale, defaults }),
          configFile,
        };
      } catch {
        // The incremental state may be what failed: start it afresh, and analyse the whole text once.
        this.analyzers.delete(doc.uri);
      }
    }
    try {
      return { version, locale, settings, catalog, analysis: analyze(text, { catalog, locale, defaults }), configFile };
    } catch (error) {
      this.onError(doc.uri, error);
      return { version, locale, settings, catalog, instead: internalErrorDiagnostic(locale, error), configFile };
    }
  }

  /** The document is closed: drop everything kept for it. */
  closed(uri: string): void {
    this.forget(uri);
    this.analyzers.delete(uri);
  }
}
