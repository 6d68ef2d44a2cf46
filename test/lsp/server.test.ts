import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/catalog';
import { runCli } from '../support/cli';
import { buildSpecFrontMatter, passportSpec } from '../support/fixtures';
import { LspClient, serveFile, uriOf } from '../support/lsp';
import { applyTextEdits, editsOf, type LspTextEdit } from '../support/textEdits';

interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: { documentChanges: Array<{ textDocument: { uri: string; version: number }; edits: LspTextEdit[] }> };
  diagnostics?: unknown[];
}

const SPEC = passportSpec(
  buildSpecFrontMatter(),
  'structure',
  'confidentiality',
  'functions',
  'vulnerability',
  'incident',
  'compliance',
);

let client!: LspClient;
serveFile((c) => (client = c));

test('initialize: the capabilities itaku serves', () => {
  const result = client.initializeResult as { capabilities: unknown; serverInfo: { name: string } };
  assert.deepEqual(result.capabilities, {
    textDocumentSync: { openClose: true, change: 2 },
    codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.itaku'], resolveProvider: true },
    hoverProvider: true,
    completionProvider: { triggerCharacters: [':', '[', ',', ' '] },
    documentSymbolProvider: true,
    executeCommandProvider: {
      commands: [
        'itaku.server.insertAllMissing',
        'itaku.server.newDraftText',
        'itaku.server.draftChoices',
        'itaku.server.checkWorkspace',
        'itaku.server.wordToMarkdown',
        'itaku.server.exportWord',
      ],
    },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  });
  assert.equal(result.serverInfo.name, 'itaku');
});

test('a draft gets its diagnostics on open, with code, docs link, source, version and data', async () => {
  const uri = uriOf('spec.md');
  client.open(uri, SPEC, 1);
  const diagnostics = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(
    diagnostics.map((d) => [
      d.code,
      d.severity,
      d.range.start.line,
      d.range.start.character,
      d.range.end.character,
      d.source,
    ]),
    [
      ['missing-clause', 2, 2, 10, 15, 'itaku'],
      ['missing-clause', 2, 2, 10, 15, 'itaku'],
      ['unresolved-placeholder', 2, 28, 21, 26, 'itaku'],
    ],
  );
  assert.deepEqual(
    diagnostics.map((d) => d.data),
    [{ clause: 'remediation' }, { clause: 'subcontracting' }, { placeholder: 'organization', fill: '外務省' }],
  );
  assert.match(diagnostics[0].codeDescription!.href, /^file:\/\/.*\/docs\/rules\/missing-clause\.md$/);
  assert.equal(
    diagnostics[0].message,
    '必須条項「情報セキュリティ対策の履行が不十分な場合の対処」（表1(9)）が見つかりません。業務分類「情報システムの構築等」で必須です（根拠: 表1(9); 第Ⅰ部6.3.3(4)）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。',
  );
  const status = await client.until(
    () =>
      client.notifications.find((n) => n.method === 'itaku/status' && (n.params as { uri: string }).uri === uri)
        ?.params,
    'status',
  );
  assert.deepEqual(status, {
    uri,
    version: 1,
    isDraft: true,
    documentLabel: '調達仕様書',
    categoryLabels: ['情報システムの構築等'],
    required: 8,
    present: 6,
    problems: 3,
    coverageText: '必須条項 6/8',
    tooltip: 'itaku: この草案の指摘 3 件。クリックで条項カバレッジを表示します。',
  });
});

test('code actions for a missing clause: one per variant, one preferred; the edit inserts the wording and re-analysis finds the clause', async () => {
  const uri = uriOf('spec.md');
  const diagnostics = await client.diagnosticsFor(uri, 1);
  const missing = diagnostics.filter((d) => d.code === 'missing-clause' && d.data?.clause === 'subcontracting');
  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: missing[0].range,
    context: { diagnostics: missing, only: ['quickfix'] },
  });
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
    [
      ['「再委託に関する事項」を挿入（再委託を禁止する場合）', 'quickfix', true],
      ['「再委託に関する事項」を挿入（再委託を認める場合）', 'quickfix', false],
      ['不足している必須条項をすべて挿入（2 件）', 'quickfix', false],
      ['この条項を適用除外にする（理由を記入）', 'quickfix', false],
    ],
  );
  assert.equal(actions[0].edit.documentChanges[0].textDocument.version, 1);
  const edits = editsOf(actions[0].edit, uri);
  assert.ok(
    edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character),
    'insert only',
  );
  const fixed = applyTextEdits(SPEC, edits);
  assert.equal(
    fixed,
    SPEC.replace(
      '## 8 納品',
      '### (7) 再委託に関する事項\n\n本調達に係る業務は、その全部又は一部を他の事業者にも再委託させてはならない。\n\n## 8 納品',
    ),
  );
  client.change(uri, 2, [{ text: fixed }]);
  const after = await client.diagnosticsFor(uri, 2);
  assert.deepEqual(
    after.map((d) => [d.code, d.data?.clause ?? d.data?.placeholder]),
    [
      ['missing-clause', 'remediation'],
      ['unresolved-placeholder', 'organization'],
    ],
  );
});

test('the placeholder quick fix fills 〔 省 〕 from the front matter', async () => {
  const uri = uriOf('spec.md');
  const diagnostics = await client.diagnosticsFor(uri, 2);
  const ph = diagnostics.filter((d) => d.code === 'unresolved-placeholder');
  const [action] = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: ph[0].range,
    context: { diagnostics: ph },
  });
  assert.equal(action.title, '「外務省」で置き換える');
  assert.deepEqual(editsOf(action.edit, uri), [{ range: ph[0].range, newText: '外務省' }]);
});

test('didChange with incremental edits updates the diagnostics', async () => {
  const uri = uriOf('spec.md');
  // Delete 〔 省 〕 and type 外務省 over it, in two incremental changes.
  const ph = (await client.diagnosticsFor(uri, 2)).find((d) => d.code === 'unresolved-placeholder')!;
  client.change(uri, 3, [{ range: ph.range, text: '' }]);
  client.change(uri, 4, [{ range: { start: ph.range.start, end: ph.range.start }, text: '外務省' }]);
  const diagnostics = await client.diagnosticsFor(uri, 4);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['missing-clause'],
  );
});

test('source.fixAll.itaku inserts every missing required clause', async () => {
  const uri = uriOf('fixall.md');
  const text = [
    '---',
    'document: 契約書',
    'category: operation-remote',
    '---',
    '',
    '第1条（秘密の保持）',
    '乙は、知り得た秘密を漏らしてはならない。',
    '',
  ].join('\n');
  client.open(uri, text, 1);
  await client.diagnosticsFor(uri, 1);
  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind]),
    [['不足している必須条項をすべて挿入（8 件）', 'source.fixAll.itaku']],
  );
  const fixed = applyTextEdits(text, editsOf(actions[0].edit, uri));
  client.change(uri, 2, [{ text: fixed }]);
  const after = await client.diagnosticsFor(uri, 2);
  assert.deepEqual(
    after.filter((d) => d.code === 'missing-clause'),
    [],
  );
  // Quick fixes do not come back as source actions and vice versa.
  const none = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['quickfix'] },
  });
  assert.deepEqual(none, []);
});

test('hover on a clause shows its basis and model wording; on a category, the clauses it requires', async () => {
  const uri = uriOf('spec.md');
  const onClause = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 26, character: 8 },
  });
  assert.equal(onClause.contents.kind, 'markdown');
  const lines = onClause.contents.value.split('\n');
  assert.deepEqual(lines.slice(0, 5), [
    '**情報セキュリティが侵害された場合の対処** (`incident-response`) — 表1(7)',
    '',
    '要否: **必須**（業務分類「情報システムの構築等」、根拠: 表1(7); 第Ⅰ部6.3.2）',
    '',
    '検出: 見出し',
  ]);
  assert.ok(
    lines.includes('>   - 受注者に提供し、又は受注者によるアクセスを認める外務省の情報の外部への漏えい及び目的外利用'),
    onClause.contents.value,
  );
  // The catalog maintainers' remark on this wording (in English, how it was taken from the
  // template) is not the template's drafting note: it is not shown to the author.
  assert.equal(lines.filter((l) => l.startsWith('注:')).length, 0, onClause.contents.value);
  assert.equal(lines[lines.length - 1], '>   - 受注者の者による外務省のその他の情報へのアクセス');
  const onCategory = await client.request<{ contents: { value: string } }>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 2, character: 12 },
  });
  assert.equal(onCategory.contents.value.split('\n')[0], '**情報システムの構築等**（`build`）で必須の条項:');
  assert.ok(
    onCategory.contents.value.includes('- ✗ 情報セキュリティ対策の履行が不十分な場合の対処 — 表1(9); 第Ⅰ部6.3.3(4)'),
  );
  assert.ok(onCategory.contents.value.includes('- ✓ 取り扱う府省庁の情報の秘密保持等 — 表1(2); 第Ⅰ部6.3.1, 8.1'));
});

test('completion: front-matter keys and values, and clause snippets with missing ones first', async () => {
  const uri = uriOf('complete.md');
  const text = ['---', 'document: 契約書', 'category: ', '', 'options:', '  ', '---', '', '## 特記事項', '', ''].join(
    '\n',
  );
  client.open(uri, text.replace('category: ', 'category: build'), 1);
  await client.diagnosticsFor(uri, 1);
  client.change(uri, 2, [{ text }]);
  // Front-matter lists are incomplete (asked again while typing: a finished word closes them).
  const { items: keys } = await client.request<{ isIncomplete: boolean; items: Array<{ label: string }> }>(
    'textDocument/completion',
    { textDocument: { uri }, position: { line: 3, character: 0 } },
  );
  assert.deepEqual(
    keys.map((k) => k.label),
    [
      'document',
      '文書種別',
      'category',
      '業務分類',
      'organization',
      '組織',
      'parties',
      '当事者',
      'options',
      'オプション',
    ],
  );
  const { items: categories } = await client.request<{ items: Array<{ label: string; detail: string }> }>(
    'textDocument/completion',
    { textDocument: { uri }, position: { line: 2, character: 10 } },
  );
  assert.deepEqual(
    categories.slice(0, 4).map((c) => [c.label, c.detail]),
    [
      ['build', '情報システムの構築等'],
      ['情報システムの構築等', 'build'],
      ['operation-onsite', 'オンサイトサービス'],
      ['オンサイトサービス', 'operation-onsite'],
    ],
  );
  const { items: options } = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 5, character: 2 },
  });
  assert.deepEqual(
    options.map((o) => o.label),
    [
      'target',
      'subcontracting',
      'audit',
      'st-evaluation',
      'vendor-assessment',
      'confirmation',
      'important-information',
      'exception-approval',
      'storage-mode',
      'require',
    ],
  );
  client.change(uri, 3, [{ text: text.replace('category: ', 'category: storage-transport') }]);
  await client.diagnosticsFor(uri, 3);
  const body = await client.request<
    Array<{ label: string; detail: string; sortText: string; insertText: string; insertTextFormat: number }>
  >('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 0 } });
  const sorted = [...body].sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.deepEqual(
    sorted.slice(0, 3).map((c) => [c.label, c.detail]),
    [
      ['秘密保持等', 'confidentiality — 必須・未記載'],
      ['再委託に関する事項（再委託を禁止する場合）', 'subcontracting — 必須・未記載'],
      ['再委託に関する事項（再委託を認める場合）', 'subcontracting — 必須・未記載'],
    ],
  );
  assert.equal(sorted[0].insertTextFormat, 2);
  assert.equal(
    sorted[0].insertText,
    '### 秘密保持等\n\n${1:[乙]}は、本調達に係る業務の遂行において${2:[甲]}が${3|保存,運搬|}を委託する情報について、その漏洩及び毀損を防止するための十分な安全管理を行うこと。\n',
  );
});

test('hover on a clause shows the evidence that proves it; Ctrl+. on a paragraph treats it as a missing clause', async () => {
  const uri = uriOf('mark.md');
  client.open(uri, SPEC, 1);
  await client.diagnosticsFor(uri, 1);
  const onClause = await client.request<{ contents: { value: string } }>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 14, character: 6 },
  });
  // The heading is the clause's own title (escaped like every draft text in hover Markdown).
  assert.ok(
    onClause.contents.value.split('\n').includes('根拠となる記述（15 行目）: 「(2) 秘密保持」'),
    onClause.contents.value,
  );
  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 36, character: 2 }, end: { line: 36, character: 2 } },
    context: { diagnostics: [], only: ['quickfix'] },
  });
  assert.deepEqual(
    actions.map((a) => a.title),
    [
      'この段落を『情報セキュリティ対策の履行が不十分な場合の対処』として扱う',
      'この段落を『再委託に関する事項』として扱う',
    ],
  );
  const edits = editsOf(actions[1].edit, uri);
  assert.deepEqual(edits, [
    {
      range: { start: { line: 36, character: 0 }, end: { line: 36, character: 0 } },
      newText: '<!-- itaku: clause subcontracting -->\n',
    },
  ]);
  client.change(uri, 2, [{ text: applyTextEdits(SPEC, edits) }]);
  const after = await client.diagnosticsFor(uri, 2);
  assert.deepEqual(
    after.map((d) => [d.code, d.data?.clause ?? d.data?.placeholder]),
    [
      ['missing-clause', 'remediation'],
      ['unresolved-placeholder', 'organization'],
    ],
  );
  client.close(uri);
});

test('document symbols: sections with their clauses', async () => {
  const uri = uriOf('spec.md');
  const symbols = await client.request<
    Array<{
      name: string;
      children: Array<{ name: string; detail?: string; children: Array<{ name: string; detail?: string }> }>;
    }>
  >('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols[0].name, '旅券発給管理システム構築 調達仕様書');
  const security = symbols[0].children[0];
  assert.equal(security.name, '7 情報セキュリティ');
  assert.deepEqual(
    security.children.map((c) => [c.name, c.detail]),
    [
      ['(1) 情報セキュリティを確保するための体制の整備', 'security-structure'],
      ['(2) 秘密保持', 'confidentiality'],
      ['(3) セキュリティ機能の装備', 'security-functions'],
      ['(4) 脆弱性対策', 'vulnerability'],
      ['(5) 情報セキュリティが侵害された場合の対処', 'incident-response'],
      ['(6) 履行状況の確認', 'compliance-check'],
      ['(7) 再委託に関する事項', 'subcontracting'],
    ],
  );
});

test('a Markdown file that is not a draft gets no diagnostics, hover, actions or symbols', async () => {
  const uri = uriOf('README.md');
  client.open(uri, '# メモ\n\n〔 省 〕 【再委託を禁止する場合】\n', 1);
  assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
  assert.equal(
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } }),
    null,
  );
  assert.deepEqual(
    await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } },
      context: { diagnostics: [] },
    }),
    [],
  );
  assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
});

test('commands: insert all missing clauses (workspace/applyEdit) and the text of a new draft', async () => {
  const uri = uriOf('command.md');
  const text = ['---', 'document: 調達仕様書', 'category: processing', '---', ''].join('\n');
  client.open(uri, text, 1);
  await client.diagnosticsFor(uri, 1);
  const result = await client.request('workspace/executeCommand', {
    command: 'itaku.server.insertAllMissing',
    arguments: [{ uri }],
  });
  assert.deepEqual(result, { applied: true, clauses: 6 });
  const applied = client.notifications.find((n) => n.method === 'workspace/applyEdit')!.params as {
    edit: Parameters<typeof editsOf>[0];
  };
  const fixed = applyTextEdits(text, editsOf(applied.edit, uri));
  client.change(uri, 2, [{ text: fixed }]);
  assert.deepEqual(
    (await client.diagnosticsFor(uri, 2)).filter((d) => d.code === 'missing-clause'),
    [],
  );
  const draft = await client.request<string>('workspace/executeCommand', {
    command: 'itaku.server.newDraftText',
    arguments: [{ document: 'contract', categories: ['maintenance'], locale: 'ja' }],
  });
  // A contract's clauses are articles 第1条, 第2条, … (issue 11).
  assert.ok(
    draft.startsWith(
      '---\ndocument: contract\ncategory: [maintenance]\n---\n\n# （件名）契約書\n\n第1条（情報セキュリティを確保するための体制の整備）\n',
    ),
    draft,
  );
  const newUri = uriOf('new.md');
  client.open(newUri, draft, 1);
  assert.deepEqual(
    (await client.diagnosticsFor(newUri, 1)).filter((d) => d.code === 'missing-clause'),
    [],
  );
});

test('a burst of edits: the last version always gets its diagnostics', async () => {
  const uri = uriOf('burst.md');
  const base = ['---', 'document: 契約書', 'category: processing', '---', '', ''].join('\n');
  client.open(uri, base, 1);
  await client.diagnosticsFor(uri, 1);
  const line = '乙は、知り得た秘密を漏らしてはならない。';
  for (let i = 0; i < line.length; i++)
    client.change(uri, i + 2, [
      { range: { start: { line: 5, character: i }, end: { line: 5, character: i } }, text: line[i] },
    ]);
  const last = line.length + 1;
  const diagnostics = await client.diagnosticsFor(uri, last);
  assert.ok(!diagnostics.some((d) => d.data?.clause === 'confidentiality'));
  const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
  assert.deepEqual(
    versions,
    [...versions].sort((a, b) => a - b),
    'never an older version after a newer one',
  );
  assert.equal(versions[versions.length - 1], last);
});

test("the server's diagnostics equal the CLI's on every fixture draft", async () => {
  const dir = path.join(ROOT, 'test/fixtures/drafts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  const cli = JSON.parse(runCli(['check', dir, '--format', 'json']).stdout) as {
    files: Array<{
      path: string;
      diagnostics: Array<{ code: string; range: unknown; message: string; severity: string }>;
    }>;
  };
  const severity = { error: 1, warning: 2, information: 3, hint: 4 } as const;
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/^\ufeff/, '');
    const uri = uriOf(`fixtures/${file}`);
    client.open(uri, text, 1);
    const server = await client.diagnosticsFor(uri, 1);
    const fromCli = cli.files.find((f) => f.path.endsWith(file))!.diagnostics;
    assert.deepEqual(
      server.map((d) => [d.code, d.range, d.message, d.severity]),
      fromCli.map((d) => [d.code, d.range, d.message, severity[d.severity as keyof typeof severity]]),
      file,
    );
  }
});

test('shutdown and exit end the process with code 0', async () => {
  const other = await LspClient.start();
  assert.equal(await other.shutdown(), 0);
});
