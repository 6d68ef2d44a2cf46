import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/catalog';
import { runCli, workspace } from '../support/cli';

// `itaku report` on fixture drafts: a waiver whose reason holds markup, a mention, a reference, a
// formula and quotes; a contract; a draft whose category is unknown; a note that is not a draft.
const FIXTURES = path.join(ROOT, 'test/fixtures/report');
const expected = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

test('report --format md: the summary, the 表1-like matrix across drafts and each draft’s table, exactly', () => {
  const r = runCli(['report', 'drafts', '--format', 'md'], FIXTURES);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, expected('expected.md'));
  // What a reviewer reads: the waiver's reason, escaped so that it adds no markup, mention or issue link.
  assert.ok(
    r.stdout.includes(
      '| 表1(10) | 再委託に関する事項 | **必須** | 表1(10); 第Ⅰ部7.5(2) | 適用除外 | 適用除外の理由: 再委託は行わない \\| \\<b\\>&#64;legal-team\\</b\\> &#35;12 確認済み, "別契約" =1+2（7 行目） |\n',
    ),
  );
  assert.ok(
    r.stdout.includes(
      '| 表1(7) | 情報セキュリティが侵害された場合の対処 | **必須** | 表1(7); 第Ⅰ部6.3.2 | **✗** |  |\n',
    ),
  );
});

test('report --format md --locale en: the same tables in English', () => {
  const r = runCli(['report', 'drafts', '--format', 'md', '--locale', 'en'], FIXTURES);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, expected('expected.en.md'));
});

test('report --format csv: one row per draft × clause, BOM, RFC 4180 quoting, CRLF, no formula from a draft', () => {
  const r = runCli(['report', 'drafts', '--format', 'csv'], FIXTURES);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, expected('expected.csv'));
  assert.ok(
    r.stdout.startsWith(
      '\uFEFFファイル,文書種別,業務分類,条項ID,条項,雛形の項目,要否,根拠,状況,行,根拠となる記述,適用除外の理由\r\n',
    ),
  );
  const lines = r.stdout.slice(1).split('\r\n');
  // Header, 14 spec clauses × 2 drafts, 15 contract clauses, one row for the draft that cannot be judged, and the final CRLF.
  assert.equal(lines.length, 1 + 14 * 2 + 15 + 1 + 1);
  assert.equal(lines[lines.length - 1], '');
  assert.ok(
    lines.includes(
      'drafts/a-spec-waived.md,調達仕様書,情報システムの構築等,subcontracting,再委託に関する事項,表1(10),必須,表1(10); 第Ⅰ部7.5(2),適用除外,7,,"再委託は行わない | <b>@legal-team</b> #12 確認済み, ""別契約"" =1+2"',
    ),
  );
  assert.ok(
    lines.includes(
      `drafts/b-contract.md,契約書,情報の加工・処理等,security-structure,情報セキュリティを確保するための体制の整備,表3(1),必須,表3(1); 第Ⅰ部7.1(1),適用除外,7,,"'=HYPERLINK(""http://example.com/"") 体制は別紙"`,
    ),
  );
  assert.ok(
    lines.includes(
      'drafts/c-unknown.md,調達仕様書,,,,,,,判定できません,,不明な業務分類「宇宙開発」です。もしかして: 開発,',
    ),
  );
});

test('report -o FILE writes the file (stdout stays empty); html is the default format', () => {
  const dir = workspace({ 'x.md': readFileSync(path.join(FIXTURES, 'drafts/d-spec-remote.md')) });
  const r = runCli(['report', 'x.md', '-o', 'out.html'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  const html = readFileSync(path.join(dir, 'out.html'), 'utf8');
  assert.match(html, /^<!DOCTYPE html>\n<html lang="ja">\n/);
  const csv = runCli(['report', 'x.md', '--format', 'csv', '--output', 'out.csv'], dir);
  assert.equal(csv.status, 0, csv.stderr);
  assert.equal(readFileSync(path.join(dir, 'out.csv'), 'utf8').split('\r\n')[1].split(',')[0], 'x.md');
});

test('report exit codes and usage errors: no draft → 1, an unreadable file → 1 and named, check-only options → 2', () => {
  const dir = workspace({ 'memo.md': '# メモ\n', 'scan.md': Buffer.from([0x82, 0xa0, 0x0a]) });
  const none = runCli(['report', 'memo.md', '--format', 'md'], dir);
  assert.equal(none.status, 1);
  assert.equal(none.stderr, 'itaku: 草案がありません（パスと front matter の document を確かめてください）。\n');
  const bad = runCli(['report', '.', '--format', 'csv'], dir);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^itaku: scan\.md: UTF-8 ではありません/);
  assert.deepEqual(
    [
      runCli(['report', '--fix'], dir),
      runCli(['report', '--format', 'json'], dir),
      runCli(['check', '-o', 'x.txt'], dir),
      runCli(['report', '--format', 'xml', '--locale', 'en'], dir),
    ].map((x) => [x.status, x.stderr]),
    [
      [2, 'itaku: 「--fix」は report では使えません。\n（itaku --help で使い方を表示します）\n'],
      [
        2,
        'itaku: --format には html・md・csv のいずれかを指定してください（指定: "json"）。\n（itaku --help で使い方を表示します）\n',
      ],
      [2, 'itaku: 「--output」は check では使えません。\n（itaku --help で使い方を表示します）\n'],
      [2, 'itaku: --format must be html, md or csv (got "xml")\n(itaku --help shows the usage)\n'],
    ],
  );
  const unwritable = runCli(
    ['report', '.', '-o', path.join(dir, 'no/such/folder/r.html')],
    workspace({ 'd.md': readFileSync(path.join(FIXTURES, 'drafts/d-spec-remote.md')) }),
  );
  assert.equal(unwritable.status, 1);
  assert.match(unwritable.stderr, /^itaku: .*r\.html に書き込めません: ENOENT/);
});
