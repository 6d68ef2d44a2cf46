import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CODES } from '../../server/src/core/findings';
import { ruleDocUri } from '../../server/src/io/ruleDocs';
import { ruleDocs, rulePage, ROOT } from '../../scripts/generate';

test('one documentation page per diagnostic code, generated from docs/rules.yaml, and no page for a code that does not exist', () => {
  const docs = ruleDocs();
  assert.deepEqual(Object.keys(docs).sort(), [...DIAGNOSTIC_CODES].sort());
  assert.deepEqual(readdirSync(path.join(ROOT, 'docs/rules')).sort(), DIAGNOSTIC_CODES.map((c) => `${c}.md`).sort());
  for (const code of DIAGNOSTIC_CODES) {
    const page = readFileSync(fileURLToPath(ruleDocUri(code)), 'utf8');
    assert.equal(page, rulePage(code, docs[code]));
    for (const part of ['## 日本語', '## English', `"itaku.severity": { "${code}": "off" }`])
      assert.ok(page.includes(part), `${code}: ${part}`);
    // Not a draft: opening a page never gets itaku findings of its own.
    assert.ok(!page.startsWith('---'), code);
  }
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const code of DIAGNOSTIC_CODES)
    assert.ok(readme.includes(`| <a id="${code}"></a>[\`${code}\`](docs/rules/${code}.md) |`), code);
});

test('the pages ship: .vscodeignore keeps docs/rules, and each code link points at an existing page', () => {
  assert.match(readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!docs\/rules\/\*\*$/m);
  for (const code of DIAGNOSTIC_CODES) assert.ok(existsSync(fileURLToPath(ruleDocUri(code))), code);
});
