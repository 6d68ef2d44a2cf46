// 「ワークスペースの草案をすべて検査」: every draft in the workspace folders into the Problems panel,
// found by the CLI's rules (folders walked recursively for *.md / *.markdown, dependency and hidden
// folders skipped, links followed, loops refused; only regular UTF-8 files read). The closed drafts
// it published are kept up to date as they change on disk (watched-file events), until opened.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, DidChangeWatchedFilesParams, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectMarkdownFiles, readDraftFile } from '../cli/files';
import type { WorkspaceCheckResult } from '../protocol';
import type { Settings } from './settings';

/** One analysis of the text in a worker: its diagnostics, or undefined when it is not a draft. */
type AnalyseOnce = (uri: string, text: string) => Promise<LspDiagnostic[] | undefined>;

/** How long a burst of watched-file events is gathered before the changed closed drafts are read again. */
export const DRAFT_CHANGE_DEBOUNCE_MS = 150;

/** A file on disk read and analysed as the check does: why it was skipped, or its diagnostics (none: not a draft). */
async function analyseFile(
  file: string,
  uri: string,
  settings: Settings,
  analyseOnce: AnalyseOnce,
): Promise<{ skipped: string } | { diagnostics: LspDiagnostic[] | undefined }> {
  const read = readDraftFile(file, (await settings.get(uri)).maxFileSize);
  if (read.kind === 'text') return { diagnostics: await analyseOnce(uri, read.text) };
  return {
    skipped: read.kind === 'unreadable' ? read.reason : read.kind === 'too-large' ? 'file-too-large' : read.kind,
  };
}

export async function checkWorkspace(
  connection: Connection,
  folders: readonly string[],
  openDocument: (uri: string) => TextDocument | undefined,
  settings: Settings,
  analyseOnce: AnalyseOnce,
  /** Called for each closed draft whose diagnostics the check publishes. */
  onPublished: (file: string, uri: string) => void = () => undefined,
): Promise<WorkspaceCheckResult> {
  const result: WorkspaceCheckResult = { drafts: [], skipped: [], errors: 0, warnings: 0, information: 0 };
  const roots = folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
  const { files, skipped } = await collectMarkdownFiles(roots);
  for (const s of skipped) result.skipped.push({ uri: pathToFileURL(s.path).toString(), reason: s.reason });
  for (const file of files) {
    // Files are read one at a time; edits typed meanwhile are answered between them.
    await new Promise((resolve) => setImmediate(resolve));
    const uri = pathToFileURL(file).toString();
    // An open draft is the editor's: its diagnostics are those of the text being edited.
    const open = openDocument(uri);
    const outcome = open
      ? { diagnostics: await analyseOnce(uri, open.getText()) }
      : await analyseFile(file, uri, settings, analyseOnce);
    if ('skipped' in outcome) {
      result.skipped.push({ uri, reason: outcome.skipped });
      continue;
    }
    const { diagnostics } = outcome;
    if (!diagnostics) continue;
    const count = (severity: number) => diagnostics.filter((d) => d.severity === severity).length;
    const entry = { uri, problems: diagnostics.length, errors: count(1), warnings: count(2), information: count(3) };
    result.drafts.push(entry);
    result.errors += entry.errors;
    result.warnings += entry.warnings;
    result.information += entry.information;
    if (!open) {
      await connection.sendDiagnostics({ uri, diagnostics });
      onPublished(file, uri);
    }
  }
  return result;
}

/**
 * The workspace check and the findings it leaves in the Problems panel for closed drafts. When such
 * a draft changes on disk (a watched-file event), only that file is read and analysed again, after a
 * short gathering of the burst; its diagnostics are replaced, or cleared when it is deleted, no
 * longer a draft or can no longer be read (as the check would then say). Once the draft is opened
 * the editor's analysis owns its diagnostics. Checks and refreshes run one after another, so an
 * older result is never published after a newer one.
 */
export class WorkspaceCheck {
  /** Closed drafts whose diagnostics this published: absolute path → the URI they were published for. */
  private readonly published = new Map<string, string>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly openDocument: (uri: string) => TextDocument | undefined,
    private readonly settings: Settings,
    private readonly analyseOnce: AnalyseOnce,
  ) {}

  /** Runs the check over `folders`; drafts it published before and no longer finds are cleared. */
  run(folders: readonly string[]): Promise<WorkspaceCheckResult> {
    return this.serially(async () => {
      const before = new Map(this.published);
      this.published.clear();
      const result = await checkWorkspace(
        this.connection,
        folders,
        this.openDocument,
        this.settings,
        this.analyseOnce,
        (file, uri) => this.published.set(file, uri),
      );
      for (const [file, uri] of before)
        if (!this.published.has(file) && !this.openDocument(uri))
          await this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return result;
    });
  }

  /** A draft was opened: from now on its diagnostics are the editor's. */
  opened(uri: string): void {
    const file = pathOf(uri);
    if (file === undefined) return;
    this.published.delete(file);
    this.pending.delete(file);
  }

  onChange(params: DidChangeWatchedFilesParams): void {
    for (const c of params.changes) {
      const file = pathOf(c.uri);
      if (file !== undefined && this.published.has(file)) this.pending.add(file);
    }
    if (this.timer || !this.pending.size) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.serially(() => this.refresh());
    }, DRAFT_CHANGE_DEBOUNCE_MS);
  }

  private async refresh(): Promise<void> {
    const files = [...this.pending];
    this.pending.clear();
    for (const file of files) {
      const uri = this.published.get(file);
      if (!uri || this.openDocument(uri)) continue;
      const outcome = await analyseFile(file, uri, this.settings, this.analyseOnce);
      // Opened meanwhile: the editor's analysis has published (or will) for the text being edited.
      if (!this.published.has(file) || this.openDocument(uri)) continue;
      if ('skipped' in outcome && outcome.skipped === 'not-found') this.published.delete(file);
      const diagnostics = ('diagnostics' in outcome && outcome.diagnostics) || [];
      await this.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
