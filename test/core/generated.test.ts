import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, ROOT } from '../../scripts/generate';
import { catalog } from '../support/catalog';

test('files generated from the catalog are up to date (run `npm run generate`)', () => {
  for (const [file, expected] of Object.entries(generatedFiles())) {
    assert.equal(readFileSync(path.join(ROOT, file), 'utf8'), expected, `${file} is stale: run npm run generate`);
  }
});

test('one snippet per wording entry, with unique prefixes and labels', () => {
  const { snippets } = JSON.parse(generatedFiles()['snippets/itaku.code-snippets'])
    ? { snippets: JSON.parse(generatedFiles()['snippets/itaku.code-snippets']) as Record<string, { prefix: string[] }> }
    : { snippets: {} };
  const cat = catalog();
  const entries = cat.def.clauses.reduce((n, c) => n + Object.values(c.wording).reduce((m, ws) => m + ws.length, 0), 0);
  const wording = Object.entries(snippets).filter(([, s]) => !s.prefix[0].startsWith('itaku-skeleton-'));
  assert.equal(wording.length, entries);
  const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
  assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
  const labels = Object.values(snippets).map((s) => s.prefix[1]);
  assert.equal(new Set(labels).size, labels.length, 'labels are unique');
});
