// 「フォルダの条項カバレッジを表示」: a webview panel with the folder's 表1/表3-like tables, re-read
// when shown again and after a draft of the folder is saved.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FolderCoverageRequest, type FolderCoverageAnswer, type FolderCoverageParams } from '../../server/src/protocol';
import { COVERAGE_VIEW, OPEN_ROW } from './coverage';
import { folderCoverageHtml, OPEN_CELL } from './folderCoverageHtml';

/** The folder table panel: one per window, re-read when shown again and after a draft is saved. */
export class FolderCoveragePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private folder: vscode.Uri | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.commands.registerCommand(OPEN_CELL, (uri: string, clause?: string) => this.openCell(uri, clause)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.folder && doc.languageId === 'markdown' && doc.uri.toString().startsWith(`${this.folder.toString()}/`))
          void this.render();
      }),
    );
  }

  async show(folder: vscode.Uri): Promise<void> {
    this.folder = folder;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'itaku.folderCoverage',
        vscode.l10n.t('Clause coverage'),
        vscode.ViewColumn.Active,
        { enableScripts: false, enableCommandUris: [OPEN_CELL], localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.reveal();
    await this.render();
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    const folder = this.folder;
    if (!panel || !folder) return;
    const answer = (await this.client.sendRequest(FolderCoverageRequest, {
      uri: folder.toString(),
    } satisfies FolderCoverageParams)) as FolderCoverageAnswer | null;
    if (!answer || panel !== this.panel) return;
    const root = vscode.workspace.getWorkspaceFolder(folder);
    const name =
      root && root.uri.toString() === folder.toString()
        ? root.name
        : vscode.workspace.asRelativePath(folder, true) || folder.path.split('/').pop() || folder.toString();
    panel.title = `${answer.coverage.labels.title} — ${name}`;
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    panel.webview.html = folderCoverageHtml(answer, name, nonce);
  }

  /** A draft's column heading opens it; a cell opens it at the clause (the Coverage view's row action). */
  private async openCell(uri: string, clause?: string): Promise<void> {
    if (typeof uri !== 'string') return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    if (typeof clause === 'string') {
      await vscode.commands.executeCommand(`${COVERAGE_VIEW}.focus`);
      await vscode.commands.executeCommand(OPEN_ROW, uri, clause);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
