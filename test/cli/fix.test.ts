import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyInsertions, fixFile, unifiedDiff, writeAtomically } from '../../server/src/cli/fix';
import { fixAllInsertions } from '../../server/src/core';
import { catalog, ROOT } from '../support/catalog';
import { runCli } from '../support/cli';
import { keepsAllCharacters } from '../support/drafts';

/** A copy of the shipped example drafts, to fix in place. */
function examples(): { dir: string; before: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-fix-'));
  // examples/ministry (an overlay and .itaku.yaml) has its own tests (test/cli/config.test.ts).
  const ministry = path.join(ROOT, 'examples', 'ministry');
  cpSync(path.join(ROOT, 'examples'), dir, { recursive: true, filter: (src) => !src.startsWith(ministry) });
  const before = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
  return { dir, before };
}

const read = (dir: string, files: string[]) =>
  Object.fromEntries(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

test('itaku check --fix on the example drafts: no missing-clause left, every original character kept, a second run changes nothing', () => {
  const { dir, before } = examples();
  const files = Object.keys(before);
  // The summary counts the clauses inserted (several at one place are several), not the places.
  const missing = (
    JSON.parse(runCli(['check', '.', '--format', 'json'], dir).stdout) as {
      files: Array<{ diagnostics: Array<{ code: string }> }>;
    }
  ).files.map((f) => f.diagnostics.filter((d) => d.code === 'missing-clause').length);
  const first = runCli(['check', '.', '--fix', '--format', 'json'], dir);
  assert.match(
    first.stderr,
    new RegExp(
      `${missing.filter((n) => n > 0).length} 件のファイルに ${missing.reduce((a, b) => a + b, 0)} 件の条項を挿入しました`,
    ),
  );
  const report = JSON.parse(first.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string }> }> };
  assert.ok(report.files.length >= 5);
  assert.deepEqual(
    report.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'missing-clause').map(() => f.path)),
    [],
  );
  const after = read(dir, files);
  let changed = 0;
  for (const f of files) {
    assert.ok(keepsAllCharacters(before[f], after[f]), `${f} keeps every original character`);
    if (after[f] !== before[f]) changed++;
    // The same edits as the server's fix-all.
    assert.equal(
      after[f],
      applyInsertions(before[f], fixAllInsertions(before[f], { catalog: catalog(), locale: 'ja' })),
      f,
    );
  }
  assert.ok(changed >= 3, `${changed} files changed`);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
    'no temporary file left',
  );
  const second = runCli(['check', '.', '--fix', '--format', 'json', '--locale', 'en'], dir);
  assert.match(second.stderr, /inserted 0 clause\(s\) in 0 file\(s\)/);
  assert.deepEqual(read(dir, files), after);
});

test('--fix-dry-run prints a unified diff and changes nothing; without a flag nothing changes', () => {
  const { dir, before } = examples();
  const files = Object.keys(before);
  const plain = runCli(['check', '.'], dir);
  assert.equal(plain.status, 1);
  assert.deepEqual(read(dir, files), before);
  const dry = runCli(['check', '.', '--fix-dry-run'], dir);
  assert.equal(dry.status, 0, dry.stderr);
  assert.deepEqual(read(dir, files), before);
  const expected = files
    .map((f) =>
      unifiedDiff(
        f,
        before[f],
        applyInsertions(before[f], fixAllInsertions(before[f], { catalog: catalog(), locale: 'ja' })),
      ),
    )
    .join('');
  assert.ok(expected.length > 0);
  assert.equal(dry.stdout, expected);
  assert.match(
    dry.stdout,
    /^--- a\/contract-build-options\.md\n\+\+\+ b\/contract-build-options\.md\n@@ -\d+,\d+ \+\d+,\d+ @@\n/,
  );
  assert.match(dry.stderr, /--fix-dry-run: 変更していません/);
});

test('a file that changes after it was read is left alone; CRLF and BOM are kept', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-fix-'));
  const file = path.join(dir, 'draft.md');
  const text =
    '\ufeff---\r\ndocument: 契約書\r\ncategory: storage-transport\r\n---\r\n\r\n乙は、本業務に関して知り得た秘密を漏らしてはならない。\r\n';
  writeFileSync(file, text);
  const dry = fixFile(file, 'draft.md', catalog(), 'ja', 1 << 20, true);
  assert.equal(dry.status, 'fixed');
  assert.equal(readFileSync(file, 'utf8'), text);
  const done = fixFile(file, 'draft.md', catalog(), 'ja', 1 << 20, false);
  assert.equal(done.status, 'fixed');
  const fixed = readFileSync(file, 'utf8');
  assert.ok(fixed.startsWith('\ufeff---\r\n') && keepsAllCharacters(text, fixed));
  assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, 'only CRLF line breaks');
  assert.equal(fixFile(file, 'draft.md', catalog(), 'ja', 1 << 20, false).status, 'unchanged');
  // Someone saved the file after itaku read it: nothing is written, no temporary file is left.
  const stale = Buffer.from(text);
  assert.equal(writeAtomically(file, stale, 'lost'), false);
  assert.equal(readFileSync(file, 'utf8'), fixed);
  assert.deepEqual(readdirSync(dir), ['draft.md']);
  assert.equal(writeAtomically(file, readFileSync(file), fixed + 'x'), true);
  assert.equal(readFileSync(file, 'utf8'), fixed + 'x');
  assert.deepEqual(readdirSync(dir), ['draft.md']);
});

test('unified diff: hunks with three lines of context; a missing final line break is marked', () => {
  const a = Array.from({ length: 12 }, (_, i) => `l${i}`).join('\n');
  const b = applyInsertions(a, [
    { offset: a.indexOf('l2'), text: 'new\n' },
    { offset: a.length, text: '\nend' },
  ]);
  assert.equal(
    unifiedDiff('x.md', a, b),
    [
      '--- a/x.md',
      '+++ b/x.md',
      '@@ -1,5 +1,6 @@',
      ' l0',
      ' l1',
      '+new',
      ' l2',
      ' l3',
      ' l4',
      '@@ -9,4 +10,5 @@',
      ' l8',
      ' l9',
      ' l10',
      '-l11',
      '\\ No newline at end of file',
      '+l11',
      '+end',
      '\\ No newline at end of file',
      '',
    ].join('\n'),
  );
  assert.equal(unifiedDiff('x.md', a, a), '');
});

test('--fix-dry-run counts clauses, not the places they go: several clauses inserted at one place are several', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-fix-count-'));
  writeFileSync(
    path.join(dir, 'contract.md'),
    '---\ndocument: 契約書\ncategory: [maintenance]\n---\n# 保守業務委託契約書\n\n## 第1条（目的）\n\n乙は、甲の庁舎に設置された機器の保守業務を行う。\n',
  );
  const check = JSON.parse(runCli(['check', 'contract.md', '--format', 'json'], dir).stdout) as {
    files: Array<{ diagnostics: Array<{ code: string }> }>;
  };
  const missing = check.files[0].diagnostics.filter((d) => d.code === 'missing-clause').length;
  assert.ok(missing >= 5, `${missing} missing`);
  const text = readFileSync(path.join(dir, 'contract.md'), 'utf8');
  const places = fixAllInsertions(text, { catalog: catalog(), locale: 'ja' }).length;
  assert.ok(places < missing, `${places} places for ${missing} clauses`);
  const dry = runCli(['check', 'contract.md', '--fix-dry-run', '--locale', 'en'], dir);
  assert.match(dry.stderr, new RegExp(`${missing} clause\\(s\\) can be inserted in 1 file\\(s\\)`));
});
