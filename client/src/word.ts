// The Word commands: 「Word 文書を Markdown の草案として開く」 and 「Word に書き出す」. The client reads
// and writes files through vscode.workspace.fs; the server converts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Commands,
  DEFAULT_MAX_FILE_SIZE,
  type DraftChoices,
  type ExportWordResult,
  type WordToMarkdownRequest,
  type WordToMarkdownResult,
} from '../../server/src/protocol';
import { itakuLocale, uiText } from './locale';
import { chooseNewDraft } from './newDraft';

/** Largest .docx or draft converted (the default itaku.maxFileSize). */
const MAX_BYTES = DEFAULT_MAX_FILE_SIZE;

async function execute<T>(client: LanguageClient, command: string, arg: unknown): Promise<T> {
  return (await client.sendRequest('workspace/executeCommand', { command, arguments: [arg] })) as T;
}

/** Converts a .docx (from the Explorer's context menu, or picked) into an untitled Markdown draft. */
export async function openWordAsDraft(
  client: LanguageClient,
  uri?: vscode.Uri,
): Promise<vscode.TextDocument | undefined> {
  const target =
    uri ??
    (
      await vscode.window.showOpenDialog({
        title: uiText('wordPick'),
        canSelectMany: false,
        filters: { [uiText('wordFilter')]: ['docx'] },
      })
    )?.[0];
  if (!target) return undefined;
  const stat = await vscode.workspace.fs.stat(target);
  if (stat.size > MAX_BYTES) {
    void vscode.window.showErrorMessage(uiText('wordTooLarge'));
    return undefined;
  }
  const request: WordToMarkdownRequest = {
    data: Buffer.from(await vscode.workspace.fs.readFile(target)).toString('base64'),
    uri: target.toString(),
    locale: itakuLocale(),
  };
  let result = await execute<WordToMarkdownResult>(client, Commands.wordToMarkdown, request);
  if (!result.ok && 'needsMetadata' in result) {
    void vscode.window.showInformationMessage(uiText('wordNoType'));
    const choices = await execute<DraftChoices>(client, Commands.draftChoices, undefined);
    const choice = await chooseNewDraft(choices);
    if (!choice) return undefined;
    result = await execute<WordToMarkdownResult>(client, Commands.wordToMarkdown, {
      ...request,
      document: choice.document,
      categories: choice.categories,
    });
  }
  if (!result.ok) {
    if ('message' in result) void vscode.window.showErrorMessage(`itaku: ${result.message}`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Writes the active Markdown draft as a .docx beside it (or where the user saves it). */
export async function exportToWord(client: LanguageClient, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  const source = editor.document.uri;
  const result = await execute<ExportWordResult>(client, Commands.exportWord, {
    text: editor.document.getText(),
    locale: itakuLocale(),
  });
  if (!result.ok) {
    void vscode.window.showErrorMessage(`itaku: ${result.message}`);
    return undefined;
  }
  const suggested =
    source.scheme === 'untitled'
      ? undefined
      : source.with({ path: source.path.replace(/\.(md|markdown)$/i, '') + '.docx' });
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: uiText('wordSaveAs'),
      defaultUri: suggested,
      filters: { [uiText('wordFilter')]: ['docx'] },
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(result.data, 'base64'));
  const written = uiText('wordWritten', { file: vscode.workspace.asRelativePath(uri) });
  if (result.warning) void vscode.window.showWarningMessage(`${written} ${result.warning}`);
  else void vscode.window.showInformationMessage(written);
  return uri;
}
