import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, runCli, workspace } from '../support/cli';
import { STORAGE_CONTRACT_WARNS, STORAGE_SPEC_COMPLETE } from '../support/fixtures';

const workspaceFor = (files: Record<string, string | Buffer>) => workspace(files, 'itaku-safety-');

// Issue 10 (terminal injection, files that hang or fill memory, a closed pipe) and issue 11 (a CI
// gate must never pass having checked nothing; usage errors; SARIF).

const CLEAN = STORAGE_SPEC_COMPLETE;
const WARNS = STORAGE_CONTRACT_WARNS;
const EVIL = [
  '---',
  'document: 契約書',
  'category: "\\e]0;PWNED\\a\\e[2J\\e[1;31mALL CHECKS PASSED\\n::error file=README.md,line=1::forged"',
  '---',
  '',
  '本文。',
  '',
].join('\n');

test('stylish output escapes control characters and line breaks from the draft; no colour when stdout is not a TTY', () => {
  const dir = workspaceFor({ 'evil.md': EVIL });
  const r = runCli(['check', 'evil.md'], dir, { NO_COLOR: '' });
  assert.equal(r.status, 1);
  assert.doesNotMatch(
    r.stdout,
    // eslint-disable-next-line no-control-regex -- the assertion is about control characters
    /[\u0000-\u0009\u000b-\u001f\u007f]/,
    'no control character but the line feeds of the report',
  );
  assert.ok(
    r.stdout.split('\n').every((line) => !/^\s*::/.test(line)),
    'no line reads as a workflow command',
  );
  assert.match(
    r.stdout,
    /不明な業務分類「\\u001b\]0;PWNED\\u0007\\u001b\[2J\\u001b\[1;31mALL CHECKS PASSED\\n::error file=README\.md」/,
  );
});

test('a file name that would be a workflow command is escaped too', () => {
  const dir = workspaceFor({ '::error file=x::y.md': WARNS });
  const r = runCli(['check', '.'], dir);
  assert.ok(
    r.stdout.split('\n').every((line) => !/^\s*::/.test(line)),
    r.stdout,
  );
});

test('unreadable and undecodable drafts and folders are errors listed by name (exit 1); a symlink loop is listed as skipped', () => {
  const dir = workspaceFor({
    'ok.md': CLEAN,
    'sjis.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67]),
    'locked/d.md': CLEAN,
    'sub/e.md': CLEAN,
  });
  symlinkSync('..', path.join(dir, 'sub', 'up'));
  symlinkSync('nowhere.md', path.join(dir, 'broken.md'));
  execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
  symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
  chmodSync(path.join(dir, 'locked'), 0o000);
  const rootUser = process.getuid?.() === 0;
  try {
    const r = runCli(['check', '.', '--format', 'json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(
      json.files.map((f: { path: string }) => f.path),
      rootUser ? ['locked/d.md', 'ok.md', 'sub/e.md'] : ['ok.md', 'sub/e.md'],
    );
    assert.deepEqual(json.skipped, [
      { path: 'broken.md', reason: 'broken-symlink', error: true },
      { path: 'fifo.md', reason: 'not-a-file', error: true },
      ...(rootUser ? [] : [{ path: 'locked', reason: 'unreadable-folder', error: true }]),
      { path: 'sub/up', reason: 'symlink-loop', error: false },
      { path: 'zero.md', reason: 'not-a-file', error: true },
      { path: 'sjis.md', reason: 'not-utf8', error: true },
    ]);
    const stylish = runCli(['check', '.'], dir);
    assert.match(
      stylish.stdout,
      /確認できなかったファイル \d 件（エラー）:\n    broken\.md: リンク先のないシンボリックリンクです\n    fifo\.md: 通常のファイルではありません/,
    );
    assert.match(stylish.stdout, /    sjis\.md: UTF-8 ではありません/);
    assert.match(stylish.stdout, /対象外 1 件:\n    sub\/up: シンボリックリンクが循環しています/);
  } finally {
    chmodSync(path.join(dir, 'locked'), 0o755);
  }
});

test('a FIFO or /dev/zero named on the command line is refused at once, not read', () => {
  const dir = workspaceFor({});
  execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
  const r = runCli(['check', 'pipe.md', '/dev/zero', '--locale', 'en'], dir);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /pipe\.md: not a regular file/);
  assert.match(r.stdout, /\/dev\/zero: not a regular file/);
  symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
  symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
  assert.equal(
    runCli(['check', '.', '--catalog', 'loop-a.yaml', '--locale', 'en'], dir).stderr,
    'itaku: cannot read the catalog loop-a.yaml: a symbolic link loop.\n',
  );
  const catalog = runCli(['check', '.', '--catalog', 'pipe.md'], dir);
  assert.equal(catalog.status, 2);
  assert.equal(
    catalog.stderr,
    'itaku: カタログ pipe.md を読めません: 通常のファイルではありません（フォルダ・デバイス・FIFO などは読みません）。\n',
  );
});

test('a .itaku.yaml that is /dev/zero, a FIFO or a folder is said to be unreadable (exit 2), not passed over', () => {
  const dir = workspaceFor({ 'a/a.md': WARNS, 'b/b.md': WARNS, 'c/c.md': WARNS, '.itaku.yaml': 'locale: en\n' });
  symlinkSync('/dev/zero', path.join(dir, 'a/.itaku.yaml'));
  execFileSync('mkfifo', [path.join(dir, 'b/.itaku.yaml')]);
  execFileSync('mkdir', [path.join(dir, 'c/.itaku.yaml')]);
  const r = runCli(['check', 'a', 'b', 'c'], dir);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  const why = '通常のファイルではありません（フォルダ・デバイス・FIFO などは読みません）';
  assert.equal(
    r.stderr,
    ['a', 'b', 'c'].map((d) => `itaku: 設定ファイル ${d}/.itaku.yaml を読めません: ${why}。\n`).join(''),
  );
  assert.equal(
    runCli(['check', 'a/a.md', '--locale', 'en'], dir).stderr,
    'itaku: cannot read the configuration a/.itaku.yaml: not a regular file (folders, devices and FIFOs are not read).\n',
  );
});

test('a .itaku.yaml over 1 MB is refused before it is parsed (exit 2), not read for seconds', () => {
  // 20,000 overrides: about 1.2 MB, which took over a second to parse before the schema refused the
  // list (8 MB about 10 s). The longest configuration the schema allows is a few hundred KB.
  const overrides = Array.from({ length: 20_000 }, (_, i) => `  - files: ["a${i}/**/*.md"]\n    category: [構築]\n`);
  const big = `overrides:\n${overrides.join('')}`;
  assert.ok(Buffer.byteLength(big) > 1024 * 1024);
  const dir = workspaceFor({ 'w.md': WARNS, '.itaku.yaml': big });
  const r = runCli(['check', 'w.md', '--locale', 'en'], dir);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'itaku: cannot read the configuration .itaku.yaml: too large (the limit is 1048576 bytes).\n');
});

test('no draft checked (an empty or wrong folder): a warning and exit 1', () => {
  const dir = workspaceFor({ 'empty/.keep': '', 'notes/n.md': '# メモ\n' });
  for (const folder of ['empty', 'notes']) {
    const r = runCli(['check', folder], dir);
    assert.equal(r.status, 1, folder);
    assert.match(r.stdout, /確認した草案がありません。/);
    assert.equal(r.stderr, 'itaku: 確認した草案がありません（パスと front matter の document を確かめてください）。\n');
  }
  const en = runCli(['check', 'notes', '--locale', 'en', '--format', 'json'], dir);
  assert.deepEqual(JSON.parse(en.stdout).skipped, [{ path: 'notes/n.md', reason: 'not-a-draft', error: false }]);
});

test('--max-warnings N and --quiet behave like eslint', () => {
  const dir = workspaceFor({ 'w.md': WARNS });
  assert.equal(runCli(['check', 'w.md', '--max-warnings', '2'], dir).status, 0);
  const over = runCli(['check', 'w.md', '--max-warnings', '1'], dir);
  assert.equal(over.status, 1);
  assert.equal(over.stderr, 'itaku: 警告が多すぎます（2 件、上限 1 件）。\n');
  const quiet = runCli(['check', 'w.md', '--quiet'], dir);
  assert.equal(quiet.status, 0);
  assert.doesNotMatch(quiet.stdout, /missing-clause|unresolved-placeholder/);
  assert.equal(runCli(['check', 'w.md', '--quiet', '--max-warnings', '0'], dir).status, 1);
});

test('usage errors: one language per --locale, "did you mean", no raw Node or ENOENT text', () => {
  const ja = runCli(['check', '--formt', 'json']);
  assert.equal(ja.status, 2);
  assert.equal(
    ja.stderr,
    'itaku: 不明なオプション「--formt」です。「--format」のことですか？\n（itaku --help で使い方を表示します）\n',
  );
  const en = runCli(['check', '--max-warning', '3', '--locale', 'en']);
  assert.equal(
    en.stderr,
    'itaku: unknown option "--max-warning"; did you mean "--max-warnings"?\n(itaku --help shows the usage)\n',
  );
  assert.equal(
    runCli(['check', '--jobs', '--locale=en']).stderr,
    'itaku: --jobs needs a value\n(itaku --help shows the usage)\n',
  );
  assert.equal(
    runCli(['check', '--format', 'xml', '--locale', 'en']).stderr,
    'itaku: --format must be stylish, json or sarif (got "xml")\n(itaku --help shows the usage)\n',
  );
  assert.equal(
    runCli(['check', '--max-warnings', '-1']).stderr,
    'itaku: --max-warnings には0 以上の整数を指定してください（指定: "-1"）。\n（itaku --help で使い方を表示します）\n',
  );
  const missing = runCli(['check', '--catalog', 'no-such.yaml', '--locale', 'en']);
  assert.equal(missing.stderr, 'itaku: cannot read the catalog no-such.yaml: file not found.\n');
  for (const r of [ja, en, missing]) assert.doesNotMatch(r.stderr, /ENOENT|ERR_PARSE_ARGS|at .*\.js:\d+/);
});

test('SARIF: percent-encoded URIs relative to a base, never ../; CR line ends; skipped files as notifications; rule descriptions and help', () => {
  const dir = workspaceFor({
    'in dir/a #1%.md': WARNS,
    'cr.md': WARNS.replace(/\n/g, '\r'),
    'bin.md': Buffer.from([0x2d, 0x00]),
  });
  const outside = workspaceFor({ 'o.md': WARNS });
  const r = runCli(['check', '.', path.join(outside, 'o.md'), '--format', 'sarif', '--locale', 'en'], dir);
  const run = JSON.parse(r.stdout).runs[0];
  const uris = run.results.map(
    (x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }) =>
      x.locations[0].physicalLocation.artifactLocation,
  );
  assert.deepEqual(
    [...new Set(uris.map((u: { uri: string; uriBaseId: string }) => `${u.uriBaseId} ${u.uri}`))],
    [
      '%SRCROOT% cr.md',
      '%SRCROOT% in%20dir/a%20%231%25.md',
      `ROOT ${outside.slice(1).split('/').map(encodeURIComponent).join('/')}/o.md`,
    ],
  );
  assert.ok(uris.every((u: { uri: string }) => !u.uri.includes('../')));
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
  assert.deepEqual(run.newlineSequences, ['\r\n', '\n', '\r']);
  assert.deepEqual(
    run.invocations[0].toolExecutionNotifications.map(
      (n: {
        level: string;
        message: { text: string };
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
      }) => [n.level, n.message.text, n.locations[0].physicalLocation.artifactLocation.uri],
    ),
    [['error', 'bin.md: a binary file (save it as UTF-8 text)', 'bin.md']],
  );
  const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'missing-clause');
  assert.match(rule.fullDescription.text, /^A clause that the NISC template requires/);
  assert.match(rule.helpUri, /^file:\/\/.*\/docs\/rules\/missing-clause\.md$/);
  // The CR-only file's positions count lone CRs as line ends.
  const cr = run.results.find(
    (x: {
      ruleId: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
    }) => x.ruleId === 'unresolved-placeholder' && x.locations[0].physicalLocation.artifactLocation.uri === 'cr.md',
  );
  assert.equal(cr.locations[0].physicalLocation.region.startLine, 7);
});

test('a closed pipe (| head -c 10) ends the run quietly: no EPIPE stack trace', async () => {
  const dir = workspaceFor(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`d${i}.md`, WARNS])));
  const child = spawn(process.execPath, [CLI, 'check', '.', '--format', 'json'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(stderr, '');
  assert.equal(code, 1);
});
