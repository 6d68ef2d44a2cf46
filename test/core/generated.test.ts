import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, ROOT } from '../../scripts/generate';

test('files generated from the catalog are up to date (run `npm run generate`)', () => {
  for (const [file, expected] of Object.entries(generatedFiles())) {
    assert.equal(readFileSync(path.join(ROOT, file), 'utf8'), expected, `${file} is stale: run npm run generate`);
  }
});
