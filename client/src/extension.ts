// The itaku VS Code extension: starts the language server over IPC and adds the commands,
// the status bar item and the workspace-trust notice around it. All checking is in the server.
import * as vscode from 'vscode';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageclient';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  Commands,
  SERVER_ID,
  StatusNotification,
  type DraftChoices,
  type DraftStatus,
  type InitializationOptions,
} from '../../server/src/protocol';
import { CoverageView } from './coverage';
import { FolderCoveragePanel } from './folderCoverage';
import { uiText } from './locale';
import { chooseNewDraft } from './newDraft';
import { DraftStatusItem } from './status';
import { exportToWord, openWordAsDraft } from './word';
import { restrictCatalog, setsCatalog } from './trust';
import { FreshDiagnostics, type PublishParams } from './freshDiagnostics';
import { InsertionRevealer, type RevealArgument } from './reveal';
import { ruleDocCode, ruleDocCommandUri } from './ruleDocs';
import { checkWorkspaceCommand, registerWorkspaceTasks } from './workspaceCheck';

let client: LanguageClient | undefined;
let activeFileOnly = false;

export async function activate(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  // stdio, not Node IPC: the server decodes large messages (a 5 MB draft) off the hot path there
  // (server/src/lsp/transport.ts), so a hover is not queued behind the decoding.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: {
      locale: vscode.env.language,
      clientCommands: [Commands.reveal],
      workspaceTrusted: vscode.workspace.isTrusted,
    } satisfies InitializationOptions,
    // Catalogs and .itaku.yaml; and drafts, whose findings from the workspace check the server refreshes.
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}'),
      ],
    },
    diagnosticCollectionName: SERVER_ID,
    middleware: {
      // One outline: VS Code's built-in Markdown outline already lists the headings, and a second
      // provider would add a second, parallel group. itaku's symbols serve editors without one
      // (Neovim, …); in VS Code the clauses are in hover, the status item and the Problems panel.
      provideDocumentSymbols: () => undefined,
      workspace: {
        // Untrusted workspace: its own itaku.catalog never reaches the server (VS Code withholds
        // restricted settings too; this holds whatever the configuration service does).
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return restrictCatalog(
            params.items,
            answers,
            vscode.workspace.isTrusted,
            (scopeUri) =>
              vscode.workspace
                .getConfiguration('itaku', scopeUri ? vscode.Uri.parse(scopeUri) : undefined)
                .inspect<string>('catalog'),
            (value) => warnRelativeCatalogOnce(value),
          );
        },
      },
    },
  };
  client = new LanguageClient(SERVER_ID, 'itaku', serverOptions, clientOptions);
  const status = new DraftStatusItem();
  const revealer = new InsertionRevealer();
  context.subscriptions.push(status, revealer);
  // Replaces the client's own publishDiagnostics handler (registered before start, it is set after
  // the built-in one, also on restart): a publish for an older version than the editor has is dropped.
  const running = client;
  const fresh = new FreshDiagnostics<LspDiagnostic, vscode.Diagnostic>({
    currentVersion: (uri) =>
      vscode.workspace.textDocuments.find(
        (d) => d.uri.toString() === running.protocol2CodeConverter.asUri(uri).toString(),
      )?.version,
    convert: async (diagnostics) =>
      (await running.protocol2CodeConverter.asDiagnostics(diagnostics)).map(withRuleDocLink),
    set: (uri, diagnostics) => running.diagnostics?.set(running.protocol2CodeConverter.asUri(uri), diagnostics),
  });
  context.subscriptions.push(
    client.onNotification('textDocument/publishDiagnostics', (params: PublishParams<LspDiagnostic>) => {
      void fresh.handle(params);
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('itaku.insertAllMissing', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown' || !client) return;
      const result = (await client.sendRequest('workspace/executeCommand', {
        command: Commands.insertAllMissing,
        arguments: [{ uri: editor.document.uri.toString() }],
      })) as { applied: boolean; clauses: number; reveal?: RevealArgument } | null;
      if (!result?.clauses) void vscode.window.showInformationMessage(uiText('noneMissing'));
      else if (result.reveal) revealer.reveal(result.reveal);
    }),
    vscode.commands.registerCommand('itaku.newDraft', async () => {
      if (!client) return;
      // The catalog of the active draft's folder (or the first workspace folder's).
      const uri = (
        vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri
      )?.toString();
      const choices = (await client.sendRequest('workspace/executeCommand', {
        command: Commands.draftChoices,
        arguments: [{ uri }],
      })) as DraftChoices;
      const picked = await chooseNewDraft(choices);
      if (!picked) return;
      const choice = { ...picked, uri };
      let text: string;
      try {
        text = (await client.sendRequest('workspace/executeCommand', {
          command: Commands.newDraftText,
          arguments: [choice],
        })) as string;
      } catch (e) {
        // A refused request (InvalidParams): the server's sentence says why.
        void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
        return;
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await vscode.window.showTextDocument(doc);
    }),
    // From the Explorer (a .docx uri), the palette (a file picker), or a test (uri and save target).
    vscode.commands.registerCommand('itaku.openWordAsDraft', async (uri?: vscode.Uri) =>
      client ? openWordAsDraft(client, uri instanceof vscode.Uri ? uri : undefined) : undefined,
    ),
    vscode.commands.registerCommand('itaku.exportToWord', async (target?: vscode.Uri) =>
      client ? exportToWord(client, target instanceof vscode.Uri ? target : undefined) : undefined,
    ),
    vscode.commands.registerCommand(Commands.reveal, (arg: RevealArgument) => revealer.reveal(arg)),
    // The Problems panel's code link: the code's page, rendered (the built-in Markdown preview).
    vscode.commands.registerCommand('itaku.showRuleDoc', async (code: unknown) => {
      const name = ruleDocCode(code);
      if (!name) return false;
      const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${name}.md`);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
      return true;
    }),
    vscode.commands.registerCommand('itaku.checkWorkspace', () => (client ? checkWorkspaceCommand(client) : undefined)),
    registerWorkspaceTasks(() => client),
    vscode.commands.registerCommand('itaku.restartServer', async () => {
      await client?.restart();
    }),
    // VS Code has no API to type into the Problems filter; the panel opens with its filter focused.
    vscode.commands.registerCommand('itaku.showProblems', async () => {
      await vscode.commands.executeCommand('workbench.action.problems.focus');
      await vscode.commands.executeCommand('problems.action.focusFilter').then(undefined, () => undefined);
    }),
    // The status item: the Problems panel showing this draft only ("Show Active File Only", a
    // toggle whose state extensions cannot read: itaku turns it on once per window, never off).
    vscode.commands.registerCommand('itaku.showDraftProblems', async () => {
      await vscode.commands.executeCommand('workbench.action.problems.focus');
      if (!activeFileOnly) {
        activeFileOnly = await vscode.commands
          .executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile')
          .then(
            () => true,
            () => false,
          );
      }
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => status.show(editor?.document.uri.toString())),
  );

  warnWhenCatalogIgnored(context);
  await client.start();
  const coverage = new CoverageView(client);
  const folderCoverage = new FolderCoveragePanel(client);
  context.subscriptions.push(
    coverage,
    folderCoverage,
    client.onNotification(StatusNotification, (s: DraftStatus) => {
      status.update(s);
      status.show(vscode.window.activeTextEditor?.document.uri.toString());
      coverage.analysed(s.uri);
    }),
    // The status item: the Coverage view of the draft (the Problems panel is one click away in its title bar).
    vscode.commands.registerCommand('itaku.showCoverage', async () => {
      await vscode.commands.executeCommand('itaku.coverage.focus');
      coverage.refresh();
    }),
    vscode.commands.registerCommand('itaku.refreshCoverage', () => coverage.refresh()),
    vscode.commands.registerCommand('itaku.showFolderCoverage', async (target?: vscode.Uri) => {
      const folder = await chooseFolder(target);
      if (folder) await folderCoverage.show(folder);
    }),
  );
  return client;
}

/** A diagnostic whose code links to its page (docs/rules/<code>.md) links to the command that previews it. */
function withRuleDocLink(d: vscode.Diagnostic): vscode.Diagnostic {
  const code = d.code;
  if (
    typeof code === 'object' &&
    code.target.scheme === 'file' &&
    /\/docs\/rules\/[a-z-]+\.md$/.test(code.target.path)
  ) {
    const target = ruleDocCommandUri(String(code.value));
    if (target) d.code = { value: code.value, target: vscode.Uri.parse(target) };
  }
  return d;
}

/** The folder of 「フォルダの条項カバレッジを表示」: the one clicked in the Explorer, the only workspace folder, or one picked. */
async function chooseFolder(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (target instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(target).then(
      (s) => s,
      () => undefined,
    );
    if (stat && stat.type & vscode.FileType.Directory) return target;
    if (stat) return vscode.Uri.joinPath(target, '..');
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick())?.uri;
  return (
    await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false })
  )?.[0];
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

let warnedRelative = false;
/** In an untrusted workspace a relative user-level itaku.catalog is refused; say so once. */
function warnRelativeCatalogOnce(value: string): void {
  if (warnedRelative) return;
  warnedRelative = true;
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'itaku: this workspace is not trusted, so your itaku.catalog "{0}" is not used: a relative path would be read inside the workspace. Use an absolute path, or trust the workspace. The built-in catalog is used.',
      value,
    ),
  );
}

/** In an untrusted workspace VS Code withholds the workspace's itaku.catalog; say so once. */
function warnWhenCatalogIgnored(context: vscode.ExtensionContext): void {
  const check = async () => {
    if (vscode.workspace.isTrusted || !(await workspaceSetsCatalog())) return;
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'itaku: this workspace is not trusted, so its itaku.catalog setting is ignored and the built-in catalog is used. Trust the workspace to use its catalog.',
      ),
    );
  };
  void check();
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
}

/** Whether the workspace (its folders' .vscode/settings.json, or its .code-workspace file) sets itaku.catalog. */
async function workspaceSetsCatalog(): Promise<boolean> {
  const inspected = vscode.workspace.getConfiguration('itaku').inspect<string>('catalog');
  if (inspected?.workspaceValue || inspected?.workspaceFolderValue) return true;
  const files = (vscode.workspace.workspaceFolders ?? []).map((f) =>
    vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'),
  );
  if (vscode.workspace.workspaceFile?.scheme === 'file') files.push(vscode.workspace.workspaceFile);
  for (const file of files) {
    try {
      if (setsCatalog(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)))) return true;
    } catch {
      // no such file
    }
  }
  return false;
}
