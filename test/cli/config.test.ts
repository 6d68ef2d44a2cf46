import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CATALOG_PATH, ROOT } from '../support/catalog';
import { runCli, workspace } from '../support/cli';

// .itaku.yaml and catalog overlays in the CLI (the server reads them the same way: test/lsp/config.test.ts).

interface Report {
  files: Array<{
    path: string;
    clauses: Array<{ id: string; requirement: string; status: string; basis: string }>;
    diagnostics: Array<{ code: string; severity: string; message: string; clause?: string }>;
  }>;
  skipped: Array<{ path: string; reason: string; error: boolean }>;
}
const json = (stdout: string) => JSON.parse(stdout) as Report;
const EXAMPLE = path.join(ROOT, 'examples/ministry');
const example = () => {
  const dir = workspace({});
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
};
const DRAFT = '---\ndocument: 契約書\ncategory: storage-transport\n---\n\n乙は、知り得た秘密を漏らしてはならない。\n';

test('the example: the overlay makes audit required for build and finds it by its added phrase; --no-config does not', () => {
  const withConfig = runCli(['check', 'examples/ministry', '--format', 'json']);
  assert.equal(withConfig.status, 1, withConfig.stderr);
  const report = json(withConfig.stdout);
  // archive/** is ignored: a folder walk leaves it out silently.
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['examples/ministry/spec-build-portal.md'],
  );
  assert.deepEqual(report.skipped, []);
  const audit = report.files[0].clauses.find((c) => c.id === 'audit');
  assert.deepEqual(
    [audit?.requirement, audit?.status, audit?.basis],
    ['required', 'present', '架空省情報セキュリティ規程第12条'],
  );
  const without = json(runCli(['check', 'examples/ministry', '--format', 'json', '--no-config']).stdout);
  assert.deepEqual(
    without.files.map((f) => f.path),
    ['examples/ministry/archive/old-draft.md', 'examples/ministry/spec-build-portal.md'],
  );
  const plain = without.files[1].clauses.find((c) => c.id === 'audit');
  assert.deepEqual([plain?.requirement, plain?.status], ['optional', 'missing']);
  // The organization set once in .itaku.yaml fills 〔 省 〕 (the fix says with what).
  assert.deepEqual(
    [report.files[0], without.files[1]].map(
      (f) => f.diagnostics.find((d) => d.code === 'unresolved-placeholder')?.message,
    ),
    [
      '未記入のプレースホルダ「〔 省 〕」（府省庁名）が残っています。クイックフィックスで「架空省」に置き換えられます。',
      '未記入のプレースホルダ「〔 省 〕」（府省庁名）が残っています。実際の値を記入してください。',
    ],
  );
  // Named on the command line, an ignored file is listed as such (not an error).
  const named = runCli(['check', 'examples/ministry/archive/old-draft.md', '--format', 'json']);
  assert.equal(named.status, 1);
  assert.deepEqual(json(named.stdout).skipped, [
    { path: 'examples/ministry/archive/old-draft.md', reason: 'ignored', error: false },
  ]);
});

test('the example: without the audit sentence, --fix inserts the ministry wording with the organization from .itaku.yaml', () => {
  const dir = example();
  const file = path.join(dir, 'spec-build-portal.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      '### (3) 点検への協力\n\n受注者は、当省が年1回実施する情報セキュリティ点検を受け入れること。\n',
      '',
    ),
  );
  const block = [
    '+### (7) 情報セキュリティ監査の実施',
    '+',
    '+受注者は、架空省が年1回以上実施する情報セキュリティ点検を受け入れ、点検の結果に基づき架空省が求める改善の措置を講じること。',
  ].join('\n');
  const dry = runCli(['check', 'spec-build-portal.md', '--fix-dry-run'], dir);
  assert.equal(dry.status, 0, dry.stderr);
  assert.ok(dry.stdout.includes(`\n${block}\n`), dry.stdout);
  assert.ok(
    dry.stdout.includes(
      '+  - 受注者に提供し、又は受注者によるアクセスを認める架空省の情報の外部への漏えい及び目的外利用\n',
    ),
  );
  const plain = runCli(['check', 'spec-build-portal.md', '--fix-dry-run', '--no-config'], dir);
  assert.ok(!plain.stdout.includes('情報セキュリティ監査の実施'), plain.stdout);
  assert.ok(
    plain.stdout.includes(
      '+  - 受注者に提供し、又は受注者によるアクセスを認める〔 省 〕の情報の外部への漏えい及び目的外利用\n',
    ),
  );
  const missing = json(
    runCli(['check', 'spec-build-portal.md', '--format', 'json'], dir).stdout,
  ).files[0].diagnostics.find((d) => d.clause === 'audit');
  assert.equal(
    missing?.message,
    '必須条項「情報セキュリティ監査の実施」（表1(8)）が見つかりません。業務分類「情報システムの構築等」で必須です（根拠: 架空省情報セキュリティ規程第12条）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。',
  );
});

test('a broken overlay or .itaku.yaml: exit 2 with file:line:column for each problem', () => {
  const dir = workspace({
    '.itaku.yaml': 'catalog: ./bad.itaku-catalog.yaml\n',
    'bad.itaku-catalog.yaml': 'extends: nisc-2011\nid: bad\ntitle: 壊れた省\nclauses:\n  audti:\n    title: 監査\n',
    'a.md': DRAFT,
  });
  const bad = runCli(['check', '.', '--locale', 'en'], dir);
  assert.equal(bad.status, 2);
  assert.equal(
    bad.stderr,
    'itaku: the catalog bad.itaku-catalog.yaml is invalid:\nbad.itaku-catalog.yaml:5:3: unknown clause "audti" (new clauses go under addClauses).\n',
  );
  writeFileSync(path.join(dir, 'bad.itaku-catalog.yaml'), 'extends: ./base.yaml\nid: bad\ntitle: 壊れた省\n');
  writeFileSync(path.join(dir, 'base.yaml'), 'extends: ./bad.itaku-catalog.yaml\nid: base\ntitle: 基\n');
  const cycle = runCli(['check', '.', '--locale', 'en'], dir);
  assert.equal(cycle.status, 2);
  const abs = (f: string) => path.join(dir, f);
  assert.equal(
    cycle.stderr,
    [
      'itaku: the catalog bad.itaku-catalog.yaml is invalid:',
      'bad.itaku-catalog.yaml:1:10: the base catalog "./base.yaml" has 1 problem(s).',
      `base.yaml:1:10: extends forms a cycle: ${abs('bad.itaku-catalog.yaml')} → ${abs('base.yaml')} → ${abs('bad.itaku-catalog.yaml')}.`,
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'bad.itaku-catalog.yaml'), 'extends: ./nothing.yaml\nid: bad\ntitle: 壊れた省\n');
  const missingBase = runCli(['check', '.', '--locale', 'en'], dir);
  assert.equal(missingBase.status, 2);
  assert.equal(
    missingBase.stderr,
    `itaku: the catalog bad.itaku-catalog.yaml is invalid:\nbad.itaku-catalog.yaml:1:10: the base catalog "./nothing.yaml" cannot be read: ${abs('nothing.yaml')}: file not found.\n`,
  );
  writeFileSync(path.join(dir, '.itaku.yaml'), 'catalog: ./bad.itaku-catalog.yaml\nlocale: fr\nignore: [x]\n');
  const config = runCli(['check', '.'], dir);
  assert.equal(config.status, 2);
  assert.equal(
    config.stderr,
    'itaku: 設定ファイル .itaku.yaml が不正です:\n.itaku.yaml:3:1: (root): 不明なキー「ignore」です。\n.itaku.yaml:2:9: locale: 値は "ja", "en" のいずれかです。\n',
  );
});

test('discovery and precedence: the nearest .itaku.yaml wins, --catalog and --locale win over it; severity and locale apply', () => {
  const dir = workspace({
    '.itaku.yaml': 'locale: en\nseverity:\n  missing-clause: error\n',
    'a.md': DRAFT,
    'sub/.itaku.yaml': 'defaults:\n  parties: { 甲: 架空省 }\n',
    'sub/b.md': DRAFT,
    'sub/deeper/c.md': DRAFT,
  });
  const r = json(runCli(['check', '.', '--format', 'json'], dir).stdout);
  assert.deepEqual(
    r.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.severity} ${d.message.slice(0, 15)}`)]),
    [
      ['a.md', ['error Required clause']],
      // The nearest file has no locale or severity: the command line's default (ja) and the finding's own.
      ['sub/b.md', ['warning 必須条項「再委託に関する事項」']],
      ['sub/deeper/c.md', ['warning 必須条項「再委託に関する事項」']],
    ],
  );
  const ja = json(runCli(['check', 'a.md', '--format', 'json', '--locale', 'ja'], dir).stdout);
  assert.equal(ja.files[0].diagnostics[0].message.slice(0, 15), '必須条項「再委託に関する事項」');
  assert.equal(ja.files[0].diagnostics[0].severity, 'error');
  // --catalog names the catalog even where .itaku.yaml names another.
  writeFileSync(
    path.join(dir, 'strict.itaku-catalog.yaml'),
    'extends: nisc-2011\nid: strict\ntitle: 厳格\nclauses:\n  audit:\n    requirements:\n      contract:\n        cells:\n          storage-transport: { status: R, basis: 規程第1条 }\n',
  );
  writeFileSync(path.join(dir, '.itaku.yaml'), 'catalog: ./strict.itaku-catalog.yaml\n');
  const strict = json(runCli(['check', 'a.md', '--format', 'json'], dir).stdout);
  assert.deepEqual(
    strict.files[0].diagnostics.map((d) => d.clause),
    ['audit', 'subcontracting'],
  );
  const explicit = json(runCli(['check', 'a.md', '--format', 'json', '--catalog', CATALOG_PATH], dir).stdout);
  assert.deepEqual(
    explicit.files[0].diagnostics.map((d) => d.clause),
    ['subcontracting'],
  );
});
