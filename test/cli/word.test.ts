import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli, workspace } from '../support/cli';
import { ROOT } from '../support/catalog';
import { article, HeadingLevel, makeDocx, Paragraph } from '../support/docx';

const draft = () =>
  makeDocx(
    [
      new Paragraph({ text: '保守業務契約書', heading: HeadingLevel.TITLE }),
      article('（秘密の保持）'),
      new Paragraph('乙は、本業務に関して知り得た情報を第三者に漏らしてはならない。'),
      article('（再委託の制限）'),
      new Paragraph(
        '乙は、本業務の全部又は一部を第三者に請け負わせてはならない。〔 省 〕の承認を得た場合は、この限りでない。',
      ),
    ],
    { 文書種別: '契約書', 業務分類: '保守' },
  );

test('itaku check draft.docx: findings at the document property and at the paragraph, in Word terms', async () => {
  const dir = workspace({ 'draft.docx': await draft() });
  const r = runCli(['check', 'draft.docx'], dir);
  assert.equal(r.status, 1);
  assert.equal(
    r.stdout,
    [
      'draft.docx  契約書 · 保守・点検 · 必須条項 2/7',
      '  文書のプロパティ「業務分類」',
      '    警告  必須条項「情報セキュリティを確保するための体制の整備」（表3(1)）が見つかりません。業務分類「保守・点検」で必須です（根拠: 表3(1); 第Ⅰ部7.1(1)）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。  missing-clause',
      '  文書のプロパティ「業務分類」',
      '    警告  必須条項「運用・保守・点検における情報セキュリティ対策の実施」（表3(4)）が見つかりません。業務分類「保守・点検」で必須です（根拠: 表3(4)の抽出では保守・点検欄に×が残るが、第Ⅲ部1.2(3)（運用・保守・点検）がこの事項を挙げるため domain.md の表は必要（R）とする（抽出で×の位置がずれた可能性がある））。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。  missing-clause',
      '  文書のプロパティ「業務分類」',
      '    警告  必須条項「情報セキュリティが侵害された場合の対処」（表3(8)）が見つかりません。業務分類「保守・点検」で必須です（根拠: 表3(8); 第Ⅰ部7.1(1), 8.2）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。  missing-clause',
      '  文書のプロパティ「業務分類」',
      '    警告  必須条項「情報セキュリティ対策の履行状況の確認」（表3(9)）が見つかりません。業務分類「保守・点検」で必須です（根拠: 表3(9); 第Ⅰ部7.1(1), 8.3）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。  missing-clause',
      '  文書のプロパティ「業務分類」',
      '    警告  必須条項「情報セキュリティ対策の履行が不十分な場合の対処」（表3(11)）が見つかりません。業務分類「保守・点検」で必須です（根拠: 表3(11); 第Ⅰ部7.1(1)）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。  missing-clause',
      '  段落 5（保守業務契約書） 「乙は、本業務の全部又は一部を第三者に請け負わせて…」',
      '    警告  未記入のプレースホルダ「〔 省 〕」（府省庁名）が残っています。実際の値を記入してください。  unresolved-placeholder',
      '',
      '⚠ 1 件の草案を確認: 指摘 6 件（エラー 0、警告 6、情報 0）',
      '',
    ].join('\n'),
  );
  const json = JSON.parse(runCli(['check', 'draft.docx', '--format', 'json'], dir).stdout);
  assert.equal(json.files[0].format, 'docx');
  const placeholder = json.files[0].diagnostics.find((d: { code: string }) => d.code === 'unresolved-placeholder');
  assert.deepEqual(placeholder.word, {
    kind: 'paragraph',
    index: 5,
    headings: ['保守業務契約書'],
    excerpt: '乙は、本業務の全部又は一部を第三者に請け負わせて…',
  });
  const sarif = JSON.parse(runCli(['check', 'draft.docx', '--format', 'sarif'], dir).stdout);
  const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'unresolved-placeholder');
  assert.deepEqual(result.locations, [
    {
      physicalLocation: { artifactLocation: { uri: 'draft.docx', uriBaseId: '%SRCROOT%' } },
      logicalLocations: [
        {
          name: '段落 5（保守業務契約書） 「乙は、本業務の全部又は一部を第三者に請け負わせて…」',
          kind: 'paragraph',
          fullyQualifiedName: '保守業務契約書 › ¶5',
        },
      ],
    },
  ]);
  assert.equal(result.properties.word.index, 5);
});

test('a .docx without a document type is skipped with a note; --document and --category supply one', async () => {
  const bytes = await makeDocx([new Paragraph('乙は、知り得た秘密を漏らしてはならない。')]);
  const dir = workspace({ 'plain.docx': bytes, '~$plain.docx': 'Word lock file' });
  const skipped = runCli(['check', '.', '--format', 'json'], dir);
  assert.equal(skipped.status, 1);
  assert.deepEqual(JSON.parse(skipped.stdout).skipped, [
    { path: 'plain.docx', reason: 'no-document-type', error: false },
  ]);
  const text = runCli(['check', '.'], dir);
  assert.match(
    text.stdout,
    /plain\.docx: 文書種別がありません（Word のファイル → 情報 → プロパティ → 詳細プロパティ → ユーザー設定に「文書種別」と「業務分類」を追加するか、\.itaku\.yaml か --document \/ --category で指定してください）/,
  );
  const flagged = runCli(
    ['check', 'plain.docx', '--document', '契約書', '--category', '保守,運用', '--format', 'json'],
    dir,
  );
  const file = JSON.parse(flagged.stdout).files[0];
  assert.equal(file.document, 'contract');
  assert.deepEqual(file.categories, ['maintenance', 'operation-onsite']);
  const missing = file.diagnostics.find((d: { code: string }) => d.code === 'missing-clause');
  assert.deepEqual(missing.word, { kind: 'flag', flag: '--category' });
});

test('broken, encrypted and non-Word .docx files: one clear finding each, exit 1, no crash', async () => {
  const ole = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  const good = await draft();
  const dir = workspace({
    'a-text.docx': 'これは Word 文書ではない',
    'b-encrypted.docx': ole,
    'c-truncated.docx': good.subarray(0, 200),
  });
  const r = runCli(['check', '.', '--format', 'json', '--locale', 'en'], dir);
  assert.equal(r.status, 1);
  const files = JSON.parse(r.stdout).files.map(
    (f: { path: string; diagnostics: Array<{ code: string; message: string }> }) => [
      f.path,
      f.diagnostics.map((d) => [d.code, d.message]),
    ],
  );
  assert.deepEqual(files, [
    [
      'a-text.docx',
      [
        [
          'word-unreadable',
          'Not a Word document (.docx): the file is not a zip package. Open it in Word and save it as "Word Document (*.docx)".',
        ],
      ],
    ],
    [
      'b-encrypted.docx',
      [
        [
          'word-unreadable',
          'A password-protected document or an old-format .doc (an OLE compound file). Remove the protection and save it as "Word Document (*.docx)".',
        ],
      ],
    ],
    [
      'c-truncated.docx',
      [
        [
          'word-unreadable',
          "The Word document is damaged and cannot be read (Corrupted zip: can't find end of central directory).",
        ],
      ],
    ],
  ]);
});

test('itaku export draft.md --format docx -o FILE: writes the document, warns about what is left to fill, and checks the same', () => {
  const dir = workspace({
    'spec.md':
      readFileSync(path.join(ROOT, 'examples/spec-build-passport-system.md'), 'utf8') +
      '\n〔 省 〕の担当者に報告すること。\n',
  });
  const r = runCli(['export', 'spec.md', '--format', 'docx', '-o', 'out/spec.docx'], dir);
  assert.equal(r.status, 1, 'the output folder does not exist');
  assert.match(r.stderr, /^itaku: out\/spec\.docx に書き込めません: /);
  const ok = runCli(['export', 'spec.md', '--format', 'docx'], dir);
  assert.equal(ok.status, 0, ok.stderr);
  assert.ok(existsSync(path.join(dir, 'spec.docx')));
  const md = JSON.parse(runCli(['check', 'spec.md', '--format', 'json'], dir).stdout).files[0];
  const docx = JSON.parse(runCli(['check', 'spec.docx', '--format', 'json'], dir).stdout).files[0];
  const statuses = (f: { clauses: Array<{ id: string; status: string }> }) =>
    f.clauses.map((c) => `${c.id}:${c.status}`);
  assert.deepEqual(statuses(docx), statuses(md));
  const left = md.diagnostics.filter((d: { code: string }) => d.code === 'unresolved-placeholder');
  assert.equal(left.length, 1);
  assert.equal(
    ok.stderr,
    [
      'itaku: spec.docx に書き出しました。',
      `itaku: 未記入のプレースホルダか【…の場合】の見出しが ${left.length} 件残っています（Word では黄色の蛍光ペンで示しています）。提出前に埋めてください。`,
      ...left.map((d: { range: { start: { line: number } } }) => `  spec.md:${d.range.start.line + 1}: 〔 省 〕`),
      '',
    ].join('\n'),
  );
  const usage = runCli(['export', 'spec.md', '--format', 'json'], dir);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /export の --format には docx を指定してください（指定: "json"）。/);
});

test('.itaku.yaml gives a folder of Word documents their type and categories: the properties first, then the config, then the flags', async () => {
  const bare = await makeDocx([
    new Paragraph({ text: '保守業務契約書', heading: HeadingLevel.TITLE }),
    article('（秘密の保持）'),
    new Paragraph('乙は、本業務に関して知り得た情報を第三者に漏らしてはならない。'),
  ]);
  const dir = workspace({
    '.itaku.yaml': [
      'overrides:',
      '  - files: ["vendor/**/*.docx"]',
      '    defaults:',
      '      document: 契約書',
      '      category: 保守',
      '',
    ].join('\n'),
    'vendor/a/bare.docx': bare,
    'vendor/typed.docx': await draft(),
    'elsewhere.docx': bare,
  });
  const json = JSON.parse(runCli(['check', '.', '--format', 'json'], dir).stdout);
  const byPath = Object.fromEntries(json.files.map((f: { path: string }) => [f.path, f]));
  assert.deepEqual(Object.keys(byPath).sort(), ['vendor/a/bare.docx', 'vendor/typed.docx']);
  assert.equal(byPath['vendor/a/bare.docx'].document, 'contract');
  assert.deepEqual(byPath['vendor/a/bare.docx'].categories, ['maintenance']);
  // A finding about the whole document points to where its categories came from: the config file.
  const missing = byPath['vendor/a/bare.docx'].diagnostics.find((d: { code: string }) => d.code === 'missing-clause');
  assert.deepEqual(missing.word, { kind: 'config', file: '.itaku.yaml' });
  assert.deepEqual(
    json.skipped.map((s: { path: string; reason: string }) => [s.path, s.reason]),
    [['elsewhere.docx', 'no-document-type']],
  );
  // The flags fill only what neither the properties nor the config give.
  const flagged = JSON.parse(
    runCli(['check', 'elsewhere.docx', 'vendor/a/bare.docx', '--document', '調達仕様書', '--format', 'json'], dir)
      .stdout,
  );
  assert.deepEqual(
    flagged.files.map((f: { path: string; document: string }) => [f.path, f.document]),
    [
      ['elsewhere.docx', 'procurement-spec'],
      ['vendor/a/bare.docx', 'contract'],
    ],
  );
});
