import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../support/propertySeed';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { checkFile } from '../../server/src/cli/check';
import { drain } from '../../server/src/core/markdown/chunked';
import { Drafts } from '../../server/src/lsp/drafts';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { catalog, ROOT } from '../support/catalog';
import { STORAGE_CONTRACT } from '../support/fixtures';
import { LspClient, serveFile, uriOf, type Published } from '../support/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';

// Guarantee 3 of the README's "Robustness": whatever a client sends, the server answers and keeps
// serving. Every test ends by checking that a real draft still gets its diagnostics.

const DRAFT = STORAGE_CONTRACT;

let client!: LspClient;
let opened = 0;
serveFile((c) => (client = c));

/** The server still analyses a fresh draft: the one missing clause of DRAFT is reported. */
async function stillServing(): Promise<void> {
  const uri = uriOf(`alive-${++opened}.md`);
  client.open(uri, DRAFT, 1);
  const diagnostics = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.data?.clause]),
    [['missing-clause', 'subcontracting']],
  );
  client.close(uri);
}

/** A request either answers or fails with a JSON-RPC error; it never goes unanswered. */
async function answer(
  method: string,
  params: unknown,
): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  try {
    return { result: await client.request(method, params) };
  } catch (e) {
    return { error: e as { code: number; message: string } };
  }
}

const summary = (
  ds: ReadonlyArray<{ code: string; message: string; range: Published['diagnostics'][number]['range'] }>,
) =>
  ds.map(
    (d) =>
      `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`,
  );

test('requests about documents the server never saw, or has closed, get empty answers', async () => {
  const unknown = uriOf('never-opened.md');
  const position = { line: 0, character: 0 };
  assert.equal((await answer('textDocument/hover', { textDocument: { uri: unknown }, position })).result, null);
  assert.deepEqual(
    (
      await answer('textDocument/codeAction', {
        textDocument: { uri: unknown },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      })
    ).result,
    [],
  );
  assert.deepEqual((await answer('textDocument/completion', { textDocument: { uri: unknown }, position })).result, []);
  assert.deepEqual((await answer('textDocument/documentSymbol', { textDocument: { uri: unknown } })).result, []);
  assert.deepEqual(
    (
      await answer('workspace/executeCommand', {
        command: 'itaku.server.insertAllMissing',
        arguments: [{ uri: unknown }],
      })
    ).result,
    { applied: false },
  );
  // Changes and closes for documents that are not open are ignored.
  client.change(unknown, 2, [{ text: DRAFT }]);
  client.close(uriOf('also-never-opened.md'));
  const closed = uriOf('closed.md');
  client.open(closed, DRAFT, 1);
  await client.diagnosticsFor(closed, 1);
  client.close(closed);
  client.change(closed, 2, [{ range: { start: position, end: position }, text: 'x' }]);
  assert.equal((await answer('textDocument/hover', { textDocument: { uri: closed }, position })).result, null);
  await stillServing();
  assert.ok(
    !client.published.some((p) => p.uri === unknown || (p.uri === closed && p.version === 2)),
    'nothing published for documents that are not open',
  );
});

test('positions and ranges outside the document are clamped, not failed', async () => {
  const uri = uriOf('positions.md');
  client.open(uri, DRAFT, 1);
  await client.diagnosticsFor(uri, 1);
  for (const position of [
    { line: 9999, character: 0 },
    { line: 2, character: 9999 },
    { line: -1, character: -5 },
  ]) {
    assert.ok(
      !(await answer('textDocument/hover', { textDocument: { uri }, position })).error,
      JSON.stringify(position),
    );
    const completion = (await answer('textDocument/completion', { textDocument: { uri }, position })).result as
      unknown[] | { items: unknown[] };
    assert.ok(Array.isArray(completion) || Array.isArray(completion.items), JSON.stringify(position));
    const actions = await answer('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: position },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions.result), JSON.stringify(position));
  }
  // An incremental change whose range runs past the end is applied as the clamped range.
  client.change(uri, 2, [
    {
      range: { start: { line: 500, character: 0 }, end: { line: 600, character: 10 } },
      text: '\n本調達に係る業務は、その全部又は一部を再委託させてはならない。\n',
    },
  ]);
  assert.deepEqual(await client.diagnosticsFor(uri, 2), []);
  client.close(uri);
  await stillServing();
});

test('malformed parameters and unknown methods get JSON-RPC errors; the server keeps serving', async () => {
  for (const [method, params] of [
    ['textDocument/hover', null],
    ['textDocument/hover', { textDocument: 42, position: 'top' }],
    ['textDocument/codeAction', { textDocument: { uri: uriOf('x.md') } }],
    ['textDocument/completion', { position: { line: 'a', character: {} } }],
    ['textDocument/documentSymbol', []],
    ['workspace/executeCommand', { command: 'itaku.server.newDraftText', arguments: ['not an object'] }],
    ['workspace/executeCommand', { command: 'no.such.command' }],
    ['itaku/noSuchRequest', { anything: true }],
  ] as const) {
    const reply = await answer(method, params);
    assert.ok('result' in reply || typeof reply.error?.code === 'number', `${method}: an answer`);
  }
  assert.equal((await answer('itaku/noSuchRequest', {})).error?.code, -32601, 'MethodNotFound');
  // Unknown notifications, and known ones with nonsense, are dropped.
  void client.connection.sendNotification('itaku/noSuchNotification', { x: 1 });
  void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 42 } });
  void client.connection.sendNotification('textDocument/didChange', { textDocument: null, contentChanges: 'no' });
  void client.connection.sendNotification('workspace/didChangeConfiguration', {
    settings: {
      itaku: { severity: { 'missing-clause': 'toString', 'unknown-key': 7 }, maxFileSize: -1, locale: 'xx' },
    },
  });
  await stillServing();
});

test('a malformed New draft request gets InvalidParams with a sentence; the server keeps serving', async () => {
  const newDraft = (request: unknown) =>
    answer('workspace/executeCommand', { command: 'itaku.server.newDraftText', arguments: [request] });
  const refused = await newDraft({ document: 'contract', categories: 'x' });
  assert.deepEqual(
    [refused.error?.code, refused.error?.message],
    [-32602, 'itaku: 新しい草案を作れません。categories は業務分類の ID の配列でなければなりません（例: ["build"]）。'],
  );
  const huge = await newDraft({
    document: 'contract',
    categories: ['maintenance'],
    organization: '省'.repeat(1_000_000),
    locale: 'en',
  });
  assert.equal(huge.error?.code, -32602);
  assert.equal(
    huge.error?.message,
    'itaku: cannot write the new draft. organization is too long (1000000 characters; at most 200).',
  );
  // The next request is answered, and drafts are still checked.
  const draft = await newDraft({ document: 'contract', categories: ['maintenance'], locale: 'ja' });
  assert.ok(String(draft.result).startsWith('---\ndocument: contract\ncategory: [maintenance]\n---\n'));
  await stillServing();
});

test('a cancelled request is answered (with a result or RequestCancelled) and the next one works', async () => {
  const uri = uriOf('cancel.md');
  client.open(uri, DRAFT, 1);
  await client.diagnosticsFor(uri, 1);
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest(
    'textDocument/codeAction',
    {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.itaku'] },
    },
    source.token,
  );
  source.cancel();
  const outcome = await pending.then(
    (r) => ({ r }),
    (e: { code: number }) => ({ e }),
  );
  assert.ok('r' in outcome || outcome.e.code === -32800, JSON.stringify(outcome));
  const actions = await client.request<Array<{ kind: string }>>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.itaku'] },
  });
  assert.deepEqual(
    actions.map((a) => a.kind),
    ['source.fixAll.itaku'],
  );
  client.close(uri);
});

/** What random edits insert: clause words, line breaks, constructs that change how blocks are read, a surrogate pair, CRLF. */
const EDIT_PIECES = [
  '乙は、',
  '知り得た秘密を漏らしてはならない。',
  '\n',
  '\n\n',
  '## 再委託\n',
  '再委託させてはならない。',
  '〔 省 〕',
  '【再委託を禁止する場合】',
  '- ',
  '> ',
  '```',
  '---\n',
  '𠮷',
  '\r\n',
  '',
];

/** A random edit's range, after the front matter of `doc` (so the text stays a draft worth analysing). */
function bodyRange(doc: TextDocument, at: number, length: number) {
  const text = doc.getText();
  const body = text.indexOf('\n---\n') + 5;
  const start = body + (at % Math.max(1, text.length - body + 1));
  return { start: doc.positionAt(start), end: doc.positionAt(Math.min(text.length, start + length)) };
}

test("300 random edits in a burst: the last version's diagnostics equal a fresh analysis of the final text", async () => {
  const uri = uriOf('random-edits.md');
  const edits = fc.sample(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom(...EDIT_PIECES)), {
    numRuns: 300,
    seed: 20261125,
  });
  // The editor's copy, kept with the same text-document implementation editors use.
  let doc = TextDocument.create(uri, 'markdown', 1, DRAFT);
  client.open(uri, DRAFT, 1);
  for (const [at, length, insert] of edits) {
    const range = bodyRange(doc, at, length);
    doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
    client.change(uri, doc.version, [{ range, text: insert }]);
  }
  const published = await client.diagnosticsFor(uri, doc.version);
  const fresh = analyze(doc.getText(), { catalog: catalog() });
  assert.ok(fresh, 'still a draft');
  assert.ok(published.length > 0);
  assert.deepEqual(summary(published), summary(fresh.result.diagnostics));
  const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
  assert.deepEqual(
    versions,
    [...versions].sort((a, b) => a - b),
    'never an older version after a newer one',
  );
  client.close(uri);
});

test('edits awaited one by one, two changes to a notification: every version’s diagnostics equal a fresh analysis of its text', async () => {
  // The server tells its worker what each notification left unchanged (lsp/documents.ts) instead
  // of comparing the texts; a wrong span would re-parse the wrong window and leave stale blocks.
  const uri = uriOf('awaited-edits.md');
  const body = readFileSync(path.join(ROOT, 'test/fixtures/drafts/02-chounai-lan-unyou.md'), 'utf8').replace(
    /^---[\s\S]*?\n---\n/,
    '',
  );
  const start = `${DRAFT}\n${body}\n${body}`;
  const edits = fc.sample(
    fc.array(fc.tuple(fc.nat(), fc.nat(30), fc.constantFrom(...EDIT_PIECES)), { minLength: 2, maxLength: 2 }),
    { numRuns: 60, seed: 20261203 },
  );
  let doc = TextDocument.create(uri, 'markdown', 1, start);
  client.open(uri, start, 1);
  await client.diagnosticsFor(uri, 1);
  for (const pair of edits) {
    const changes = pair.map(([at, length, insert]) => {
      // Each range is in the text the change before it left, as editors send them.
      const range = bodyRange(doc, at, length);
      doc = TextDocument.update(doc, [{ range, text: insert }], doc.version);
      return { range, text: insert };
    });
    doc = TextDocument.update(doc, [], doc.version + 1);
    client.change(uri, doc.version, changes);
    const published = await client.diagnosticsFor(uri, doc.version);
    const fresh = analyze(doc.getText(), { catalog: catalog() });
    assert.deepEqual(summary(published), summary(fresh?.result.diagnostics ?? []), `version ${doc.version}`);
  }
  client.close(uri);
});

test('hostile drafts opened in the editor get diagnostics, not a dead server', async () => {
  const alias = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...Array.from(
      { length: 9 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ),
  ].join('\n');
  const hostile: Array<[string, string, string[]]> = [
    ['alias bomb', `---\n${alias}\ndocument: 契約書\ncategory: build\n---\n本文\n`, ['unknown-key', 'missing-clause']],
    ['deep nesting', `---\ndocument: 契約書\ncategory: build\n---\n${'> '.repeat(3000)}本文\n`, ['missing-clause']],
    [
      'deep list',
      `---\ndocument: 契約書\ncategory: build\n---\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i * 2)}- 項目`).join('\n')}\n`,
      ['missing-clause'],
    ],
    [
      'NUL and control characters',
      `---\ndocument: 契約書\ncategory: build\n---\n\u0000\u0001\u0002乙は\u0000、秘密を漏らしてはならない。\n`,
      ['missing-clause'],
    ],
    ['one 1.5 MB line', `---\ndocument: 契約書\ncategory: build\n---\n${'あ'.repeat(500_000)}\n`, ['missing-clause']],
    [
      'lone surrogates',
      `---\ndocument: 契約書\ncategory: build\n---\n\ud800乙は\udc00〔 省 〕\n`,
      ['missing-clause', 'unresolved-placeholder'],
    ],
    ['unclosed front matter', '---\ndocument: 契約書\ncategory: build\n', []],
  ];
  for (const [name, text, codes] of hostile) {
    const uri = uriOf(`hostile-${name.replace(/\W+/g, '-')}.md`);
    client.open(uri, text, 1);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    for (const code of codes)
      assert.ok(
        diagnostics.some((d) => d.code === code),
        `${name}: ${code} in ${JSON.stringify(diagnostics.map((d) => d.code))}`,
      );
    assert.ok(!diagnostics.some((d) => d.code === 'internal-error'), `${name}: no internal error`);
    client.close(uri);
  }
  await stillServing();
});

test('a draft over itaku.maxFileSize gets one file-too-large diagnostic; under it, the analysis', async () => {
  const other = await LspClient.start({ configuration: true });
  try {
    other.settings = { maxFileSize: 200 };
    const uri = uriOf('large.md');
    const big = `${DRAFT}${'本文。'.repeat(100)}\n`;
    other.open(uri, big, 1);
    const diagnostics = await other.diagnosticsFor(uri, 1);
    const size = Buffer.byteLength(big);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.message]),
      [
        [
          'file-too-large',
          2,
          `ファイルが大きすぎるため分析しませんでした（${size} バイト、上限 200 バイト）。草案を複数のファイルに分けるか、設定 itaku.maxFileSize / --max-file-size で上限を上げてください。`,
        ],
      ],
    );
    // Not a draft at all (no front matter): nothing, even when large.
    const note = uriOf('large-note.md');
    other.open(note, '# メモ\n' + 'x'.repeat(1000), 1);
    assert.deepEqual(await other.diagnosticsFor(note, 1), []);
    other.settings = { maxFileSize: 1_000_000 };
    void other.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    other.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    assert.deepEqual(
      (await other.diagnosticsFor(uri, 2)).map((d) => d.code),
      ['missing-clause'],
    );
  } finally {
    await other.shutdown();
  }
});

/** A catalog that throws when the analysis reaches its clause detection (`times` times, then works). */
function failingCatalog(times = Infinity) {
  let left = times;
  return new Proxy(catalog(), {
    get(target, key, receiver) {
      if (key === 'detection' && left-- > 0) throw new Error('boom in detection');
      return Reflect.get(target, key, receiver);
    },
  });
}

test('if analysing a draft throws (an itaku bug), the draft shows one internal-error and the error is logged', async () => {
  const logged: string[] = [];
  const job = (catalog: ReturnType<typeof failingCatalog>) => ({
    uri,
    version: 1,
    revision: 1,
    text: DRAFT,
    settings: DEFAULT_SETTINGS,
    locale: 'ja' as const,
    catalog,
  });
  const uri = uriOf('bug.md');
  const drafts = new Drafts((u) => logged.push(u));
  const state = drain(drafts.steps(job(failingCatalog())));
  assert.equal(state.analysis, undefined);
  assert.deepEqual(
    [state.instead?.code, state.instead?.severity, state.instead?.message],
    [
      'internal-error',
      'error',
      'itaku の内部エラーのため、このファイルを分析できませんでした（Error: boom in detection）。ほかのファイルの分析は続きます。不具合として報告してください。',
    ],
  );
  assert.deepEqual(logged, [uri]);
  assert.equal(drafts.latest(uri), state);
  // When only the incremental state fails, a fresh analysis of the whole text takes over.
  const once = new Drafts();
  const healed = drain(once.steps(job(failingCatalog(1))));
  assert.deepEqual(
    healed.analysis?.result.diagnostics.map((d) => d.clause),
    ['subcontracting'],
  );
});

test('the CLI reports a file whose analysis throws as internal-error and goes on', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-bug-'));
  writeFileSync(path.join(dir, 'a.md'), DRAFT);
  const outcome = checkFile(path.join(dir, 'a.md'), 'a.md', failingCatalog(), { locale: 'en', maxSize: 1e6 });
  assert.equal(outcome.kind, 'draft');
  assert.deepEqual(outcome.kind === 'draft' && outcome.report.diagnostics.map((d) => [d.code, d.severity, d.message]), [
    [
      'internal-error',
      'error',
      'itaku could not analyse this file because of an internal error (Error: boom in detection). Other files are still analysed. Please report this as a bug.',
    ],
  ]);
  assert.equal(checkFile(path.join(dir, 'a.md'), 'a.md', catalog(), { locale: 'en', maxSize: 1e6 }).kind, 'draft');
});
