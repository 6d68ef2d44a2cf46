// 「ワークスペースの草案をすべて検査」 as a command and as a task (type `itaku`, like eslint's task
// provider): the server checks every draft of the workspace folders, found by the CLI's rules,
// and publishes their diagnostics to the Problems panel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, type WorkspaceCheckResult } from '../../server/src/protocol';
import { itakuLocale, uiText, type ClientLocale } from './locale';

/** `草案 3 件を検査: 指摘 22 件（エラー 0、警告 22、情報 0）`. */
export function summaryText(r: WorkspaceCheckResult, locale: ClientLocale): string {
  const total = r.errors + r.warnings + r.information;
  return uiText(
    'checkSummary',
    { drafts: r.drafts.length, total, errors: r.errors, warnings: r.warnings, information: r.information },
    locale,
  );
}

export function checkWorkspace(client: LanguageClient): Promise<WorkspaceCheckResult> {
  return client.sendRequest('workspace/executeCommand', {
    command: Commands.checkWorkspace,
    arguments: [],
  }) as Promise<WorkspaceCheckResult>;
}

/** The command: progress while it runs, then the Problems panel and a one-line summary. */
export async function checkWorkspaceCommand(client: LanguageClient): Promise<WorkspaceCheckResult> {
  const locale = itakuLocale();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: uiText('checkRunning', {}, locale) },
    () => checkWorkspace(client),
  );
  if (!result.drafts.length) void vscode.window.showWarningMessage(uiText('checkNone', {}, locale));
  else {
    await vscode.commands.executeCommand('workbench.action.problems.focus');
    void vscode.window.showInformationMessage(summaryText(result, locale));
  }
  return result;
}

export const TASK_TYPE = 'itaku';

/** The task: the same check, its report in the terminal; exit 1 when there is an error or a warning (as the CLI). */
export function workspaceTask(
  client: () => LanguageClient | undefined,
  definition?: vscode.TaskDefinition,
): vscode.Task {
  const locale = itakuLocale();
  const task = new vscode.Task(
    definition ?? { type: TASK_TYPE },
    vscode.TaskScope.Workspace,
    uiText('checkTitle', {}, locale),
    'itaku',
    new vscode.CustomExecution(async () => {
      const write = new vscode.EventEmitter<string>();
      const close = new vscode.EventEmitter<number>();
      const line = (s = '') => write.fire(`${s.replace(/\r?\n/g, ' ')}\r\n`);
      return {
        onDidWrite: write.event,
        onDidClose: close.event,
        close: () => undefined,
        open: () => {
          const c = client();
          if (!c) {
            close.fire(2);
            return;
          }
          line(uiText('checkRunning', {}, locale));
          checkWorkspace(c).then(
            (r) => {
              for (const d of r.drafts)
                line(
                  `${vscode.workspace.asRelativePath(vscode.Uri.parse(d.uri))}  ${uiText(
                    'checkDraftCounts',
                    { errors: d.errors, warnings: d.warnings, information: d.information },
                    locale,
                  )}`,
                );
              for (const s of r.skipped)
                line(
                  `${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri))}  ${uiText('checkSkipped', {}, locale)}: ${s.reason}`,
                );
              line(r.drafts.length ? summaryText(r, locale) : uiText('checkNone', {}, locale));
              close.fire(r.errors || r.warnings || !r.drafts.length ? 1 : 0);
            },
            (e: unknown) => {
              line(`itaku: ${e instanceof Error ? e.message : String(e)}`);
              close.fire(2);
            },
          );
        },
      } satisfies vscode.Pseudoterminal;
    }),
    [],
  );
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
  return task;
}

export function registerWorkspaceTasks(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => [workspaceTask(client)],
    resolveTask: (task) => (task.definition.type === TASK_TYPE ? workspaceTask(client, task.definition) : undefined),
  });
}
