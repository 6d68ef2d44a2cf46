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
  assert.match(diags[0].message, /^必須条項「情報セキュリティが侵害された場合の対処」（表1\(7\)）がありません。/);
  assert.ok(String(diags[0].code.target).endsWith('#missing-clause'), String(diags[0].code.target));
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
  assert.equal(en[0].message, 'Required clause "Handling a breach of information security" (表1(7)) is missing. It is required for the category "building an information system / developing software" (basis: 表1(7); 第Ⅰ部6.3.2). Use the quick fix to insert the template wording.');
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
