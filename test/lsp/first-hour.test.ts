import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STORAGE_CONTRACT_WITH_PARTIES_HEAD, STORAGE_SPEC_CONFIDENTIALITY_ONLY } from '../support/fixtures';
import { LspClient, serveFile, uriOf } from '../support/lsp';

let client!: LspClient;
serveFile((c) => (client = c));

const statusOf = (uri: string) =>
  client.until(
    () =>
      client.notifications.find((n) => n.method === 'itaku/status' && (n.params as { uri: string }).uri === uri)
        ?.params,
    `status of ${uri}`,
  );

test('status: an unclosed front matter, an unknown category or broken YAML is an error state, never a green 0/0', async () => {
  const cases: Array<[string, string, number]> = [
    ['unclosed.md', ['---', 'document: 調達仕様書', 'category: 構築', '', '# 件名', ''].join('\n'), 1],
    [
      'unknown-category.md',
      ['---', 'document: 調達仕様書', 'category: 宇宙開発', '---', '', '# 件名', ''].join('\n'),
      1,
    ],
    ['broken-yaml.md', ['---', 'document: 調達仕様書', 'category: [構築', '---', '', '# 件名', ''].join('\n'), 1],
  ];
  for (const [name, text] of cases) client.open(uriOf(name), text, 1);
  for (const [name, , problems] of cases) {
    const uri = uriOf(name);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.ok(diagnostics.length >= problems, name);
    const status = (await statusOf(uri)) as Record<string, unknown>;
    assert.equal(status.unchecked, true, name);
    assert.equal(status.coverageText, '必須条項を判定できません', name);
    assert.equal(
      status.tooltip,
      `itaku: front matter（YAML、document、category）に問題があるため、必須条項を判定できません。指摘 ${diagnostics.length} 件。クリックで条項カバレッジを表示します。`,
    );
  }
  const ok = uriOf('ok.md');
  client.open(ok, ['---', 'document: 調達仕様書', 'category: 構築', '---', '', '# 件名', ''].join('\n'), 1);
  const status = (await statusOf(ok)) as Record<string, unknown>;
  assert.equal(status.unchecked, undefined);
  assert.equal(status.coverageText, '必須条項 0/8');
});

interface Action {
  title: string;
  edit: {
    documentChanges: Array<{
      textDocument: { uri: string; version: number };
      edits: Array<{
        range: { start: { line: number; character: number } };
        newText?: string;
        snippet?: { kind: string; value: string };
      }>;
    }>;
  };
}

const WAIVE_DRAFT = STORAGE_SPEC_CONFIDENTIALITY_ONLY;

test('「この条項を適用除外にする（理由を記入）」: the waiver directive after the front matter; a snippet with the reason as tab stop where the client takes snippet edits', async () => {
  const uri = uriOf('waive.md');
  client.open(uri, WAIVE_DRAFT, 1);
  const diagnostics = await client.diagnosticsFor(uri, 1);
  const missing = diagnostics.filter((d) => d.code === 'missing-clause');
  assert.deepEqual(
    missing.map((d) => d.data),
    [{ clause: 'subcontracting' }],
  );
  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: missing[0].range,
    context: { diagnostics: missing, only: ['quickfix'] },
  });
  const waive = actions.find((a) => a.title === 'この条項を適用除外にする（理由を記入）')!;
  assert.equal(actions[actions.length - 1], waive, 'offered last, as eslint offers "Disable rule"');
  assert.deepEqual(waive.edit.documentChanges[0].edits, [
    {
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
      newText: '\n<!-- itaku-disable missing-clause subcontracting 理由を記入 -->',
    },
  ]);
  // Applied: the clause is waived with that reason, and nothing else changes.
  const text = WAIVE_DRAFT.replace(
    '---\n\n#',
    '---\n\n<!-- itaku-disable missing-clause subcontracting 理由を記入 -->\n\n#',
  );
  client.change(uri, 2, [{ text }]);
  const after = await client.diagnosticsFor(uri, 2);
  assert.deepEqual(
    after.map((d) => d.code),
    [],
  );

  const snippetClient = await LspClient.start({ snippetEdits: true });
  try {
    snippetClient.open(uri, WAIVE_DRAFT, 1);
    const ds = (await snippetClient.diagnosticsFor(uri, 1)).filter((d) => d.code === 'missing-clause');
    const acts = await snippetClient.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: ds[0].range,
      context: { diagnostics: ds, only: ['quickfix'] },
    });
    const w = acts.find((a) => a.title === 'この条項を適用除外にする（理由を記入）')!;
    assert.deepEqual(w.edit.documentChanges[0], {
      textDocument: { uri, version: 1 },
      edits: [
        {
          range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
          snippet: {
            kind: 'snippet',
            value: '\n<!-- itaku-disable missing-clause subcontracting ${1:理由を記入} -->$0',
          },
        },
      ],
    });
  } finally {
    await snippetClient.shutdown().catch(() => undefined);
  }
});

test('front-matter completion does not swallow Enter: lists are incomplete, and a finished key or value gets none', async () => {
  const uri = uriOf('enter.md');
  const text = [
    '---',
    'document: 契約書',
    'category: build',
    'options:',
    '  confirmation: tru',
    '  audit: true',
    'organization',
    '---',
    '',
    '# 件名',
    '',
  ].join('\n');
  client.open(uri, text, 1);
  await client.diagnosticsFor(uri, 1);
  type List = { isIncomplete: boolean; items: Array<{ label: string }> };
  const at = (line: number, character: number) =>
    client.request<List>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  const partial = await at(4, 18);
  assert.deepEqual([partial.isIncomplete, partial.items.map((i) => i.label)], [true, ['true', 'false']]);
  assert.deepEqual(await at(5, 13), { isIncomplete: true, items: [] });
  assert.deepEqual(await at(2, 15), { isIncomplete: true, items: [] });
  assert.deepEqual(await at(6, 12), { isIncomplete: true, items: [] });
  assert.deepEqual((await at(2, 10)).items.length > 0, true);
});

test('source.fixAll.itaku also fills the placeholders the front matter names', async () => {
  const uri = uriOf('fixall-fill.md');
  const text = [
    ...STORAGE_CONTRACT_WITH_PARTIES_HEAD,
    '[乙]は、本業務に関して知り得た秘密を漏らしてはならない。',
    '',
    '本業務は、その全部又は一部を再委託してはならない。',
    '',
  ].join('\n');
  client.open(uri, text, 1);
  await client.diagnosticsFor(uri, 1);
  const actions = await client.request<Array<{ title: string; kind: string; edit: Action['edit'] }>>(
    'textDocument/codeAction',
    {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    },
  );
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind]),
    [['front matter の値ですべて置き換える', 'source.fixAll.itaku']],
  );
  assert.deepEqual(actions[0].edit.documentChanges[0].edits, [
    { range: { start: { line: 8, character: 0 }, end: { line: 8, character: 3 } }, newText: '株式会社いろは' },
  ]);
});

test('stale diagnostics: typing fast (one change per key, no waiting), no version is published after a newer one, and the last version gets its own', async () => {
  const uri = uriOf('typing.md');
  const head = ['---', 'document: 調達仕様書', 'category: build', 'options:', ''].join('\n');
  const typed = '  audit: true\n  subcontracting: prohibited\n';
  const tail = ['---', '', '# 件名', ''].join('\n');
  client.open(uri, head + tail, 1);
  await client.diagnosticsFor(uri, 1);
  const from = client.published.length;
  for (let i = 1; i <= typed.length; i++) client.change(uri, i + 1, [{ text: head + typed.slice(0, i) + tail }]);
  const last = typed.length + 1;
  await client.diagnosticsFor(uri, last);
  const versions = client.published
    .slice(from)
    .filter((p) => p.uri === uri)
    .map((p) => p.version!);
  assert.ok(versions.length >= 1);
  for (let i = 1; i < versions.length; i++)
    assert.ok(versions[i] > versions[i - 1], `published ${versions.join(', ')}`);
  assert.equal(versions[versions.length - 1], last);
  // The final diagnostics are those of the final text (no YAML error left from a half-typed line).
  assert.deepEqual(
    (await client.diagnosticsFor(uri, last)).map((d) => d.code).filter((c) => c === 'frontmatter-yaml'),
    [],
  );
  const statuses = client.notifications
    .filter((n) => n.method === 'itaku/status' && (n.params as { uri: string }).uri === uri)
    .map((n) => (n.params as { version: number }).version);
  for (let i = 1; i < statuses.length; i++)
    assert.ok(statuses[i] > statuses[i - 1], `status versions ${statuses.join(', ')}`);
});

test('New draft…: the choices come from the catalog via the server; a contract asks for parties and gets 第n条 articles', async () => {
  const choices = await client.request<{
    documentTypes: Array<{ id: string; label: string; label_en: string }>;
    categories: Array<{ id: string; label: string; label_en: string; aliases: string[] }>;
  }>('workspace/executeCommand', { command: 'itaku.server.draftChoices', arguments: [] });
  assert.deepEqual(
    choices.documentTypes.map((d) => [d.id, d.label]),
    [
      ['procurement-spec', '調達仕様書'],
      ['contract', '契約書'],
    ],
  );
  assert.deepEqual(choices.categories.find((c) => c.id === 'maintenance')!.label, '保守・点検');
  assert.equal(choices.categories.length, 10);
  const draft = await client.request<string>('workspace/executeCommand', {
    command: 'itaku.server.newDraftText',
    arguments: [
      {
        document: 'contract',
        categories: ['maintenance'],
        organization: '外務省',
        parties: { 甲: '外務省', 乙: '株式会社いろは' },
        locale: 'ja',
      },
    ],
  });
  assert.deepEqual(
    draft.split('\n').filter((l) => /^(第|#|organization|parties)/.test(l)),
    [
      'organization: 外務省',
      'parties: { 甲: 外務省, 乙: 株式会社いろは }',
      '# （件名）契約書',
      '第1条（情報セキュリティを確保するための体制の整備）',
      '第2条（秘密保持等）',
      '第3条（運用・保守・点検における情報セキュリティ対策）',
      '第4条（情報セキュリティが侵害された場合の対処）',
      '第5条（情報セキュリティ対策の履行状況の確認）',
      '第6条（情報セキュリティ対策の履行が不十分な場合の対処）',
      '第7条（再委託に関する事項）',
    ],
  );
  assert.match(
    draft,
    /^株式会社いろはは、本契約に係る業務の実施における情報セキュリティ確保のための体制を整備し、外務省に報告するものとする。$/m,
  );
  const uri = uriOf('new-contract.md');
  client.open(uri, draft, 1);
  const diagnostics = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(
    diagnostics.filter(
      (d) =>
        d.code === 'missing-clause' ||
        d.code === 'numbering' ||
        d.data?.placeholder === '甲' ||
        d.data?.placeholder === '乙',
    ),
    [],
  );
});
