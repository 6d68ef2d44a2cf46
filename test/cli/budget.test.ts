import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, workspace } from '../support/cli';
import { lines, STORAGE_CONTRACT_WARNS, STORAGE_SPEC_COMPLETE } from '../support/fixtures';
import { HOSTILE as HOSTILE_INPUTS } from '../support/hostile';

interface JsonReport {
  files: Array<{
    path: string;
    diagnostics: Array<{ code: string; message: string; range: { start: { line: number } } }>;
  }>;
}

// One-letter setext headings without blank lines: micromark parses them in super-quadratic time
// (28 KB takes over 10 s on this machine; see the README's upstream limits). It stays under the
// 32 KB parse window, so only a time budget can bound it.
const SETEXT_RUN = 'a\n-\n'.repeat(7 * 1024);
const HOSTILE = lines('---', 'document: 調達仕様書', 'category: [保存]', '---', '', '# 仕様書', '', SETEXT_RUN);

const drafts = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `d${String(i).padStart(3, '0')}.md`,
      i % 2 ? STORAGE_CONTRACT_WARNS : STORAGE_SPEC_COMPLETE,
    ]),
  );

test('a file over the time budget is read as plain text, says so once, and the files queued behind it are still checked', () => {
  // --jobs 1: one worker holds the hostile file and the drafts after it; it is stopped and replaced.
  const dir = workspace({ ...drafts(6), 'd002-hostile.md': HOSTILE });
  const run = (budget: string) =>
    runCli(['check', '--jobs', '1', '--time-budget', budget, '--format', 'json', '--locale', 'en'], dir);
  const limited = run('1');
  assert.equal(limited.status, 1, limited.stderr);
  const report = JSON.parse(limited.stdout) as JsonReport;
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['d000.md', 'd001.md', 'd002-hostile.md', 'd002.md', 'd003.md', 'd004.md', 'd005.md'],
  );
  const hostile = report.files[2].diagnostics.filter((d) => d.code === 'analysis-limited');
  assert.deepEqual(
    hostile.map((d) => [d.range.start.line, d.message]),
    [
      [
        5,
        'Analysing this draft took longer than the time limit (1 s), so it was stopped and everything after the front matter was checked as plain text: clause phrases and placeholders are found, headings and lists are not. Raise the limit with --time-budget to try the normal analysis again; separating long paragraphs and deep nesting with blank lines makes it faster.',
      ],
    ],
  );
  // Every other draft gets exactly what a run over it alone, without any budget, gives.
  const alone = runCli(
    ['check', '--time-budget', '0', '--format', 'json', '--locale', 'en', ...Object.keys(drafts(6))],
    dir,
  );
  const others = report.files.filter((f) => f.path !== 'd002-hostile.md');
  assert.deepEqual(others, (JSON.parse(alone.stdout) as JsonReport).files);
});

test('the budgeted pool, the unbudgeted parallel run and one thread give the same report, in the files\u2019 order', () => {
  const dir = workspace(drafts(80));
  const outputs = [
    ['--time-budget', '0', '--jobs', '1'],
    ['--time-budget', '0', '--jobs', '2'],
    ['--jobs', '1'],
    ['--jobs', '3'],
  ].map((flags) => {
    const r = runCli(['check', '--format', 'json', ...flags], dir);
    assert.equal(r.status, 1, r.stderr);
    return r.stdout;
  });
  assert.equal((JSON.parse(outputs[0]) as JsonReport).files.length, 80);
  for (const out of outputs.slice(1)) assert.equal(out, outputs[0]);
});

test('--time-budget takes a whole number of seconds', () => {
  const r = runCli(['check', '--time-budget', '1.5', '--locale', 'en']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^itaku: --time-budget/);
});

test('--fix computes its edits under the budget: a file over it is left unchanged and named, the others are fixed', () => {
  const dir = workspace({ 'a.md': STORAGE_CONTRACT_WARNS, 'b-hostile.md': HOSTILE, 'c.md': STORAGE_CONTRACT_WARNS });
  const unbudgeted = workspace({ 'a.md': STORAGE_CONTRACT_WARNS });
  runCli(['check', '--fix', '--time-budget', '0', '--locale', 'en'], unbudgeted);
  const fixedText = readFileSync(path.join(unbudgeted, 'a.md'), 'utf8');
  assert.notEqual(fixedText, STORAGE_CONTRACT_WARNS);
  const r = runCli(['check', '--fix', '--jobs', '1', '--time-budget', '1', '--locale', 'en', '--format', 'json'], dir);
  assert.equal(
    r.stderr,
    'itaku: computing the fix of b-hostile.md took longer than the time limit (1 s); not fixed (--time-budget raises the limit).\n' +
      'itaku: inserted 2 clause(s) in 2 file(s).\n',
  );
  assert.equal(readFileSync(path.join(dir, 'b-hostile.md'), 'utf8'), HOSTILE);
  assert.equal(readFileSync(path.join(dir, 'a.md'), 'utf8'), fixedText);
  assert.equal(readFileSync(path.join(dir, 'c.md'), 'utf8'), fixedText);
});

// 2.5 million characters of short sections (5.6 MB, under the 10 MB file limit): its analysis keeps
// far more than 64 MB live, so a worker limited to 64 MB of heap (ITAKU_WORKER_HEAP_MB, a test
// knob; workers have Node's default otherwise) runs out of memory on it, whatever the machine.
const HUGE = HOSTILE_INPUTS.find((h) => h.name === 'large-draft')!.make(2_500_000);
const SMALL_HEAP = { ITAKU_WORKER_HEAP_MB: '64' };

test('a file whose worker runs out of memory is read as plain text, says so once, and the other files are still checked', () => {
  const dir = workspace({ ...drafts(3), 'd001-huge.md': HUGE });
  const r = runCli(['check', '--jobs', '1', '--format', 'json', '--locale', 'en'], dir, SMALL_HEAP);
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['d000.md', 'd001-huge.md', 'd001.md', 'd002.md'],
  );
  assert.deepEqual(
    report.files[1].diagnostics
      .filter((d) => d.code === 'analysis-limited')
      .map((d) => [d.range.start.line, d.message]),
    [
      [
        6,
        'Analysing this draft needed more memory than its analysis may use, so it was stopped and everything after the front matter was checked as plain text: clause phrases and placeholders are found, headings and lists are not. Split the draft into several files to have it checked normally.',
      ],
    ],
  );
  // The drafts queued behind it in the stopped worker get what a run over them alone gives.
  const alone = runCli(['check', '--format', 'json', '--locale', 'en', ...Object.keys(drafts(3))], dir);
  assert.deepEqual(
    report.files.filter((f) => f.path !== 'd001-huge.md'),
    (JSON.parse(alone.stdout) as JsonReport).files,
  );
});

test('--fix: a file whose worker runs out of memory is left unchanged and named, the others are fixed', () => {
  const dir = workspace({ 'a.md': STORAGE_CONTRACT_WARNS, 'b-huge.md': HUGE, 'c.md': STORAGE_CONTRACT_WARNS });
  const r = runCli(['check', '--fix', '--jobs', '1', '--locale', 'en', '--format', 'json'], dir, SMALL_HEAP);
  assert.equal(
    r.stderr,
    'itaku: computing the fix of b-huge.md needed more memory than its analysis may use; not fixed (splitting the draft into several files needs less memory).\n' +
      'itaku: inserted 2 clause(s) in 2 file(s).\n',
  );
  assert.equal(readFileSync(path.join(dir, 'b-huge.md'), 'utf8'), HUGE);
  assert.notEqual(readFileSync(path.join(dir, 'a.md'), 'utf8'), STORAGE_CONTRACT_WARNS);
});
