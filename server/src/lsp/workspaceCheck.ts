// 「ワークスペースの草案をすべて検査」: every draft in the workspace folders into the Problems panel,
// found by the CLI's rules (folders walked recursively for *.md / *.markdown, dependency and hidden
// folders skipped, links followed, loops refused; only regular UTF-8 files read).
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectMarkdownFiles, readDraftFile } from '../cli/files';
import type { WorkspaceCheckResult } from '../protocol';
import type { Settings } from './settings';

export async function checkWorkspace(
  connection: Connection,
  folders: readonly string[],
  openDocument: (uri: string) => TextDocument | undefined,
  settings: Settings,
  /** One analysis of the text in a worker: its diagnostics, or undefined when it is not a draft. */
  analyseOnce: (uri: string, text: string) => Promise<LspDiagnostic[] | undefined>,
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
    const read = open ? undefined : readDraftFile(file, (await settings.get(uri)).maxFileSize);
    if (read && read.kind !== 'text') {
      result.skipped.push({
        uri,
        reason: read.kind === 'unreadable' ? read.reason : read.kind === 'too-large' ? 'file-too-large' : read.kind,
      });
      continue;
    }
    const diagnostics = await analyseOnce(uri, open ? open.getText() : read!.text);
    if (!diagnostics) continue;
    const count = (severity: number) => diagnostics.filter((d) => d.severity === severity).length;
    const entry = { uri, problems: diagnostics.length, errors: count(1), warnings: count(2), information: count(3) };
    result.drafts.push(entry);
    result.errors += entry.errors;
    result.warnings += entry.warnings;
    result.information += entry.information;
    if (!open) await connection.sendDiagnostics({ uri, diagnostics });
  }
  return result;
}
