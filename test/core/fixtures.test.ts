import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { ROOT } from '../support/catalog';
import { check, summary } from '../support/drafts';
import { CATEGORY_IDS } from '../support/fixtures';

// Realistic drafts written by the team (test/fixtures/drafts), each with its answer key
// (`*.expected.yaml`, written by the draft's author) and its exact diagnostics
// (`expected-diagnostics.json`, reviewed; refresh with UPDATE_SNAPSHOTS=1 after a deliberate change).
const DIR = path.join(ROOT, 'test/fixtures/drafts');
const SNAPSHOT = path.join(DIR, 'expected-diagnostics.json');

// Where itaku deliberately reads a draft differently from its author's answer key.
const KNOWN_DIFFERENCES: Record<string, string> = {
  // A clause heading left with only the template's (略) / drafting instruction counts as the
  // clause being there; the leftover is reported as unresolved-placeholder instead.
  '14-kakei-shukei-fuzokusho.md compliance-check': 'present',
  '14-kakei-shukei-fuzokusho.md confirmation-delegation': 'present',
};

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();
const snapshot: Record<string, string[]> = existsSync(SNAPSHOT) ? JSON.parse(readFileSync(SNAPSHOT, 'utf8')) : {};
const updated: Record<string, string[]> = {};

test('there are at least 15 realistic drafts covering both document types and every category', () => {
  assert.ok(files.length >= 15);
  const keys = files.map((f) => YAML.parse(readFileSync(path.join(DIR, f.replace(/\.md$/, '.expected.yaml')), 'utf8')));
  assert.deepEqual(new Set(keys.map((k) => k.document)), new Set(['procurement-spec', 'contract']));
  const categories = new Set(keys.flatMap((k) => k.categories ?? []));
  for (const c of CATEGORY_IDS) assert.ok(categories.has(c), c);
});

for (const file of files) {
  test(`fixture ${file}: clause statuses match its answer key; diagnostics are exactly the reviewed ones`, () => {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const key = YAML.parse(readFileSync(path.join(DIR, file.replace(/\.md$/, '.expected.yaml')), 'utf8'));
    const a = check(text);
    const actual = Object.fromEntries(
      a.result.clauses.map((c) => [c.id, c.status === 'missing' ? 'absent' : c.status]),
    );
    if (a.result.clauses.length) {
      for (const [id, expected] of Object.entries(key.clauses as Record<string, string>)) {
        const want = KNOWN_DIFFERENCES[`${file} ${id}`] ?? expected;
        const required = a.result.clauses.find((c) => c.id === id)?.requirement;
        // Presence matters for every applicable clause; for not-applicable ones only the required view is judged.
        if (required === 'not-applicable') continue;
        assert.equal(actual[id], want, `${id}`);
      }
    } else {
      assert.ok(
        key['front-matter-error'] || key['unknown-categories'],
        'only broken front matter may leave clauses unjudged',
      );
    }
    const diagnostics = summary(a);
    updated[file] = diagnostics;
    if (!process.env.UPDATE_SNAPSHOTS) assert.deepEqual(diagnostics, snapshot[file]);
  });
}

test('snapshot file lists exactly the fixture drafts', () => {
  if (process.env.UPDATE_SNAPSHOTS) writeFileSync(SNAPSHOT, JSON.stringify(updated, null, 1) + '\n');
  else assert.deepEqual(Object.keys(snapshot).sort(), files);
});
