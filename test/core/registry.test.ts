import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES, RULES } from '../../server/src/core';
import { ROOT } from '../support/catalog';

// The rule registry: one rule per file, all of them registered, one code each.

const DIR = path.join(ROOT, 'server/src/core/rules');

test('every rule file is registered once, and the code list is the registry', async () => {
  const files = readdirSync(DIR).filter((f) =>
    /^export default defineRule/m.test(readFileSync(path.join(DIR, f), 'utf8')),
  );
  assert.equal(files.length, RULES.length);
  for (const file of files) {
    const rule = (await import(path.join(DIR, file))).default;
    assert.ok(RULES.includes(rule), `${file} is in RULES`);
  }
  assert.deepEqual(
    RULES.map((r) => r.code),
    [...DIAGNOSTIC_CODES],
  );
  assert.equal(new Set(DIAGNOSTIC_CODES).size, DIAGNOSTIC_CODES.length, 'codes are unique');
  assert.ok(DIAGNOSTIC_CODES.includes('invalid-catalog'));
});

test('every rule says what it means, in both languages, and fixes only with an edit policy or insertions', () => {
  for (const rule of RULES) {
    assert.ok(rule.title.ja && rule.title.en && rule.title.ja !== rule.title.en, rule.code);
    assert.ok(rule.docs.summary.length > 20 && rule.docs.ja.length > 20 && rule.docs.en.length > 20, rule.code);
  }
  // The rules whose fixes replace text say so; those with none only insert.
  assert.deepEqual(
    RULES.filter((r) => 'replaces' in r && r.replaces).map((r) => [r.code, 'replaces' in r ? r.replaces : '']),
    [
      ['ambiguous-category', 'finding'],
      ['missing-category', 'finding'],
      ['unknown-category', 'finding'],
      ['unknown-document-type', 'finding'],
      ['unknown-key', 'finding'],
      ['unresolved-placeholder', 'finding'],
      ['unresolved-variant', 'marker-line'],
    ],
  );
});
