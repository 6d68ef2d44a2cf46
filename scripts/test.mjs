// Runs the whole test suite with Node's test runner: unit, CLI, protocol (and, when present,
// real-editor) tests. Files are found here because Node 20's --test does not expand globs.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// --fuzz: the property tests only, on a fresh seed and ten times the cases (see test/support/propertySeed.ts).
const fuzz = process.argv.includes('--fuzz');
const only = process.argv.slice(2).filter((a) => a !== '--fuzz');
const PROPERTY_TESTS = [
  'test/core/robustness',
  'test/core/incremental',
  'test/core/parse',
  'test/lsp/codeActionSafety',
];
const env = { ...process.env };
if (fuzz) {
  env.ITAKU_PROPERTY_SCALE ??= '10';
  if (!only.length) only.push(...PROPERTY_TESTS);
} else {
  // A fixed seed: the suite's verdict on a commit is the same on every run and machine.
  env.ITAKU_PROPERTY_SEED ??= '20261204';
}

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'fixtures' && name !== 'support') out.push(...find(full));
    } else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const files = find(path.join(root, 'test')).filter((f) => !only.length || only.some((o) => f.includes(o)));
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files.map((f) => path.relative(root, f))],
  { cwd: root, stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
