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
    await vscode.extensions.getExtension('itaku.itaku').activate();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await new Promise((resolve, reject) => {
      const get = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'itaku');
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
    // With ministry.yaml, audit would be a third missing clause.
    assert.deepEqual(diags.filter((d) => (d.code.value || d.code) === 'missing-clause').map((d) => d.message.match(/「(.+?)」/)[1]), ['情報セキュリティが侵害された場合の対処', '再委託に関する事項']);
    log('done: untrusted workspace ignores its itaku.catalog');
  } catch (e) {
    log(`FAIL ${e && e.stack ? e.stack : e}`);
    throw e;
  }
};
