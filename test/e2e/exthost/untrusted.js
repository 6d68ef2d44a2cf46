// Runs INSIDE the extension host of a code-server whose workspace is NOT trusted (Restricted Mode).
// The workspace sets itaku.catalog to a ministry catalog that makes the audit clause required; it
// must be ignored: the built-in catalog's findings appear, and no audit finding.
const vscode = require('vscode');
const assert = require('assert');

const log = (msg) => console.log(`[ext-test] ${msg}`);

exports.run = async function run() {
  try {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted');
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'spec-build.md');
    // VS Code withholds restricted settings in Restricted Mode (inspect() does not show them either).
    assert.equal(vscode.workspace.getConfiguration('itaku', uri).get('catalog'), '');
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const old = vscode.Uri.joinPath(folder, 'old/old.md');
    const placeholder = vscode.Uri.joinPath(folder, 'placeholder.md');
    await vscode.extensions.getExtension('itaku.itaku').activate();
    // The ignored draft is opened first: by the time the others have diagnostics, it has been looked at.
    await vscode.workspace.openTextDocument(old);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.workspace.openTextDocument(placeholder);
    const diagnosticsOf = (target) =>
      new Promise((resolve, reject) => {
        const get = () => vscode.languages.getDiagnostics(target).filter((d) => d.source === 'itaku');
        const timer = setTimeout(() => reject(new Error(`no itaku diagnostics: ${JSON.stringify(get())}`)), 30000);
        const done = () => {
          if (!get().length) return;
          clearTimeout(timer);
          sub.dispose();
          resolve(get());
        };
        const sub = vscode.languages.onDidChangeDiagnostics(done);
        done();
      });
    const diags = await diagnosticsOf(uri);
    // With ministry.yaml, audit would be a third missing clause. .itaku.yaml makes them errors.
    const missing = diags.filter((d) => (d.code.value || d.code) === 'missing-clause');
    assert.deepEqual(missing.map((d) => d.message.match(/「(.+?)」/)[1]), ['情報セキュリティが侵害された場合の対処', '再委託に関する事項']);
    assert.deepEqual(missing.map((d) => d.severity), [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error]);
    // .itaku.yaml's defaults: the organization fills 〔 省 〕.
    const filled = (await diagnosticsOf(placeholder)).find((d) => (d.code.value || d.code) === 'unresolved-placeholder');
    assert.equal(filled && filled.message, '未記入のプレースホルダ「〔 省 〕」（府省庁名）が残っています。クイックフィックスで「架空省」に置き換えられます。');
    // .itaku.yaml's ignores: the old draft gets nothing.
    assert.deepEqual(vscode.languages.getDiagnostics(old).filter((d) => d.source === 'itaku'), []);
    log('done: untrusted workspace ignores its itaku.catalog');
  } catch (e) {
    log(`FAIL ${e && e.stack ? e.stack : e}`);
    throw e;
  }
};
