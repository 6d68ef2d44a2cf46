import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CoverageAnswer, FolderCoverageAnswer } from '../../server/src/protocol';
import { ROOT } from '../support/catalog';
import { workspace } from '../support/cli';
import { LspClient } from '../support/lsp';

// The Coverage view's two requests against the spawned server.
const SPEC = readFileSync(path.join(ROOT, 'test/e2e/drafts/spec-build.md'), 'utf8');
const dir = workspace({
  'drafts/spec.md': SPEC,
  'drafts/remote.md': readFileSync(path.join(ROOT, 'test/fixtures/report/drafts/d-spec-remote.md')),
  'drafts/memo.md': '# メモ\n',
});
const uri = pathToFileURL(path.join(dir, 'drafts/spec.md')).toString();
let client: LspClient;

before(async () => {
  client = await LspClient.start({ workspaceFolder: pathToFileURL(dir).toString() });
  client.open(uri, SPEC);
  await client.diagnosticsFor(uri, 1);
});
after(async () => {
  await client.shutdown();
});

test('itaku/coverage: one row per clause with ready-made texts, and the published diagnostic of each missing clause', async () => {
  const answer = await client.request<CoverageAnswer>('itaku/coverage', { uri });
  const c = answer.coverage!;
  assert.equal(answer.version, 1);
  assert.equal(c.header, '調達仕様書 · 情報システムの構築等 · 必須条項 6/8');
  assert.deepEqual(
    c.rows.map((r) => [r.label, r.description]),
    [
      ['✓ 情報セキュリティを確保するための体制の整備', '必須 · 表1(1) · 19 行目: (1) 情報セキュリティ管理体制'],
      ['✓ 取り扱う府省庁の情報の秘密保持等', '必須 · 表1(2) · 23 行目: (2) 秘密の保持'],
      ['✓ セキュリティ機能の装備', '必須 · 表1(3) · 27 行目: (3) セキュリティ機能の装備'],
      ['— セキュリティ機能の設計に関する確認（ST評価・ST確認）', '選択 · 第Ⅱ部1.1(3) · なし（不要）'],
      ['— 運用・保守・点検における情報セキュリティ対策の実施', '対象外 · 表1(4) · なし（不要）'],
      ['✓ 脆弱性対策の実施', '必須 · 表1(5) · 31 行目: (4) 脆弱性対策'],
      ['— 情報セキュリティ対策のサービスレベルに関する事項', '対象外 · 表1(6) · なし（不要）'],
      ['✗ 情報セキュリティが侵害された場合の対処', '必須 · 表1(7) · クリックで雛形の文言を挿入'],
      ['✓ 情報セキュリティ対策の履行状況の確認', '必須 · 第Ⅱ部1.1(6) · 35 行目: (6) 履行状況の確認'],
      ['— 情報セキュリティ監査の実施', '選択 · 表1(8) · なし（不要）'],
      ['✓ 情報セキュリティ対策の履行が不十分な場合の対処', '必須 · 表1(9) · 39 行目: (7) 履行が不十分な場合の対処'],
      ['✗ 再委託に関する事項', '必須 · 表1(10) · クリックで雛形の文言を挿入'],
      ['— 国際規格を踏まえた委託先の情報セキュリティ水準の評価', '選択 · 表1(11) · なし（不要）'],
      ['— 約款による情報処理サービスの留意事項への対策（表4/表5の18項目）', '対象外 · 第Ⅱ部2(7) · なし（不要）'],
    ],
  );
  const published = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(Object.keys(answer.fixes), ['incident-response', 'subcontracting']);
  assert.deepEqual(
    answer.fixes.subcontracting,
    published.find((d) => d.code === 'missing-clause' && d.data?.clause === 'subcontracting'),
  );
  // The view's click on a missing row asks for that clause's fixes (and fix-all, as Ctrl+. offers it).
  const actions = await client.request<Array<{ title: string; isPreferred?: boolean }>>('textDocument/codeAction', {
    textDocument: { uri },
    range: answer.fixes.subcontracting.range,
    context: { diagnostics: [answer.fixes.subcontracting], only: ['quickfix'] },
  });
  assert.deepEqual(
    actions.map((a) => `${a.isPreferred ? '*' : ' '}${a.title}`),
    [
      '*「再委託に関する事項」を挿入（再委託を禁止する場合）',
      ' 「再委託に関する事項」を挿入（再委託を認める場合）',
      ' 不足している必須条項をすべて挿入（2 件）',
      ' この条項を適用除外にする（理由を記入）',
    ],
  );
});

test('itaku/coverage follows edits: after the text changes, the row is ✓ with its new evidence line', async () => {
  const added = '\n### (8) 再委託\n\n受注者は、本業務の全部又は一部を第三者に再委託してはならない。\n';
  const end = SPEC.split('\n').length - 1;
  client.change(uri, 2, [
    { range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: added },
  ]);
  await client.diagnosticsFor(uri, 2);
  const answer = await client.request<CoverageAnswer>('itaku/coverage', { uri });
  const row = answer.coverage!.rows.find((r) => r.clause === 'subcontracting')!;
  assert.deepEqual([answer.version, row.label, row.evidence?.line], [2, '✓ 再委託に関する事項', end + 2]);
  assert.equal(answer.coverage!.header, '調達仕様書 · 情報システムの構築等 · 必須条項 7/8');
  assert.equal(await client.request('itaku/coverage', { uri: 'file:///not/open.md' }), null);
});

test('itaku/folderCoverage: every draft of the folder, open ones with their unsaved text; non-drafts left out', async () => {
  const answer = await client.request<FolderCoverageAnswer>('itaku/folderCoverage', {
    uri: pathToFileURL(dir).toString(),
  });
  const m = answer.coverage;
  assert.deepEqual(
    m.drafts.map((d) => [d.path, d.summary.covered, d.summary.required]),
    [
      ['drafts/remote.md', 2, 9],
      ['drafts/spec.md', 7, 8], // the open document's edit, not the file on disk (6/8)
    ],
  );
  assert.deepEqual(answer.uris, [pathToFileURL(path.join(dir, 'drafts/remote.md')).toString(), uri]);
  assert.deepEqual(answer.skipped, []);
  assert.equal(m.tables.length, 1);
  assert.deepEqual(m.tables[0].columns, [0, 1]);
  assert.deepEqual(
    m.tables[0].rows.find((r) => r.clause === 'subcontracting')!.cells.map((c) => c && c.markLabel),
    ['✗', '✓'],
  );
  assert.equal(await client.request('itaku/folderCoverage', { uri: 'untitled:x' }), null);
});

test('itaku/coverage of a draft over the size limit: no rows, and the finding shown instead as the notice', async () => {
  const big = pathToFileURL(path.join(dir, 'drafts/big.md')).toString();
  client.settingsFor = (scope) => (scope === big ? { maxFileSize: 200 } : undefined);
  client.open(big, SPEC);
  await client.diagnosticsFor(big, 1);
  const answer = await client.request<CoverageAnswer>('itaku/coverage', { uri: big });
  assert.deepEqual([answer.coverage, answer.fixes], [null, {}]);
  assert.match(answer.notice!, /^ファイルが大きすぎるため/);
  client.settingsFor = undefined;
});

// Found by attacking the server: the folder's drafts that are not open were analysed on the
// server's own thread with no time limit, so one slow file (then a front matter of 300,000 lines,
// which is refused unread now; here 16 KB of one-letter setext headings, seconds for micromark)
// held up every other request. They now go to a worker under the step budget.
test('itaku/folderCoverage analyses files in a worker under the step budget: a file over it is left out, and hovers are answered meanwhile', async () => {
  const slowDir = workspace({
    'slow.md': `---\ndocument: 調達仕様書\ncategory: build\n---\n\n# 仕様書\n\n${'a\n-\n'.repeat(4 * 1024)}`,
    'small.md': SPEC,
  });
  const c = await LspClient.start({
    workspaceFolder: pathToFileURL(slowDir).toString(),
    env: { ITAKU_WORKERS: '2', ITAKU_STEP_BUDGET_MS: '300' },
  });
  try {
    const small = pathToFileURL(path.join(slowDir, 'small.md')).toString();
    c.open(small, SPEC);
    await c.diagnosticsFor(small, 1);
    const order: string[] = [];
    const folder = c
      .request<FolderCoverageAnswer>('itaku/folderCoverage', { uri: pathToFileURL(slowDir).toString() })
      .then((a) => (order.push('folder'), a));
    const hover = c
      .request<{ contents: unknown } | null>('textDocument/hover', {
        textDocument: { uri: small },
        position: { line: 2, character: 12 },
      })
      .then((h) => (order.push('hover'), h));
    const [answer, h] = await Promise.all([folder, hover]);
    assert.deepEqual(order, ['hover', 'folder']);
    assert.ok(h);
    assert.deepEqual(
      answer.coverage.drafts.map((d) => d.path),
      ['small.md'],
    );
    assert.deepEqual(answer.skipped, [
      {
        path: 'slow.md',
        reason:
          '解析が時間またはメモリの上限を超えたため、表に含めていません（ファイルを開くと平文として確認できます）',
      },
    ]);
  } finally {
    await c.shutdown();
  }
});
