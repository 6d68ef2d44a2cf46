import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOG_TEXT } from '../support/catalog';
import { LspClient } from '../support/lsp';

const DRAFT = [
  '---',
  'document: 契約書',
  'category: storage-transport',
  '---',
  '',
  '乙は、知り得た秘密を漏らしてはならない。',
  '',
].join('\n');

let client: LspClient;
let folder: string;
before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'itaku-ws-'));
  client = await LspClient.start({ workspaceFolder: pathToFileURL(folder).toString() });
});
after(async () => {
  await client?.shutdown().catch(() => undefined);
});

test('settings changes take effect: English messages and a severity override', async () => {
  const uri = pathToFileURL(path.join(folder, 'a.md')).toString();
  client.open(uri, DRAFT, 1);
  const ja = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(
    ja.map((d) => [d.code, d.severity]),
    [['missing-clause', 2]],
  );
  assert.match(ja[0].message, /^必須条項「再委託に関する事項」/);
  client.settings = { locale: 'en', severity: { 'missing-clause': 'error' } };
  const before = client.published.length;
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const en = await client.until(
    () => client.published.slice(before).find((p) => p.uri === uri)?.diagnostics,
    'republished diagnostics',
  );
  assert.deepEqual(
    en.map((d) => [d.code, d.severity]),
    [['missing-clause', 1]],
  );
  assert.match(en[0].message, /^Required clause "Re-delegation \(subcontracting\)" \(表3\(13\)\) was not found\./);
  client.settings = { severity: { 'missing-clause': 'off' } };
  const mark = client.published.length;
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual(
    await client.until(() => client.published.slice(mark).find((p) => p.uri === uri)?.diagnostics, 'republished'),
    [],
  );
});

test('an invalid custom catalog: its problems on the catalog file, a warning, and the built-in catalog keeps working', async () => {
  writeFileSync(
    path.join(folder, 'my-catalog.yaml'),
    CATALOG_TEXT.replace('id: nisc-2011', 'id: My Catalog').replace(
      '  - id: audit\n',
      '  - id: audit\n    colour: red\n',
    ),
  );
  client.settings = { catalog: 'my-catalog.yaml' };
  const mark = client.published.length;
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const catalogUri = pathToFileURL(path.join(folder, 'my-catalog.yaml')).toString();
  const problems = await client.until(
    () => client.published.slice(mark).find((p) => p.uri === catalogUri)?.diagnostics,
    'catalog problems',
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.range.start.line, p.message]),
    [
      ['invalid-catalog', 4, 'id: 形式が違います（英小文字・数字・ハイフンの id）。'],
      ['invalid-catalog', 1074, 'clauses.10: 不明なキー「colour」です。'].map((v, i) =>
        i === 1 ? problemsLine(CATALOG_TEXT) : v,
      ),
    ],
  );
  const warning = await client.until(
    () => client.messages.find((m) => m.message.includes('my-catalog.yaml')),
    'warning',
  );
  assert.equal(warning.type, 2);
  const uri = pathToFileURL(path.join(folder, 'a.md')).toString();
  const draft = await client.until(
    () => client.published.slice(mark).find((p) => p.uri === uri)?.diagnostics,
    'draft diagnostics',
  );
  assert.deepEqual(
    draft.map((d) => d.code),
    ['missing-clause'],
  );
});

/** 0-based line of the `colour:` key added after `- id: audit`. */
function problemsLine(text: string): number {
  return text.split('\n').findIndex((l) => l === '  - id: audit') + 1;
}

test('a valid custom catalog is used: a ministry that makes audit required everywhere', async () => {
  const custom = CATALOG_TEXT.replace('id: nisc-2011', 'id: my-ministry').replace(
    /(- id: audit[\s\S]*?contract:\n\s+basis: [^\n]*\n\s+cells: )\{[^}]*\}/,
    '$1{ build: R, operation-onsite: R, operation-remote: R, operation-datacenter: R, operation-asp: R, operation-housing: R, maintenance: R, processing: R, storage-transport: R, cloud: R }',
  );
  writeFileSync(path.join(folder, 'ministry.yaml'), custom);
  client.settings = { catalog: path.join(folder, 'ministry.yaml') };
  const mark = client.published.length;
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const uri = pathToFileURL(path.join(folder, 'a.md')).toString();
  const draft = await client.until(
    () => client.published.slice(mark).find((p) => p.uri === uri)?.diagnostics,
    'draft diagnostics',
  );
  assert.deepEqual(
    draft.map((d) => d.data?.clause),
    ['audit', 'subcontracting'],
  );
});

test('a changed catalog file re-analyses only the drafts that use it, however many events arrive', async () => {
  // a.md uses ministry.yaml (the test above); b.md the built-in catalog.
  const aUri = pathToFileURL(path.join(folder, 'a.md')).toString();
  const bUri = pathToFileURL(path.join(folder, 'b.md')).toString();
  client.settingsFor = (scope) => (scope === bUri ? {} : undefined);
  client.open(bUri, DRAFT, 1);
  await client.diagnosticsFor(bUri, 1);
  writeFileSync(path.join(folder, 'ministry.yaml'), CATALOG_TEXT.replace('id: nisc-2011', 'id: my-ministry'));
  const mark = client.published.length;
  const changes = [
    { uri: pathToFileURL(path.join(folder, 'ministry.yaml')).toString(), type: 2 },
    { uri: pathToFileURL(path.join(folder, 'other.yaml')).toString(), type: 2 },
  ];
  for (let i = 0; i < 200; i++) void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  const draft = await client.until(
    () => client.published.slice(mark).find((p) => p.uri === aUri)?.diagnostics,
    'a.md republished',
  );
  assert.deepEqual(
    draft.map((d) => d.data?.clause),
    ['subcontracting'],
  );
  // b.md was not analysed again: after an edit, its only publication since the events is version 2.
  client.change(bUri, 2, [{ text: `${DRAFT}\n` }]);
  await client.diagnosticsFor(bUri, 2);
  assert.deepEqual(
    client.published
      .slice(mark)
      .filter((p) => p.uri === bUri)
      .map((p) => p.version),
    [2],
  );
  client.settingsFor = undefined;
});

test('a catalog that cannot be used (a folder, a FIFO, /dev/zero, a deep nesting): one finding, one notification, and drafts keep their diagnostics with the built-in catalog', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(path.join(folder, 'a-folder.yaml'));
  execFileSync('mkfifo', [path.join(folder, 'fifo.yaml')]);
  writeFileSync(path.join(folder, 'deep.yaml'), `${'['.repeat(20000)}${']'.repeat(20000)}\n`);
  const uri = pathToFileURL(path.join(folder, 'a.md')).toString();
  for (const [setting, why] of [
    ['a-folder.yaml', '通常のファイルではありません'],
    ['fifo.yaml', '通常のファイルではありません'],
    ['/dev/zero', '通常のファイルではありません'],
    ['deep.yaml', ''],
  ] as const) {
    client.settings = { catalog: setting };
    const mark = client.published.length;
    const messages = client.messages.length;
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const draft = await client.until(
      () => client.published.slice(mark).find((p) => p.uri === uri)?.diagnostics,
      `draft diagnostics with ${setting}`,
    );
    assert.deepEqual(
      draft.map((d) => d.code),
      ['missing-clause'],
      setting,
    );
    const file = path.isAbsolute(setting) ? setting : path.join(folder, setting);
    const catalogUri = pathToFileURL(file).toString();
    const finding = await client.until(
      () => client.published.slice(mark).find((p) => p.uri === catalogUri)?.diagnostics,
      `finding for ${setting}`,
    );
    assert.equal(finding.length >= 1, true, setting);
    if (why)
      assert.equal(
        finding[0].message,
        `カタログとして使えません: ${why}（フォルダ・デバイス・FIFO などは読みません）。組み込みのカタログを使います。`,
      );
    const notice = await client.until(
      () => client.messages.slice(messages).find((m) => m.message.includes(path.basename(file))),
      `notice for ${setting}`,
    );
    assert.doesNotMatch(notice.message, /Invalid string length|ENOENT|EISDIR|Maximum call stack/);
    // Hover still answers (not a raw error).
    const hover = await client.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 5, character: 2 },
    });
    assert.ok(hover === null || typeof hover === 'object');
  }
  client.settings = {};
});
