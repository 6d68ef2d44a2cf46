import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../support/catalog';
import { runCli } from '../support/cli';
import { LspClient, type Published } from '../support/lsp';

// .itaku.yaml and catalog overlays in the language server, read exactly as the CLI reads them.

const clients: LspClient[] = [];
after(async () => {
  for (const c of clients) await c.shutdown().catch(() => undefined);
});

/** A copy of examples/ministry (its .itaku.yaml, overlay and draft) as a workspace folder. */
function ministryWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-config-'));
  cpSync(path.join(ROOT, 'examples/ministry'), dir, { recursive: true });
  return dir;
}

async function start(dir: string, options: { trusted?: boolean; settings?: Record<string, unknown> } = {}) {
  const client = await LspClient.start({
    workspaceFolder: pathToFileURL(dir).toString(),
    ...(options.trusted === false ? { initializationOptions: { workspaceTrusted: false } } : {}),
  });
  client.settings = options.settings ?? {};
  clients.push(client);
  return client;
}

const uriIn = (dir: string, name: string) => pathToFileURL(path.join(dir, name)).toString();
const brief = (ds: Published['diagnostics']) => ds.map((d) => [d.code, d.severity, d.data?.clause ?? null]);

test('the server and the CLI give the same results for a draft under .itaku.yaml (overlay catalog, defaults)', async () => {
  const dir = ministryWorkspace();
  const client = await start(dir);
  const uri = uriIn(dir, 'spec-build-portal.md');
  client.open(uri, readFileSync(path.join(dir, 'spec-build-portal.md'), 'utf8'));
  const lsp = await client.diagnosticsFor(uri, 1);
  const cli = runCli(['check', 'spec-build-portal.md', '--format', 'json'], dir);
  const report = JSON.parse(cli.stdout) as {
    files: Array<{ diagnostics: Array<{ code: string; message: string; range: unknown; severity: string }> }>;
  };
  const level = { error: 1, warning: 2, information: 3, hint: 4 } as const;
  assert.deepEqual(
    lsp.map((d) => ({ code: d.code, message: d.message, range: d.range, severity: d.severity })),
    report.files[0].diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      range: d.range,
      severity: level[d.severity as keyof typeof level],
    })),
  );
  // What the example says: audit is required (and found through the added phrase), so it is not
  // among the missing; 〔 省 〕 can be filled with the organization set once in .itaku.yaml.
  assert.deepEqual(
    lsp.filter((d) => d.code === 'missing-clause').map((d) => d.data?.clause),
    ['security-functions', 'vulnerability', 'incident-response', 'compliance-check', 'remediation', 'subcontracting'],
  );
  assert.equal(
    lsp.find((d) => d.code === 'unresolved-placeholder')?.message,
    '未記入のプレースホルダ「〔 省 〕」（府省庁名）が残っています。クイックフィックスで「架空省」に置き換えられます。',
  );
  // Hover on the audit heading says where its requirement and wording come from.
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 23, character: 6 },
  });
  const lines = hover.contents.value.split('\n');
  assert.ok(
    lines.includes(
      '要否: **必須**（業務分類「情報システムの構築等」、根拠: 架空省情報セキュリティ規程第12条、出典: 架空省カタログ（kakusho.itaku-catalog.yaml 14 行目））',
    ),
    hover.contents.value,
  );
  assert.ok(
    lines.includes(
      '雛形の文言（架空省の情報セキュリティ点検による場合）: 架空省情報セキュリティ規程第12条（出典: 架空省カタログ（kakusho.itaku-catalog.yaml 26 行目））',
    ),
    hover.contents.value,
  );
  // A cell the overlay leaves alone comes from nisc-2011.
  const category = await client.request<{ contents: { value: string } }>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 2, character: 11 },
  });
  assert.match(category.contents.value, /- ✗ 再委託に関する事項 — 表1\(10\); 第Ⅰ部7\.5\(2\)（出典: nisc-2011）/);
  assert.match(
    category.contents.value,
    /- ✓ 情報セキュリティ監査の実施 — 架空省情報セキュリティ規程第12条（出典: 架空省カタログ（kakusho\.itaku-catalog\.yaml 14 行目））/,
  );
});

test('precedence: the nearest .itaku.yaml, then the settings; ignores; watched changes', async () => {
  const dir = ministryWorkspace();
  // A sub-folder with its own .itaku.yaml (no catalog): the nearest wins, so the overlay does not apply there.
  const draft = readFileSync(path.join(dir, 'spec-build-portal.md'), 'utf8');
  cpSync(path.join(dir, 'spec-build-portal.md'), path.join(dir, 'sub/spec.md'), { recursive: true });
  writeFileSync(path.join(dir, 'sub/.itaku.yaml'), 'severity:\n  missing-clause: error\n');
  // The settings name a catalog of their own (audit required for build, without the ministry's phrase).
  writeFileSync(
    path.join(dir, 'settings.itaku-catalog.yaml'),
    'extends: nisc-2011\nid: settings\ntitle: 設定のカタログ\nclauses:\n  audit:\n    requirements:\n      procurement-spec:\n        cells:\n          build: { status: R, basis: 設定の規程 }\n',
  );
  const client = await start(dir, {
    settings: { catalog: 'settings.itaku-catalog.yaml', severity: { 'unresolved-placeholder': 'off' } },
  });
  const top = uriIn(dir, 'spec-build-portal.md');
  const sub = uriIn(dir, 'sub/spec.md');
  const old = uriIn(dir, 'archive/old-draft.md');
  client.open(top, draft);
  client.open(sub, draft);
  client.open(old, readFileSync(path.join(dir, 'archive/old-draft.md'), 'utf8'));
  const topDiags = await client.diagnosticsFor(top, 1);
  const subDiags = await client.diagnosticsFor(sub, 1);
  // Top: the overlay's audit requirement; the setting turns placeholders off.
  assert.equal(topDiags.filter((d) => d.code === 'unresolved-placeholder').length, 0);
  assert.equal(topDiags.filter((d) => d.code === 'missing-clause').length, 6);
  // Top: .itaku.yaml's catalog wins over the setting's (audit found by the ministry's phrase).
  assert.equal(topDiags.filter((d) => d.data?.clause === 'audit').length, 0);
  // Sub: its .itaku.yaml names no catalog, so the setting's applies (audit required, and its phrase is
  // not the ministry's); errors (the nearest file's severity); no organization default.
  assert.deepEqual(brief(subDiags), [
    ['missing-clause', 1, 'security-functions'],
    ['missing-clause', 1, 'vulnerability'],
    ['missing-clause', 1, 'incident-response'],
    ['missing-clause', 1, 'compliance-check'],
    ['missing-clause', 1, 'audit'],
    ['missing-clause', 1, 'remediation'],
    ['missing-clause', 1, 'subcontracting'],
  ]);
  // Ignored: no diagnostics at all.
  assert.deepEqual(await client.diagnosticsFor(old, 1), []);

  // The sub-folder's file changes: its drafts are checked again with the new content.
  writeFileSync(path.join(dir, 'sub/.itaku.yaml'), 'severity:\n  missing-clause: information\n');
  const mark = client.published.length;
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: uriIn(dir, 'sub/.itaku.yaml'), type: 2 }],
  });
  const again = await client.until(
    () => client.published.slice(mark).find((p) => p.uri === sub)?.diagnostics,
    'sub/spec.md republished',
  );
  assert.deepEqual(
    again.map((d) => d.severity),
    [3, 3, 3, 3, 3, 3, 3],
  );
  assert.match(again.find((d) => d.data?.clause === 'audit')!.message, /（根拠: 設定の規程）/);
});

/**
 * Opens a.md (a storage contract missing only its subcontracting clause) in `dir`, checks that it is
 * checked with the built-in settings, and returns the findings published for the folder's .itaku.yaml.
 */
async function draftAndConfigFindings(client: LspClient, dir: string) {
  const uri = uriIn(dir, 'a.md');
  client.open(
    uri,
    '---\ndocument: 契約書\ncategory: storage-transport\n---\n\n乙は、知り得た秘密を漏らしてはならない。\n',
  );
  assert.deepEqual(brief(await client.diagnosticsFor(uri, 1)), [['missing-clause', 2, 'subcontracting']]);
  return client.until(
    () => client.published.find((p) => p.uri === uriIn(dir, '.itaku.yaml'))?.diagnostics,
    'findings in .itaku.yaml',
  );
}

test('a broken .itaku.yaml: its errors are diagnostics in it, and the draft is checked with the settings', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-config-'));
  writeFileSync(path.join(dir, '.itaku.yaml'), 'locale: fr\nseverity:\n  missing-clauses: off\n');
  const client = await start(dir);
  const uri = uriIn(dir, 'a.md');
  const config = await draftAndConfigFindings(client, dir);
  assert.deepEqual(
    config.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
    [['invalid-config', 0, 8, 'locale: 値は "ja", "en" のいずれかです。']],
  );
  // Fixed but with an unknown code: said on the key, with the closest code.
  writeFileSync(path.join(dir, '.itaku.yaml'), 'locale: en\nseverity:\n  missing-clauses: off\n');
  const mark = client.published.length;
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: uriIn(dir, '.itaku.yaml'), type: 2 }],
  });
  const next = await client.until(
    () =>
      client.published.slice(mark).find((p) => p.uri === uriIn(dir, '.itaku.yaml') && p.diagnostics.length)
        ?.diagnostics,
    'new diagnostics in .itaku.yaml',
  );
  assert.deepEqual(
    next.map((d) => [d.range.start.line, d.range.start.character, d.message]),
    [[2, 2, '不明な指摘コード「missing-clauses」です（「missing-clause」のことですか？）。']],
  );
  await client.until(() => client.published.slice(mark).find((p) => p.uri === uri), 'a.md republished');
  // And fixed: the file's diagnostics are cleared, and its settings apply (English, missing-clause off).
  writeFileSync(path.join(dir, '.itaku.yaml'), 'locale: en\nseverity:\n  missing-clause: off\n');
  const mark2 = client.published.length;
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: uriIn(dir, '.itaku.yaml'), type: 2 }],
  });
  await client.until(
    () => client.published.slice(mark2).find((p) => p.uri === uriIn(dir, '.itaku.yaml') && !p.diagnostics.length),
    '.itaku.yaml cleared',
  );
  // (Waited for by content: a.md is published with no diagnostic once the fixed file applies.)
  await client.until(
    () => client.published.slice(mark2).find((p) => p.uri === uri && p.diagnostics.length === 0),
    'a.md republished without diagnostics',
  );
});

test('a .itaku.yaml that is /dev/zero: one finding in it and one notice; the draft is checked with the settings', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-config-'));
  symlinkSync('/dev/zero', path.join(dir, '.itaku.yaml'));
  const client = await start(dir);
  const config = await draftAndConfigFindings(client, dir);
  const why = '通常のファイルではありません（フォルダ・デバイス・FIFO などは読みません）';
  assert.deepEqual(
    config.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
    [['invalid-config', 0, 0, `読めません: ${why}。`]],
  );
  const notice = await client.until(() => client.messages.find((m) => m.message.includes('.itaku.yaml')), 'the notice');
  assert.equal(
    notice.message,
    `itaku: 設定ファイル ${path.join(dir, '.itaku.yaml')} は使えません（${why}）。この設定ファイルなしで確認します。`,
  );
});

test('untrusted workspace: .itaku.yaml may not choose the catalog (the notice says so); its other settings apply', async () => {
  const dir = ministryWorkspace();
  const client = await start(dir, { trusted: false });
  const uri = uriIn(dir, 'spec-build-portal.md');
  client.open(uri, readFileSync(path.join(dir, 'spec-build-portal.md'), 'utf8'));
  const diags = await client.diagnosticsFor(uri, 1);
  // The built-in catalog: audit is optional again.
  assert.equal(diags.filter((d) => d.code === 'missing-clause').length, 6);
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 2, character: 11 },
  });
  assert.doesNotMatch(hover.contents.value, /情報セキュリティ監査の実施/);
  // defaults still apply.
  assert.match(diags.find((d) => d.code === 'unresolved-placeholder')!.message, /「架空省」に置き換えられます/);
  const notice = await client.until(
    () => client.messages.find((m) => m.message.includes('.itaku.yaml')),
    'the untrusted notice',
  );
  assert.equal(
    notice.message,
    'itaku: このワークスペースは信頼されていないため、.itaku.yaml が指定するカタログ「./kakusho.itaku-catalog.yaml」は使いません。ユーザー設定の itaku.catalog か組み込みのカタログを使います（.itaku.yaml のほかの設定は有効です）。ワークスペースを信頼すると使えます。',
  );
});
