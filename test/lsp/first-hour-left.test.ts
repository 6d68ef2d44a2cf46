// Issue 11 over the protocol: fixes show what they inserted (itaku.reveal), fix-all is resolved
// lazily where the client can, and [甲]/[乙] without parties offer to add them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTRACT_WITHOUT_PARTIES, firstHourSpec } from '../support/fixtures';
import { LspClient, serveFile, uriOf } from '../support/lsp';

interface Action {
  title: string;
  kind?: string;
  data?: unknown;
  edit?: { documentChanges: Array<{ textDocument: { uri: string; version: number }; edits: unknown[] }> };
  command?: { title: string; command: string; arguments: unknown[] };
}

const SPEC = firstHourSpec();
const CONTRACT = CONTRACT_WITHOUT_PARTIES;

let client!: LspClient;
serveFile((c) => (client = c), { initializationOptions: { clientCommands: ['itaku.reveal'] }, resolveEdits: true });

const quickFixesAt = async (c: LspClient, uri: string, diagnostics: unknown[], range: unknown) =>
  c.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, only: ['quickfix'] },
  });

test('a quick fix carries itaku.reveal with the range of what it inserted, in the document after the edit', async () => {
  const uri = uriOf('reveal.md');
  client.open(uri, SPEC, 1);
  const missing = (await client.diagnosticsFor(uri, 1)).filter((d) => d.code === 'missing-clause');
  const incident = missing.find((d) => d.data?.clause === 'incident-response')!;
  const actions = await quickFixesAt(client, uri, [incident], incident.range);
  const fix = actions.find((a) => a.title.startsWith('「情報セキュリティが侵害された場合の対処」を挿入'))!;
  const [change] = fix.edit!.documentChanges;
  assert.deepEqual(change.edits, [
    {
      range: { start: { line: 17, character: 0 }, end: { line: 17, character: 0 } },
      newText: change.edits.length ? (change.edits[0] as { newText: string }).newText : '',
    },
  ]);
  const inserted = (change.edits[0] as { newText: string }).newText;
  assert.ok(inserted.startsWith('\n### (3) 情報セキュリティが侵害された場合の対処\n\n'), inserted);
  const lastLine = 17 + inserted.trimEnd().split('\n').length - 1;
  assert.deepEqual(fix.command, {
    title: 'itaku: reveal',
    command: 'itaku.reveal',
    arguments: [
      {
        uri,
        range: {
          start: { line: 18, character: 0 },
          end: { line: lastLine, character: inserted.trimEnd().split('\n').pop()!.length },
        },
      },
    ],
  });
});

test('fix-all is resolved lazily: listed without an edit, resolved from the server’s own analysis of the stamped version', async () => {
  const uri = uriOf('lazy.md');
  client.open(uri, SPEC, 1);
  const missing = (await client.diagnosticsFor(uri, 1)).filter((d) => d.code === 'missing-clause');
  const actions = await quickFixesAt(client, uri, missing, missing[0].range);
  const all = actions.find((a) => a.title === `不足している必須条項をすべて挿入（${missing.length} 件）`)!;
  assert.deepEqual([all.edit, all.data], [undefined, { fixAll: true, uri, version: 1 }]);
  const resolved = await client.request<Action>('codeAction/resolve', all);
  assert.equal(resolved.data, undefined);
  const edits = resolved.edit!.documentChanges[0].edits as Array<{ newText: string }>;
  const inserted = edits.map((e) => e.newText).join('');
  for (const heading of ['### (3) セキュリティ機能の装備', '### (4) 脆弱性対策\n', '再委託に関する事項'])
    assert.ok(inserted.includes(heading), inserted);
  assert.equal(resolved.command?.command, 'itaku.reveal');
  // A stale stamp (the document changed since) resolves to no edit at all.
  client.change(uri, 2, [{ text: SPEC + '\n' }]);
  await client.diagnosticsFor(uri, 2);
  const stale = await client.request<Action>('codeAction/resolve', all);
  assert.equal(stale.edit, undefined);
  // Forged data gets nothing either.
  const forged = await client.request<Action>('codeAction/resolve', {
    ...all,
    data: { fixAll: true, uri, version: 'x' },
  });
  assert.equal(forged.edit, undefined);
});

test('without resolve support or itaku.reveal, fix-all comes with its edit and no action carries a command', async () => {
  const plain = await LspClient.start();
  try {
    const uri = uriOf('plain.md');
    plain.open(uri, SPEC, 1);
    const missing = (await plain.diagnosticsFor(uri, 1)).filter((d) => d.code === 'missing-clause');
    const actions = await quickFixesAt(plain, uri, missing, missing[0].range);
    assert.ok(actions.length > 3);
    assert.ok(
      actions.every((a) => a.edit && !a.command && a.data === undefined),
      JSON.stringify(actions.map((a) => a.title)),
    );
  } finally {
    await plain.shutdown().catch(() => undefined);
  }
});

test('[甲]/[乙] and no parties: 「front matter に当事者（parties: 甲・乙）を追加」, as a snippet with the names as tab stops where supported', async () => {
  const uri = uriOf('parties.md');
  client.open(uri, CONTRACT, 1);
  const placeholders = (await client.diagnosticsFor(uri, 1)).filter((d) => d.code === 'unresolved-placeholder');
  assert.deepEqual(
    placeholders.map((d) => d.data),
    [{ placeholder: '乙' }, { placeholder: '甲' }],
  );
  const actions = await quickFixesAt(client, uri, placeholders, placeholders[0].range);
  // Besides the reviewer's 「この段落を『…』として扱う」 (the cursor is in a paragraph), one action.
  const own = actions.filter((a) => !a.title.startsWith('この段落を'));
  assert.deepEqual(
    own.map((a) => a.title),
    ['front matter に当事者（parties: 甲・乙）を追加'],
  );
  assert.deepEqual(own[0].edit!.documentChanges[0].edits, [
    {
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
      newText: 'parties:\n  甲: 外務省\n  乙: 〔　　〕\n',
    },
  ]);
  assert.deepEqual(own[0].command?.arguments, [
    { uri, range: { start: { line: 4, character: 0 }, end: { line: 6, character: 9 } } },
  ]);
  const snippets = await LspClient.start({ snippetEdits: true });
  try {
    snippets.open(uri, CONTRACT, 1);
    const ds = (await snippets.diagnosticsFor(uri, 1)).filter((d) => d.code === 'unresolved-placeholder');
    const add = (await quickFixesAt(snippets, uri, ds, ds[0].range)).find((a) => a.title.startsWith('front matter'))!;
    assert.deepEqual(add.edit!.documentChanges[0].edits, [
      {
        range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
        snippet: { kind: 'snippet', value: 'parties:\n  甲: ${1:外務省}\n  乙: ${2:〔　　〕}\n' },
      },
    ]);
    assert.equal(add.command, undefined, 'the snippet puts the cursor in its tab stop');
  } finally {
    await snippets.shutdown().catch(() => undefined);
  }
});

test('body completion: headings numbered like the draft, and itaku.reveal over the lines it inserts', async () => {
  const uri = uriOf('complete.md');
  const text = SPEC + '\n';
  client.open(uri, text, 1);
  await client.diagnosticsFor(uri, 1);
  const items = await client.request<
    Array<{ label: string; insertText: string; command?: { command: string; arguments: unknown[] } }>
  >('textDocument/completion', { textDocument: { uri }, position: { line: 18, character: 0 } });
  const item = items.find((i) => i.label.startsWith('セキュリティ機能の装備'))!;
  assert.ok(item.insertText.startsWith('### (3) セキュリティ機能の装備\n\n'), item.insertText);
  const count = item.insertText.split('\n').length - 1;
  assert.deepEqual(item.command, {
    title: 'itaku: reveal',
    command: 'itaku.reveal',
    arguments: [
      { uri, range: { start: { line: 18, character: 0 }, end: { line: 18 + count, character: 0 } }, moveCursor: false },
    ],
  });
});

test('「ワークスペースの草案をすべて検査」: every draft of the folder by the CLI’s discovery rules; open drafts count their editor text and are not republished', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-ws-'));
  const write = (name: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  };
  write('a.md', SPEC);
  write('sub/契約.md', CONTRACT);
  write('notes.md', '# メモ\n');
  write('node_modules/pkg/readme.md', SPEC);
  write('.hidden/x.md', SPEC);
  write('sjis.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x82, 0xa0, 0x0a]));
  write('open.md', SPEC);
  const folder = pathToFileURL(dir).toString();
  const ws = await LspClient.start({ workspaceFolder: folder });
  try {
    const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();
    // open.md is open with every clause missing but one: the editor's text counts, not the file's.
    ws.open(uri('open.md'), SPEC.replace(/### \(2\)[\s\S]*/, ''), 3);
    await ws.diagnosticsFor(uri('open.md'), 3);
    const before = ws.published.length;
    const result = await ws.request<{
      drafts: Array<{ uri: string; problems: number; errors: number; warnings: number; information: number }>;
      skipped: Array<{ uri: string; reason: string }>;
      errors: number;
      warnings: number;
      information: number;
    }>('workspace/executeCommand', { command: 'itaku.server.checkWorkspace', arguments: [] });
    assert.deepEqual(
      result.drafts.map((d) => [path.relative(dir, fileURLToPath(d.uri)), d.warnings]),
      [
        ['a.md', 6],
        ['open.md', 7],
        ['sub/契約.md', 9],
      ],
    );
    assert.deepEqual(result.skipped, [{ uri: uri('sjis.md'), reason: 'not-utf8' }]);
    assert.deepEqual([result.errors, result.warnings], [0, 22]);
    const published = ws.published.slice(before);
    assert.deepEqual(
      published.map((p) => [path.relative(dir, fileURLToPath(p.uri)), p.diagnostics.length, p.version]),
      [
        ['a.md', 6, undefined],
        ['sub/契約.md', 9, undefined],
      ],
    );
    assert.equal(published[0].diagnostics[0].code, 'missing-clause');
  } finally {
    await ws.shutdown().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the command 「不足している必須条項をすべて挿入」 answers where the first inserted clause is, for the client to reveal it', async () => {
  const uri = uriOf('insert-all.md');
  client.open(uri, SPEC, 1);
  await client.diagnosticsFor(uri, 1);
  const result = await client.request<{
    applied: boolean;
    clauses: number;
    reveal: { uri: string; range: { start: { line: number }; end: { line: number } } };
  }>('workspace/executeCommand', { command: 'itaku.server.insertAllMissing', arguments: [{ uri }] });
  assert.deepEqual([result.applied, result.clauses, result.reveal.uri], [true, 6, uri]);
  const applied = client.notifications.filter((n) => n.method === 'workspace/applyEdit').pop()!.params as {
    edit: { documentChanges: Array<{ edits: Array<{ range: { start: { line: number } }; newText: string }> }> };
  };
  const [edit] = applied.edit.documentChanges[0].edits;
  const lines = SPEC.split('\n');
  const after = [
    ...lines.slice(0, edit.range.start.line),
    ...edit.newText.split('\n'),
    ...lines.slice(edit.range.start.line),
  ];
  assert.equal(after[result.reveal.range.start.line], '### (3) セキュリティ機能の装備');
});
