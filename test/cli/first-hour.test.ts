import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/catalog';
import { runCli } from '../support/cli';

test('an unclosed front matter: the draft is listed with one error and the CLI exits 1', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-cli-'));
  writeFileSync(
    path.join(dir, 'draft.md'),
    ['---', 'document: 調達仕様書', 'category: 構築', '', '# 件名', '', '本文。', ''].join('\n'),
  );
  const r = runCli(['check', 'draft.md'], dir);
  assert.equal(r.status, 1);
  assert.equal(
    r.stdout,
    [
      'draft.md  ? · ?',
      '  1:1  エラー  front matter が閉じられていません: 最初の `---` に対応する終わりの `---` の行がないため、草案を判定できません。YAML の最後の行の次に `---` だけの行を入れてください。  frontmatter-yaml',
      '',
      '✖ 1 件の草案を確認: 指摘 1 件（エラー 1、警告 0、情報 0）',
      '',
    ].join('\n'),
  );
  const json = JSON.parse(runCli(['check', 'draft.md', '--format', 'json'], dir).stdout);
  assert.deepEqual(
    json.files.map((f: { path: string; diagnostics: Array<{ code: string }> }) => [
      f.path,
      f.diagnostics.map((d) => d.code),
    ]),
    [['draft.md', ['frontmatter-yaml']]],
  );
  assert.deepEqual(json.skipped, []);
});

test("the README's sample output is exactly what the CLI prints", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const sample = /```text\n\$ npx itaku check (\S+)\n([\s\S]*?)```/.exec(readme);
  assert.ok(sample, 'README has a sample run');
  const r = runCli(['check', sample[1]]);
  assert.equal(r.stdout, sample[2]);
});
