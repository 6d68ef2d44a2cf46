// Runs INSIDE the real VS Code extension host (code-server), loaded through extensionTestsPath:
// API-level checks of the itaku extension with the full `vscode` API. Waits on events only.
const vscode = require('vscode');
const assert = require('assert');

const log = (msg) => console.log(`[ext-test] ${msg}`);

/** Resolves with the itaku diagnostics of `uri` once `predicate` accepts them. */
function itakuDiagnostics(uri, predicate, what) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diags = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'itaku');
      if (predicate(diags)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(diags);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`));
    }, 30000);
    check();
  });
}

const checks = [];
const check = (name, fn) => checks.push([name, fn]);
let client;

check('activate returns the running language client', async () => {
  const ext = vscode.extensions.getExtension('itaku.itaku');
  assert.ok(ext, 'extension itaku.itaku is installed');
  client = await ext.activate();
  assert.equal(typeof client.sendRequest, 'function');
  assert.equal(client.isRunning(), true);
});

check('diagnostics via vscode.languages.getDiagnostics', async () => {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'spec-build.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diags = await itakuDiagnostics(uri, (d) => d.length === 4, 'two missing clauses and two numbering gaps');
  assert.deepEqual(diags.map((d) => [d.code && (d.code.value || d.code), d.severity, d.range.start.line, d.range.start.character]), [
    ['missing-clause', vscode.DiagnosticSeverity.Warning, 2, 10],
    ['missing-clause', vscode.DiagnosticSeverity.Warning, 2, 10],
    ['numbering', vscode.DiagnosticSeverity.Information, 16, 3],
    ['numbering', vscode.DiagnosticSeverity.Information, 34, 4],
  ]);
  assert.match(diags[0].message, /^必須条項「情報セキュリティが侵害された場合の対処」（表1\(7\)）が見つかりません。/);
  // The code link runs itaku.showRuleDoc (the page, rendered), see the check below.
  assert.equal(String(diags[0].code.target), 'command:itaku.showRuleDoc?%5B%22missing-clause%22%5D');
});

check('code actions via vscode.executeCodeActionProvider (QuickFix)', async () => {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'spec-build.md');
  const [diag] = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'itaku');
  // VS Code cancels a code-action request when a provider registers for the model meanwhile; the
  // built-in Markdown extension registers its own once its activation completes, so wait for that.
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  const titles = actions.filter((a) => a.kind && a.kind.value === 'quickfix').map((a) => `${a.isPreferred ? '*' : ' '}${a.title}`);
  assert.deepEqual(titles, [
    '*「情報セキュリティが侵害された場合の対処」を挿入（情報セキュリティが侵害された場合の対処を明示する場合）',
    '*「再委託に関する事項」を挿入（再委託を禁止する場合）',
    ' 「再委託に関する事項」を挿入（再委託を認める場合）',
    ' 不足している必須条項をすべて挿入（2 件）',
    ' 「情報セキュリティが侵害された場合の対処」を適用除外にする（理由を記入）',
    ' 「再委託に関する事項」を適用除外にする（理由を記入）',
  ]);
  const fix = actions.find((a) => a.title.includes('再委託を禁止する場合'));
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.ok(doc.getText().includes('### (8) 再委託に関する事項\n\n本調達に係る業務は、その全部又は一部を他の事業者にも再委託させてはならない。'), doc.getText());
  await itakuDiagnostics(uri, (d) => d.filter((x) => (x.code.value || x.code) === 'missing-clause').length === 1, 'one missing clause after the fix');
});

check('settings take effect: itaku.locale = en, then a severity override', async () => {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'spec-build.md');
  const config = vscode.workspace.getConfiguration('itaku', uri);
  await config.update('locale', 'en', vscode.ConfigurationTarget.Workspace);
  // Only the missing clause counts here (the draft's numbering gaps are information findings).
  const missing = (d) => d.filter((x) => (x.code.value || x.code) === 'missing-clause');
  const en = missing(await itakuDiagnostics(uri, (d) => missing(d).length === 1 && missing(d)[0].message.startsWith('Required clause'), 'English messages'));
  assert.equal(en[0].message, 'Required clause "Handling a breach of information security" (表1(7)) was not found. It is required for the category "building an information system / developing software" (basis: 表1(7); 第Ⅰ部6.3.2). Use the quick fix to insert the template wording. If a paragraph already says it in other words, choose "Treat this paragraph as …" on that paragraph.');
  await config.update('severity', { 'missing-clause': 'error' }, vscode.ConfigurationTarget.Workspace);
  await itakuDiagnostics(uri, (d) => missing(d).length === 1 && missing(d)[0].severity === vscode.DiagnosticSeverity.Error, 'an error after the override');
  await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
  await config.update('locale', undefined, vscode.ConfigurationTarget.Workspace);
  await itakuDiagnostics(uri, (d) => missing(d).length === 1 && missing(d)[0].severity === vscode.DiagnosticSeverity.Warning && missing(d)[0].message.startsWith('必須条項'), 'defaults back');
});

check('editor.codeActionsOnSave with source.fixAll.itaku inserts every missing clause on save', async () => {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'contract-maintenance.md');
  await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', { 'source.fixAll.itaku': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await itakuDiagnostics(uri, (d) => d.filter((x) => (x.code.value || x.code) === 'missing-clause').length === 6, 'six missing clauses');
  await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), '\n'));
  await vscode.commands.executeCommand('workbench.action.files.save');
  await itakuDiagnostics(uri, (d) => !d.some((x) => (x.code.value || x.code) === 'missing-clause'), 'no missing clause after saving');
  assert.ok(!doc.isDirty, 'saved');
  assert.ok(doc.getText().includes('第1条の2（情報セキュリティを確保するための体制の整備）'), doc.getText());
  await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
});

check('one outline: in VS Code only the built-in Markdown outline answers (no second itaku group)', async () => {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'spec-build.md');
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  const flat = [];
  const walk = (list) => list.forEach((s) => { flat.push(s); walk(s.children || []); });
  walk(symbols || []);
  // The built-in outline names each heading once; itaku's would repeat them with clause ids as detail.
  const names = flat.map((s) => s.name);
  assert.equal(names.filter((n) => n.includes('秘密の保持')).length, 1, JSON.stringify(names));
  assert.ok(!flat.some((s) => s.detail && /confidentiality/.test(s.detail)), JSON.stringify(flat.map((s) => [s.name, s.detail])));
});

check('a Markdown file that is not a draft gets no itaku diagnostics', async () => {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'memo.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  // The server answers every document; a symbol request proves it has read this one.
  await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri.toString() } });
  assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'itaku'), []);
});

check('hover shows the evidence of a present clause; Ctrl+. on a paragraph treats it as a missing clause', async () => {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'spec-build.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const heading = doc.positionAt(doc.getText().indexOf('### (2) 秘密の保持') + 6);
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, heading);
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.ok(text.includes(`根拠となる記述（${heading.line + 1} 行目）`), text);
  const at = doc.positionAt(doc.getText().indexOf('本仕様書に定めのない') + 2);
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value);
  const mark = actions.find((a) => a.title === 'この段落を『情報セキュリティが侵害された場合の対処』として扱う');
  assert.ok(mark, actions.map((a) => a.title).join(' / '));
  assert.ok(await vscode.workspace.applyEdit(mark.edit));
  assert.ok(doc.getText().includes('<!-- itaku: clause incident-response -->\n本仕様書に定めのない'), doc.getText());
  await itakuDiagnostics(uri, (d) => !d.some((x) => (x.code.value || x.code) === 'missing-clause'), 'no missing clause once the paragraph is marked');
});


// ---- Issue 11, the rest of the first hour ----

const wsFile = (name) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, name);
const codeOf = (d) => (d.code && typeof d.code === 'object' ? d.code.value : d.code);

/** Resolves once `predicate()` holds, checked on every tab change. */
function untilTabs(predicate, what) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = predicate();
      if (!found) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(found);
      return true;
    };
    const sub = vscode.window.tabGroups.onDidChangeTabs(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')}`));
    }, 30000);
    check();
  });
}

check('a quick fix far from the squiggle scrolls to what it inserted (itaku.reveal), cursor at its start', async () => {
  const uri = wsFile('first/reveal.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const diags = await itakuDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'missing-clause'), 'missing clauses');
  const incident = diags.find((d) => d.message.includes('情報セキュリティが侵害された場合の対処'));
  editor.selection = new vscode.Selection(incident.range.start, incident.range.start);
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, incident.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.title.startsWith('「情報セキュリティが侵害された場合の対処」を挿入'));
  assert.equal(fix.command && fix.command.command, 'itaku.reveal', JSON.stringify(fix.command));
  assert.ok(!editor.visibleRanges.some((r) => r.start.line > 150), 'the insertion point starts out of view');
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  const range = await vscode.commands.executeCommand(fix.command.command, ...fix.command.arguments);
  assert.equal(doc.getText(range).split('\n')[0], '### (3) 情報セキュリティが侵害された場合の対処');
  assert.ok(editor.selection.isEmpty && editor.selection.active.isEqual(range.start), JSON.stringify(editor.selection));
  // The workbench scrolls, then tells the extension host: wait for that event.
  const shown = () => editor.visibleRanges.some((r) => r.contains(range.start));
  if (!shown())
    await new Promise((resolve, reject) => {
      const sub = vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor === editor && shown()) {
          sub.dispose();
          clearTimeout(timer);
          resolve();
        }
      });
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`not scrolled to ${range.start.line}: ${JSON.stringify(editor.visibleRanges)}`));
      }, 20000);
    });
});

check('body completion: the heading numbered like its neighbours, and the inserted clause revealed', async () => {
  const uri = wsFile('first/reveal.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  // Completion answers from the last finished analysis: wait until it is the one of the text with
  // the clause the previous check inserted (its missing-clause gone), so (3) is taken.
  await itakuDiagnostics(
    uri,
    (d) => !d.some((x) => codeOf(x) === 'missing-clause' && x.message.includes('情報セキュリティが侵害された場合の対処')),
    'the analysis after the inserted clause',
  );
  const line = doc.lineCount - 1;
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, 0));
  const item = list.items.find((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('再委託に関する事項'));
  const text = typeof item.insertText === 'string' ? item.insertText : item.insertText.value;
  assert.ok(text.startsWith('### (4) 再委託に関する事項\n\n'), text);
  assert.equal(item.command && item.command.command, 'itaku.reveal');
});

check('the code link of a diagnostic opens its page rendered, in the Markdown preview (not the raw README)', async () => {
  const uri = wsFile('first/reveal.md');
  const [d] = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'itaku' && codeOf(x) === 'missing-clause');
  const target = d.code.target;
  assert.equal(`${target.scheme}:${target.path}`, 'command:itaku.showRuleDoc', target.toString());
  // What VS Code's opener does with a command: link (allowCommands) from the Problems panel or a hover.
  await vscode.commands.executeCommand(target.path, ...JSON.parse(decodeURIComponent(target.query)));
  const tab = await untilTabs(
    () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes('missing-clause.md')),
    'the preview of missing-clause.md',
  );
  assert.ok(tab, 'preview tab');
  assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputText && /readme\.md$/i.test(t.input.uri.path)), false);
});

check('[甲]/[乙] without parties: 「front matter に当事者（parties: 甲・乙）を追加」, then the placeholders can be filled', async () => {
  const uri = wsFile('first/parties.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const diags = await itakuDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'unresolved-placeholder').length === 2, 'two party placeholders');
  const ph = diags.find((x) => codeOf(x) === 'unresolved-placeholder');
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, ph.range, vscode.CodeActionKind.QuickFix.value);
  const add = actions.find((a) => a.title === 'front matter に当事者（parties: 甲・乙）を追加');
  assert.ok(add, actions.map((a) => a.title).join(' / '));
  assert.ok(await vscode.workspace.applyEdit(add.edit));
  assert.ok(doc.getText().startsWith('---\ndocument: 契約書\ncategory: build\norganization: 外務省\nparties:\n  甲: 外務省\n  乙: 〔　　〕\n---\n'), doc.getText());
  const after = await itakuDiagnostics(uri, (d) => d.some((x) => x.message.includes('「外務省」に置き換えられます')), 'the [甲] placeholder fillable');
  assert.ok(after.some((x) => x.message.includes('「[甲]」')), after.map((x) => x.message).join('\n'));
});

check('「ワークスペースの草案をすべて検査」: the itaku task and the command put a draft never opened into the Problems panel; they follow the file on disk', async () => {
  const unopened = wsFile('first/unopened.md');
  assert.deepEqual(vscode.languages.getDiagnostics(unopened), []);
  const tasks = await vscode.tasks.fetchTasks({ type: 'itaku' });
  assert.deepEqual(tasks.map((t) => t.name), ['ワークスペースの草案をすべて検査']);
  const ended = new Promise((resolve) => {
    const sub = vscode.tasks.onDidEndTask((e) => {
      if (e.execution.task.definition.type === 'itaku') {
        sub.dispose();
        resolve();
      }
    });
  });
  await vscode.tasks.executeTask(tasks[0]);
  await ended;
  const diags = await itakuDiagnostics(unopened, (d) => d.length > 0, 'the unopened draft checked by the task');
  assert.deepEqual(diags.map((d) => codeOf(d)), ['missing-clause', 'missing-clause', 'missing-clause', 'missing-clause', 'missing-clause', 'missing-clause', 'missing-clause', 'missing-clause']);
  const result = await vscode.commands.executeCommand('itaku.checkWorkspace');
  const checked = result.drafts.map((d) => vscode.workspace.asRelativePath(vscode.Uri.parse(d.uri))).sort();
  assert.ok(checked.includes('first/unopened.md') && !checked.includes('memo.md'), checked.join(', '));
  // Changed on disk (the extension's **/*.md watcher tells the server): the new text's findings.
  const storage = '---\ndocument: 調達仕様書\ncategory: storage-transport\n---\n\n# 件名\n';
  await vscode.workspace.fs.writeFile(unopened, Buffer.from(storage, 'utf8'));
  const changed = await itakuDiagnostics(unopened, (d) => d.length === 2, 'the changed file’s two missing clauses');
  assert.deepEqual(changed.map((d) => [codeOf(d), d.range.start.line]), [
    ['missing-clause', 2],
    ['missing-clause', 2],
  ]);
  // Deleted: its findings leave the Problems panel.
  await vscode.workspace.fs.delete(unopened);
  await itakuDiagnostics(unopened, (d) => d.length === 0, 'the deleted file’s findings cleared');
});

check('typing two option lines as fast as the editor takes keys: the last version gets its diagnostics, none of an older version after it', async () => {
  const uri = wsFile('first/typing.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await itakuDiagnostics(uri, (d) => d.length > 0, 'the first diagnostics');
  const end = doc.lineAt(3).range.end;
  editor.selection = new vscode.Selection(end, end);
  const typed = '\noptions:\n  audit: true\n  subcontracting: prohibited';
  // Key by key; after Enter the editor keeps the line's indentation itself, so only the rest is typed.
  const lines = typed.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await vscode.commands.executeCommand('type', { text: '\n' });
    const auto = i > 0 ? doc.lineAt(editor.selection.active.line).text.length : 0;
    for (const ch of lines[i].slice(auto)) await vscode.commands.executeCommand('type', { text: ch });
  }
  assert.ok(doc.getText().includes('organization: 外務省\noptions:\n  audit: true\n  subcontracting: prohibited\n---'), doc.getText().slice(0, 200));
  const last = Date.now();
  const final = doc.version;
  const diags = await itakuDiagnostics(uri, (d) => d.some((x) => x.message.includes('情報セキュリティ監査の実施')) && !d.some((x) => codeOf(x) === 'frontmatter-yaml'), 'the diagnostics of the final text');
  log(`typing: ${typed.length} keys, final version ${final}, its diagnostics ${Date.now() - last} ms after the last key`);
  assert.equal(doc.version, final);
  // Every range lies on the text as it is now (an older version's would point at blank or shifted lines).
  for (const d of diags) assert.ok(d.range.end.line < doc.lineCount && doc.getText(d.range).trim().length > 0, `${codeOf(d)} at ${d.range.start.line}`);
});

check('Word: 「Word に書き出す」 writes a .docx, 「Word 文書を Markdown の草案として開く」 reads it back with the same findings', async () => {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const uri = vscode.Uri.joinPath(folder, 'contract-maintenance.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const original = await itakuDiagnostics(uri, (d) => d.length > 0, 'the contract draft\'s findings');
  const target = vscode.Uri.joinPath(folder, 'contract-maintenance.docx');
  const written = await vscode.commands.executeCommand('itaku.exportToWord', target);
  assert.equal(written && written.toString(), target.toString());
  const bytes = await vscode.workspace.fs.readFile(target);
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  const draft = await vscode.commands.executeCommand('itaku.openWordAsDraft', target);
  assert.equal(draft.uri.scheme, 'untitled');
  assert.equal(draft.languageId, 'markdown');
  assert.match(draft.getText(), /^---\ndocument: "契約書"\ncategory: \[ "保守" \]\n/);
  const codes = (list) => list.map((d) => d.code && (d.code.value || d.code)).sort();
  const back = await itakuDiagnostics(draft.uri, (d) => d.length === original.length, 'the same number of findings on the draft read back');
  assert.deepEqual(codes(back), codes(original));
});

exports.run = async function run() {
  const t0 = Date.now();
  let failed = 0;
  for (const [name, fn] of checks) {
    const start = Date.now();
    try {
      await fn();
      log(`ok ${name} (${Date.now() - start} ms)`);
    } catch (e) {
      failed++;
      log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
    }
  }
  log(`done: ${checks.length - failed}/${checks.length} passed in ${Date.now() - t0} ms`);
  if (failed) throw new Error(`${failed} extension-host check(s) failed`);
};
