import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, workspace } from '../support/cli';
import { STORAGE_CONTRACT_WARNS, STORAGE_SPEC_COMPLETE } from '../support/fixtures';

const COMPLETE_STORAGE = STORAGE_SPEC_COMPLETE;
const MISSING = STORAGE_CONTRACT_WARNS;

test('exit 0 for clean drafts, 1 for warnings; non-drafts are skipped; folders are searched recursively', () => {
  const dir = workspace({
    'a/clean.md': COMPLETE_STORAGE,
    'notes.md': '# メモ\n\n〔 省 〕\n',
    'b/c/draft.md': MISSING,
    'ignore.txt': MISSING,
  });
  const clean = runCli(['check', 'a'], dir);
  assert.equal(clean.status, 0, clean.stderr);
  const all = runCli(['check'], dir);
  assert.equal(all.status, 1);
  assert.equal(
    all.stdout,
    [
      'a/clean.md  調達仕様書 · 情報の保存・運搬 · 必須条項 2/2',
      '  ✓ 指摘はありません',
      '',
      'b/c/draft.md  契約書 · 情報の保存・運搬 · 必須条項 1/2',
      '  3:11  警告  必須条項「再委託に関する事項」（表3(13)）が見つかりません。業務分類「情報の保存・運搬」で必須です（根拠: 表3(13); 第Ⅰ部7.5）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。  missing-clause',
      '  7:9   警告  未記入のプレースホルダ「〔 省 〕」（府省庁名）が残っています。実際の値を記入してください。  unresolved-placeholder',
      '',
      '⚠ 2 件の草案を確認: 指摘 2 件（エラー 0、警告 2、情報 0）',
      '  対象外 1 件:',
      '    notes.md: 草案ではありません（front matter に document がありません）',
      '',
    ].join('\n'),
  );
});

test('--format json keeps the public shape (version 1)', () => {
  const dir = workspace({ 'spec.md': MISSING.replace('報告書の提出先は〔 省 〕とする。', '') });
  const r = runCli(['check', '.', '--format', 'json'], dir);
  assert.equal(r.status, 1);
  const json = JSON.parse(r.stdout);
  assert.equal(json.version, 1);
  assert.equal(json.files.length, 1);
  const f = json.files[0];
  assert.equal(f.path, 'spec.md');
  assert.equal(f.document, 'contract');
  assert.deepEqual(f.categories, ['storage-transport']);
  assert.deepEqual(f.options, {});
  assert.deepEqual(
    f.clauses.map((c: { id: string; requirement: string; status: string }) => [c.id, c.requirement, c.status]),
    [
      ['security-structure', 'service-included', 'missing'],
      ['confidentiality', 'required', 'present'],
      ['security-functions', 'not-applicable', 'missing'],
      ['st-evaluation', 'not-applicable', 'missing'],
      ['operational-security', 'not-applicable', 'missing'],
      ['vulnerability', 'not-applicable', 'missing'],
      ['other-assets', 'not-applicable', 'missing'],
      ['service-level', 'not-applicable', 'missing'],
      ['incident-response', 'service-included', 'missing'],
      ['compliance-check', 'not-applicable', 'missing'],
      ['audit', 'optional', 'missing'],
      ['remediation', 'service-included', 'missing'],
      ['confirmation-delegation', 'not-applicable', 'missing'],
      ['subcontracting', 'required', 'missing'],
      ['cloud-terms', 'not-applicable', 'missing'],
    ],
  );
  assert.deepEqual(f.clauses[1].range, { start: { line: 5, character: 0 }, end: { line: 5, character: 27 } });
  assert.deepEqual(f.diagnostics, [
    {
      code: 'missing-clause',
      clause: 'subcontracting',
      severity: 'warning',
      message:
        '必須条項「再委託に関する事項」（表3(13)）が見つかりません。業務分類「情報の保存・運搬」で必須です（根拠: 表3(13); 第Ⅰ部7.5）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。',
      range: { start: { line: 2, character: 10 }, end: { line: 2, character: 27 } },
      data: { clause: 'subcontracting' },
    },
  ]);
});

test('--format sarif and --locale en', () => {
  const dir = workspace({ 'x.md': MISSING });
  const r = runCli(['check', 'x.md', '--format', 'sarif', '--locale', 'en'], dir);
  assert.equal(r.status, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'itaku');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.deepEqual(
    run.results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]),
    [
      ['missing-clause', 'warning'],
      ['unresolved-placeholder', 'warning'],
    ],
  );
  assert.deepEqual(run.results[1].locations[0].physicalLocation, {
    artifactLocation: { uri: 'x.md', uriBaseId: '%SRCROOT%' },
    region: { startLine: 7, startColumn: 9, endLine: 7, endColumn: 14 },
  });
  assert.match(run.results[0].message.text, /^Required clause "Re-delegation \(subcontracting\)"/);
});

test('an invalid custom catalog: exit 2 with file:line:col problems on stderr', () => {
  const dir = workspace({ 'bad.yaml': 'id: my-catalog\ntitle: x\nclauses: 3\n', 'd.md': MISSING });
  const r = runCli(['check', 'd.md', '--catalog', 'bad.yaml'], dir);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^itaku: カタログ bad\.yaml が不正です:\n/);
  assert.match(r.stderr, /bad\.yaml:1:1: \(root\): 必須のキー「title_en」がありません。/);
  assert.match(r.stderr, /bad\.yaml:3:10: clauses: 型が違います（リストが必要です）。/);
  const broken = workspace({ 'bad.yaml': 'id: [x\n', 'd.md': MISSING });
  const b = runCli(['check', 'd.md', '--catalog', 'bad.yaml', '--locale', 'en'], broken);
  assert.equal(b.status, 2);
  assert.match(b.stderr, /bad\.yaml:2:1: /);
});

test('usage errors exit 2; --help and --version exit 0', () => {
  assert.equal(runCli(['lint']).status, 2);
  assert.equal(runCli(['check', '--format', 'xml']).status, 2);
  assert.equal(runCli(['check', 'no/such/path.md']).status, 2);
  assert.equal(runCli(['--help']).status, 0);
  assert.match(runCli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
});

test('binary, non-UTF-8 and too-large files are reported and skipped; --exit-zero', () => {
  const big = MISSING + '本文。'.repeat(400);
  const dir = workspace({
    'bin.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
    'sjis.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67]),
    'big.md': big,
  });
  const r = runCli(['check', '.', '--format', 'json', '--max-file-size', '1000'], dir);
  assert.equal(r.status, 1);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.skipped, [
    { path: 'bin.md', reason: 'binary', error: true },
    { path: 'sjis.md', reason: 'not-utf8', error: true },
  ]);
  assert.deepEqual(
    json.files.map((f: { path: string; diagnostics: Array<{ code: string }> }) => [
      f.path,
      f.diagnostics.map((d) => d.code),
    ]),
    [['big.md', ['file-too-large']]],
  );
  assert.equal(runCli(['check', '.', '--exit-zero', '--max-file-size', '1000'], dir).status, 0);
});

test('a stray NUL in a UTF-8 draft is text, checked as the editor checks it; UTF-16 text is binary', () => {
  const at = MISSING.indexOf('\n\n', MISSING.indexOf('---', 3)) + 2;
  const dir = workspace({
    'clean.md': MISSING,
    'nul.md': `${MISSING.slice(0, at)}\u0000${MISSING.slice(at)}`,
    'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MISSING, 'utf16le')]),
    'utf16-no-bom.md': Buffer.from('---\ndocument: 契約書\n---\n\n本文。\n', 'utf16le'),
  });
  const json = JSON.parse(runCli(['check', '.', '--format', 'json'], dir).stdout);
  assert.deepEqual(json.skipped, [
    { path: 'utf16-no-bom.md', reason: 'binary', error: true },
    { path: 'utf16.md', reason: 'binary', error: true },
  ]);
  const codes = (name: string) =>
    json.files
      .find((f: { path: string }) => f.path === name)
      .diagnostics.map((d: { code: string; clause?: string }) => `${d.code} ${d.clause ?? ''}`);
  assert.ok(codes('clean.md').includes('missing-clause subcontracting'));
  assert.deepEqual(codes('nul.md'), codes('clean.md'));
});

test('--format json: every present clause carries its evidence, a range and the sentence that proves it', () => {
  const dir = workspace({ 'draft.md': MISSING });
  const r = runCli(['check', 'draft.md', '--format', 'json'], dir);
  const file = JSON.parse(r.stdout).files[0];
  const shown = file.clauses.filter((c: { id: string }) => c.id === 'confidentiality' || c.id === 'subcontracting');
  assert.deepEqual(
    shown.map((c: { id: string; status: string; evidence?: unknown }) => [c.id, c.status, c.evidence]),
    [
      [
        'confidentiality',
        'present',
        {
          range: { start: { line: 5, character: 0 }, end: { line: 5, character: 27 } },
          excerpt: '乙は、本業務に関して知り得た秘密を漏らしてはならない。',
        },
      ],
      ['subcontracting', 'missing', undefined],
    ],
  );
});
